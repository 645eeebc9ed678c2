/**
 * The silhouette at any size, always labelled: exact up to {@link EXACT_SILHOUETTE_MAX_ROWS} rows,
 * above that the median of repeated stratified samples with a distribution-free 95 % interval.
 *
 * Why a threshold: the exact silhouette is O(n²) distances (4.4·10⁹ pairs at Olist's 93k
 * customers, ~9 s on 2 cores; 100× that at 10×), while Davies–Bouldin, Calinski–Harabasz and the
 * inertia are O(n·cols + clusters²·cols) and stay exact at any size (`scores.ts`).
 *
 * The sampled estimate (scikit-learn's `silhouette_score(sample_size=…)`, repeated): each repeat
 * draws `sampleSize` rows without replacement, stratified by segment (each segment contributes in
 * proportion to its size, largest remainders, so the sample has the table's segment shares to
 * within one row), and computes the exact silhouette within the sample. `value` is the median of
 * the repeats; `interval` is [x₍ᵣ₎, x₍ᵣ₊₁₋ᵣ₎] of the sorted repeats with the largest r such that
 * 1 − 2·P(Binomial(repeats, ½) < r) ≥ 95 % (a distribution-free interval for the median of the
 * estimator: with 10 repeats, the 2nd and 9th values, 97.9 %). It brackets the exact silhouette
 * when the estimator's bias (a within-sample silhouette is slightly off the full one, O(1/size))
 * is small against its spread between samples: tested on tables small enough to compute both.
 * Repeats run as tasks of the worker pool; each is seeded from `seed` and its index alone, so the
 * result is the same for any number of threads.
 */
import { arrayDigest } from "../util/arrayDigest.js";
import { assertFinite, assertLabels, selectRows, type Matrix } from "../cluster/matrix.js";
import { createRng, type Rng } from "../util/random.js";
import { cachedResult, resultCacheKey } from "../util/resultCache.js";
import { resolvePool } from "../util/sharedWorkerPool.js";
import { workerTask, type WorkerPool } from "../util/workerPool.js";
import { checkNumberOfLabels, encodeLabels } from "./labels.js";
import { silhouetteScore, silhouetteScoreParallel } from "./silhouette.js";

/**
 * Largest table whose silhouette is computed exactly by default: 100,000 rows, so that Olist at
 * its Kaggle size (96,096 customers, 93,376 with a delivered order) keeps the exact value. Its
 * cost: 4.4·10⁹ pairs, 17–20 CPU-seconds measured at 4 columns, ~9 s on 2 cores, nearly half of
 * `npm start`'s 20 s budget on a first run; with `cache: true` a rerun on the same files costs a
 * hash. Sampling instead would save only ~5 s (10 × 20,000 rows are 2·10⁹ pairs) and lose the
 * exact figure; 3× Olist (~9 times the pairs) is sampled.
 */
export const EXACT_SILHOUETTE_MAX_ROWS = 100_000;

/** Rows per sampled repeat by default (2·10⁸ pairs, ~1 s on one core at 6 columns). */
export const SILHOUETTE_SAMPLE_SIZE = 20_000;

/** Sampled repeats by default: the 2nd and 9th of 10 bound a 97.9 % interval. */
export const SILHOUETTE_REPEATS = 10;

/** What every metrics file carries for the silhouette (issue 12: exact and sampled labelled). */
export interface SilhouetteEstimate {
  /** The exact silhouette, or the median of the sampled repeats. */
  value: number;
  method: "exact" | "sampled";
  /** Rows per sampled repeat; null when exact. */
  sampleSize: number | null;
  /** 95 % (or more) interval for the silhouette; null when exact. */
  interval: [lo: number, hi: number] | null;
  /** Number of sampled repeats; null when exact. */
  repeats: number | null;
  /**
   * Seconds the computation took (kept with a cached value, so a rerun that reads the cache reports
   * what the silhouette costs, not the cost of reading it).
   */
  seconds: number;
  /** True when the value was read from the result cache. */
  cached: boolean;
}

/** What the computation itself returns (before it is timed and cached). */
type ComputedEstimate = Omit<SilhouetteEstimate, "seconds" | "cached">;

/** Options of {@link estimateSilhouette}. */
export interface SilhouetteEstimateOptions {
  /** Exact up to this many rows (`Infinity`: always exact). Default {@link EXACT_SILHOUETTE_MAX_ROWS}. */
  exactMaxRows?: number;
  /** Rows per sampled repeat (exact if it reaches the row count). Default {@link SILHOUETTE_SAMPLE_SIZE}. */
  sampleSize?: number;
  /** Sampled repeats, at least 6 (the fewest for a 95 % interval). Default {@link SILHOUETTE_REPEATS}. */
  repeats?: number;
  /** Seed of the samples. Default 0. */
  seed?: number;
  /** Pool for the exact chunks or the repeats. Default the shared pool. */
  pool?: WorkerPool;
  /** Instead of `pool`: threads started for this call (0: on the calling thread). */
  workers?: number;
  /**
   * Keep the result in the result cache (`util/resultCache.ts`, `.cache/`), keyed by the rows,
   * the labels, the options above and {@link SILHOUETTE_METHOD_VERSION}: a second call on the same
   * table and segments (e.g. `npm start` rerun on the same files) costs a hash instead of ~9 s.
   * `{ dir }` names the cache folder. Default false.
   */
  cache?: boolean | { dir?: string };
}

