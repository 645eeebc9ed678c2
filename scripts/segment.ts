/**
 * Fits the chosen segmentation (or applies a saved model) and writes the customer → segment
 * assignment, the model, its metrics and the cleaning report.
 *
 *   npm run segment -- [--data DIR] [--k N] [--seed N] [--out DIR] [--model FILE] [--as-of YYYY-MM-DD]
 *                      [--sampled-silhouette]
 *
 * --data: folder of the nine Olist files (default: the loader's choice);
 * Without --k and --model it fits what the selection rule picks on these files
 * (src/segments/selectionRule.ts, cached by the files' checksums) and writes selection.json;
 * --k, --seed: fit the fallback design (src/segments/chosen.ts) with this k (2 to 50) and seed;
 * --out: output folder (default reports/segments): customers.csv, model.json, metrics.json, cleaning.csv,
 *   selection.json (when the rule chose);
 * --model: assign segments with this saved model instead of fitting (what marketing reruns daily);
 * --as-of: customer table as of this date (default: after the latest purchase);
 * --sampled-silhouette: the median of 10 seeded 20,000-customer samples with its 95 % interval
 *   instead of the exact silhouette (faster on large tables; exact up to 20,000 customers).
 * metrics.json also holds the data files' SHA-256 and the retraining interval of the maintenance
 * study (the one of npm start, read from the cache when the same data were studied before).
 * Bad input (a flag, the data, the date, the model file, the output folder) exits with code 2 and
 * one line, before any work when it can be checked first.
 */
import path from "node:path";
import { openOlist } from "../src/pipeline/openData.js";
import { dataChecksums } from "../src/data/checksums.js";
import { logSelection, updateSelectionReport } from "../src/segments/selection.js";
import { sourceBannerText } from "../src/display/banner.js";
import { cleaningReport, writeCleaningReport } from "../src/features/cleaning.js";
import { parseAsOf } from "../src/features/index.js";
import { readModelFile } from "../src/segments/modelFile.js";
import { writeSegmentLists } from "../src/brief/actLists.js";
import { imputationCounts, writeImputation } from "../src/segments/imputation.js";
import { completeMetrics, writeSegmentation } from "../src/segments/index.js";
import { segmentCustomers } from "../src/pipeline/segmentRun.js";
import { metricsFileFields } from "../src/pipeline/metricsFields.js";
import type { BackgroundStudy } from "../src/pipeline/backgroundStudy.js";
import { startMaintenanceStudy } from "../src/pipeline/backgroundStudy.js";
import { cliFail, FLAG_LIMITS, integerFlag, parseFlags, runCommand } from "../src/util/cli.js";
import { checkOutputFolder } from "../src/util/outputPath.js";

const USAGE =
  "Usage: npm run segment -- [--data DIR] [--k N] [--seed N] [--out DIR] [--model FILE] [--as-of YYYY-MM-DD] [--sampled-silhouette]";

/**
 * `npm run segment` with its arguments; throws on bad input (see `runCommand`). `onStage` is told
 * when each stage starts (data, checksums, the segmentation's steps, cleaning report, maintenance
 * study, files), for a stage clock such as `bench/segmentStages.ts`; the command itself passes none.
 *
 * @example
 * await segmentCommand(["--data", "data/twin", "--out", "/tmp/segments"]);
 */
