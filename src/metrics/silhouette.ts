import {
  assertFinite,
  assertLabels,
  sampleIndices,
  selectRows,
  type Matrix,
} from "../cluster/matrix.js";
import { createRng } from "../util/random.js";
import { mean } from "../util/stats.js";
import { resolvePool } from "../util/sharedWorkerPool.js";
import { sharedFloat64, workerTask, type WorkerPool } from "../util/workerPool.js";
import { checkNumberOfLabels, encodeLabels } from "./labels.js";
import { silhouetteChunks, silhouetteDistanceSums } from "./silhouetteKernel.js";

/** Adds one chunk's sums into the running total (the one place where chunks are combined). */
function addChunk(total: Float64Array, sums: Float64Array): void {
  for (let x = 0; x < total.length; x++) total[x] += sums[x];
}

/**
 * All distance sums on the calling thread: each chunk into a scratch array, added in chunk order,
 * exactly as the worker path adds the chunks it gets back.
 */
function sumsInline(o: ClusterOrder, n: number, d: number): Float64Array {
  const bounds = silhouetteChunks(n);
  const total = new Float64Array(o.counts.length * n);
  const scratch = new Float64Array(total.length);
  for (let k = 0; k + 1 < bounds.length; k++) {
    scratch.fill(0);
    silhouetteDistanceSums(o.data, n, d, o.codes, o.starts, bounds[k], bounds[k + 1], scratch);
    addChunk(total, scratch);
  }
  return total;
}

/** Rows reordered so that each cluster is contiguous, with the block starts and the inverse order. */
interface ClusterOrder {
  data: Float64Array;
  codes: Int32Array;
  starts: Int32Array;
  /** position in cluster order → original row */
  order: Int32Array;
  counts: Float64Array;
}

/** `shared`: data and codes in `SharedArrayBuffer`s, read by the workers without a copy each. */
function clusterOrder(matrix: Matrix, labels: Int32Array, shared = false): ClusterOrder {
  const { codes: rawCodes, counts } = encodeLabels(labels);
  const m = counts.length;
  const { rows: n, cols: d } = matrix;
  const starts = new Int32Array(m + 1);
  for (let c = 0; c < m; c++) starts[c + 1] = starts[c] + counts[c];
  const fill = starts.slice(0, m);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[rawCodes[i]]++] = i;
  const data = shared
    ? new Float64Array(new SharedArrayBuffer(n * d * 8))
    : new Float64Array(n * d);
  const codes = shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const i = order[p];
    data.set(matrix.data.subarray(i * d, i * d + d), p * d);
    codes[p] = rawCodes[i];
  }
  return { data, codes, starts, order, counts };
}

/** Turns per-cluster distance sums into silhouette values in original row order. */
function valuesFromSums(sums: Float64Array, o: ClusterOrder, n: number): Float64Array {
  const m = o.counts.length;
  const values = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const li = o.codes[p];
    const size = o.counts[li];
    if (size <= 1) continue; // singleton cluster: 0 by convention
    const a = sums[li * n + p] / (size - 1);
    let b = Infinity;
    for (let c = 0; c < m; c++) {
      if (c === li) continue;
      const mean = sums[c * n + p] / o.counts[c];
      if (mean < b) b = mean;
    }
    const denominator = Math.max(a, b);
    values[o.order[p]] = denominator > 0 ? (b - a) / denominator : 0;
  }
  return values;
}

/**
 * Silhouette value of every row (scikit-learn's `silhouette_samples`), for silhouette plots. On the
 * calling thread; {@link silhouetteValuesParallel} gives the same values bit for bit.
 *
 * @example
 * const s = silhouetteValues(matrix, labels); // Float64Array in [-1, 1]
 */
export function silhouetteValues(matrix: Matrix, labels: Int32Array): Float64Array {
  assertLabels(matrix, labels);
  assertFinite(matrix);
  const o = clusterOrder(matrix, labels);
  checkNumberOfLabels(o.counts.length, matrix.rows, "silhouette");
  return valuesFromSums(sumsInline(o, matrix.rows, matrix.cols), o, matrix.rows);
}

/**
 * Exact mean silhouette over all rows (scikit-learn's `silhouette_score` without `sample_size`).
 * O(n²·cols) time, O(n·clusters) memory, on the calling thread; {@link silhouetteScoreParallel}
 * gives the same value on worker threads (timings in `bench/cluster.ts`).
 *
 * @example
 * silhouetteScore(matrix, result.labels); // e.g. 0.41
 */
export function silhouetteScore(matrix: Matrix, labels: Int32Array): number {
  return mean(silhouetteValues(matrix, labels));
}

