/**
 * From the simulation to a retraining interval marketing can plan with. The interval is the longest
 * usual cadence (1, 2, 4, 6, 8, 13 or 26 weeks) that ends before the mean ARI between the frozen
 * model and a refit first falls below the threshold. Why the mean curve and not the median of the
 * runs: the median run crosses later than a third of the runs; the mean curve is already below the
 * threshold when the typical run is, and the earliest run is covered by the monthly drift check
 * (see the maintenance notebook). Used by the maintenance notebook, `npm start` and the brief.
 */
import type { MaintenanceReport } from "./report.js";
import { maxOf } from "../util/arrayStats.js";

/** Cadences marketing calendars use, in weeks. */
export const CADENCE_WEEKS: readonly number[] = [1, 2, 4, 6, 8, 13, 26];

/** The recommended retraining interval and the figures behind it. */
export interface RetrainRecommendation {
  /** ARI threshold below which the segments are stale (0.8). */
  threshold: number;
  /** Recommended interval in weeks (one of {@link CADENCE_WEEKS}) and in days. */
  everyWeeks: number;
  everyDays: number;
  /** First horizon (days after training) at which the mean ARI is below the threshold; null: never. */
  meanBelowAfterDays: number | null;
  /** Last horizon before that (or the whole horizon when it never falls). */
  meanValidDays: number;
  /** Per run (origin × seed): median, earliest and latest days to fall below; null when none fell. */
  medianDays: number | null;
  minDays: number | null;
  maxDays: number | null;
  /** Runs in the simulation (origins × seeds). */
  runs: number;
  /** Mean seed-to-seed ARI of refits at the same date (how much is noise). */
  noiseFloor: number;
  /** True when the mean ARI never fell below the threshold within the data: the interval is a floor. */
  withinData: boolean;
  /** The simulation behind it, in words. */
  basis: string;
}

/**
 * The recommended retraining interval of a maintenance report.
 *
 * @example
 * const rec = recommendRetraining(maintenanceReport(result, source));
 * rec.everyWeeks; // e.g. 6: refit every six weeks
 */
export function recommendRetraining(report: MaintenanceReport): RetrainRecommendation {
  const { curve, options: o } = report;
  if (curve.length === 0) throw new Error("The maintenance report has no ARI curve.");
  const threshold = o.threshold;
  const below = curve.find((c) => c.mean < threshold);
  const horizon = curve[curve.length - 1].days;
  const valid = below
    ? Math.max(0, maxOf(curve.filter((c) => c.days < below.days).map((c) => c.days)))
    : horizon;
  const fitting = CADENCE_WEEKS.filter((w) => w * 7 <= valid);
  const everyWeeks = fitting.length > 0 ? fitting[fitting.length - 1] : CADENCE_WEEKS[0];
  const r = report.retrain;
  return {
    threshold,
    everyWeeks,
    everyDays: everyWeeks * 7,
    meanBelowAfterDays: below ? below.days : null,
    meanValidDays: valid,
    medianDays: r.medianDays,
    minDays: r.minDays,
    maxDays: r.maxDays,
    runs: r.runs,
    noiseFloor: report.noiseFloor.mean,
    withinData: below !== undefined,
    basis:
      `${o.origins.length} training dates × ${o.seeds.length} seeds, evaluated every ` +
      `${o.stepDays} days to ${o.end.slice(0, 10)} (k = ${o.k}, ${o.nInit} restarts per fit)`,
  };
}
