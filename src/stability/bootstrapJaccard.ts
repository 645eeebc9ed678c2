/**
 * Per-segment stability by the bootstrap (Hennig 2007, "Cluster-wise assessment of cluster
 * stability", the method of R's `fpc::clusterboot`): draw customers with replacement, refit the
 * clusterer on the draw, and for each original segment take the largest Jaccard similarity with a
 * segment of the refit, on the customers the draw holds; average over the runs. Hennig's reading:
 * a mean Jaccard ≥ 0.75 is a stable segment, below 0.6 the segment should not be trusted (in
 * between it reflects a pattern whose members are doubtful).
 *
 * The clusterer is a function (`FitLabels`), so any algorithm plugs in; `kmeansFitter` is k-means.
 * Cost: `runs` fits on `sampleSize` rows plus O(sampleSize + k²) per run for the Jaccards.
 */
import { kmeans } from "../cluster/kmeans.js";
import type { Matrix } from "../cluster/matrix.js";
import { selectRows } from "../cluster/matrix.js";
import { createRng } from "../util/random.js";

/** Fits a clusterer on `matrix` with `seed` and returns the segment (0-based) of each of its rows. */
export type FitLabels = (matrix: Matrix, seed: number) => Int32Array;

/** Hennig's stability thresholds: stable from 0.75, not to be trusted below 0.6. */
export const JACCARD_STABLE = 0.75;
export const JACCARD_UNTRUSTED = 0.6;

/**
 * The design the commands use: B = 20 runs, each drawing 20,000 customers with replacement (an
 * m-out-of-n bootstrap that bounds the cost on any data size; refits on smaller draws vary more, so
 * the Jaccards tend to be slightly lower than with full-size draws: the cautious side), seed 0.
 */
export const STABILITY_DESIGN = { runs: 20, sampleSize: 20_000, seed: 0 } as const;

/** How far a segment can be trusted. */
export type StabilityFlag = "stable" | "doubtful" | "unstable";

/** Options of {@link bootstrapJaccard}. */
export interface BootstrapJaccardOptions {
  /** Bootstrap runs B. Default 20 (see {@link STABILITY_DESIGN}). */
  runs?: number;
  /** Customers drawn with replacement per run. Default min(n, 20,000); n is the ordinary bootstrap. */
  sampleSize?: number;
  /** Seed of the draws and of the refits. Default 0. */
  seed?: number;
}

/** Stability of one segment. */
export interface SegmentStability {
  segment: number;
  /** Customers of the segment in the original partition. */
  customers: number;
  /** Mean over the runs of the best Jaccard with a refit segment. */
  meanJaccard: number;
  minJaccard: number;
  /** Runs where the segment dissolved (best Jaccard ≤ 0.5, Hennig's count) and where it was recovered (≥ 0.75). */
  dissolved: number;
  recovered: number;
  flag: StabilityFlag;
}

/** Result of {@link bootstrapJaccard}. */
export interface BootstrapJaccardResult {
  runs: number;
  sampleSize: number;
  seed: number;
  segments: SegmentStability[];
  /** Best Jaccard of segment s in run b at `jaccard[b * k + s]` (NaN when the draw missed the segment). */
  jaccard: Float64Array;
}

/** The flag of a mean Jaccard by Hennig's thresholds. */
export function stabilityFlag(meanJaccard: number): StabilityFlag {
  return meanJaccard >= JACCARD_STABLE
    ? "stable"
    : meanJaccard >= JACCARD_UNTRUSTED
      ? "doubtful"
      : "unstable";
}

/**
 * A {@link FitLabels} for k-means (k-means++ with `nInit` restarts, as the segment model fits).
 *
 * @example
 * const fit = kmeansFitter(5, { nInit: 10 });
 */
export function kmeansFitter(k: number, options: { nInit?: number } = {}): FitLabels {
  return (matrix, seed) => kmeans(matrix, k, { seed, nInit: options.nInit ?? 10 }).labels;
}

/**
 * Best Jaccard of each original segment with a segment of `other`, over the rows where `shared`
 * is 1: |A ∩ B| / |A ∪ B| from their contingency table. NaN for a segment with no shared row.
 */
export function bestJaccards(
  original: Int32Array,
  other: Int32Array,
  shared: Uint8Array,
  k: number,
): Float64Array {
  let kOther = 0;
  for (let i = 0; i < other.length; i++) if (shared[i]) kOther = Math.max(kOther, other[i] + 1);
  const table = new Float64Array(k * kOther);
  const a = new Float64Array(k);
  const b = new Float64Array(kOther);
  for (let i = 0; i < original.length; i++) {
    if (!shared[i]) continue;
    table[original[i] * kOther + other[i]]++;
    a[original[i]]++;
    b[other[i]]++;
  }
  const best = new Float64Array(k).fill(NaN);
  for (let s = 0; s < k; s++) {
    if (a[s] === 0) continue;
    let top = 0;
    for (let t = 0; t < kOther; t++) {
      const both = table[s * kOther + t];
      if (both > 0) top = Math.max(top, both / (a[s] + b[t] - both));
    }
    best[s] = top;
  }
  return best;
}

