/**
 * Silhouette coefficient (Rousseeuw 1987), with scikit-learn 1.2 semantics: a point in a singleton
 * cluster scores 0, a point with a = b = 0 (duplicates) scores 0, and the score needs
 * 2 ≤ number of labels ≤ n − 1.
 *
 * The exact score on ~95k rows is O(n²) distances: we never build the n × n matrix. Rows are sorted
 * by cluster so each cluster is a contiguous block, each unordered pair is computed once (symmetry),
 * and the distance is added both to row i's sum for cluster(j) and to row j's sum for cluster(i).
 * Memory is O(n × clusters).
 *
 * The pair loop is cut into a fixed set of chunks balanced by pairs ({@link silhouetteChunks}: 16,
 * depending on n only). Every path computes each chunk's sums separately and adds them in chunk
 * order, so `silhouetteValues` on the calling thread and `silhouetteValuesParallel` on any number of
 * worker threads give bit-identical values (tested for 0 to 3 workers). Floating-point addition is
 * not associative: chunks tied to the thread count would change the last bits with the machine.
 * Measured on 2 cores, 93k rows: 4 columns and 5 clusters, 19.5 s on one thread and 10.1 s on 2
 * workers (×1.9); 6 columns and 6 clusters (`bench/cluster.ts`'s data), 24.3 s and 12.5 s. The
 * bench's own thread prints ~29 s for the one-thread run: V8 runs typed-array loops ~20 % slower in
 * a thread where an `ArrayBuffer` was ever detached (see `silhouette-worker.ts`), and something at
 * the bench's start-up does that; a fresh worker thread does not have this handicap.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import {
  assertFinite,
  assertLabels,
  sampleIndices,
  selectRows,
  type Matrix,
} from "../cluster/matrix.js";
import { createRng } from "../util/random.js";
import { startWorker, workerEntry } from "../util/workerEntry.js";
import { checkNumberOfLabels, encodeLabels } from "./labels.js";

type PairKernel = (
  data: Float64Array,
  n: number,
  codes: Int32Array,
  starts: Int32Array,
  from: number,
  to: number,
  sums: Float64Array,
) => void;

const kernels = new Map<number, PairKernel>();

/**
 * Builds the pair loop with the coordinate loop unrolled for `d` columns. Why generated code: V8
 * does not unroll the inner `for (t < d)` loop, and the unrolled version is ~3× faster (measured
 * 3.7 s → 1.0 s for 2·10⁸ pairs at d = 6), which is the difference between ~60 s and ~20 s for the
 * exact silhouette of 93k rows. The source is fixed text parameterised only by the integer `d`.
 */
function pairKernel(d: number): PairKernel {
  const cached = kernels.get(d);
  if (cached) return cached;
  const dims = Array.from({ length: d }, (_, t) => t);
  const body = `
    const m = starts.length - 1;
    for (let i = from; i < to; i++) {
      const li = codes[i];
      const oi = i * ${d};
      const own = li * n;
      ${dims.map((t) => `const x${t} = data[oi + ${t}];`).join(" ")}
      for (let c = li; c < m; c++) {
        const start = c === li ? i + 1 : starts[c];
        const end = starts[c + 1];
        let acc = 0;
        for (let j = start; j < end; j++) {
          const oj = j * ${d};
          ${dims.map((t) => `const u${t} = x${t} - data[oj + ${t}];`).join(" ")}
          const dist = Math.sqrt(${dims.map((t) => `u${t} * u${t}`).join(" + ")});
          acc += dist;
          sums[own + j] += dist;
        }
        sums[c * n + i] += acc;
      }
    }`;
  const kernel = new Function(
    "data",
    "n",
    "codes",
    "starts",
    "from",
    "to",
    "sums",
    body,
  ) as PairKernel;
  kernels.set(d, kernel);
  return kernel;
}

/**
 * Sums of distances from every row to every cluster: `sums[c * n + p]` for the p-th row in cluster
 * order (rows sorted by cluster code, `starts[c]` = first row of cluster c), over the pairs (i, j)
 * with i in [from, to) and j > i. Splitting [0, n) into ranges and adding the results gives the
 * full sums (this is how the work can be shared between threads). The distances are added to
 * `sums` when given (clusters × n values, e.g. zeros in a `SharedArrayBuffer`), else to new zeros.
 *
 * @example
 * const sums = silhouetteDistanceSums(data, n, d, codes, starts, 0, n); // all pairs
 */
