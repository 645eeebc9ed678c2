/** Gaussian blobs around given centres (sd 1, rows interleaved), with the blob of each row. */
import type { Matrix } from "../../src/cluster/matrix.js";
import { createRng } from "../../src/util/random.js";

export function gaussianBlobs(
  centres: readonly (readonly number[])[],
  perBlob: number,
  seed: number,
  sd = 1,
): { matrix: Matrix; labels: Int32Array } {
  const rng = createRng(seed);
  const cols = centres[0].length;
  const rows = centres.length * perBlob;
  const data = new Float64Array(rows * cols);
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const b = r % centres.length;
    labels[r] = b;
    for (let j = 0; j < cols; j++) data[r * cols + j] = centres[b][j] + sd * rng.normal();
  }
  return { matrix: { data, rows, cols }, labels };
}

/** Centroid (mean) of each label's rows, k × cols. */
export function labelMeans(matrix: Matrix, labels: Int32Array, k: number): Matrix {
  const { cols } = matrix;
  const data = new Float64Array(k * cols);
  const sizes = new Float64Array(k);
  for (let r = 0; r < matrix.rows; r++) {
    sizes[labels[r]]++;
    for (let j = 0; j < cols; j++) data[labels[r] * cols + j] += matrix.data[r * cols + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < cols; j++) data[c * cols + j] /= sizes[c];
  return { data, rows: k, cols };
}
