/**
 * Runs the maintenance study of the chosen segmentation (design: MAINTENANCE_STUDY in
 * src/maintenance/policy.ts), or reads it from the cache, and writes DIR/maintenance.json: the
 * report (src/maintenance/report.ts) and its `recommendation` (src/maintenance/recommend.ts).
 *
 *   npm run maintenance -- [--data DIR] [--out DIR] [--workers N] [--fresh]
 *
 * --data: folder of the nine Olist files (default: the loader's choice, see src/data/locate.ts);
 * --out: output folder (default reports/maintenance);
 * --workers: worker threads for the refits (default one per core; 0 = sequential). Results do not
 *   depend on it;
 * --fresh: recompute the study even when the cache holds it (and refresh the cache).
 */
import { existsSync, statSync } from "node:fs";
import { openOlist } from "../src/data/load.js";
import {
  runMaintenanceStudy,
  studySummaryLines,
  writeMaintenanceReport,
} from "../src/maintenance/index.js";
import { cliFail, integerFlag, parseFlags, runCommand } from "../src/util/cli.js";
import { progressBar } from "../src/util/progress.js";

const USAGE = "Usage: npm run maintenance -- [--data DIR] [--out DIR] [--workers N] [--fresh]";

async function main(): Promise<void> {
  const args = parseFlags("maintenance", USAGE, {
    data: { type: "string" },
    out: { type: "string", default: "reports/maintenance" },
    workers: { type: "string" },
    fresh: { type: "boolean", default: false },
  });
  const fail = (message: string): never => cliFail("maintenance", USAGE, message);
  const outDir = args.out ?? "reports/maintenance";
  if (outDir.trim() === "") fail("--out needs a folder.");
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    fail(`--out "${outDir}" is a file; give a folder (maintenance.json is written in it).`);
  const workers = integerFlag("maintenance", USAGE, "workers", args.workers, 0);
  if (args.data !== undefined && !existsSync(args.data))
    fail(`--data "${args.data}" does not exist.`);

  const { db, source } = await openOlist({ dataDir: args.data });
  try {
    let bar: ReturnType<typeof progressBar> | undefined;
    const study = await runMaintenanceStudy(db, source, {
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
    console.log([...lines, `Wrote ${file}`].join("\n"));
  } finally {
    db.close();
  }
}

runCommand("maintenance", main);