/** Bumped whenever the estimate's method changes, so that no cached value of an older one is read. */
export const SILHOUETTE_METHOD_VERSION = 2;

/**
 * The rank r of the order-statistic interval [x₍ᵣ₎, x₍ₙ₊₁₋ᵣ₎] for the median of `repeats` values:
 * the largest r whose coverage 1 − 2·P(Binomial(repeats, ½) ≤ r − 1) is ≥ `confidence`.
 *
 * @example
 * medianIntervalRank(10); // { rank: 2, coverage: 0.978515625 }
 */
export function medianIntervalRank(
  repeats: number,
  confidence = 0.95,
): { rank: number; coverage: number } {
  let cdf = 0; // P(Binomial(repeats, ½) ≤ r − 1), built term by term
  let term = 0.5 ** repeats; // P(X = r − 1)
  let best = { rank: 0, coverage: 0 };
  for (let r = 1; 2 * r <= repeats + 1; r++) {
    cdf += term;
    const coverage = 1 - 2 * cdf;
    if (coverage < confidence) break;
    best = { rank: r, coverage };
    term = (term * (repeats - (r - 1))) / r;
  }
  if (best.rank === 0)
    throw new Error(
      `${repeats} repeats cannot give a ${confidence * 100} % interval for the median; use at least 6`,
    );
  return best;
}

/**
 * Sizes of a stratified sample: `size` rows shared among strata in proportion to `counts`
 * (largest remainders, ties to the lower stratum), never more than a stratum holds.
 *
 * @example
 * stratumSizes(Float64Array.of(50, 30, 20), 10); // Int32Array [5, 3, 2]
 */
export function stratumSizes(counts: ArrayLike<number>, size: number): Int32Array {
  let total = 0;
  for (let c = 0; c < counts.length; c++) total += counts[c];
  if (!Number.isInteger(size) || size < 0 || size > total)
    throw new Error(`sample size must be an integer in 0..${total}, got ${size}`);
  const out = new Int32Array(counts.length);
  const remainders: { c: number; r: number }[] = [];
  let given = 0;
  for (let c = 0; c < counts.length; c++) {
    const exact = (size * counts[c]) / total;
    out[c] = Math.floor(exact);
    given += out[c];
    remainders.push({ c, r: exact - out[c] });
  }
  remainders.sort((a, b) => b.r - a.r || a.c - b.c);
  for (let p = 0; given < size; p = (p + 1) % remainders.length) {
    const c = remainders[p].c;
    if (out[c] < counts[c]) {
      out[c]++;
      given++;
    }
  }
  return out;
}

/**
 * Row indices of a stratified sample without replacement: `sizes[c]` rows drawn uniformly among
 * the rows of stratum c (`codes[i]` = stratum of row i), grouped by stratum, each group in draw
 * order. O(n) per call.
 *
 * @example
 * stratifiedSample(codes, stratumSizes(counts, 20_000), createRng(1));
 */
export function stratifiedSample(codes: Int32Array, sizes: Int32Array, rng: Rng): Int32Array {
  const m = sizes.length;
  const starts = new Int32Array(m + 1);
  for (let i = 0; i < codes.length; i++) starts[codes[i] + 1]++;
  for (let c = 0; c < m; c++) starts[c + 1] += starts[c];
  const byStratum = new Int32Array(codes.length);
  const fill = starts.slice(0, m);
  for (let i = 0; i < codes.length; i++) byStratum[fill[codes[i]]++] = i;
  let total = 0;
  for (let c = 0; c < m; c++) total += sizes[c];
  const out = new Int32Array(total);
  let o = 0;
  for (let c = 0; c < m; c++) {
    const lo = starts[c];
    const count = starts[c + 1] - lo;
    if (sizes[c] > count) throw new Error(`stratum ${c} has ${count} rows, ${sizes[c]} asked`);
    // Partial Fisher–Yates within the stratum's block.
    for (let t = 0; t < sizes[c]; t++) {
      const pick = lo + t + rng.int(count - t);
      const chosen = byStratum[pick];
      byStratum[pick] = byStratum[lo + t];
      byStratum[lo + t] = chosen;
      out[o++] = chosen;
    }
  }
  return out;
}