/** Options of {@link silhouetteValuesParallel} and {@link silhouetteScoreParallel}. */
export interface SilhouetteParallelOptions {
  /** The pool to run the chunks on. Default: the shared pool (`sharedWorkerPool()`). */
  pool?: WorkerPool;
  /**
   * Instead of `pool`: worker threads started for this call and stopped before it resolves; 0 runs
   * on the calling thread. More than 16 (the chunks) gains nothing.
   */
  workers?: number;
}

/** A chunk of the pair loop: rows [from, to) of the cluster order, data in shared memory. */
export interface SilhouetteChunk {
  data: Float64Array;
  n: number;
  d: number;
  codes: Int32Array;
  starts: Int32Array;
  from: number;
  to: number;
}

/** The pool task of one chunk: its sums, in shared memory (returned without a copy). */
export const silhouetteChunkTask = workerTask(
  import.meta.url,
  "silhouetteChunkTask",
  (c: SilhouetteChunk): Float64Array =>
    silhouetteDistanceSums(
      c.data,
      c.n,
      c.d,
      c.codes,
      c.starts,
      c.from,
      c.to,
      sharedFloat64((c.starts.length - 1) * c.n),
    ),
);

/**
 * All distance sums as pool tasks, one per chunk, added in chunk order as they come back (so the
 * total is the one {@link sumsInline} computes); at most 2 × threads chunks' sums are alive.
 */
async function sumsOnPool(
  o: ClusterOrder,
  n: number,
  d: number,
  pool: WorkerPool,
): Promise<Float64Array> {
  const bounds = silhouetteChunks(n);
  const total = new Float64Array(o.counts.length * n);
  const { data, codes, starts } = o;
  await pool.runOrdered(
    silhouetteChunkTask,
    bounds.length - 1,
    (k) => ({ data, n, d, codes, starts, from: bounds[k], to: bounds[k + 1] }),
    (_, sums) => addChunk(total, sums),
  );
  return total;
}

/**
 * {@link silhouetteValues} on worker threads (`workers: 0`: on the calling thread), for the exact
 * silhouette of large inputs. The values are bit-identical to `silhouetteValues`' whatever the
 * number of workers (same fixed chunks, added in the same order); errors are the same, as a
 * rejection.
 *
 * @example
 * const s = await silhouetteValuesParallel(matrix, labels, { workers: 2 });
 */
export async function silhouetteValuesParallel(
  matrix: Matrix,
  labels: Int32Array,
  options: SilhouetteParallelOptions = {},
): Promise<Float64Array> {
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 0))
    throw new Error(`workers must be an integer ≥ 0, got ${options.workers}`);
  assertLabels(matrix, labels);
  assertFinite(matrix);
  const { rows: n, cols: d } = matrix;
  const workers =
    options.workers === undefined
      ? undefined
      : Math.min(options.workers, silhouetteChunks(n).length - 1);
  const { pool, release } = resolvePool({ pool: options.pool, workers });
  try {
    const o = clusterOrder(matrix, labels, pool.threads > 0);
    checkNumberOfLabels(o.counts.length, n, "silhouette");
    const sums = pool.threads > 0 ? await sumsOnPool(o, n, d, pool) : sumsInline(o, n, d);
    return valuesFromSums(sums, o, n);
  } finally {
    await release();
  }
}

/**
 * {@link silhouetteScore} on worker threads: the same value (`===`) for any number of threads,
 * about half the time on 2 cores.
 *
 * @example
 * const score = await silhouetteScoreParallel(matrix, labels); // on the shared pool
 */
export async function silhouetteScoreParallel(
  matrix: Matrix,
  labels: Int32Array,
  options: SilhouetteParallelOptions = {},
): Promise<number> {
  return mean(await silhouetteValuesParallel(matrix, labels, options));
}

/** Options of {@link silhouetteSample}. */
export interface SilhouetteSampleOptions {
  /** Number of rows drawn without replacement; the exact score is used if ≥ n. Default 10,000. */
  sampleSize?: number;
  /** Seed of the sample. Default 0. */
  seed?: number;
}

/**
 * Mean silhouette of a seeded random sample of rows (like scikit-learn's `sample_size`): the
 * silhouette is computed within the sample only. O(sampleSize²).
 *
 * @example
 * silhouetteSample(matrix, labels, { sampleSize: 10_000, seed: 1 });
 */
export function silhouetteSample(
  matrix: Matrix,
  labels: Int32Array,
  options: SilhouetteSampleOptions = {},
): number {
  const { sampleSize = 10_000, seed = 0 } = options;
  assertLabels(matrix, labels);
  if (!Number.isInteger(sampleSize) || sampleSize < 2) {
    throw new Error(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  }
  if (sampleSize >= matrix.rows) return silhouetteScore(matrix, labels);
  const indices = sampleIndices(matrix.rows, sampleSize, createRng(seed));
  const sampleLabels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) sampleLabels[r] = labels[indices[r]];
  return silhouetteScore(selectRows(matrix, indices), sampleLabels);
}
