/**
 * The bootstrap Jaccard with its k-means refits on the worker pool (`util/workerPool.ts`): every
 * run's refit is one task, the draws made beforehand by the one generator of `bootstrapDraws`, so
 * the result equals `bootstrapJaccard(matrix, labels, kmeansFitter(k, { nInit }), options)` for
 * any number of threads (tested).
 */
import { isMainThread } from "node:worker_threads";
import { kmeans } from "../cluster/kmeans.js";
import type { Matrix } from "../cluster/matrix.js";
import { selectRows } from "../cluster/matrix.js";
import { resolvePool } from "../util/sharedWorkerPool.js";
import { shareFloat64, shareInt32, type WorkerPool, workerTask } from "../util/workerPool.js";
import type { BootstrapJaccardOptions, BootstrapJaccardResult } from "./bootstrapJaccard.js";
import { bootstrapDraws, bootstrapResult } from "./bootstrapJaccard.js";

/** One run's refit: the rows (in shared memory on a thread), the drawn rows, k, restarts, seed. */
export interface BootstrapRefitJob {
  matrix: Matrix;
  draw: Int32Array;
  k: number;
  nInit: number;
  seed: number;
}

/** The pool task of one run: `kmeansFitter(k, { nInit })` on the drawn rows. */
export const bootstrapRefitTask = workerTask(
  import.meta.url,
  "bootstrapRefitTask",
  ({ matrix, draw, k, nInit, seed }: BootstrapRefitJob): Int32Array => {
    const labels = kmeans(selectRows(matrix, draw), k, { seed, nInit }).labels;
    return isMainThread ? labels : shareInt32(labels);
  },
);

/** Options of {@link bootstrapJaccardOnPool}. */
export interface BootstrapOnPoolOptions extends BootstrapJaccardOptions {
  /** k-means restarts of each refit (default 10, as `kmeansFitter`). */
  nInit?: number;
  /** The pool (default: the shared pool). */
  pool?: WorkerPool;
  /** Instead of `pool`: threads started for this call (0: on the calling thread). */
  workers?: number;
}

/**
 * Bootstrap Jaccard of every segment of `labels`, refitting k-means with `k` segments on each
 * draw, the refits spread over the worker pool.
 *
 * @example
 * const s = await bootstrapJaccardOnPool(matrix, labels, 5, { runs: 20, seed: 0 });
 */
export async function bootstrapJaccardOnPool(
  matrix: Matrix,
  labels: Int32Array,
  k: number,
  options: BootstrapOnPoolOptions = {},
): Promise<BootstrapJaccardResult> {
  const { nInit = 10, pool: given, workers, ...design } = options;
  const n = matrix.rows;
  if (labels.length !== n) throw new Error(`labels has ${labels.length} entries for ${n} rows`);
  const { draws, k: segments } = bootstrapDraws(labels, design);
  const { pool, release } = resolvePool({ pool: given, workers });
  try {
    const onThreads = pool.threads > 0;
    const rows: Matrix = onThreads
      ? { data: shareFloat64(matrix.data), rows: matrix.rows, cols: matrix.cols }
      : matrix;
    const drawn = onThreads ? shareInt32(draws.rows) : draws.rows;
    const refits: Int32Array[] = new Array(draws.runs);
    const size = draws.sampleSize;
    await pool.runOrdered(
      bootstrapRefitTask,
      draws.runs,
      (b) => ({
        matrix: rows,
        draw: drawn.subarray(b * size, (b + 1) * size),
        k,
        nInit,
        seed: draws.seeds[b],
      }),
      (b, refit) => (refits[b] = refit),
      { window: onThreads ? draws.runs : 1 },
    );
    return bootstrapResult(labels, segments, draws, refits);
  } finally {
    await release();
  }
}
