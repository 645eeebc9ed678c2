/** The contract of a worker pool (`workerPool.ts`): what it runs, in what order, and its options. */
import type { WorkerTask } from "./workerTask.js";

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

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** Worker threads; 0 runs every task inline. Default {@link defaultWorkerThreads}. */
  threads?: number;
}