/** The draws of a bootstrap: `runs` × `sampleSize` row indices and the seed of each run's refit. */
export interface BootstrapDraws {
  runs: number;
  sampleSize: number;
  seed: number;
  /** Rows of run b at `rows.subarray(b * sampleSize, (b + 1) * sampleSize)`. */
  rows: Int32Array;
  /** Seed of run b's refit. */
  seeds: Int32Array;
}

/**
 * The options of a bootstrap of `labels` resolved and checked, its draws made (one generator,
 * per run: the rows, then the refit's seed), and k: what {@link bootstrapJaccard} and its pool
 * version share, so both draw exactly the same rows.
 *
 * @example
 * const { draws, k } = bootstrapDraws(labels, { runs: 20, seed: 0 });
 */
export function bootstrapDraws(
  labels: Int32Array,
  options: BootstrapJaccardOptions = {},
): { draws: BootstrapDraws; k: number } {
  const n = labels.length;
  const {
    runs = STABILITY_DESIGN.runs,
    sampleSize = Math.min(n, STABILITY_DESIGN.sampleSize),
    seed = STABILITY_DESIGN.seed,
  } = options;
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`runs must be ≥ 1, got ${runs}`);
  if (!(Number.isInteger(sampleSize) && sampleSize >= 2)) {
    throw new Error(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!(labels[i] >= 0)) throw new Error(`labels[${i}] = ${labels[i]} is not a segment`);
    k = Math.max(k, labels[i] + 1);
  }
  const rng = createRng(seed);
  const rows = new Int32Array(runs * sampleSize);
  const seeds = new Int32Array(runs);
  for (let b = 0, o = 0; b < runs; b++) {
    for (let i = 0; i < sampleSize; i++) rows[o++] = rng.int(n);
    seeds[b] = rng.int(2 ** 31);
  }
  return { draws: { runs, sampleSize, seed, rows, seeds }, k };
}

/**
 * The bootstrap's result from its draws and the refit labels of each run (`refits[b]`, one label
 * per drawn row). A customer drawn several times counts once, with the refit segment of its first
 * copy.
 */
export function bootstrapResult(
  labels: Int32Array,
  k: number,
  draws: BootstrapDraws,
  refits: readonly Int32Array[],
): BootstrapJaccardResult {
  const n = labels.length;
  const { runs, sampleSize, seed } = draws;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const jaccard = new Float64Array(runs * k);
  const shared = new Uint8Array(n);
  const refit = new Int32Array(n);
  for (let b = 0; b < runs; b++) {
    const draw = draws.rows.subarray(b * sampleSize, (b + 1) * sampleSize);
    const drawLabels = refits[b];
    if (drawLabels.length !== sampleSize) {
      throw new Error(`fit returned ${drawLabels.length} labels for ${sampleSize} rows`);
    }
    shared.fill(0);
    for (let i = 0; i < sampleSize; i++) {
      const row = draw[i];
      if (shared[row]) continue;
      shared[row] = 1;
      refit[row] = drawLabels[i];
    }
    jaccard.set(bestJaccards(labels, refit, shared, k), b * k);
  }
  const segments: SegmentStability[] = sizes.map((customers, s) => {
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let dissolved = 0;
    let recovered = 0;
    for (let b = 0; b < runs; b++) {
      const j = jaccard[b * k + s];
      if (Number.isNaN(j)) continue;
      sum += j;
      count++;
      min = Math.min(min, j);
      if (j <= 0.5) dissolved++;
      if (j >= JACCARD_STABLE) recovered++;
    }
    const mean = count > 0 ? sum / count : NaN;
    return {
      segment: s,
      customers,
      meanJaccard: mean,
      minJaccard: count > 0 ? min : NaN,
      dissolved,
      recovered,
      flag: stabilityFlag(mean),
    };
  });
  return { runs, sampleSize, seed, segments, jaccard };
}

/**
 * Bootstrap Jaccard of every segment of `labels` (0..k−1), refitting with `fit` on each draw.
 * A customer drawn several times counts once, with the refit segment of its first copy.
 * `bootstrapOnPool.ts` runs the k-means refits on the worker pool with the same result.
 *
 * @example
 * const s = bootstrapJaccard(matrix, labels, kmeansFitter(5), { runs: 20, seed: 0 });
 * s.segments.map((x) => [x.segment, x.meanJaccard.toFixed(2), x.flag]);
 */
export function bootstrapJaccard(
  matrix: Matrix,
  labels: Int32Array,
  fit: FitLabels,
  options: BootstrapJaccardOptions = {},
): BootstrapJaccardResult {
  const n = matrix.rows;
  if (labels.length !== n) throw new Error(`labels has ${labels.length} entries for ${n} rows`);
  const { draws, k } = bootstrapDraws(labels, options);
  const refits = Array.from({ length: draws.runs }, (_, b) =>
    fit(
      selectRows(matrix, draws.rows.subarray(b * draws.sampleSize, (b + 1) * draws.sampleSize)),
      draws.seeds[b],
    ),
  );
  return bootstrapResult(labels, k, draws, refits);
}
