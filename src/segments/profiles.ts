/**
 * Segment profiles: for each segment its size and share, the median and mean of every feature, and the
 * lift against the whole customer base, plus the most common favourite category and state. This is
 * the numeric material of the marketing table and of the radar and box charts.
 */
import type { CustomerTable } from "../features/definitions.js";
import { MEAN_FEATURES } from "./meanFeatures.js";
import { conditionShares, type NameShares } from "./nameConditions.js";
import { maxOf } from "../util/arrayStats.js";
import { median } from "../util/stats.js";

/** Profile of one segment. */
export interface SegmentProfile {
  segment: number;
  name: string;
  size: number;
  share: number;
  /** Median of each feature over the segment (NaN ignored). */
  median: Record<string, number>;
  /** Mean of each feature over the segment (NaN ignored). */
  mean: Record<string, number>;
  /** Standard deviation of each feature over the segment (NaN ignored; population formula). */
  sd: Record<string, number>;
  /** Share of the members meeting each naming definition, keyed by rung ids (`nameConditions.ts`). */
  nameShares: NameShares;
  /** Segment mean / base mean (1 = like everyone; NaN when the base mean is 0). */
  lift: Record<string, number>;
  /** (Segment mean − base mean) / base standard deviation: how far the segment stands out. */
  z: Record<string, number>;
  /** Most common favourite category and its share in the segment. */
  topCategory: { value: string; share: number };
  /** Most common state and its share in the segment. */
  topState: { value: string; share: number };
}

function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    sum += values[i];
    n++;
  }
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i])) ss += (values[i] - mean) ** 2;
  return { mean, sd: n ? Math.sqrt(ss / n) : NaN };
}

function mode(values: readonly string[]): { value: string; share: number } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = "";
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return { value: best, share: values.length ? bestCount / values.length : 0 };
}

/**
 * Profiles of the segments of a customer table.
 *
 * @example
 * const profiles = segmentProfiles(customers, labels, { names: model.names });
 * profiles[0].lift.monetary; // 2.1 → this segment spends twice the average
 */
export function segmentProfiles(
  table: Pick<CustomerTable, "numeric" | "text">,
  labels: ArrayLike<number>,
  options: { names?: readonly string[]; features?: readonly string[] } = {},
): SegmentProfile[] {
  const numeric = table.numeric as Record<string, Float64Array>;
  const features = options.features ?? Object.keys(numeric);
  const n = labels.length;
  const k = Math.max(-1, maxOf(labels)) + 1;
  const base = Object.fromEntries(features.map((f) => [f, meanAndSd(numeric[f])]));
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) if (labels[i] >= 0) members[labels[i]].push(i);
  return members.map((rows, s) => {
    const pick = (col: Float64Array) => Float64Array.from(rows, (i) => col[i]);
    const medianOf: Record<string, number> = {};
    const meanOf: Record<string, number> = {};
    const sdOf: Record<string, number> = {};
    const lift: Record<string, number> = {};
    const z: Record<string, number> = {};
    for (const f of features) {
      const values = pick(numeric[f]);
      medianOf[f] = median(values);
      const ms = meanAndSd(values);
      meanOf[f] = ms.mean;
      sdOf[f] = ms.sd;
      lift[f] = base[f].mean !== 0 ? meanOf[f] / base[f].mean : NaN;
      z[f] = base[f].sd > 0 ? (meanOf[f] - base[f].mean) / base[f].sd : 0;
    }
    return {
      segment: s,
      name: options.names?.[s] ?? `Segment ${s}`,
      size: rows.length,
      share: n ? rows.length / n : 0,
      median: medianOf,
      mean: meanOf,
      sd: sdOf,
      nameShares: conditionShares(numeric, rows),
      lift,
      z,
      topCategory: mode(rows.map((i) => table.text.favourite_category[i])),
      topState: mode(rows.map((i) => table.text.customer_state[i])),
    };
  });
}

/**
 * The base values the marketing traits compare with: the median of each feature over all customers,
 * except the mean for the features of `MEAN_FEATURES` (frequency, late-delivery share, review score),
 * whose medians are the same for nearly everyone.
 */
export function baseValues(
  table: Pick<CustomerTable, "numeric">,
  features: readonly string[] = Object.keys(table.numeric),
): Record<string, number> {
  const numeric = table.numeric as Record<string, Float64Array>;
  return Object.fromEntries(
    features.map((f) => [
      f,
      MEAN_FEATURES.has(f) ? meanAndSd(numeric[f]).mean : median(numeric[f]),
    ]),
  );
}
