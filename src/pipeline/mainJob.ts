/**
 * The main job (`npm start`): from the data to the segments, the marketing brief, the rendered
 * notebooks and their figures, in one command. It runs the same steps as `npm run segment`
 * (`segmentCustomers`) and `npm run maintenance` (`runMaintenanceStudy`: the one maintenance
 * study, read from the cache when the data, design and method are unchanged), then the headless
 * notebook runner.
 *
 * Nothing is half-written: every file goes to a temporary name in its folder and is renamed when
 * complete, and the files of the pipeline are written only once everything they contain has been
 * computed (a failure in a step leaves the previous run's files as they were).
 */
import { writeSegmentLists } from "../brief/actLists.js";
import { imputationCounts, imputationSentence, writeImputation } from "../segments/imputation.js";
import { completeDataAsOf } from "../features/asOf.js";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { FileChecksum } from "../data/checksums.js";
import { dataChecksums } from "../data/checksums.js";
import { openOlist } from "./openData.js";
import { checkReadableDir } from "../data/locate.js";
import { sourceBannerText } from "../display/banner.js";
import type { CleaningRow } from "../features/cleaning.js";
import { cleaningReport, writeCleaningReport } from "../features/cleaning.js";
import type { RetrainRecommendation } from "../maintenance/recommend.js";
import { retrainSummary } from "../maintenance/recommend.js";
import { completeMetrics } from "../segments/metricsFile.js";
import type { MaintenanceStudy } from "../maintenance/study.js";
import { writeMaintenanceReport } from "../maintenance/study.js";
import type { SegmentModel } from "../segments/model.js";
import type { SegmentationMetrics } from "../segments/output.js";
import { writeSegmentation } from "../segments/output.js";
import { readModelFile } from "../segments/modelFile.js";
import { segmentCustomers } from "./segmentRun.js";
import type { SegmentationDesign } from "../segments/segmentationInUse.js";
import type { BackgroundStudy } from "./backgroundStudy.js";
import { startMaintenanceStudy } from "./backgroundStudy.js";
import { logSelection, updateSelectionReport } from "../segments/selection.js";
import { UsageError } from "../util/errors.js";
import { checkOutputFolder } from "../util/outputPath.js";
import { projectPath } from "../util/paths.js";
import type { ProgressMode } from "../util/progress.js";
import { briefInput, briefMaintenance, briefWorth, writeBrief } from "../brief/index.js";
import { closeRenderer, warmRenderer } from "../charts/render.js";
import { writeSlides } from "../slides/write.js";
import type { StageRecord } from "./stages.js";
import { StageClock } from "./stages.js";
import { runNotebooks } from "./notebookRun.js";
import type { SegmentWorth } from "./segmentWorth.js";
import { segmentWorth, withStability, worthColumns, writeSegmentWorth } from "./segmentWorth.js";

/** Options of {@link runMainJob}; the command-line flags of `npm start`. */
export interface MainJobOptions {
  /** Folder of the nine Olist files (default: `OLIST_DATA_DIR`, then `data/raw/`, then the twin). */
  data?: string;
  /** As-of date of the customer table, and last date of the maintenance simulation (default: the data's end). */
  asOf?: Date;
  /** Number of segments (default: the chosen segmentation's). */
  k?: number;
  /** Seed of the segment model (default: the chosen segmentation's). */
  seed?: number;
  /** Apply this saved `model.json` instead of fitting one. */
  modelFile?: string;
  /** Output folder (default `reports/`). */
  out?: string;
  /** Skip executing the notebooks and exporting their figures (default false). */
  skipNotebooks?: boolean;
  /** Worker threads (default one per core). */
  workers?: number;
  /** Notebooks run side by side (default 2). */
  notebookJobs?: number;
  /** Where progress lines go (default `console.log`). */
  log?: (line: string) => void;
  /** How progress bars are drawn (default `"auto"`). */
  progress?: ProgressMode;
}

