/**
 * Principal component analysis of an already standardised matrix, for 2-D/3-D segment maps and
 * correlation circles. The eigen-decomposition is delegated to `ml-pca` on the cols × cols
 * covariance matrix (computed here in one pass over the typed array), which avoids converting
 * ~95k rows to `number[][]` and an SVD of the tall matrix; projections are done on the typed array.
 */
import { PCA } from "ml-pca";
import { assertFinite, type Matrix } from "../cluster/matrix.js";

/** A fitted PCA. Components are orthonormal; signs are arbitrary (as in any PCA). */
export interface PcaModel {
  /** Feature means used for centring. */
  means: Float64Array;
  /** Feature standard deviations (n − 1 denominator). */
  stdevs: Float64Array;
  /** Variance along each component (eigenvalues of the covariance, n − 1 denominator), decreasing. */
  explainedVariance: Float64Array;
  /** Share of total variance per component, decreasing, sums to 1. */
  explainedVarianceRatio: Float64Array;
  /** Component c's weight for feature j at `components[c * cols + j]` (like sklearn `components_`). */
  components: Float64Array;
  /** Number of features. */
  cols: number;
}

/**
 * Fits a PCA on the rows (centred, not rescaled: standardise features first).
 *
 * @example
 * const model = fitPca(matrix);
 * model.explainedVarianceRatio; // e.g. [0.41, 0.22, …]
 */
export function fitPca(matrix: Matrix): PcaModel {
  assertFinite(matrix);
  const { data, rows: n, cols: d } = matrix;
  if (n < 2) throw new Error(`PCA needs at least 2 rows, got ${n}`);
  const means = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) means[j] += data[i * d + j];
  for (let j = 0; j < d; j++) means[j] /= n;
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = data[i * d + j] - means[j];
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++) cov[a * d + b] += centred[a] * centred[b];
  }
  const covRows: number[][] = [];
  for (let a = 0; a < d; a++) {
    covRows.push([]);
    for (let b = 0; b < d; b++)
      covRows[a].push((a <= b ? cov[a * d + b] : cov[b * d + a]) / (n - 1));
  }
  const pca = new PCA(covRows, { isCovarianceMatrix: true });
  const vectors = pca.getEigenvectors(); // d × d, column c = component c
  const ratio = Float64Array.from(pca.getExplainedVariance());
  const components = new Float64Array(d * d);
  for (let c = 0; c < d; c++) for (let j = 0; j < d; j++) components[c * d + j] = vectors.get(j, c);
  const total = covRows.reduce((s, row, j) => s + row[j], 0);
  return {
    means,
    stdevs: Float64Array.from(covRows, (row, j) => Math.sqrt(row[j])),
    explainedVariance: ratio.map((r) => r * total),
    explainedVarianceRatio: ratio,
    components,
    cols: d,
  };
}

/**
 * Projects rows onto the first `nComponents` components; returns one Float64Array column per
 * component (ready for a scatter plot's x/y/z).
 *
 * @example
 * const [pc1, pc2] = pcaProject(model, matrix, 2);
 */
export function pcaProject(model: PcaModel, matrix: Matrix, nComponents = 2): Float64Array[] {
  const d = model.cols;
  if (matrix.cols !== d)
    throw new Error(`matrix has ${matrix.cols} columns but the PCA was fitted on ${d}`);
  if (!Number.isInteger(nComponents) || nComponents < 1 || nComponents > d) {
    throw new Error(`nComponents must be an integer between 1 and ${d}, got ${nComponents}`);
  }
  const { data, rows: n } = matrix;
  const out = Array.from({ length: nComponents }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < nComponents; c++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s += (data[i * d + j] - model.means[j]) * model.components[c * d + j];
      out[c][i] = s;
    }
  }
  return out;
}

/** One feature's arrow on a correlation circle. */
export interface CorrelationLoading {
  feature: string;
  /** Correlation of the feature with PC1. */
  pc1: number;
  /** Correlation of the feature with PC2. */
  pc2: number;
}

/**
 * Correlations of each original feature with PC1 and PC2 (the correlation circle):
 * corr(x_j, PC_c) = v_cj · sqrt(λ_c) / sd_j. Length ≤ 1 for every arrow.
 *
 * @example
 * pcaCorrelationCircle(model, ["recency", "frequency", "monetary"]);
 */
export function pcaCorrelationCircle(
  model: PcaModel,
  features: readonly string[],
): CorrelationLoading[] {
  const d = model.cols;
  if (features.length !== d)
    throw new Error(`features lists ${features.length} names but the PCA has ${d} columns`);
  if (d < 2) throw new Error("a correlation circle needs at least 2 components");
  const loading = (c: number, j: number) =>
    model.stdevs[j] > 0
      ? (model.components[c * d + j] * Math.sqrt(model.explainedVariance[c])) / model.stdevs[j]
      : 0;
  return features.map((feature, j) => ({ feature, pc1: loading(0, j), pc2: loading(1, j) }));
}
