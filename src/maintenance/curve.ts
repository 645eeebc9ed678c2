/**
 * From the points of the simulation to its summaries: the ARI curve by horizon (days after the
 * origin) across origins and seeds, and the days until each run's ARI falls below a threshold.
 */
import type { CurvePoint, MaintenancePoint, RetrainDecision } from "./types.js";
import { mean, quantileSorted } from "../util/stats.js";

/** The points grouped by run (origin × seed), each run in increasing days. */
export function pointsByRun(points: readonly MaintenancePoint[]): MaintenancePoint[][] {
  const runs = new Map<string, MaintenancePoint[]>();
  for (const p of points) {
    const key = `${p.origin.toISOString()}|${p.seed}`;
    let run = runs.get(key);
    if (!run) runs.set(key, (run = []));
    run.push(p);
  }
  return [...runs.values()].map((run) => [...run].sort((a, b) => a.days - b.days));
}

/**
 * The ARI by horizon across runs: mean, median, extremes and 10–90 % band, mean on the customers
 * present at the origin and mean noise floor of the dates involved.
 *
 * @example
 * ariCurve(result.points, new Map(result.dates.map((d) => [d.date.getTime(), d.noise])));
 */
export function ariCurve(
  points: readonly MaintenancePoint[],
  noiseByDate: ReadonlyMap<number, number>,
): CurvePoint[] {
  const byDays = new Map<number, MaintenancePoint[]>();
  for (const p of points) {
    let at = byDays.get(p.days);
    if (!at) byDays.set(p.days, (at = []));
    at.push(p);
  }
  return [...byDays.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([days, ps]) => {
      const aris = ps.map((p) => p.ari).sort((a, b) => a - b);
      const stayers = ps.map((p) => p.ariStayers).filter((x) => !Number.isNaN(x));
      return {
        days,
        mean: mean(aris),
        median: quantileSorted(aris, 0.5),
        min: aris[0],
        max: aris[aris.length - 1],
        p10: quantileSorted(aris, 0.1),
        p90: quantileSorted(aris, 0.9),
        meanStayers: mean(stayers),
        noise: mean(ps.map((p) => noiseByDate.get(p.date.getTime()) ?? NaN)),
        runs: ps.length,
      };
    });
}

/**
 * Days until ARI first falls below `threshold`, per run, with a summary over the runs that fell.
 *
 * @example
 * retrainDecision(result.points, 0.8).median; // e.g. 63
 */
export function retrainDecision(
  points: readonly MaintenancePoint[],
  threshold: number,
): RetrainDecision {
  const perRun = pointsByRun(points).map((run) => {
    const first = run.find((p) => p.ari < threshold);
    return { origin: run[0].origin, seed: run[0].seed, days: first ? first.days : NaN };
  });
  const fell = perRun
    .map((r) => r.days)
    .filter((d) => !Number.isNaN(d))
    .sort((a, b) => a - b);
  return {
    threshold,
    perRun,
    median: quantileSorted(fell, 0.5),
    min: fell.length ? fell[0] : NaN,
    max: fell.length ? fell[fell.length - 1] : NaN,
    neverBelow: perRun.length - fell.length,
  };
}
