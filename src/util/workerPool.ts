/**
 * One pool of worker threads for the whole toolbox: the exact silhouette's chunks and k-means
 * restarts today; the model-selection sweep, bootstrap stability and maintenance refits are meant
 * to move onto it (see "Moving a hand-written pool here" below).
 *
 * A task is a function defined once, at the top level of the module that needs it, with
 * {@link workerTask}: `export const fooTask = workerTask(import.meta.url, "fooTask", fooImpl)`. The
 * pool sends `{ module, name, payload }` to a thread; the thread imports that module (compiled
 * `.js`, or `.ts` under tsx, as {@link workerEntry} arranges), looks up the export and runs it.
 * The same function runs inline in a pool of 0 threads, so a caller that combines the results in
 * task order gets bit-identical answers for any number of threads.
 *
 * Data: payloads and results are structured-cloned, except typed arrays over a
 * `SharedArrayBuffer`, which every thread reads in place (`sharedArrays.ts`, re-exported here).
 * Tasks return big arrays in shared memory rather than transferring them: transferring detaches a
 * buffer, and a thread that ever detached one runs typed-array loops ~15–20 % slower (V8's
 * "array buffer detaching protector"), which is how the silhouette workers lost time before.
 *
 * Threads start on first use and are unreferenced while idle, so an idle pool never keeps the
 * process alive; {@link WorkerPool.close} stops them. Which pool a parallel function uses (the
 * process-wide one, or one made for the call) is `sharedWorkerPool.ts`'s business.
 *
 * Moving a hand-written pool here (maintenance refits, `src/maintenance/refit.ts`): export
 * `refitTask = workerTask(import.meta.url, "refitTask", runRefit)` from `refit.ts`, return the
 * labels in a `sharedInt32` instead of transferring them, and replace `createRefitPool(workers)`
 * by `createWorkerPool({ threads: workers })` (or `sharedWorkerPool()`) and `pool.fit(job)` by
 * `pool.run(refitTask, job)`; `refitWorker.ts` goes.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker, workerEntry } from "./workerEntry.js";

export { shareFloat64, shareInt32, sharedFloat64, sharedInt32 } from "./sharedArrays.js";

/** A function that a pool can run on any of its threads (see {@link workerTask}). */
export interface WorkerTask<P, R> {
  /** URL of the module that exports the task (its `import.meta.url`). */
  readonly module: string;
  /** Name of the export. */
  readonly name: string;
  /** The work itself; must depend on the payload only (not on state of the calling thread). */
  readonly run: (payload: P) => R | Promise<R>;
}

/**
 * Declares a task. Call it at the top level of `moduleUrl`'s module and export the result under
 * `name`: the worker thread finds the task by importing the module and reading that export.
 *
 * @example
 * export const squareTask = workerTask(import.meta.url, "squareTask", (x: number) => x * x);
 * await sharedWorkerPool().run(squareTask, 7); // 49 (sharedWorkerPool.ts)
 */
export function workerTask<P, R>(
  moduleUrl: string,
  name: string,
  run: (payload: P) => R | Promise<R>,
): WorkerTask<P, R> {
  return Object.freeze({ module: moduleUrl, name, run });
}

/** Options of {@link WorkerPool.runOrdered}. */
export interface RunOrderedOptions {
  /** Most tasks running or finished but not yet consumed. Default 2 × threads (at least 1). */
  window?: number;
}

/** A pool of worker threads, or an inline stand-in (`threads: 0`). */
export interface WorkerPool {
  /** Worker threads (0: tasks run on the calling thread). */
  readonly threads: number;
  /** Runs one task; tasks are served first come, first served. */
  run<P, R>(task: WorkerTask<P, R>, payload: P): Promise<R>;
  /**
   * Runs tasks 0..count-1 (payload `payloadOf(i)`) and hands each result to `consume` in index
   * order, whatever the order they finish in, with at most `window` results alive at once.
   * Resolves when all are consumed; rejects on the first failure (later results are dropped).
   */
  runOrdered<P, R>(
    task: WorkerTask<P, R>,
    count: number,
    payloadOf: (index: number) => P,
    consume: (index: number, result: R) => void,
    options?: RunOrderedOptions,
  ): Promise<void>;
  /**
   * Starts every thread and waits until each answers (nothing to do inline). A command may call
   * it early, so that thread start-up (~0.2 s per thread under tsx) overlaps its data loading.
   */
  warm(): Promise<void>;
  /** Stops the threads; tasks not yet finished are rejected. The pool cannot be used after. */
  close(): Promise<void>;
}

/** Does nothing: {@link WorkerPool.warm} sends one to each thread. */
export const readyTask = workerTask(import.meta.url, "readyTask", () => true);

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** Worker threads; 0 runs every task inline. Default {@link defaultWorkerThreads}. */
  threads?: number;
}

/** Most threads by default: the silhouette's 16 chunks and 10 restarts gain nothing past 8. */
const MAX_DEFAULT_THREADS = 8;

/**
 * Default thread count: `OLIST_WORKERS` if set (an integer ≥ 0), else one per core, at most 8.
 *
 * @example
 * defaultWorkerThreads(); // 2 on a 2-core machine
 */
export function defaultWorkerThreads(): number {
  const env = process.env.OLIST_WORKERS;
  if (env !== undefined && env !== "") {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`OLIST_WORKERS must be an integer ≥ 0, got "${env}"`);
    return n;
  }
  return Math.min(availableParallelism(), MAX_DEFAULT_THREADS);
}

