/**
 * The refits of the maintenance simulation, as tasks of the toolbox's worker pool
 * (`util/workerPool.ts`, shared with the k-means restarts, the sweep and the selection).
 *
 * A refit job carries only what `fitSegmentModel` reads: the model feature columns, the number of
 * customers and the as-of date. The same function, {@link runRefit}, runs the job on the calling
 * thread (a pool of 0 threads) or on a pool thread ({@link refitTask}), so both paths give
 * bit-identical models and labels, equal to `fitSegmentModel`'s (tested). The feature transform of
 * a date is fitted once per table by the caller and shared by the seeds ({@link prepareRefitMatrix};
 * it does not depend on the seed). Matrices travel in `SharedArrayBuffer`s (copied once per date,
 * read by every thread without a copy per job), and labels come back in shared memory too: a thread
 * that transfers (detaches) a buffer runs its typed-array loops slower for the rest of its life
 * (see `util/workerPool.ts`), which the former hand-written refit workers did with every result.
 */
import { isMainThread } from "node:worker_threads";
import type { Matrix } from "../cluster/matrix.js";
import type { CustomerTable } from "../features/definitions.js";
import type { Scaler, TransformJSON } from "../features/transform.js";
import { FittedTransform, fitTransformMatrix } from "../features/transform.js";
import type { SegmentModelJSON } from "../segments/model.js";
import { fitSegmentsOnMatrix } from "../segments/model.js";
import { resolvePool } from "../util/sharedWorkerPool.js";
import { shareInt32, type WorkerPool, workerTask } from "../util/workerPool.js";

/** The fit options shared by every refit of a simulation. */
export interface RefitSpec {
  features: readonly string[];
  log1p: readonly string[];
  scaler: Scaler;
  k: number;
  nInit: number;
}

/** One refit: fit options, seed and the customers of one date (model feature columns only). */
export interface RefitJob {
  spec: RefitSpec;
  seed: number;
  /**
   * Identifies the (table, spec) pair: jobs with the same key share one fitted transform (the
   * scaler does not depend on the seed). Unique per date of a simulation, see {@link tableKey}.
   */
  key: string;
  /** As-of date of the table, epoch milliseconds. */
  asOf: number;
  rows: number;
  /** The model feature columns, `rows` values each (empty when `prepared` is given). */
  columns: Record<string, Float64Array>;
  /**
   * The transform of the table fitted by the caller and the transformed matrix (rows × features,
   * shared memory), see {@link prepareRefitMatrix}: the job then skips the fit and the apply.
   */
  prepared?: PreparedMatrix;
}

/** A table's fitted transform (as JSON) and its matrix, computed once for the jobs of every seed. */
export interface PreparedMatrix {
  transform: TransformJSON;
  /** Row-major, `rows × features.length`, in a `SharedArrayBuffer`. */
  data: Float64Array;
}

/** A refit's result: the model as JSON and the segment of each customer. */
export interface RefitResult {
  model: SegmentModelJSON;
  labels: Int32Array;
}

/**
 * The model feature columns of a table copied into shared memory, ready for jobs of any seed.
 * Throws when a feature is not a column of the table.
 */
export function shareColumns(
  numeric: Readonly<Record<string, Float64Array>>,
  features: readonly string[],
): Record<string, Float64Array> {
  const shared: Record<string, Float64Array> = {};
  for (const f of features) {
    const column = numeric[f];
    if (!column) throw new Error(`Feature "${f}" is not a column of the customer table.`);
    const out = new Float64Array(new SharedArrayBuffer(column.length * 8));
    out.set(column);
    shared[f] = out;
  }
  return shared;
}

/**
 * Fits the transform of a table (the seed-independent half of a refit) and applies it, the matrix
 * copied into shared memory: the jobs of every seed of that table then carry it (`prepared`), so
 * the transform is fitted once per table, not once per worker thread (tested: the same models).
 *
 * @example
 * const prepared = prepareRefitMatrix(snapshot.numeric, spec);
 * pool.fit({ spec, seed: 0, key, asOf, rows, columns: {}, prepared });
 */
