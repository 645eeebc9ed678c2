/**
 * Silhouette lift over a null: the silhouette of a clustering minus the silhouette the same
 * algorithm and k reach on a column-permuted copy of the same data (each column shuffled on its
 * own, seeded). The permutation keeps every feature's distribution and destroys only how features
 * go together, so the null measures the separation that the number of dimensions and the marginal
 * shapes give for free; the lift is the part owed to joint structure, comparable across feature
 * spaces of different dimension.
 */
import type { Matrix } from "../cluster/matrix.js";
import { createMatrix } from "../cluster/matrix.js";
import { kmeans } from "../cluster/kmeans.js";
import { silhouetteSample } from "../metrics/silhouette.js";
import { createRng } from "../util/random.js";

/**
 * A copy of `matrix` whose every column is permuted independently (Fisher–Yates, seeded): same
 * marginal distributions, no dependence between columns.
 *
 * @example
 * permuteColumns(createMatrix(new Float64Array([1, 10, 2, 20, 3, 30]), 3, 2), 1); // columns shuffled apart
 */
export function permuteColumns(matrix: Matrix, seed: number): Matrix {
  const { rows, cols, data } = matrix;
  const out = new Float64Array(data.length);
  const rng = createRng(seed);
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) column[i] = data[i * cols + j];
    for (let i = rows - 1; i > 0; i--) {
      const r = rng.int(i + 1);
      const t = column[i];
      column[i] = column[r];
      column[r] = t;
    }
    for (let i = 0; i < rows; i++) out[i * cols + j] = column[i];
  }
  return createMatrix(out, rows, cols);
}

/** Options of {@link nullSilhouette}. */
export interface NullSilhouetteOptions {
  /** k-means restarts (default 4). */
  nInit?: number;
  /** Seed of the permutation, the fit and the silhouette sample (default 0). */
  seed?: number;
  /** Rows of the sampled silhouette (default 5,000). */
  silhouetteSampleSize?: number;
}

/**
 * The null silhouette of k-means at `k` on `matrix`: k-means fitted on the column-permuted copy,
 * scored there by the sampled silhouette (same sample size and seed as the real score).
 *
 * @example
 * const lift = silhouette - nullSilhouette(matrix, 5, { seed: 0 });
 */
export function nullSilhouette(
  matrix: Matrix,
  k: number,
  options: NullSilhouetteOptions = {},
): number {
  const { nInit = 4, seed = 0, silhouetteSampleSize = 5_000 } = options;
  const permuted = permuteColumns(matrix, seed + 1);
  const fit = kmeans(permuted, k, { nInit, seed });
  return silhouetteSample(permuted, fit.labels, {
    sampleSize: Math.min(silhouetteSampleSize, permuted.rows),
    seed,
  });
}
