/** How many worker threads a pool gets: the default (environment, cores) and the check of a count. */
import { availableParallelism } from "node:os";

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

/** Throws unless `threads` is a whole number ≥ 0. */
export function checkThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 0)
    throw new Error(`threads must be an integer ≥ 0, got ${threads}`);
}