/** What the main job did. */
export interface MainJobResult {
  source: { description: string; synthetic: boolean; dir: string };
  /** Files written, absolute paths. */
  files: string[];
  stages: StageRecord[];
  seconds: number;
  /** Peak resident memory of this process over the whole job, MB. */
  peakMb: number;
  /** Peak resident memory of a notebook kernel, MB (0 without notebooks). */
  kernelPeakMb: number;
  metrics: SegmentationMetrics & { retrain: RetrainRecommendation | null };
  /** The maintenance study (its recommendation states the interval), or null when skipped. */
  maintenance: Pick<MaintenanceStudy, "recommendation" | "cached"> | null;
  /** Notebooks that failed (names); the job fails when there is one. */
  failedNotebooks: string[];
}

/** Checks the options that name files and folders before any work; throws {@link UsageError}. */
export function checkMainJobInputs(options: MainJobOptions): { model?: SegmentModel } {
  checkOutputFolder("--out", options.out ?? projectPath("reports"));
  if (options.data !== undefined) {
    if (!existsSync(options.data)) {
      throw new UsageError(
        `--data ${options.data} does not exist; give the folder holding the nine Olist CSV files.`,
      );
    }
    if (!statSync(options.data).isDirectory()) {
      throw new UsageError(
        `--data ${options.data} is a file; give the folder holding the nine Olist CSV files.`,
      );
    }
    checkReadableDir(options.data); // "cannot read the data folder … (permission denied)"
  }
  const model = options.modelFile === undefined ? undefined : readModelFile(options.modelFile);
  if (!options.skipNotebooks) {
    if (!existsSync(projectPath(".jupyter", "kernels", "olist-tslab", "kernel.json"))) {
      throw new UsageError(
        "The notebook kernel is not set up; run `npm run setup` first, or pass --skip-notebooks.",
      );
    }
    if (!existsSync(projectPath("dist", "index.js"))) {
      throw new UsageError(
        "The toolbox is not built (dist/); run `npm run setup` first, or pass --skip-notebooks.",
      );
    }
  }
  return { model };
}

/**
 * Runs the main job.
 *
 * @example
 * const result = await runMainJob({ out: "reports", skipNotebooks: true });
 * result.metrics.retrain?.intervalWeeks; // e.g. 8
 */