export async function segmentCommand(
  argv: string[],
  log: (line: string) => void = (line) => console.log(line),
  onStage: (stage: string) => void = () => {},
): Promise<void> {
  const args = parseFlags(
    "segment",
    USAGE,
    {
      data: { type: "string" },
      k: { type: "string" },
      seed: { type: "string" },
      out: { type: "string", default: "reports/segments" },
      model: { type: "string" },
      "as-of": { type: "string" },
      "sampled-silhouette": { type: "boolean", default: false },
    },
    argv,
  );
  const fail = (message: string): never => cliFail("segment", USAGE, message);
  const k = integerFlag("segment", USAGE, "k", args.k, 2, FLAG_LIMITS.k);
  const seed = integerFlag("segment", USAGE, "seed", args.seed, 0);
  if (args.model && (k !== undefined || seed !== undefined)) {
    fail("--model applies a saved model: --k and --seed are the model's own and cannot be given.");
  }
  let asOf: Date | undefined;
  if (args["as-of"] !== undefined) {
    try {
      asOf = parseAsOf(args["as-of"]);
    } catch (e) {
      fail((e as Error).message.replace(/^asOf/, "--as-of"));
    }
  }
  const out = checkOutputFolder("--out", args.out);
  const saved = args.model !== undefined ? readModelFile(args.model) : undefined;

  onStage("data (load nine files)");
  const { db, source } = await openOlist({ dataDir: args.data, log });
  let study: BackgroundStudy | undefined;
  try {
    const start = performance.now();
    onStage("checksums");
    const checksums = await dataChecksums(source);
    // The maintenance study starts as soon as the design is known and runs beside the fit and the
    // metrics (src/pipeline/backgroundStudy.ts); too little history leaves a note, as before.
    const s = await segmentCustomers(db, source, {
      onDesign: (design) =>
        (study = startMaintenanceStudy(db, source, {
          end: asOf,
          segmentation: design,
          checksums,
          asOfGiven: true,
          ranBeside: "the other stages of npm run segment",
          progress: "off",
        })),
      checksums,
      asOf,
      k,
      seed,
      model: saved,
      modelFile: args.model,
      exactSilhouette: !args["sampled-silhouette"],
      select: true, // used only without --k and --model
      onStep: onStage,
    });
    onStage("cleaning report");
    const cleaning = await cleaningReport(db);
    // The retraining recommendation of the one maintenance study (cached), as npm start writes it.
    onStage("maintenance study");
    const fields = await metricsFileFields(db, source, s.design, {
      checksums,
      end: asOf,
      started: study,
    });
    const { model } = s;
    const metrics = completeMetrics(s.metrics, fields);
    onStage("files");
    // The four files in one synchronous step: an interruption leaves all of them old or all new.
    const files = writeSegmentation(out, model, s.table, s.matrix, s.labels, metrics);
    const cleaningFile = writeCleaningReport(out, cleaning);
    const imputationFile = writeImputation(
      out,
      imputationCounts(s.table, model.toJSON().transform),
    );
    writeSegmentLists(out, s.table.ids, s.labels, model.names);
    const selectionFile = updateSelectionReport(out, s.selection);
    const seconds = (performance.now() - start) / 1000;
    if (source.synthetic) log(sourceBannerText(source));
    logSelection(s.selection, log);
    log(
      `${saved ? `Assigned with ${args.model}` : `Fitted k = ${model.k} (seed ${metrics.seed})`} on ` +
        `${metrics.customers.toLocaleString("en-US")} customers as of ${metrics.asOf.slice(0, 10)} in ${seconds.toFixed(1)} s`,
    );
    for (const size of metrics.sizes) {
      log(
        `  ${String(size.segment).padStart(2)}  ${size.name.padEnd(28)} ${String(size.customers).padStart(7)}  ${(100 * size.share).toFixed(1).padStart(5)} %`,
      );
    }
    log(
      `${metrics.silhouetteLabel}, Davies-Bouldin ` +
        `${metrics.daviesBouldin.toFixed(4)}, Calinski-Harabasz ${metrics.calinskiHarabasz.toFixed(1)}, inertia ${metrics.inertia.toFixed(1)}`,
    );
    log(
      fields.retrain
        ? `Retrain every ${fields.retrain.intervalWeeks} weeks (${fields.retrain.intervalDays} days; maintenance study${fields.cached ? ", cached" : ""})`
        : `Retraining interval not computed: ${fields.note}`,
    );
    log(
      `Wrote ${[
        files.customers,
        files.model,
        files.metrics,
        cleaningFile,
        imputationFile,
        selectionFile,
      ]
        .filter((f) => f !== undefined)
        .map((f) => path.relative(process.cwd(), f))
        .join(", ")}`,
    );
  } finally {
    await study?.settled; // never close the database under the running study
    db.close();
  }
}

runCommand("segment", () => segmentCommand(process.argv.slice(2)), import.meta.url);
