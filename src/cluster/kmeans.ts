/**
 * k-means (Lloyd) with greedy k-means++ initialisation and restarts, on a row-major {@link Matrix}.
 *
 * Why our own implementation rather than `ml-kmeans` 7: `ml-kmeans` takes `number[][]`, runs a
 * single initialisation (no restarts), stops at 100 iterations by default with an absolute
 * tolerance, and allocates per-point objects.
 *
 * Speed (issue 6). The hot loops are generated per column count with the coordinate loop (and, for
 * small k, the centre loop) unrolled (`kmeansKernels.ts`); small k·cols use plain Lloyd with the
 * centre sums accumulated in the same pass, larger k·cols Hamerly's bounds. Results are
 * bit-identical to the previous implementation (plain loops, Hamerly for every k; pinned in
 * `test/cluster/kmeansPinned.test.ts`). Measured figures: bench/README.md ("k-means, issue 6").
 * `kmeansParallel` (kmeansParallel.ts) spreads the restarts over worker threads, same result.
 *
 * WebAssembly SIMD. Where the runtime has wasm SIMD (Node 20 does) and cols ≤ 16, k ≤ 32, the
 * assignment steps and the k-means++ candidate batch run as generated wasm (`wasmKernels.ts`;
 * `fastKernels.ts` chooses, `OLIST_WASM=0` turns them off), bit-identical to the JavaScript
 * kernels, which stay the fallback; the rows are copied into the thread's wasm memory once per fit
 * (once per restart on a worker thread), and a run stays plain up to k·cols = 64 (`plainMaxWork`), above starts plain and switches to the bounds late (`switchMaxWork`).
 * Measured 2026-12-03 on the shared 2-core AMD EPYC machine (about 2.5× slower than the README's):
 * `bench/kmeansWasm.ts` (JS and wasm interleaved in one process, median of 7 after warm-up,
 * 93,000 × 6 blobs, one thread, `kmeans(matrix, k, { nInit: 10, seed: 0 })`): k = 6 453 → 260 ms
 * wall, CPU 452 → 259 ms (load 2.3); k = 10 1.70 → 1.00 s (CPU 1.68 → 1.00 s, load 3.3). `npm run
 * bench:cluster -- --skip-exact` before and after (load 3.5–3.8): ours 1 thread 0.47 → 0.29 s,
 * 2 pool threads 0.40 → 0.35 s, the k = 2…10 sweep with scores 15.1 → 8.5 s (CPU 14.6 → 8.4 s);
 * `npm run bench:sweep` on the 1× twin, 0 workers, interleaved (load 4–7): CPU 94.5 and 116.5 s
 * before, 53.6 and 52.0 s after; the maintenance study (`bench/maintenance.ts --workers 0`, 1×
 * twin, 94 refits, load 3.6–5.7): cold 92.4 → 55.1 s, process CPU 94.6 → 56.6 s, same decision.
 *
 * This module follows scikit-learn 1.2's `KMeans(algorithm="lloyd")`: greedy k-means++ with
 * 2 + ⌊ln k⌋ local trials, `nInit` restarts keeping the lowest inertia, convergence when labels stop
 * changing or when the total squared centre shift falls below `tolerance × mean feature variance`,
 * a final assignment step so labels match the returned centroids, and empty clusters relocated to
 * the points farthest from their centres. `ml-kmeans` is kept as a cross-check in the tests.
 */
import { assertFinite, type Matrix } from "./matrix.js";
import { fastCandidateBatch, fastKmeansKernels } from "./fastKernels.js";
import { scratchFloat64 } from "./scratch.js";
import { lloyd, type SingleRun } from "./lloyd.js";
import { createRng, type Rng } from "../util/random.js";

export { HAMERLY_SWITCH_SHARE, lloyd, PLAIN_LLOYD_MAX_WORK } from "./lloyd.js";
export type { LloydMode, SingleRun } from "./lloyd.js";

/** Options of {@link kmeans}. */
export interface KMeansOptions {
  /** Number of k-means++ restarts; the run with the lowest inertia is kept. Default 10. */
  nInit?: number;
  /** Maximum Lloyd iterations per restart. Default 300. */
  maxIterations?: number;
  /** Convergence threshold on the total squared centre shift, relative to the mean feature variance (as sklearn `tol`). Default 1e-4. */
  tolerance?: number;
  /** Seed of the initialisations. Default 0. */
  seed?: number;
  /** Start from these k × cols centroids instead of k-means++ (then a single run is made). */
  initialCentroids?: Matrix;
}

