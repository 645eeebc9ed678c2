/** Clustering validation metrics (scikit-learn 1.2 semantics). */
export { adjustedRandIndex } from "./adjustedRandIndex.js";
export { checkNumberOfLabels, clusterSizes, encodeLabels } from "./labels.js";
export type { ClusterSize, EncodedLabels } from "./labels.js";
export { calinskiHarabaszScore, daviesBouldinScore, inertia } from "./scores.js";
export { silhouetteSample, silhouetteScore, silhouetteValues } from "./silhouette.js";
export type { SilhouetteSampleOptions } from "./silhouette.js";