export function silhouetteDistanceSums(
  data: Float64Array,
  n: number,
  d: number,
  codes: Int32Array,
  starts: Int32Array,
  from: number,
  to: number,
  sums: Float64Array = new Float64Array((starts.length - 1) * n),
): Float64Array {
  if (sums.length !== (starts.length - 1) * n)
    throw new Error(`sums has ${sums.length} values, expected ${(starts.length - 1) * n}`);
  pairKernel(d)(data, n, codes, starts, from, to, sums);
  return sums;
}

/**
 * Most chunks of the pair loop. Fixed (it never depends on the number of threads) so that every
 * path adds the same partial sums in the same order and gets bit-identical results. 16 splits
 * evenly over 2, 4 or 8 threads (3 lose ~11 %: 6 chunks for the slowest against 5⅓), and a chunk's
 * partial sums are 3.7 MB at 93k rows × 5 clusters.
 */
const MAX_CHUNKS = 16;

/**
 * The fixed partition of the rows (in cluster order) into chunks with about the same number of
 * pairs: chunk k is rows [bounds[k], bounds[k + 1]). Row i has n − i − 1 pairs (j > i), so early
 * chunks hold fewer rows. It depends on n only: min(16, ⌊n / 8⌋) chunks (at least one), so small
 * inputs are still split (the tests compare paths on them) but no chunk averages under 8 rows.
 *
 * @example
 * silhouetteChunks(93_000); // Int32Array [0, 2954, 6007, …, 60120, 69750, 93000]: 16 chunks
 */