/** One sampled repeat: the rows and labels of the sample. */
interface SampleRepeat {
  sample: Matrix;
  labels: Int32Array;
}

/** The pool task of one repeat: the exact silhouette within the sample. */
export const sampledSilhouetteTask = workerTask(
  import.meta.url,
  "sampledSilhouetteTask",
  ({ sample, labels }: SampleRepeat): number => silhouetteScore(sample, labels),
);

/**
 * The silhouette of `labels` on `matrix`, exact or sampled as the size requires, labelled with
 * how it was computed (the shape every metrics file carries).
 *
 * @example
 * const s = await estimateSilhouette(matrix, labels, { seed: 1 });
 * s.method === "sampled" ? `${s.value} (${s.interval}, ${s.repeats} × ${s.sampleSize} rows)` : s.value;
 */
export async function estimateSilhouette(
  matrix: Matrix,
  labels: Int32Array,
  options: SilhouetteEstimateOptions = {},
): Promise<SilhouetteEstimate> {
  const timed = async (): Promise<Omit<SilhouetteEstimate, "cached">> => {
    const start = performance.now();
    const estimate = await computeEstimate(matrix, labels, options);
    return { ...estimate, seconds: (performance.now() - start) / 1000 };
  };
  if (!options.cache) return { ...(await timed()), cached: false };
  assertLabels(matrix, labels);
  const key = {
    version: SILHOUETTE_METHOD_VERSION,
    rows: matrix.rows,
    cols: matrix.cols,
    data: arrayDigest(matrix.data),
    labels: arrayDigest(labels),
    exactMaxRows: String(options.exactMaxRows ?? EXACT_SILHOUETTE_MAX_ROWS), // Infinity as text
    sampleSize: options.sampleSize ?? SILHOUETTE_SAMPLE_SIZE,
    repeats: options.repeats ?? SILHOUETTE_REPEATS,
    seed: options.seed ?? 0,
  };
  const dir = typeof options.cache === "object" ? options.cache.dir : undefined;
  const { value, cached } = await cachedResult("silhouette", resultCacheKey(key), timed, { dir });
  return { ...value, cached };
}

async function computeEstimate(
  matrix: Matrix,
  labels: Int32Array,
  options: SilhouetteEstimateOptions,
): Promise<ComputedEstimate> {
  const {
    exactMaxRows = EXACT_SILHOUETTE_MAX_ROWS,
    sampleSize = SILHOUETTE_SAMPLE_SIZE,
    repeats = SILHOUETTE_REPEATS,
    seed = 0,
  } = options;
  if (!(exactMaxRows >= 0)) throw new Error(`exactMaxRows must be ≥ 0, got ${exactMaxRows}`);
  if (!Number.isInteger(sampleSize) || sampleSize < 2)
    throw new Error(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  if (!Number.isInteger(repeats)) throw new Error(`repeats must be an integer, got ${repeats}`);
  const { rank } = medianIntervalRank(repeats);
  assertLabels(matrix, labels);
  const n = matrix.rows;
  if (n <= exactMaxRows || sampleSize >= n) {
    const value = await silhouetteScoreParallel(matrix, labels, options);
    return { value, method: "exact", sampleSize: null, interval: null, repeats: null };
  }
  assertFinite(matrix);
  const { codes, counts } = encodeLabels(labels);
  checkNumberOfLabels(counts.length, n, "silhouette");
  const sizes = stratumSizes(counts, sampleSize);
  let sampledClusters = 0;
  for (let c = 0; c < sizes.length; c++) if (sizes[c] > 0) sampledClusters++;
  if (sampledClusters < 2)
    throw new Error(
      `silhouette: a sample of ${sampleSize} rows holds ${sampledClusters} segment(s); raise sampleSize`,
    );
  const master = createRng(seed);
  const rngs = Array.from({ length: repeats }, () => master.fork());
  const values = new Float64Array(repeats);
  const { pool, release } = resolvePool(options);
  try {
    await pool.runOrdered(
      sampledSilhouetteTask,
      repeats,
      (r) => {
        const rows = stratifiedSample(codes, sizes, rngs[r]);
        const sampleLabels = new Int32Array(rows.length);
        for (let p = 0; p < rows.length; p++) sampleLabels[p] = codes[rows[p]];
        return { sample: selectRows(matrix, rows), labels: sampleLabels };
      },
      (r, value) => (values[r] = value),
    );
  } finally {
    await release();
  }
  const sorted = Float64Array.from(values).sort();
  const median =
    repeats % 2 === 1
      ? sorted[(repeats - 1) / 2]
      : (sorted[repeats / 2 - 1] + sorted[repeats / 2]) / 2;
  return {
    value: median,
    method: "sampled",
    sampleSize,
    interval: [sorted[rank - 1], sorted[repeats - rank]],
    repeats,
  };
}
