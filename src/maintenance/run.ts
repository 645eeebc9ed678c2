/**
 * The maintenance step shared by `npm run maintenance` and the main job (`npm start`): the
 * simulation of the chosen segmentation, its report and the recommended retraining interval.
 *
 * Two sizes of the same simulation (same origins, k and restarts; the time goes into one refit per
 * evaluation date and seed):
 * - `study` (5 seeds, weekly dates: `npm run maintenance` and the full maintenance study);
 * - `summary` (2 seeds, every 14 days: the main job): the decision barely depends on the seed (the
 *   seed-to-seed ARI, the noise floor, is ≈ 0.99 on the twin), two seeds still measure that noise
 *   floor, and the recommended cadences are whole numbers of weeks the two-week grid resolves
 *   (origins are 8 weeks apart, so every horizon is a multiple of 14 days). About 4× fewer refits
 *   than the study (measured on the full-scale twin: 28.7 s with 2 seeds weekly, see the README).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Database } from "../data/db.js";
import type { DataSource } from "../data/locate.js";
import { chosenSegmentation } from "../segments/chosen.js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import { UsageError } from "../util/errors.js";
import type { RetrainRecommendation } from "./cadence.js";
import { recommendRetraining } from "./cadence.js";
import type { MaintenanceReport } from "./report.js";
import { maintenanceReport } from "./report.js";
import { defaultMaintenanceEnd, defaultOrigins, simulateMaintenance } from "./simulate.js";

/** Seeds and evaluation step of each size of the simulation (see the module comment). */
export const MAINTENANCE_PRESETS = {
  study: { seeds: [0, 1, 2, 3, 4], stepDays: 7 },
  summary: { seeds: [0, 1], stepDays: 14 },
} as const satisfies Record<string, { seeds: readonly number[]; stepDays: number }>;

/** Options of {@link runMaintenance}. */
export interface RunMaintenanceOptions {
  /** Size of the simulation (default `"study"`). */
  preset?: keyof typeof MAINTENANCE_PRESETS;
  /** Last evaluation date (default: the day after the last delivered purchase; an earlier as-of date cuts the data there). */
  end?: Date;
  /** Worker threads of the refits (default one per core; 0 = calling thread). */
  workers?: number;
  /** Called after each evaluation date. */
  onProgress?: (done: number, total: number, date: Date) => void;
}

/** The report and the recommendation. */
export interface MaintenanceRun {
  report: MaintenanceReport;
  recommendation: RetrainRecommendation;
}

/**
 * Runs the maintenance simulation of the chosen segmentation.
 *
 * @example
 * const { report, recommendation } = await runMaintenance(db, source, { preset: "summary" });
 * recommendation.everyWeeks; // e.g. 6
 */
export async function runMaintenance(
  db: Database,
  source: Pick<DataSource, "description" | "synthetic">,
  options: RunMaintenanceOptions = {},
): Promise<MaintenanceRun> {
  const latest = await defaultMaintenanceEnd(db);
  const end = options.end && options.end.getTime() < latest.getTime() ? options.end : latest;
  let origins: Date[];
  try {
    origins = await defaultOrigins(db, end);
  } catch (e) {
    throw new UsageError(
      `The maintenance simulation needs 18 months of data (12 before the first training date and ` +
        `6 after): ${(e as Error).message} Choose a later --as-of, or skip it with npm run segment.`,
    );
  }
  const result = await simulateMaintenance(db, {
    // The chosen segmentation's features, transform, k and restarts (its seed is one of the seeds).
    ...chosenSegmentation(),
    ...MAINTENANCE_PRESETS[options.preset ?? "study"],
    origins,
    end,
    workers: options.workers,
    onProgress: options.onProgress,
  });
  const report = maintenanceReport(result, source);
  return { report, recommendation: recommendRetraining(report) };
}

/**
 * Writes `maintenance.json` (the report and, under `recommendation`, the retraining interval) into
 * `dir`, created if missing, atomically (temporary name, then rename); returns its path.
 *
 * @example
 * writeMaintenanceReport("reports/maintenance", await runMaintenance(db, source));
 */
export function writeMaintenanceReport(dir: string, run: MaintenanceRun): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "maintenance.json");
  const json = { ...run.report, recommendation: run.recommendation };
  writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}
