/**
 * The sampled silhouette of one seeded sample (the value `silhouetteSample` gives, from the same
 * rows) with a 95 % interval: the silhouette of a sample is the mean of its rows' silhouette
 * values, so its standard error is their standard deviation over √n (normal approximation; the
 * finite-population correction, which would narrow it, is left out to stay on the safe side of
 * the small within-sample bias). Cheap: no repeats, one O(n²) pass as before.
 */
import type { Matrix } from "../cluster/matrix.js";
import { assertLabels, sampleIndices, selectRows } from "../cluster/matrix.js";
import { createRng } from "../util/random.js";
import { mean } from "../util/stats.js";
import { silhouetteValues } from "./silhouette.js";

/** A silhouette with how it was computed and, for a sample, its 95 % interval. */
export interface SampledSilhouette {
  value: number;
  /** "exact" when the sample would hold every row. */
  method: "exact" | "sampled";
  /** Rows the value is computed on (the sample size, or every row when exact). */
  rows: number;
  /** 95 % interval (mean ± 1.96 standard errors); null when exact. */
  interval: [number, number] | null;
}

/**
 * The silhouette of a seeded sample of `sampleSize` rows (exact when it reaches the row count)
 * with its 95 % interval.
 *
 * @example
 * const s = sampledSilhouette(matrix, labels, { sampleSize: 10_000, seed: 0 });
 * s.interval; // e.g. [0.324, 0.332]
 */
export function sampledSilhouette(
  matrix: Matrix,
  labels: Int32Array,
  options: { sampleSize?: number; seed?: number } = {},
): SampledSilhouette {
  const { sampleSize = 10_000, seed = 0 } = options;
  assertLabels(matrix, labels);
  if (!Number.isInteger(sampleSize) || sampleSize < 2) {
    throw new Error(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  }
  if (sampleSize >= matrix.rows) {
    const v = silhouetteValues(matrix, labels);
    return { value: mean(v), method: "exact", rows: matrix.rows, interval: null };
  }
  // The same rows as silhouetteSample(matrix, labels, { sampleSize, seed }).
  const indices = sampleIndices(matrix.rows, sampleSize, createRng(seed));
  const sampleLabels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) sampleLabels[r] = labels[indices[r]];
  const v = silhouetteValues(selectRows(matrix, indices), sampleLabels);
  const value = mean(v);
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - value) ** 2;
  const se = Math.sqrt(ss / (v.length - 1) / v.length);
  return {
    value,
    method: "sampled",
    rows: sampleSize,
    interval: [value - 1.959964 * se, value + 1.959964 * se],
  };
}
