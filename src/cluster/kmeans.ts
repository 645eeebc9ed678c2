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
 * `test/cluster/kmeansPinned.test.ts`). Measured with `bench/cluster.ts` on synthetic data shaped
 * like the Olist table (93,000 × 6, six skewed blobs), same run, CPU time of the fitting thread
 * (the 2-core machine was shared, load ≈ 6, so wall times were 2–4× longer):
 * - k = 6, nInit 10: 0.45 s (previous implementation 1.11 s; `ml-kmeans`, one run: 0.64 s);
 *   inertia 800,660.205 vs scikit-learn 1.2's best restart 800,660.221 (−2·10⁻⁸ relative);
 *   scikit-learn took 1.2 s wall for n_init 10 on the idle machine. On a quieter machine
 *   (load ≈ 1), interleaved: 0.27–0.39 s wall vs 0.62–0.86 s before.
 * - sweep k = 2..10, nInit 10, with Davies–Bouldin, Calinski–Harabasz and a 10k-row silhouette:
 *   9.3 s (before 14.6 s); the k-means part alone is ~5.5 s, k = 8..10 costing the most.
 * - k = 300, nInit 1, 50 iterations (the micro-clusters of `wardMicroClusters`): whole
 *   `wardMicroClusters` 6.2 s vs 18.7 s for the k-means alone before (quieter machine: 4.8 s vs
 *   18.2 s wall); k-means++ seeding is ~1.3 s of it (7 candidate passes per centre, as sklearn).
 * Single-threaded: restarts are not spread over worker threads.
 * This module follows scikit-learn 1.2's `KMeans(algorithm="lloyd")`: greedy k-means++ with
 * 2 + ⌊ln k⌋ local trials, `nInit` restarts keeping the lowest inertia, convergence when labels stop
 * changing or when the total squared centre shift falls below `tolerance × mean feature variance`,
 * a final assignment step so labels match the returned centroids, and empty clusters relocated to
 * the points farthest from their centres. `ml-kmeans` is kept as a cross-check in the tests.
 */
import { assertFinite, type Matrix } from "./matrix.js";
import { kmeansKernels } from "./kmeansKernels.js";
import { createRng, type Rng } from "../util/random.js";

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
  const { data, rows: n, cols: d } = matrix;
  const kernels = kmeansKernels(d, k);
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  // Three distance buffers rotate: the current closest distances, the candidate being scored and
  // the best candidate so far (swapping references instead of copying n values per candidate).
  let closest = new Float64Array(n);
  let candidateDist = new Float64Array(n);
  let bestDist = new Float64Array(n);
  const cumulative = new Float64Array(n);

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
    let bestPotential = Infinity;
    let bestId = -1;
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
      const pot = kernels.candidatePass(data, n, lo, closest, candidateDist);
      if (pot < bestPotential) {
        bestPotential = pot;
        bestId = lo;
        const swap = bestDist;
        bestDist = candidateDist;
        candidateDist = swap;
      }
    }
    centers.set(data.subarray(bestId * d, bestId * d + d), center * d);
    const swap = closest;
    closest = bestDist;
    bestDist = swap;
    potential = bestPotential;
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

