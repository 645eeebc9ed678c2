/**
 * The refits of the maintenance simulation, inline or on worker threads.
 *
 * A refit job carries only what `fitSegmentModel` reads: the model feature columns, the number of
 * customers and the as-of date. The same function, {@link runRefit}, runs the job on the calling
 * thread (`workers: 0`) or inside `refitWorker` (`workers > 0`), so both paths give bit-identical
 * models and labels, equal to `fitSegmentModel`'s (tested). The feature transform of a date is
 * fitted once per thread and shared by the seeds (it does not depend on the seed): ~10 % of a refit. Columns travel in `SharedArrayBuffer`s (copied once per date, read by
 * every worker without a copy per job); labels come back as a transferred `Int32Array`.
 *
 * The worker file is resolved from this module's own URL: `refitWorker.js` from the compiled
 * `dist/` (notebooks), `refitWorker.ts` under tsx (see {@link refitWorkerEntry}).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Matrix } from "../cluster/matrix.js";
import type { CustomerTable } from "../features/definitions.js";
import type { Scaler, TransformJSON } from "../features/transform.js";
import { FittedTransform, fitTransform } from "../features/transform.js";
import type { SegmentModelJSON } from "../segments/model.js";
import { fitSegmentsOnMatrix } from "../segments/model.js";
import type { WorkerEntry } from "../util/workerEntry.js";
import { workerEntry } from "../util/workerEntry.js";

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
  const transform = fitTransform(columns, {
    features: spec.features,
    log1p: spec.log1p,
    scaler: spec.scaler,
  });
  const matrix = transform.apply(columns);
  const data = new Float64Array(new SharedArrayBuffer(matrix.data.length * 8));
  data.set(matrix.data);
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
  // fitTransform reads the feature columns only; the model records the row count and the date.
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
    const transform = fitTransform(table, {
      features: spec.features,
      log1p: spec.log1p,
      scaler: spec.scaler,
    });
    fitted = { transform, matrix: transform.apply(table) };
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

/** Runs refit jobs inline or on worker threads. */
export interface RefitPool {
  /** Worker threads (0 = inline). */
  readonly workers: number;
  fit(job: RefitJob): Promise<RefitResult>;
  /** Stops the workers (pending jobs are rejected). */
  close(): Promise<void>;
}

/** Default number of workers: one per core, at most one per seed. */
export function defaultWorkers(seeds: number): number {
  return Math.max(1, Math.min(seeds, availableParallelism()));
}

/**
 * How to start the worker next to this module: the compiled `refitWorker.js` directly, or, when
 * this module is TypeScript run by tsx, a small bootstrap that registers tsx in the worker before
 * importing `refitWorker.ts` (Node 20 does not apply `--import tsx` to a worker's entry file).
 * The logic is shared with the silhouette workers, see `workerEntry` in `util/workerEntry.ts`.
 *
 * @example
 * refitWorkerEntry("file:///x/dist/maintenance/refit.js").url; // …/refitWorker.js
 */
export function refitWorkerEntry(moduleUrl = import.meta.url): WorkerEntry {
  return workerEntry(moduleUrl, "refitWorker");
}

interface WorkerMessage {
  id: number;
  result?: RefitResult;
  error?: string;
}

/**
 * A pool of `workers` threads (0: jobs run inline, on the calling thread, when `fit` is called).
 * Jobs are served first come, first served.
 */
export function createRefitPool(workers: number): RefitPool {
  if (!Number.isInteger(workers) || workers < 0)
    throw new Error(`workers must be an integer ≥ 0, got ${workers}`);
  if (workers === 0) {
    return {
      workers: 0,
      fit: (job) => {
        try {
          return Promise.resolve(runRefit(job));
        } catch (e) {
          return Promise.reject(e as Error);
        }
      },
      close: () => Promise.resolve(),
    };
  }
  const entry = refitWorkerEntry();
  type Pending = {
    id: number;
    job: RefitJob;
    resolve: (r: RefitResult) => void;
    reject: (e: Error) => void;
  };
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;

  const fail = (error: Error): void => {
    failure ??= error;
    for (const p of [...queue, ...busy.values()]) p.reject(failure);
    queue.length = 0;
    busy.clear();
  };
  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const p = queue.shift()!;
      busy.set(worker, p);
      worker.postMessage({ id: p.id, job: p.job });
    }
  };
  const threads = Array.from({ length: workers }, () => {
    const worker = entry.bootstrap
      ? new Worker(entry.bootstrap, { eval: true })
      : new Worker(entry.url);
    worker.on("message", (message: WorkerMessage) => {
      const p = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (p && p.id === message.id) {
        if (message.result) p.resolve(message.result);
        else p.reject(new Error(message.error ?? "refit worker failed"));
      }
      dispatch();
    });
    worker.on("error", (e) => fail(new Error(`refit worker crashed: ${e.message}`)));
    worker.on("exit", (code) => {
      if (code !== 0 && !closing) fail(new Error(`refit worker exited with code ${code}`));
    });
    idle.push(worker);
    return worker;
  });
  return {
    workers,
    fit: (job) =>
      new Promise<RefitResult>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closing = true;
      fail(new Error("refit pool closed"));
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}
