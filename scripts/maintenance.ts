/**
 * Runs the maintenance study of the segmentation this data uses (the selection rule's pick, cached by
 * the data files' checksums, or the fallback design with --k; src/segments/segmentationInUse.ts;
 * study design: MAINTENANCE_STUDY in
 * src/maintenance/policy.ts), or reads it from the cache, and writes DIR/maintenance.json: the
 * report (src/maintenance/report.ts) and its `recommendation` (src/maintenance/recommend.ts).
 *
 *   npm run maintenance -- [--data DIR] [--out DIR] [--workers N] [--k N] [--fresh]
 *
 * --data: folder of the nine Olist files (default: the loader's choice, see src/data/locate.ts);
 * --out: output folder (default reports/maintenance);
 * --workers: worker threads for the refits (default one per core; 0 = sequential). Results do not
 *   depend on it;
 * --k: study the fallback design (src/segments/chosen.ts) with N segments instead of the pick;
 * --fresh: recompute the study even when the cache holds it (and refresh the cache).
 */
import { existsSync } from "node:fs";
import { openOlist } from "../src/pipeline/openData.js";
import {
  runMaintenanceStudy,
  studySummaryLines,
  writeMaintenanceReport,
} from "../src/maintenance/index.js";
import { dataSegmentation, segmentationInUseText } from "../src/segments/segmentationInUse.js";
import { cliFail, FLAG_LIMITS, integerFlag, parseFlags, runCommand } from "../src/util/cli.js";
import { checkOutputFolder } from "../src/util/outputPath.js";
import { progressBar } from "../src/util/progress.js";

const USAGE =
  "Usage: npm run maintenance -- [--data DIR] [--out DIR] [--workers N] [--k N] [--fresh]";

/**
 * `npm run maintenance` with its arguments; throws on bad input (see `runCommand`).
 *
 * @example
 * await maintenanceCommand(["--data", "data/twin", "--out", "/tmp/maintenance"]);
 */
export async function maintenanceCommand(
  argv: string[],
  log: (line: string) => void = (line) => console.log(line),
): Promise<void> {
  const args = parseFlags(
    "maintenance",
    USAGE,
    {
      data: { type: "string" },
      out: { type: "string", default: "reports/maintenance" },
      workers: { type: "string" },
      k: { type: "string" },
      fresh: { type: "boolean", default: false },
    },
    argv,
  );
  const workers = integerFlag(
    "maintenance",
    USAGE,
    "workers",
    args.workers,
    0,
    FLAG_LIMITS.workers,
  );
  const k = integerFlag("maintenance", USAGE, "k", args.k, 2, FLAG_LIMITS.k);
  const outDir = checkOutputFolder("--out", args.out);
  if (args.data !== undefined && !existsSync(args.data)) {
    cliFail(
      "maintenance",
      USAGE,
      `--data "${args.data}" does not exist; give the folder holding the nine Olist CSV files.`,
    );
  }

  const { db, source } = await openOlist({ dataDir: args.data, log });
  try {
    // The segmentation this data uses: the selection rule's pick (cached), or --k.
    const inUse = await dataSegmentation(db, source, { k });
    log(`segmentation studied: ${segmentationInUseText(inUse)}`);
    let bar: ReturnType<typeof progressBar> | undefined;
    const study = await runMaintenanceStudy(db, source, {
      segmentation: inUse.design,
      workers,
      useCache: !args.fresh,
      onProgress: (done, total, date) => {
        bar ??= progressBar({ label: "maintenance", total, unit: "dates" });
        bar.tick(done, date.toISOString().slice(0, 10));
      },
    });
    bar?.finish();
    const file = writeMaintenanceReport(outDir, study);
    const lines = studySummaryLines(study.report, study.recommendation, study.cached);
    log([...lines, `Wrote ${file}`].join("\n"));
  } finally {
    db.close();
  }
}

runCommand("maintenance", () => maintenanceCommand(process.argv.slice(2)), import.meta.url);