/** One Lloyd run (see {@link lloyd}). */
export interface SingleRun {
  labels: Int32Array;
  centers: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * Up to this k·cols the assignment step is plain Lloyd (k distances per row, no bounds); above it,
 * Hamerly's bounds. Both give exactly Lloyd's assignments. Measured on 93k rows (CPU time, 5
 * restarts): the plain scan wins while k·cols < 48 (4 cols k = 5: 0.24 s vs 0.33 s; 6 cols k = 5:
 * 0.15 s vs 0.20 s; k·cols = 48: tie), the bounds win above (6 cols k = 12: 1.23 s vs 0.74 s).
 */
export const PLAIN_LLOYD_MAX_WORK = 48;

/**
 * One Lloyd run from the given initial centres (which it overwrites). When k·cols exceeds
 * {@link PLAIN_LLOYD_MAX_WORK} it is accelerated with Hamerly's bounds (2010): per row an upper
 * bound on the distance to its centre and a lower bound on the distance to any other centre let
 * most rows skip the k distance computations. The assignments are exactly Lloyd's; only the work
 * changes (this matters for k = 300 micro-clusters). `plain` forces the choice (for tests).
 */
export function lloyd(
  matrix: Matrix,
  k: number,
  init: Float64Array,
  maxIterations: number,
  tolerance: number,
  plain = k * matrix.cols <= PLAIN_LLOYD_MAX_WORK,
): SingleRun {
  const { data, rows: n, cols: d } = matrix;
  const kernels = kmeansKernels(d, k);
  let centers: Float64Array = init;
  let next: Float64Array = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const labels = new Int32Array(n);
  const previous = new Int32Array(n);
  const upper = plain ? new Float64Array(0) : new Float64Array(n);
  const lower = plain ? new Float64Array(0) : new Float64Array(n);
  const halfGap = new Float64Array(k);
  // Centre shifts of the last update, applied lazily to the bounds by the next Hamerly step.
  const moved = new Float64Array(k);
  let maxMove = 0;
  let iterations = 0;
  let converged = false;

  /**
   * Assignment step: exact nearest centres against `centers`, accumulating the rows into `next`
   * and `counts` (zeroed here); returns how many labels changed.
   */
  const assignStep = (full: boolean): number => {
    next.fill(0);
    counts.fill(0);
    if (plain) return kernels.assignPlainSums(data, n, centers, k, labels, next, counts);
    if (full) return kernels.assignFull(data, n, centers, k, labels, upper, lower, next, counts);
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let c2 = 0; c2 < k; c2++) {
        if (c2 === c) continue;
        let s = 0;
        for (let j = 0; j < d; j++) {
          const u = centers[c * d + j] - centers[c2 * d + j];
          s += u * u;
        }
        if (s < m) m = s;
      }
      halfGap[c] = Math.sqrt(m) / 2;
    }
    return kernels.assignHamerly(
      data,
      n,
      centers,
      k,
      labels,
      upper,
      lower,
      halfGap,
      moved,
      maxMove,
      next,
      counts,
    );
  };

  for (let it = 0; it < maxIterations; it++) {
    previous.set(labels);
    const changes = assignStep(it === 0);
    let relocated = false;
    if (counts.includes(0)) {
      const distances = new Float64Array(n);
      kernels.labelDistances(data, n, centers, labels, distances);
      relocateEmptyClusters(data, d, k, labels, distances, next, counts);
      relocated = true;
      if (!plain) lower.fill(0); // bounds no longer valid for relocated rows: force a full check next time
    }
    for (let c = 0; c < k; c++) {
      const w = counts[c];
      for (let j = 0; j < d; j++) next[c * d + j] /= w;
    }
    iterations = it + 1;
    let unchanged = it > 0 && changes === 0;
    if (it > 0 && relocated) {
      // A relocation may change labels back or forth: compare with the previous labels.
      unchanged = true;
      for (let i = 0; i < n; i++) {
        if (labels[i] !== previous[i]) {
          unchanged = false;
          break;
        }
      }
    }
    let shift = 0;
    maxMove = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const u = next[c * d + j] - centers[c * d + j];
        s += u * u;
      }
      shift += s;
      moved[c] = Math.sqrt(s);
      if (moved[c] > maxMove) maxMove = moved[c];
    }
    const swap = centers;
    centers = next;
    next = swap;
    if (unchanged || shift <= tolerance) {
      converged = true;
      break;
    }
  }
  // The labels were computed against the previous centres: a final assignment makes labels,
  // centroids and inertia consistent (as scikit-learn does). Its sums land in `next`, unused.
  assignStep(false);
  const inertia = kernels.inertia(data, n, centers, labels);
  return { labels, centers, inertia, iterations, converged };
}

/**
 * Empty clusters take the points farthest from their current centre (as scikit-learn), so that
 * k clusters are always returned. Works on the running sums before division.
 */
function relocateEmptyClusters(
  data: Float64Array,
  d: number,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const order = Array.from(distances.keys()).sort((a, b) => distances[b] - distances[a] || a - b);
  let taken = 0;
  for (const c of empty) {
    // Skip points whose own cluster would become empty.
    let i = order[taken++];
    while (counts[labels[i]] <= 1) i = order[taken++];
    const old = labels[i];
    for (let j = 0; j < d; j++) {
      sums[old * d + j] -= data[i * d + j];
      sums[c * d + j] = data[i * d + j];
    }
    counts[old]--;
    counts[c] = 1;
    labels[i] = c;
    distances[i] = 0;
  }
}

/**
 * Clusters the rows into k groups with k-means (Lloyd), keeping the best of `nInit` k-means++
 * restarts. Deterministic for a given `seed`.
 *
 * @example
 * const result = kmeans(matrix, 6, { seed: 42 });
 * result.labels; // Int32Array, one cluster per row
 * result.inertia; // within-cluster sum of squares
 */
export function kmeans(matrix: Matrix, k: number, options: KMeansOptions = {}): KMeansResult {
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
  const rng = createRng(seed);
  const restartInertias = new Float64Array(nInit);
  let best: SingleRun | undefined;
  for (let r = 0; r < nInit; r++) {
    const init = initialCentroids
      ? Float64Array.from(initialCentroids.data)
      : kmeansPlusPlus(matrix, k, rng.fork()).data;
    const run = lloyd(matrix, k, init, maxIterations, absoluteTolerance);
    restartInertias[r] = run.inertia;
    if (!best || run.inertia < best.inertia) best = run;
  }
  const kept = best as SingleRun;
  return {
    labels: kept.labels,
    centroids: { data: kept.centers, rows: k, cols: matrix.cols },
    inertia: kept.inertia,
    iterations: kept.iterations,
    converged: kept.converged,
    restartInertias,
  };
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
  kmeansKernels(matrix.cols, centroids.rows).assignPlain(
    matrix.data,
    matrix.rows,
    centroids.data,
    centroids.rows,
    labels,
  );
  return labels;
}