export function silhouetteChunks(n: number): Int32Array {
  const count = Math.max(1, Math.min(MAX_CHUNKS, Math.floor(n / 8)));
  // Pairs of rows [0, b): Σ_{i<b} (n − 1 − i), exact in doubles for any n we can hold in memory.
  const pairsBefore = (b: number) => b * (n - 1) - (b * (b - 1)) / 2;
  const total = pairsBefore(n);
  const bounds = [0];
  for (let k = 1; k < count; k++) {
    const target = (total * k) / count;
    let lo = bounds[bounds.length - 1];
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairsBefore(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo > bounds[bounds.length - 1] && lo < n) bounds.push(lo);
  }
  bounds.push(n);
  return Int32Array.from(bounds);
}

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
  const kernel = pairKernel(d);
  for (let k = 0; k + 1 < bounds.length; k++) {
    scratch.fill(0);
    kernel(o.data, n, o.codes, o.starts, bounds[k], bounds[k + 1], scratch);
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

/** Mean of the silhouette values, summed in row order (the same reduction on every path). */
function meanValue(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total / values.length;
}

/**
 * Exact mean silhouette over all rows (scikit-learn's `silhouette_score` without `sample_size`).
 * O(n²·cols) time, O(n·clusters) memory, on the calling thread: 93k × 4 rows take ~20 s, half
 * that with {@link silhouetteScoreParallel} on 2 cores (the same value, see `bench/cluster.ts`).
 *
 * @example
 * silhouetteScore(matrix, result.labels); // e.g. 0.41
 */
export function silhouetteScore(matrix: Matrix, labels: Int32Array): number {
  return meanValue(silhouetteValues(matrix, labels));
}

/** Options of {@link silhouetteValuesParallel} and {@link silhouetteScoreParallel}. */
export interface SilhouetteParallelOptions {
  /**
   * Worker threads; 0 runs on the calling thread. Default: one per core, at most 8 (with 16 chunks,
   * more threads would not shorten the slowest one). Never more than the number of chunks.
   */
  workers?: number;
}

/** What every silhouette worker receives once, at start (`workerData`). */
export interface SilhouetteWorkerData {
  /** Rows in cluster order, in a `SharedArrayBuffer`. */
  data: Float64Array;
  n: number;
  d: number;
  /** Cluster code of each row in cluster order, in a `SharedArrayBuffer`. */
  codes: Int32Array;
  starts: Int32Array;
}

/** A chunk sent to a worker: rows [from, to) of the cluster order. */
export interface SilhouetteTask {
  chunk: number;
  from: number;
  to: number;
}

/** A worker's answer: the chunk's sums (in a `SharedArrayBuffer`, not copied) or an error. */
export interface SilhouetteReply {
  chunk: number;
  sums?: Float64Array;
  error?: string;
}

const MAX_DEFAULT_WORKERS = 8;

function resolveWorkers(workers: number | undefined): number {
  if (workers === undefined) return Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
  if (!Number.isInteger(workers) || workers < 0)
    throw new Error(`workers must be an integer ≥ 0, got ${workers}`);
  return workers;
}

/**
 * All distance sums on `threads` workers started for this call. Chunks are handed out in order to
 * whichever worker is free; the sums coming back are added in chunk order (out-of-order ones wait
 * in a buffer), so the total is the one {@link sumsInline} computes. At most 2 × threads chunks are
 * ahead of the last one added, which bounds the buffered copies if one thread falls behind. The
 * workers are terminated before the promise settles, so nothing keeps the process alive.
 */
function sumsOnWorkers(
  o: ClusterOrder,
  n: number,
  d: number,
  threads: number,
): Promise<Float64Array> {
  const bounds = silhouetteChunks(n);
  const count = bounds.length - 1;
  const total = new Float64Array(o.counts.length * n);
  const entry = workerEntry(import.meta.url, "silhouette-worker");
  const workerData: SilhouetteWorkerData = { data: o.data, n, d, codes: o.codes, starts: o.starts };
  const ahead = 2 * threads;
  return new Promise<Float64Array>((resolve, reject) => {
    const pending = new Map<number, Float64Array>();
    const idle: Worker[] = [];
    let next = 0; // next chunk to hand out
    let added = 0; // chunks [0, added) are in the total
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      pending.clear();
      void Promise.all(pool.map((w) => w.terminate())).then(
        () => (error ? reject(error) : resolve(total)),
        reject,
      );
    };
    const dispatch = (): void => {
      while (idle.length > 0 && next < count && next < added + ahead) {
        const task: SilhouetteTask = { chunk: next, from: bounds[next], to: bounds[next + 1] };
        idle.pop()!.postMessage(task);
        next++;
      }
    };
    const pool: Worker[] = [];
    const onReply = (worker: Worker, reply: SilhouetteReply): void => {
      if (settled) return;
      if (!reply.sums) return finish(new Error(reply.error ?? "silhouette worker failed"));
      pending.set(reply.chunk, reply.sums);
      for (let sums = pending.get(added); sums; sums = pending.get(added)) {
        addChunk(total, sums);
        pending.delete(added++);
      }
      idle.push(worker);
      if (added === count) finish();
      else dispatch();
    };
    try {
      for (let t = 0; t < threads; t++) {
        const worker = startWorker(entry, { workerData });
        pool.push(worker);
        worker.on("message", (reply: SilhouetteReply) => onReply(worker, reply));
        worker.on("error", (e) => finish(new Error(`silhouette worker crashed: ${e.message}`)));
        worker.on("exit", (code) => {
          if (!settled) finish(new Error(`silhouette worker exited with code ${code}`));
        });
        idle.push(worker);
      }
    } catch (e) {
      return finish(e as Error); // e.g. too many threads: stop the ones already started
    }
    dispatch();
  });
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
  const workers = resolveWorkers(options.workers);
  assertLabels(matrix, labels);
  assertFinite(matrix);
  const { rows: n, cols: d } = matrix;
  const threads = Math.min(workers, silhouetteChunks(n).length - 1);
  const o = clusterOrder(matrix, labels, threads > 0);
  checkNumberOfLabels(o.counts.length, n, "silhouette");
  const sums = threads > 0 ? await sumsOnWorkers(o, n, d, threads) : sumsInline(o, n, d);
  return valuesFromSums(sums, o, n);
}

/**
 * {@link silhouetteScore} on worker threads: the same value (`===`) for any number of workers,
 * about half the time on 2 cores. Workers are started for the call and stopped before it resolves.
 *
 * @example
 * const score = await silhouetteScoreParallel(matrix, labels); // one worker per core
 */
export async function silhouetteScoreParallel(
  matrix: Matrix,
  labels: Int32Array,
  options: SilhouetteParallelOptions = {},
): Promise<number> {
  return meanValue(await silhouetteValuesParallel(matrix, labels, options));
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
