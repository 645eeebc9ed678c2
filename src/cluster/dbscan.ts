/**
 * DBSCAN (Ester et al. 1996) with scikit-learn semantics: a row is a core point when at least
 * `minSamples` rows, itself included, lie within `eps` (inclusive); clusters grow from core points
 * in row order, border points join the first cluster that reaches them, the rest is noise (-1).
 * Neighbourhoods come from a k-d tree and are never all stored, so memory stays O(n) on ~95k rows.
 */
import { buildKdTree, kthNeighborDistance, radiusSearch } from "./kdtree.js";
import { assertFinite, sampleIndices, type Matrix } from "./matrix.js";
import { createRng } from "../util/random.js";

/** Options of {@link dbscan}. */
export interface DbscanOptions {
  /** Neighbourhood radius (Euclidean). Required. */
  eps: number;
  /** Rows within `eps` (the row itself included) needed for a core point. Default 5 (as sklearn). */
  minSamples?: number;
}

/** Result of {@link dbscan}. */
export interface DbscanResult {
  /** Cluster of each row, 0..nClusters-1, or -1 for noise. */
  labels: Int32Array;
  /** 1 for core points. */
  core: Uint8Array;
  /** Number of clusters (noise excluded). */
  nClusters: number;
  /** Share of rows labelled noise, in [0, 1]. */
  noiseShare: number;
}

/**
 * Runs DBSCAN.
 *
 * @example
 * const { labels, nClusters, noiseShare } = dbscan(matrix, { eps: 0.5, minSamples: 10 });
 */
export function dbscan(matrix: Matrix, options: DbscanOptions): DbscanResult {
  const { eps, minSamples = 5 } = options;
  if (!(eps > 0) || !Number.isFinite(eps))
    throw new Error(`eps must be a positive finite number, got ${eps}`);
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new Error(`minSamples must be a positive integer, got ${minSamples}`);
  }
  assertFinite(matrix);
  const { data, rows: n, cols: d } = matrix;
  const tree = buildKdTree(matrix);
  const core = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (radiusSearch(tree, data, i * d, eps, null, minSamples) >= minSamples) core[i] = 1;
  }
  const labels = new Int32Array(n).fill(-1);
  let cluster = 0;
  const stack: number[] = [];
  const push = (row: number) => {
    if (labels[row] === -1) stack.push(row);
  };
  for (let seed = 0; seed < n; seed++) {
    if (labels[seed] !== -1 || !core[seed]) continue;
    stack.push(seed);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      if (labels[i] !== -1) continue;
      labels[i] = cluster;
      if (core[i]) radiusSearch(tree, data, i * d, eps, push);
    }
    cluster++;
  }
  let noise = 0;
  for (let i = 0; i < n; i++) if (labels[i] === -1) noise++;
  return { labels, core, nClusters: cluster, noiseShare: n > 0 ? noise / n : 0 };
}

/** Options of {@link kDistances}. */
export interface KDistanceOptions {
  /** Compute the curve for a seeded random sample of rows (neighbours still come from all rows). Default: all rows. */
  sampleSize?: number;
  /** Seed of the sample. Default 0. */
  seed?: number;
}

/**
 * The k-distance curve that guides DBSCAN's `eps`: for each row (or a seeded sample), the distance
 * to its k-th nearest row counting itself, sorted ascending. With k = minSamples, a row is a core
 * point exactly when its k-distance ≤ eps, so the "elbow" of this curve is a natural eps.
 *
 * @example
 * const curve = kDistances(matrix, 10, { sampleSize: 5000, seed: 1 });
 */
export function kDistances(
  matrix: Matrix,
  k: number,
  options: KDistanceOptions = {},
): Float64Array {
  const { sampleSize = matrix.rows, seed = 0 } = options;
  if (!Number.isInteger(k) || k < 1 || k > matrix.rows) {
    throw new Error(
      `k must be an integer between 1 and the number of rows (${matrix.rows}), got ${k}`,
    );
  }
  assertFinite(matrix);
  const tree = buildKdTree(matrix);
  const rows =
    sampleSize >= matrix.rows
      ? Int32Array.from({ length: matrix.rows }, (_, i) => i)
      : sampleIndices(matrix.rows, sampleSize, createRng(seed));
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++)
    out[r] = kthNeighborDistance(tree, matrix.data, rows[r] * matrix.cols, k);
  return out.sort();
}