/** Result of {@link kmeans}. */
export interface KMeansResult {
  /** Cluster of each row, 0..k-1. */
  labels: Int32Array;
  /** Final centroids, k × cols. */
  centroids: Matrix;
  /** Sum of squared distances of the rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the kept restart. */
  iterations: number;
  /** Whether the kept restart converged before `maxIterations`. */
  converged: boolean;
  /** Inertia of every restart, in order (to judge how much restarts matter). */
  restartInertias: Float64Array;
}

/** Validates `k` against the data and returns nothing; throws an explanatory error otherwise. */
function checkK(matrix: Matrix, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  if (k > matrix.rows) {
    throw new Error(
      `k = ${k} is larger than the number of rows (${matrix.rows}); choose k ≤ ${matrix.rows}`,
    );
  }
}

/**
 * Greedy k-means++ seeding (as scikit-learn): each new centre is the best of `2 + ⌊ln k⌋`
 * candidates drawn with probability proportional to the squared distance to the chosen centres.
 */
export function kmeansPlusPlus(matrix: Matrix, k: number, rng: Rng): Matrix {
  checkK(matrix, k);
  const { rows: n, cols: d } = matrix;
  const kernels = fastKmeansKernels(d, k);
  const data = kernels.rows(matrix.data); // see lloyd()
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  // The trials of a centre are scored in one pass (`candidateBatch`), each into its own buffer;
  // the best one's buffer becomes the closest distances and the old ones take its place.
  // Scratch buffers (every element written before it is read; none escapes): see scratch.ts.
  let closest = kernels.float64("kmeans++:closest", n);
  const outs = Array.from({ length: trials }, (_, t) => kernels.float64(`kmeans++:out${t}`, n));
  const cumulative = scratchFloat64("kmeans++:cumulative", n);
  const candidates = new Int32Array(trials);
  const pots = new Float64Array(trials);
  const scoreTrials = fastCandidateBatch(d, k, trials);

  const first = rng.int(n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  closest.fill(Infinity);
  let potential = kernels.candidatePass(data, n, first, closest, closest);

  for (let center = 1; center < k; center++) {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += closest[i];
      cumulative[i] = acc;
    }
    // The draws do not depend on the scores, so all trials are drawn first.
    for (let t = 0; t < trials; t++) {
      const target = rng.next() * potential;
      // First index whose cumulative sum reaches the target (numpy searchsorted, side="left").
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      candidates[t] = lo;
    }
    scoreTrials(data, n, candidates, closest, outs, pots);
    let best = 0;
    for (let t = 1; t < trials; t++) if (pots[t] < pots[best]) best = t;
    const bestId = candidates[best];
    centers.set(data.subarray(bestId * d, bestId * d + d), center * d);
    const swap = closest;
    closest = outs[best];
    outs[best] = swap;
    potential = pots[best];
  }
  return { data: centers, rows: k, cols: d };
}

/** Mean of the per-column (population) variances, the scale of sklearn's relative tolerance. */
export function meanFeatureVariance(matrix: Matrix): number {
  const { data, rows: n, cols: d } = matrix;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const u = data[i * d + j] - mean;
      v += u * u;
    }
    total += v / n;
  }
  return total / d;
}

/** A k-means call's options, checked and resolved (shared by `kmeans` and `kmeansParallel`). */
export interface KMeansPlan {
  k: number;
  nInit: number;
  maxIterations: number;
  /** `tolerance` × mean feature variance. */
  absoluteTolerance: number;
  seed: number;
  initialCentroids?: Matrix;
}

