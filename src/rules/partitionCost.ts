/**
 * The k-means cost of a partition: the sum of squared Euclidean distances of the rows to the mean
 * of their own group (each group with its own centroid), in one pass for the sums and one for the
 * distances.
 */
import type { Matrix } from "../cluster/matrix.js";

/**
 * k-means cost of the partition `labels` (0..k−1) of `matrix`; empty groups cost nothing.
 *
 * @example
 * partitionCost(matrixFromRows([[0], [2], [10]]), Int32Array.from([0, 0, 1]), 2); // 2
 */
export function partitionCost(matrix: Matrix, labels: Int32Array, k: number): number {
  const { data, rows, cols } = matrix;
  if (labels.length !== rows) {
    throw new Error(`labels has ${labels.length} entries but the data has ${rows} rows`);
  }
  const sums = new Float64Array(k * cols);
  const sizes = new Float64Array(k);
  for (let r = 0; r < rows; r++) {
    const g = labels[r];
    if (!(g >= 0 && g < k)) throw new Error(`labels[${r}] = ${g} is outside 0..${k - 1}`);
    sizes[g]++;
    for (let j = 0; j < cols; j++) sums[g * cols + j] += data[r * cols + j];
  }
  for (let g = 0; g < k; g++) {
    for (let j = 0; j < cols; j++) if (sizes[g] > 0) sums[g * cols + j] /= sizes[g];
  }
  let cost = 0;
  for (let r = 0; r < rows; r++) {
    const g = labels[r];
    for (let j = 0; j < cols; j++) cost += (data[r * cols + j] - sums[g * cols + j]) ** 2;
  }
  return cost;
}
