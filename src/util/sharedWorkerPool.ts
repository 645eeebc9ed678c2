/**
 * Which worker pool a parallel function runs on: the process-wide pool, created on first use, or
 * a pool made for one call (`workers: N`), or one the caller passes (`pool`). Inside a worker
 * thread the shared pool is inline, so a task that calls a parallel function never starts
 * threads of its own.
 */
import { isMainThread } from "node:worker_threads";
import { createWorkerPool, type WorkerPool } from "./workerPool.js";

let shared: WorkerPool | undefined;

/**
 * The process-wide pool (`defaultWorkerThreads()` threads), created on first use; in a worker
 * thread, an inline pool. Never close it from library code (other callers share it); a command
 * may call {@link closeSharedWorkerPool} at exit, but idle threads do not keep the process alive.
 *
 * @example
 * const pool = sharedWorkerPool();
 * const result = await kmeansParallel(matrix, 6, { pool });
 */
export function sharedWorkerPool(): WorkerPool {
  shared ??= createWorkerPool(isMainThread ? {} : { threads: 0 });
  return shared;
}

/** Stops the shared pool's threads (the next {@link sharedWorkerPool} call starts a new pool). */
export async function closeSharedWorkerPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

/**
 * The pool a parallel function should use: `pool` if given, else a pool of `workers` threads
 * made for the call (closed by `release`), else the shared pool.
 *
 * @example
 * const { pool, release } = resolvePool(options);
 * try { … } finally { await release(); }
 */
export function resolvePool(options: { pool?: WorkerPool; workers?: number }): {
  pool: WorkerPool;
  release: () => Promise<void>;
} {
  if (options.pool) return { pool: options.pool, release: () => Promise.resolve() };
  if (options.workers !== undefined) {
    const pool = createWorkerPool({ threads: options.workers });
    return { pool, release: () => pool.close() };
  }
  return { pool: sharedWorkerPool(), release: () => Promise.resolve() };
}