export function prepareRefitMatrix(
  numeric: Readonly<Record<string, Float64Array>>,
  spec: RefitSpec,
): PreparedMatrix {
  const columns = numeric as Record<string, Float64Array>;
  // Fitted and applied in one pass, straight into the shared memory the workers read.
  const { transform, matrix } = fitTransformMatrix(
    columns,
    { features: spec.features, log1p: spec.log1p, scaler: spec.scaler },
    (length) => new Float64Array(new SharedArrayBuffer(length * 8)),
  );
  const data = matrix.data;
  return { transform: transform.toJSON(), data };
}

let keys = 0;
/** A new key for the jobs of one table (unique in this process). */
export function tableKey(): string {
  return `t${++keys}`;
}

/** The last fitted transforms by job key (a thread serves at most a few dates at a time). */
const transforms = new Map<string, { transform: FittedTransform; matrix: Matrix }>();
const TRANSFORM_CACHE = 8;

/**
 * Fits one refit job (the code both paths run): exactly `fitSegmentModel(table, { ...spec, seed })`
 * (tested), except that the transform, which does not depend on the seed, is fitted once per key;
 * the k-means half is `fitSegmentsOnMatrix`, shared with `fitSegmentModel`.
 */
export function runRefit(job: RefitJob): RefitResult {
  // fitTransformMatrix reads the feature columns only; the model records the row count and the date.
  const table = {
    asOf: new Date(job.asOf),
    ids: { length: job.rows },
    numeric: job.columns,
  } as unknown as CustomerTable;
  const { spec, seed } = job;
  let fitted = transforms.get(job.key);
  if (!fitted && job.prepared) {
    const transform = FittedTransform.of(job.prepared.transform);
    const cols = job.prepared.transform.features.length;
    if (job.prepared.data.length !== job.rows * cols)
      throw new Error(
        `The prepared matrix has ${job.prepared.data.length} values, not ${job.rows} × ${cols}.`,
      );
    fitted = { transform, matrix: { data: job.prepared.data, rows: job.rows, cols } };
  } else if (!fitted) {
    fitted = fitTransformMatrix(table, {
      features: spec.features,
      log1p: spec.log1p,
      scaler: spec.scaler,
    });
    transforms.set(job.key, fitted);
    if (transforms.size > TRANSFORM_CACHE) transforms.delete(transforms.keys().next().value!);
  }
  const { transform, matrix } = fitted;
  const training = { asOf: table.asOf, customers: job.rows };
  const { json: model, labels } = fitSegmentsOnMatrix(transform, matrix, training, {
    ...spec,
    seed,
  });
  return { model, labels };
}

/**
 * The pool task of one refit: {@link runRefit}, with the labels copied into shared memory when it
 * runs on a pool thread (so the thread never transfers a buffer).
 */
export const refitTask = workerTask(import.meta.url, "refitTask", (job: RefitJob): RefitResult => {
  const { model, labels } = runRefit(job);
  return { model, labels: isMainThread ? labels : shareInt32(labels) };
});

/** Runs refit jobs inline or on worker threads. */
export interface RefitPool {
  /** Worker threads (0 = inline). */
  readonly workers: number;
  fit(job: RefitJob): Promise<RefitResult>;
  /** Releases the pool (a pool made for it is stopped; pending jobs are then rejected). */
  close(): Promise<void>;
}

/**
 * Refits on a worker pool: `pool`, else a pool of `workers` threads made for it (0: inline),
 * else the shared pool (one thread per core, `OLIST_WORKERS`). Jobs are served first come, first
 * served; after `close`, `fit` rejects.
 *
 * @example
 * const pool = refitPool(); // the shared pool
 * const { model, labels } = await pool.fit(job);
 * await pool.close();
 */
export function refitPool(options: { workers?: number; pool?: WorkerPool } = {}): RefitPool {
  if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 0))
    throw new Error(`workers must be an integer ≥ 0, got ${options.workers}`);
  const { pool, release } = resolvePool(options);
  let closed = false;
  return {
    workers: pool.threads,
    fit: (job) =>
      closed ? Promise.reject(new Error("refit pool closed")) : pool.run(refitTask, job),
    close: () => {
      closed = true;
      return release();
    },
  };
}