/** Checks the options of {@link kmeans} against the data; throws an explanatory error otherwise. */
export function planKMeans(matrix: Matrix, k: number, options: KMeansOptions = {}): KMeansPlan {
  const { maxIterations = 300, tolerance = 1e-4, seed = 0, initialCentroids } = options;
  let { nInit = 10 } = options;
  checkK(matrix, k);
  assertFinite(matrix);
  if (!Number.isInteger(nInit) || nInit < 1)
    throw new Error(`nInit must be a positive integer, got ${nInit}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new Error(`maxIterations must be a positive integer, got ${maxIterations}`);
  }
  if (!(tolerance >= 0)) throw new Error(`tolerance must be ≥ 0, got ${tolerance}`);
  if (initialCentroids) {
    if (initialCentroids.rows !== k || initialCentroids.cols !== matrix.cols) {
      throw new Error(
        `initialCentroids is ${initialCentroids.rows} × ${initialCentroids.cols}, expected k × cols = ${k} × ${matrix.cols}`,
      );
    }
    nInit = 1;
  }
  const absoluteTolerance = tolerance * meanFeatureVariance(matrix);
  return { k, nInit, maxIterations, absoluteTolerance, seed, initialCentroids };
}

/**
 * Restart `r` of a plan. Its k-means++ generator is the (r + 1)-th `fork()` of `createRng(seed)`
 * (the master generator is used for nothing else), so a restart can run anywhere, alone, and give
 * the run that the sequential loop of {@link kmeans} gives.
 */
export function kmeansRestart(matrix: Matrix, plan: KMeansPlan, r: number): SingleRun {
  const master = createRng(plan.seed);
  let rng = master.fork();
  for (let skip = 0; skip < r; skip++) rng = master.fork();
  return runRestart(matrix, plan, rng);
}

/**
 * `matrix` with its rows where the kernels for k centres read them fastest (`KMeansKernels.rows`:
 * copied into the wasm memory unless already there), for the seeding and Lloyd runs of a fit.
 */
function kernelRows(matrix: Matrix, k: number): Matrix {
  return { ...matrix, data: fastKmeansKernels(matrix.cols, k).rows(matrix.data) };
}

function runRestart(matrix: Matrix, plan: KMeansPlan, rng: Rng): SingleRun {
  const rows = kernelRows(matrix, plan.k); // a copy per restart on a worker thread, else none
  const init = plan.initialCentroids
    ? Float64Array.from(plan.initialCentroids.data)
    : kmeansPlusPlus(rows, plan.k, rng).data;
  return lloyd(rows, plan.k, init, plan.maxIterations, plan.absoluteTolerance);
}

/**
 * The result of a plan from its restarts, in restart order: the first run with the lowest inertia
 * is kept (the same reduction whatever ran the restarts).
 */
export function keepBestRestart(
  matrix: Matrix,
  k: number,
  runs: readonly SingleRun[],
): KMeansResult {
  const restartInertias = new Float64Array(runs.length);
  let best = runs[0];
  runs.forEach((run, r) => {
    restartInertias[r] = run.inertia;
    if (run.inertia < best.inertia) best = run;
  });
  return {
    labels: best.labels,
    centroids: { data: best.centers, rows: k, cols: matrix.cols },
    inertia: best.inertia,
    iterations: best.iterations,
    converged: best.converged,
    restartInertias,
  };
}

/**
 * Clusters the rows into k groups with k-means (Lloyd), keeping the best of `nInit` k-means++
 * restarts. Deterministic for a given `seed`; `kmeansParallel` spreads the restarts over worker
 * threads with the same result.
 *
 * @example
 * const result = kmeans(matrix, 6, { seed: 42 });
 * result.labels; // Int32Array, one cluster per row
 * result.inertia; // within-cluster sum of squares
 */
export function kmeans(matrix: Matrix, k: number, options: KMeansOptions = {}): KMeansResult {
  const plan = planKMeans(matrix, k, options);
  const rng = createRng(plan.seed);
  const runs: SingleRun[] = [];
  const rows = kernelRows(matrix, k); // copied once for all the restarts
  for (let r = 0; r < plan.nInit; r++) runs.push(runRestart(rows, plan, rng.fork()));
  return keepBestRestart(matrix, k, runs);
}

/**
 * Assigns each row of `matrix` to its nearest centroid (squared Euclidean distance; ties go to
 * the lowest index). Use it to label new customers with a fitted model.
 *
 * @example
 * const labels = kmeansPredict(newCustomers, result.centroids);
 */
export function kmeansPredict(matrix: Matrix, centroids: Matrix): Int32Array {
  if (centroids.cols !== matrix.cols) {
    throw new Error(`centroids have ${centroids.cols} columns but the data has ${matrix.cols}`);
  }
  if (centroids.rows < 1) throw new Error("centroids must have at least one row");
  assertFinite(matrix);
  const labels = new Int32Array(matrix.rows);
  const k = centroids.rows;
  // The fastest kernels' accumulating pass (the wasm one where it applies, rows staged in and out):
  // the same nearest centres as the plain JavaScript scan, ~3× faster at 96k × 4, k = 5 (2.0 →
  // 0.62 ms, staging included); the sums it adds up are not needed here.
  fastKmeansKernels(matrix.cols, k).assignPlainSums(
    matrix.data,
    matrix.rows,
    centroids.data,
    k,
    labels,
    new Float64Array(k * matrix.cols),
    new Float64Array(k),
  );
  return labels;
}
