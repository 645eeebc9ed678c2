/**
 * Internal validation indices other than the silhouette, with scikit-learn 1.2 semantics:
 * Davies–Bouldin, Calinski–Harabasz and the k-means inertia. All are O(n · cols) on the full table.
 */
import { assertFinite, assertLabels, type Matrix } from "../cluster/matrix.js";
import { checkNumberOfLabels, encodeLabels } from "./labels.js";

/** Per-cluster means (clusters coded 0..m-1) of the rows. */
function clusterMeans(matrix: Matrix, codes: Int32Array, counts: Float64Array): Float64Array {
  const { data, rows: n, cols: d } = matrix;
  const means = new Float64Array(counts.length * d);
  for (let i = 0; i < n; i++) {
    const o = codes[i] * d;
    for (let j = 0; j < d; j++) means[o + j] += data[i * d + j];
  }
  for (let c = 0; c < counts.length; c++) for (let j = 0; j < d; j++) means[c * d + j] /= counts[c];
  return means;
}

/**
 * Davies–Bouldin index (lower is better): mean over clusters of the worst ratio
 * (S_i + S_j) / ‖c_i − c_j‖, where S is the mean distance of a cluster's rows to its centroid.
 * Returns 0 if all S or all centroid distances are ~0, as scikit-learn.
 *
 * @example
 * daviesBouldinScore(matrix, labels); // e.g. 0.85
 */
export function daviesBouldinScore(matrix: Matrix, labels: Int32Array): number {
  assertLabels(matrix, labels);
  assertFinite(matrix);
  const { codes, counts } = encodeLabels(labels);
  const m = counts.length;
  checkNumberOfLabels(m, matrix.rows, "Davies-Bouldin");
  const { data, rows: n, cols: d } = matrix;
  const means = clusterMeans(matrix, codes, counts);
  const intra = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    let s = 0;
    for (let j = 0; j < d; j++) {
      const u = data[i * d + j] - means[c * d + j];
      s += u * u;
    }
    intra[c] += Math.sqrt(s);
  }
  for (let c = 0; c < m; c++) intra[c] /= counts[c];
  const between = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const u = means[a * d + j] - means[b * d + j];
        s += u * u;
      }
      between[a * m + b] = Math.sqrt(s);
    }
  }
  // numpy.allclose(x, 0) with default tolerances means |x| ≤ 1e-8 everywhere.
  const allNearZero = (x: Float64Array) => x.every((v) => Math.abs(v) <= 1e-8);
  if (allNearZero(intra) || allNearZero(between)) return 0;
  let total = 0;
  for (let a = 0; a < m; a++) {
    let worst = -Infinity;
    for (let b = 0; b < m; b++) {
      const dist = between[a * m + b];
      // Coincident centroids (including a with itself) count as infinitely far, as scikit-learn.
      const ratio = (intra[a] + intra[b]) / (dist === 0 ? Infinity : dist);
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / m;
}

/**
 * Calinski–Harabasz index (variance ratio criterion, higher is better):
 * [between-cluster dispersion / (k − 1)] / [within-cluster dispersion / (n − k)];
 * 1 when the within-cluster dispersion is 0, as scikit-learn.
 *
 * @example
 * calinskiHarabaszScore(matrix, labels); // e.g. 41250.3
 */
export function calinskiHarabaszScore(matrix: Matrix, labels: Int32Array): number {
  assertLabels(matrix, labels);
  assertFinite(matrix);
  const { codes, counts } = encodeLabels(labels);
  const m = counts.length;
  const { data, rows: n, cols: d } = matrix;
  checkNumberOfLabels(m, n, "Calinski-Harabasz");
  const means = clusterMeans(matrix, codes, counts);
  const overall = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) overall[j] += data[i * d + j];
  for (let j = 0; j < d; j++) overall[j] /= n;
  let extra = 0;
  for (let c = 0; c < m; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const u = means[c * d + j] - overall[j];
      s += u * u;
    }
    extra += counts[c] * s;
  }
  let intraDisp = 0;
  for (let i = 0; i < n; i++) {
    const o = codes[i] * d;
    for (let j = 0; j < d; j++) {
      const u = data[i * d + j] - means[o + j];
      intraDisp += u * u;
    }
  }
  return intraDisp === 0 ? 1 : (extra * (n - m)) / (intraDisp * (m - 1));
}

/**
 * k-means inertia: sum of squared distances of each row to the centroid of its label
 * (`labels[i]` indexes a row of `centroids`). With nearest-centroid labels this equals
 * scikit-learn's `-KMeans.score(X)`.
 *
 * @example
 * inertia(matrix, result.labels, result.centroids);
 */
export function inertia(matrix: Matrix, labels: Int32Array, centroids: Matrix): number {
  assertLabels(matrix, labels);
  if (centroids.cols !== matrix.cols) {
    throw new Error(`centroids have ${centroids.cols} columns but the data has ${matrix.cols}`);
  }
  const { data, rows: n, cols: d } = matrix;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (!(c >= 0 && c < centroids.rows)) {
      throw new Error(`labels[${i}] = ${c} is not a centroid index 0..${centroids.rows - 1}`);
    }
    for (let j = 0; j < d; j++) {
      const u = data[i * d + j] - centroids.data[c * d + j];
      total += u * u;
    }
  }
  return total;
}