export async function runMainJob(options: MainJobOptions = {}): Promise<MainJobResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const out = path.resolve(options.out ?? projectPath("reports"));
  const { model } = checkMainJobInputs(options);
  const clock = new StageClock((stage) => log(`• ${stage}`));
  let overallPeak = 0;
  try {
    // 1. Data: the loader says which data it uses (generating the twin on first use).
    clock.start("data");
    const { db, source } = await openOlist({ dataDir: options.data, log });
    warmRenderer(); // Chromium starts while the segments are computed (the brief needs it)
    let checksums: FileChecksum[];
    let segmentation: Awaited<ReturnType<typeof segmentCustomers>>;
    let maintenance: MaintenanceStudy | null = null;
    let cleaning: CleaningRow[];
    let worth: SegmentWorth;
    // 3. The maintenance study of the design fitted (cached by data, design and method): started
    // as soon as the design is known, it runs beside the segment stages (see backgroundStudy.ts).
    let study: BackgroundStudy | undefined;
    const beginStudy = (design: SegmentationDesign): BackgroundStudy =>
      (study = startMaintenanceStudy(db, source, {
        end: options.asOf,
        segmentation: design, // the design fitted below (segmentationInUse.ts)
        checksums,
        workers: options.workers,
        asOfGiven: options.asOf !== undefined,
        ranBeside: "the other stages of npm start",
        progress: options.progress,
      }));
    try {
      checksums = await dataChecksums(source);
      cleaning = await cleaningReport(db);
      if (options.asOf === undefined) log(`  ${(await completeDataAsOf(db)).reason}`);

      // 2. Customer table → segment model → assignments → metrics.
      segmentation = await segmentCustomers(db, source, {
        asOf: options.asOf,
        k: options.k,
        seed: options.seed,
        model,
        modelFile: options.modelFile,
        workers: options.workers,
        select: true, // no --k and no --model: fit what the selection rule picks on these files
        checksums,
        onDesign: beginStudy,
        onStep: (step) => clock.start(step === "metrics" ? "metrics (silhouette)" : step),
      });
      logSelection(segmentation.selection, log);

      // 2b. What each segment is worth: value, rule cards, stability, revenue concentration.
      worth = await segmentWorth(db, segmentation, { onStage: (stage) => clock.start(stage) });

      // 3. What is left of the maintenance study: this stage times the wait for it.
      clock.start("maintenance");
      const running = study ?? beginStudy(segmentation.design);
      running.showProgress();
      maintenance = await running.result();
      if (maintenance?.cached)
        log("  maintenance study read from the cache (same data, design and method)");
      // An early as-of date leaves too little history for the study: the segments are still valid.
      if (running.skipped) log(`  maintenance skipped: ${running.skipped}`);
    } finally {
      await study?.settled; // never close the database under the running study
      db.close();
    }

    const recommendation = maintenance?.recommendation ?? null;
    const imputation = imputationCounts(segmentation.table, segmentation.model.toJSON().transform);
    const metrics = completeMetrics(withStability(segmentation.metrics, worth), {
      checksums,
      retrain: recommendation && retrainSummary(recommendation),
    });

    // 4. Files: the brief first (the slowest to write), then the data files.
    mkdirSync(out, { recursive: true });
    clock.start("brief");
    const brief = await writeBrief(
      out,
      briefInput({
        metrics,
        marketing: segmentation.marketing,
        profiles: segmentation.profiles,
        maintenance: maintenance
          ? briefMaintenance(maintenance.report, maintenance.recommendation)
          : null,
        banner: source.synthetic ? sourceBannerText(source) : "",
        imputation: imputationSentence(imputation),
        worth: briefWorth(worth),
      }),
      { saveInput: true },
    );
    clock.start("files");
    const segmentFiles = writeSegmentation(
      out,
      segmentation.model,
      segmentation.table,
      segmentation.matrix,
      segmentation.labels,
      metrics,
      worthColumns(worth, segmentation.table.ids),
    );
    const files = [segmentFiles.customers, segmentFiles.model, segmentFiles.metrics];
    for (const file of Object.values(writeSegmentWorth(out, worth))) files.push(file);
    files.push(writeCleaningReport(out, cleaning));
    files.push(writeImputation(out, imputation));
    const lists = writeSegmentLists(
      out,
      segmentation.table.ids,
      segmentation.labels,
      segmentation.model.names,
    );
    for (const f of lists) files.push(f);
    if (maintenance) files.push(writeMaintenanceReport(out, maintenance));
    const selectionFile = updateSelectionReport(out, segmentation.selection);
    if (selectionFile) files.push(selectionFile);
    files.push(brief.html, brief.pdf);
    if (brief.input) files.push(brief.input);

    // 5. Notebooks and figures, on the same data.
    let kernelPeakMb = 0;
    let failedNotebooks: string[] = [];
    if (!options.skipNotebooks) {
      // Without notebooks the slides reuse the brief's browser (one Chromium launch, not two).
      await closeRenderer();
      clock.start("notebooks and figures");
      const run = await runNotebooks(out, source.dir, options);
      kernelPeakMb = run.kernelPeakMb;
      failedNotebooks = run.failed;
      for (const file of run.files) files.push(file);
      clock.end(kernelPeakMb);
    }

    // 6. The defence deck, last: it reads the result files written above.
    clock.start("slides");
    const slides = await writeSlides(out);
    files.push(slides.html, slides.pdf);
    overallPeak = Math.ceil(process.resourceUsage().maxRSS / 1024);
    await clock.close();
    return {
      source: { description: source.description, synthetic: source.synthetic, dir: source.dir },
      files,
      stages: clock.records,
      seconds: clock.elapsedSeconds,
      peakMb: overallPeak,
      kernelPeakMb,
      metrics,
      maintenance: maintenance && {
        recommendation: maintenance.recommendation,
        cached: maintenance.cached,
      },
      failedNotebooks,
    };
  } finally {
    await clock.close();
    await closeRenderer();
  }
}

export { stageTable } from "./stages.js";

/** The synthetic-data banner, or null for real data (used by the command's summary). */
export function syntheticNote(source: MainJobResult["source"]): string | null {
  return source.synthetic
    ? sourceBannerText(source as Parameters<typeof sourceBannerText>[0])
    : null;
}