/** What the pool sends to a thread, and what comes back. */
export interface TaskMessage {
  id: number;
  module: string;
  name: string;
  payload: unknown;
}
export interface TaskReply {
  id: number;
  result?: unknown;
  error?: string;
}

interface Job {
  id: number;
  message: TaskMessage;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

function checkThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 0)
    throw new Error(`threads must be an integer ≥ 0, got ${threads}`);
}

/** Shared by both kinds of pool: bounded, in-order consumption on top of `run`. */
function runOrderedWith(pool: Pick<WorkerPool, "run" | "threads">): WorkerPool["runOrdered"] {
  return <P, R>(
    task: WorkerTask<P, R>,
    count: number,
    payloadOf: (index: number) => P,
    consume: (index: number, result: R) => void,
    options: RunOrderedOptions = {},
  ): Promise<void> => {
    const window = options.window ?? Math.max(1, 2 * pool.threads);
    if (!Number.isInteger(window) || window < 1)
      throw new Error(`window must be an integer ≥ 1, got ${window}`);
    return new Promise<void>((resolve, reject) => {
      const done = new Map<number, R>();
      let next = 0; // next task to start
      let consumed = 0; // tasks [0, consumed) handed to consume
      let failed = false;
      const fail = (error: unknown): void => {
        if (failed) return;
        failed = true;
        done.clear();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const pump = (): void => {
        if (failed) return;
        try {
          while (done.has(consumed)) {
            const result = done.get(consumed) as R;
            done.delete(consumed);
            consume(consumed++, result);
          }
        } catch (e) {
          return fail(e);
        }
        if (consumed === count) return resolve();
        while (next < count && next < consumed + window) {
          const index = next++;
          let payload: P;
          try {
            payload = payloadOf(index);
          } catch (e) {
            return fail(e);
          }
          pool.run(task, payload).then((result) => {
            if (failed) return;
            done.set(index, result);
            // eslint-disable-next-line local/no-recursion -- from a promise callback: a fresh stack
            pump();
          }, fail);
        }
      };
      pump();
    });
  };
}

/** A pool whose tasks run on the calling thread (payloads passed by reference, not cloned). */
function inlinePool(): WorkerPool {
  const base: Omit<WorkerPool, "runOrdered"> = {
    threads: 0,
    run: (task, payload) => Promise.resolve().then(() => task.run(payload)),
    warm: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { ...base, runOrdered: runOrderedWith(base) };
}

/**
 * A pool of `threads` worker threads (0: an inline pool). Threads start when the first task
 * arrives; a thread that crashes fails its task and is replaced on demand.
 *
 * @example
 * const pool = createWorkerPool({ threads: 2 });
 * try {
 *   const squares = await Promise.all([1, 2, 3].map((x) => pool.run(squareTask, x)));
 * } finally {
 *   await pool.close();
 * }
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const threads = options.threads ?? defaultWorkerThreads();
  checkThreads(threads);
  if (threads === 0) return inlinePool();
  const entry = workerEntry(import.meta.url, "workerPoolThread");
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let started = 0;
  let nextId = 0;
  let closed = false;

  const retired = new WeakSet<Worker>();
  const retire = (worker: Worker, error: Error): void => {
    if (retired.has(worker)) return; // "error" is followed by "exit"
    retired.add(worker);
    const job = busy.get(worker);
    busy.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    started--;
    job?.reject(error);
    dispatch();
  };
  const spawn = (): Worker => {
    const worker = startWorker(entry);
    started++;
    worker.on("message", (reply: TaskReply) => {
      const job = busy.get(worker);
      busy.delete(worker);
      worker.unref();
      idle.push(worker);
      if (job && job.id === reply.id) {
        if (reply.error === undefined) job.resolve(reply.result);
        else job.reject(new Error(reply.error));
      }
      dispatch();
    });
    worker.on("error", (e) => retire(worker, new Error(`worker thread crashed: ${e.message}`)));
    worker.on("exit", (code) => {
      if (!closed) retire(worker, new Error(`worker thread exited with code ${code}`));
    });
    return worker;
  };
  const dispatch = (): void => {
    while (!closed && queue.length > 0 && (idle.length > 0 || started < threads)) {
      const worker = idle.pop() ?? spawn();
      const job = queue.shift() as Job;
      busy.set(worker, job);
      worker.ref(); // a running task keeps the process alive until it answers
      worker.postMessage(job.message);
    }
  };
  const base: Omit<WorkerPool, "runOrdered"> = {
    threads,
    run: <P, R>(task: WorkerTask<P, R>, payload: P): Promise<R> =>
      new Promise<R>((resolve, reject) => {
        if (closed) return reject(new Error("the worker pool is closed"));
        const id = nextId++;
        const message: TaskMessage = { id, module: task.module, name: task.name, payload };
        queue.push({ id, message, resolve: resolve as (v: unknown) => void, reject });
        dispatch();
      }),
    warm: async () => {
      // Idle threads first serve queued tasks, and up to `threads` are started for them: with
      // `threads` tasks queued at once, every thread starts and gets one.
      const missing = threads - started;
      await Promise.all(Array.from({ length: missing }, () => base.run(readyTask, undefined)));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      const error = new Error("the worker pool was closed");
      for (const job of queue) job.reject(error);
      for (const job of busy.values()) job.reject(error);
      queue.length = 0;
      const workers = [...idle, ...busy.keys()];
      busy.clear();
      idle.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  return { ...base, runOrdered: runOrderedWith(base) };
}
