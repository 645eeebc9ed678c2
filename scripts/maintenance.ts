/**
 * Runs the default maintenance simulation of the chosen segmentation (src/segments/chosen.ts) and
 * writes DIR/maintenance.json (see src/maintenance/report.ts for its contents).
 *
 *   npm run maintenance -- [--data DIR] [--out DIR] [--workers N]
 *
 * --data: folder of the nine Olist files (default: the loader's choice, see src/data/locate.ts);
 * --out: output folder (default reports/maintenance);
 * --workers: worker threads for the refits (default one per core; 0 = sequential). Results do not
 *   depend on it.
 */
import { existsSync } from "node:fs";
import { openOlist } from "../src/data/load.js";
import { runMaintenance, writeMaintenanceReport } from "../src/maintenance/index.js";
import type {
  MaintenanceReport,
  ReportDecision,
  RetrainRecommendation,
} from "../src/maintenance/index.js";
import { cliFail, FLAG_LIMITS, integerFlag, parseFlags, runCommand } from "../src/util/cli.js";
import { checkOutputFolder } from "../src/util/outputPath.js";
import { progressBar } from "../src/util/progress.js";

const USAGE = "Usage: npm run maintenance -- [--data DIR] [--out DIR] [--workers N]";

const days = (x: number | null): string => (x === null ? "–" : `${Math.round(x)} d`);

/** Median [min–max] days of a decision, or "never" within the data. */
function decisionText(d: ReportDecision): string {
  if (d.fell === 0) return `never within the data (${d.runs} runs)`;
  const never = d.neverBelow ? `; ${d.neverBelow} of ${d.runs} runs never fell` : "";
  return `median ${days(d.medianDays)} (min ${days(d.minDays)}, max ${days(d.maxDays)}, ${d.fell} of ${d.runs} runs)${never}`;
}

function summary(
  report: MaintenanceReport,
  recommendation: RetrainRecommendation,
  file: string,
): string {
  const o = report.options;
  const last = report.curve[report.curve.length - 1];
  return [
    report.source.banner,
    `Simulation: ${o.origins.length} origins (${o.origins.map((d) => d.slice(0, 10)).join(", ")}) × ${o.seeds.length} seeds, ` +
      `${report.dates.length} dates every ${o.stepDays} days to ${o.end.slice(0, 10)}, k = ${o.k}, nInit ${o.nInit}, ` +
      `${o.workers} worker(s): ${report.seconds.toFixed(1)} s (tables ${report.tableSeconds.toFixed(1)} s).`,
    `ARI(M0, Mi) after ${last.days} days: mean ${last.mean.toFixed(3)} (p10 ${last.p10.toFixed(3)}, p90 ${last.p90.toFixed(3)}); ` +
      `noise floor (seed-to-seed ARI) mean ${report.noiseFloor.mean.toFixed(3)}, min ${report.noiseFloor.min.toFixed(3)}.`,
    `Retrain when ARI < ${report.retrain.threshold}: ${decisionText(report.retrain)}.`,
    `Sensitivity: ${report.sensitivity.map((d) => `${d.threshold}: ${decisionText(d)}`).join(" | ")}.`,
    `Recommended: retrain every ${recommendation.everyWeeks} weeks (${recommendation.everyDays} days).`,
    `Wrote ${file}`,
  ].join("\n");
}

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
    let bar: ReturnType<typeof progressBar> | undefined;
    const run = await runMaintenance(db, source, {
      workers,
      onProgress: (done, total, date) => {
        bar ??= progressBar({ label: "maintenance", total, unit: "dates" });
        bar.tick(done, date.toISOString().slice(0, 10));
      },
    });
    bar?.finish();
    const file = writeMaintenanceReport(outDir, run);
    log(summary(run.report, run.recommendation, file));
  } finally {
    db.close();
  }
}

runCommand("maintenance", () => maintenanceCommand(process.argv.slice(2)), import.meta.url);
