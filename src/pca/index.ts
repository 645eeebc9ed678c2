/** PCA for segment maps and correlation circles. */
export { fitPca, pcaCorrelationCircle, pcaProject } from "./pca.js";
export type { CorrelationLoading, PcaModel } from "./pca.js";
