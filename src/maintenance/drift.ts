/**
 * Drift diagnostics between the training date T0 and a later date Ti: how each feature's distribution
 * moved (population stability index), how far each frozen segment's members moved from its centroid,
 * and how customers migrate between segments.
 */
import type { Matrix } from "../cluster/matrix.js";

/** Options of {@link populationStabilityIndex}. */
export interface PsiOptions {
  /** Number of quantile bins of the reference distribution (default 10). */
  bins?: number;
  /** Floor of a bin share, so that empty bins do not give infinite PSI (default 1e-4). */
  epsilon?: number;
}

/**
 * Population stability index of `current` against `reference`: Σ (c − r) · ln(c / r) over bins cut at
 * the reference quantiles. Heavy ties (e.g. frequency, 1 for most customers) merge bins, so a value
 * never straddles two bins. NaN values are ignored. Rule of thumb: < 0.1 stable, 0.1–0.25 moderate
 * shift, > 0.25 major shift.
 *
 * @example
 * populationStabilityIndex(monetaryAtT0, monetaryAtTi); // 0.03
 */
export function populationStabilityIndex(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: PsiOptions = {},
): number {
  return psiAgainst(reference, options)(current);
}

/**
 * The PSI against a fixed reference, as a function of the current values: the reference is sorted
 * and binned once (the maintenance simulation compares each T0 with every later date).
 * `psiAgainst(r)(c)` equals `populationStabilityIndex(r, c)`.
 */
export function psiAgainst(
  reference: ArrayLike<number>,
  options: PsiOptions = {},
): (current: ArrayLike<number>) => number {
  const bins = options.bins ?? 10;
  const epsilon = options.epsilon ?? 1e-4;
  const ref = Float64Array.from(reference)
    .filter((x) => !Number.isNaN(x))
    .sort();
  if (ref.length === 0) return () => NaN;
  // Upper edges at the reference quantiles, deduplicated (ties collapse bins).
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const e = ref[Math.min(ref.length - 1, Math.floor((b * ref.length) / bins))];
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  const binOf = (x: number): number => {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const nb = edges.length + 1;
  const r = new Float64Array(nb);
  for (const x of ref) r[binOf(x)]++;
  return (current) => {
    const c = new Float64Array(nb);
    let n = 0;
    for (let i = 0; i < current.length; i++) {
      const x = current[i];
      if (Number.isNaN(x)) continue;
      c[binOf(x)]++;
      n++;
    }
    if (n === 0) return NaN;
    let psi = 0;
    for (let b = 0; b < nb; b++) {
      const rs = Math.max(r[b] / ref.length, epsilon);
      const cs = Math.max(c[b] / n, epsilon);
      psi += (cs - rs) * Math.log(cs / rs);
    }
    return psi;
  };
}

/**
 * For each segment, the Euclidean distance (in the frozen model space, i.e. in standard deviations of
 * T0) between its centroid and the mean of the customers assigned to it at Ti. NaN for an empty segment.
 */
export function centroidShift(
  matrix: Matrix,
  labels: ArrayLike<number>,
  centroids: Matrix,
): Float64Array {
  const { rows, cols } = matrix;
  const k = centroids.rows;
  const sums = new Float64Array(k * cols);
  const counts = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const s = labels[i];
    counts[s]++;
    for (let j = 0; j < cols; j++) sums[s * cols + j] += matrix.data[i * cols + j];
  }
  const shift = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    if (counts[s] === 0) {
      shift[s] = NaN;
      continue;
    }
    let d2 = 0;
    for (let j = 0; j < cols; j++)
      d2 += (sums[s * cols + j] / counts[s] - centroids.data[s * cols + j]) ** 2;
    shift[s] = Math.sqrt(d2);
  }
  return shift;
}

/**
 * Contingency matrix `m[a][b]` = customers in segment a under `from` and b under `to` (same customers,
 * same order). The input of the migration Sankey.
 */
export function migrationMatrix(
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  k: number,
): number[][] {
  if (from.length !== to.length)
    throw new Error(`from has ${from.length} labels, to has ${to.length}`);
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < from.length; i++) m[from[i]][to[i]]++;
  return m;
}
