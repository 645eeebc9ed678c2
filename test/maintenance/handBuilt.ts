/**
 * Hand-built maintenance reports for the tests of the decision (cadence rule, trigger, cost, text):
 * runs whose ARI, check and PSI series are given by hand, so every expected value is known.
 */
import type { MaintenanceReport, ReportRun } from "../../src/maintenance/report.js";

/** A run evaluated weekly (days 7, 14, …) with the given ARI; the check equals the ARI, PSI 0. */
export function weeklyRun(
  origin: string,
  seed: number,
  ari: number[],
  series: Partial<Pick<ReportRun, "sampledAri" | "psi">> = {},
): ReportRun {
  return {
    origin,
    seed,
    days: ari.map((_, i) => 7 * (i + 1)),
    ari,
    sampledAri: series.sampledAri ?? [...ari],
    psi: series.psi ?? ari.map(() => 0),
  };
}

/** A report reduced to what the recommendation reads, around the given runs. */
export function handReport(runs: ReportRun[]): MaintenanceReport {
  const origins = [...new Set(runs.map((r) => r.origin))];
  const seeds = [...new Set(runs.map((r) => r.seed))];
  const crossings = runs
    .map((r) => r.days.find((_, i) => r.ari[i] < 0.8))
    .filter((d): d is number => d !== undefined)
    .sort((a, b) => a - b);
  return {
    options: {
      threshold: 0.8,
      origins,
      seeds,
      stepDays: 7,
      end: "2018-09-01T00:00:00.000Z",
      k: 5,
      nInit: 10,
      checkSampleSize: 20000,
      checkSeed: 0,
    },
    runs,
    retrain: {
      threshold: 0.8,
      medianDays: crossings.length
        ? (crossings[Math.floor((crossings.length - 1) / 2)] +
            crossings[Math.ceil((crossings.length - 1) / 2)]) /
          2
        : null,
      minDays: crossings.length ? crossings[0] : null,
      maxDays: crossings.length ? crossings[crossings.length - 1] : null,
      runs: runs.length,
      fell: crossings.length,
      neverBelow: runs.length - crossings.length,
      perRun: [],
    },
    noiseFloor: { mean: 0.99, min: 0.97 },
  } as unknown as MaintenanceReport;
}

/**
 * Three runs where the mean curve and the worst run disagree: at 4 weeks the worst run is at 0.81,
 * at 6 weeks at 0.78 while the mean is 0.84. Weekly ARI, days 7 … 56.
 */
export const THREE_RUNS: ReportRun[] = [
  weeklyRun("2018-01-01T00:00:00.000Z", 0, [0.97, 0.93, 0.88, 0.81, 0.79, 0.78, 0.74, 0.7]),
  weeklyRun("2018-02-01T00:00:00.000Z", 0, [0.98, 0.95, 0.92, 0.9, 0.88, 0.86, 0.82, 0.79]),
  weeklyRun("2018-03-01T00:00:00.000Z", 0, [0.99, 0.96, 0.93, 0.91, 0.9, 0.88, 0.85, 0.83]),
];
