/**
 * One Lloyd run of k-means from given centres, exact, accelerated by Hamerly's bounds for larger
 * k·cols (see {@link lloyd}); `kmeans.ts` wraps it with k-means++ seeding and restarts.
 */
import type { Matrix } from "./matrix.js";
import { fastKmeansKernels } from "./fastKernels.js";
import { scratchFloat64, scratchInt32 } from "./scratch.js";

/** One Lloyd run (see {@link lloyd}). */
export interface SingleRun {
  labels: Int32Array;
  centers: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

export { PLAIN_LLOYD_MAX_WORK } from "./kmeansKernelTypes.js";

/**
 * In the `"switch"` mode, the run goes over to Hamerly's bounds once fewer than this share of the
 * rows changed label in an iteration: the bounds pay off when most rows keep their centre, which is
 * most iterations of a converging run. Measured on the 1× twin (4 cols, k = 5, 73k rows, 10
 * restarts, CPU time): plain 341 ms, switching at 1 % 314, 2 % 288, 5 % 301, 20 % 308 ms, Hamerly
 * throughout 321 ms; earlier in the data (2017-11, 40k rows): 145, 126, 111, 110, 122, 117 ms.
 */
export const HAMERLY_SWITCH_SHARE = 0.03;

/**
 * How a Lloyd run assigns rows: `"plain"` k distances per row every iteration, `"bounded"`
 * Hamerly's bounds throughout, `"switch"` plain until fewer than {@link HAMERLY_SWITCH_SHARE} of
 * the rows change label, then bounds. All three give exactly Lloyd's assignments, so the same
 * labels, centres and inertia, bit for bit (tested).
 */
export type LloydMode = "plain" | "bounded" | "switch";

/**
 * One Lloyd run from the given initial centres (which it overwrites). Up to the kernels'
 * `plainMaxWork` (k·cols) it is plain Lloyd throughout. When k·cols exceeds the
 * kernels' `switchMaxWork` ({@link PLAIN_LLOYD_MAX_WORK} for the JavaScript kernels, no limit for
 * the wasm ones) it is accelerated with Hamerly's bounds (2010) throughout: per row an upper
 * bound on the distance to its centre and a lower bound on the distance to any other centre let
 * most rows skip the k distance computations; below, it starts plain and takes the bounds for the
 * last iterations (`"switch"`, see {@link LloydMode}). The assignments are exactly Lloyd's; only the
 * work changes (this matters for k = 300 micro-clusters). `forcedMode` forces the choice (for
 * tests).
 */
export function lloyd(
  matrix: Matrix,
  k: number,
  init: Float64Array,
  maxIterations: number,
  tolerance: number,
  forcedMode?: LloydMode,
): SingleRun {
  const { rows: n, cols: d } = matrix;
  const kernels = fastKmeansKernels(d, k);
  const work = k * d;
  const mode =
    forcedMode ??
    (work <= kernels.plainMaxWork ? "plain" : work <= kernels.switchMaxWork ? "switch" : "bounded");
  // The rows, labels and bounds where the kernels read them fastest (the wasm memory for the wasm
  // kernels; the rows are copied there unless the caller already did, as `kmeans` does).
  const data = kernels.rows(matrix.data);
  let centers: Float64Array = init;
  let next: Float64Array = new Float64Array(k * d);
  const counts = new Float64Array(k);
  // Scratch buffers (every element written before it is read; none escapes): see scratch.ts.
  const labels = kernels.int32("lloyd:labels", n).fill(0);
  const previous = scratchInt32("lloyd:previous", n);
  let plain = mode !== "bounded";
  // Set when the run leaves the plain scan: the next step computes the bounds (a full step).
  let boundsNext = false;
  const upper = mode === "plain" ? new Float64Array(0) : kernels.float64("lloyd:upper", n);
  const lower = mode === "plain" ? new Float64Array(0) : kernels.float64("lloyd:lower", n);
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
    if (full || boundsNext) {
      boundsNext = false;
      return kernels.assignFull(data, n, centers, k, labels, upper, lower, next, counts);
    }
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
    if (plain && mode === "switch" && it > 0 && changes < HAMERLY_SWITCH_SHARE * n) {
      plain = false;
      boundsNext = true;
    }
    let relocated = false;
    if (counts.includes(0)) {
      const distances = scratchFloat64("lloyd:distances", n);
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
  return { labels: labels.slice(), centers, inertia, iterations, converged };
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
