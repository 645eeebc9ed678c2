/** PCA for segment maps and correlation circles. */
export { fitPca, pcaCorrelationCircle, pcaProject } from "./pca.js";
export type { CorrelationLoading, PcaModel } from "./pca.js";
export { PLANE_SEPARATION_SHARE, pcaPlaneFacts, pcaTakeaway } from "./takeaway.js";
export type { PcaPlaneFacts } from "./takeaway.js";
