/**
 * The takeaways of notebook 3, each rendered from the maintenance report it describes: the ARI
 * curve, the customers present at the origin and the noise floor, the feature drift, the centroid
 * shift and the migration. The decision's sentences are in text.ts, the tables in tables.ts.
 */
import { formatAri, formatDays, formatNumber } from "./format.js";
import { PSI_MAJOR } from "./policy.js";
import type { MaintenanceReport } from "./report.js";

const share = (x: number): string => `${(100 * x).toFixed(1)} %`;
const isoDay = (iso: string): string => iso.slice(0, 10);

/**
 * The mean ARI curve and the worst run.
 *
 * @example
 * curveTakeaway(report); // "The mean ARI falls below 0.8 77 days after training …"
 */
export function curveTakeaway(report: MaintenanceReport): string {
  const { curve, options: o } = report;
  if (curve.length === 0) throw new Error("The maintenance report has no ARI curve.");
  const last = curve[curve.length - 1];
  const firstBelow = curve.find((c) => c.mean < o.threshold);
  const worstBelow = curve.find((c) => c.min < o.threshold);
  const mean = firstBelow
    ? `The mean ARI over the runs falls below ${o.threshold} after ${formatDays(firstBelow.days)}`
    : `The mean ARI over the runs stays at or above ${o.threshold} for the whole ${formatDays(last.days)} observed`;
  const worst = worstBelow
    ? `; the worst run is below it from ${formatDays(worstBelow.days)}`
    : "; so does every run";
  return (
    `${mean}${worst}. After ${formatDays(last.days)} the mean is ${formatAri(last.mean)}: a model left ` +
    `alone drifts away from a fresh fit of today's customers.`
  );
}

/**
 * The ARI on the customers present at the origin and the noise floor, at the horizon where the
 * mean ARI first falls below the threshold (or at the last horizon).
 *
 * @example
 * stayersNoiseTakeaway(report); // "Refits with different seeds agree at ARI 0.990 on average …"
 */
export function stayersNoiseTakeaway(report: MaintenanceReport): string {
  const { curve, options: o, noiseFloor } = report;
  const at = curve.find((c) => c.mean < o.threshold) ?? curve[curve.length - 1];
  const stayers = at.meanStayers;
  const who =
    stayers === null
      ? "no customer of the origin is left to compare"
      : stayers < at.mean
        ? "existing customers changing segment drive the drift at least as much as newcomers"
        : "newcomers drive most of the drift";
  return (
    `Refits with different seeds agree at ARI ${noiseFloor.mean.toFixed(3)} on average (never below ` +
    `${noiseFloor.min.toFixed(3)}): the decline is real drift, not k-means noise. On customers already ` +
    `present at the origin the ARI is ${formatAri(stayers)} at ${formatDays(at.days)} (all customers: ` +
    `${formatAri(at.mean)}), so ${who}.`
  );
}

/** Days after each origin until the largest PSI of a model feature first exceeds `level` (null: never). */
export function psiAlarmDays(
  report: MaintenanceReport,
  level = PSI_MAJOR,
): { origin: string; days: number | null }[] {
  return report.options.origins.map((origin) => {
    const hit = report.drift.find(
      (d) => d.origin === origin && Object.values(d.psi).some((v) => v !== null && v > level),
    );
    return { origin, days: hit ? hit.days : null };
  });
}

/** The drift points of the first origin. */
export function firstOriginDrift(report: MaintenanceReport): MaintenanceReport["drift"] {
  const origin = report.options.origins[0];
  return report.drift.filter((d) => d.origin === origin);
}

/**
 * The feature that moved most since the first origin, and when the PSI first exceeded `level`.
 *
 * @example
 * driftTakeaway(report); // "The feature that moves most is recency_days (PSI 0.61 after 322 days) …"
 */
export function driftTakeaway(report: MaintenanceReport, level = PSI_MAJOR): string {
  const drift = firstOriginDrift(report);
  if (drift.length === 0) throw new Error("The maintenance report has no drift point.");
  const last = drift[drift.length - 1];
  const psi = (f: string) => last.psi[f] ?? -Infinity;
  const top = report.options.features.reduce((a, f) => (psi(f) > psi(a) ? f : a));
  const alarms = psiAlarmDays(report, level)
    .map((a) => (a.days === null ? "never" : formatDays(a.days)))
    .join(" / ");
  return (
    `The feature that moves most is ${top} (PSI ${formatAri(last.psi[top])} after ${formatDays(last.days)}). ` +
    `A PSI above ${level} on a model feature first appears after ${alarms} ` +
    `(training dates ${report.options.origins.map(isoDay).join(" / ")}).`
  );
}

/**
 * Which frozen segment's members moved most from their centroid, and the migrated share, at the
 * last date of the first origin.
 *
 * @example
 * centroidTakeaway(report, names); // "After 322 days the members of \"Dormant\" sit 1.2 standard deviations …"
 */
export function centroidTakeaway(report: MaintenanceReport, names: readonly string[]): string {
  const drift = firstOriginDrift(report);
  const last = drift[drift.length - 1];
  const shift = last.centroidShift.map((v) => v ?? -Infinity);
  const most = shift.reduce((a, v, s) => (v > shift[a] ? s : a), 0);
  const migrated = last.migratedShare === null ? "n/a" : share(last.migratedShare);
  return (
    `After ${formatDays(last.days)} the members of "${names[most] ?? `Segment ${most}`}" sit ` +
    `${formatNumber(shift[most], 2)} standard deviations from the centroid the frozen model gave them; ` +
    `${migrated} of the customers present at training changed segment under the frozen model.`
  );
}

/**
 * Where the customers of the first origin went under the frozen model.
 *
 * @example
 * migrationTakeaway(report, names); // "61.2 % of the 24,303 customers present at training …"
 */
export function migrationTakeaway(report: MaintenanceReport, names: readonly string[]): string {
  const m = report.migration.matrix;
  let stayed = 0;
  let total = 0;
  const inflow = m.map(() => 0);
  m.forEach((row, i) =>
    row.forEach((x, j) => {
      total += x;
      if (i === j) stayed += x;
      else inflow[j] += x;
    }),
  );
  if (total === 0) throw new Error("The migration matrix is empty.");
  const biggest = inflow.reduce((a, v, j) => (v > inflow[a] ? j : a), 0);
  const days =
    (Date.parse(report.migration.date) - Date.parse(report.migration.origin)) / 86_400_000;
  return (
    `${share(stayed / total)} of the ${formatNumber(total)} customers present at training are still in ` +
    `the same segment ${formatDays(days)} later; the largest inflow goes to "${names[biggest] ?? `Segment ${biggest}`}" ` +
    `(${formatNumber(inflow[biggest])} customers, ${share(inflow[biggest] / total)}): under a frozen model ` +
    `customers age out of their segment, while a refit redraws the segments around today's customers.`
  );
}
