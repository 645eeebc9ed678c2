/** Clustering validation metrics (scikit-learn 1.2 semantics). */
export { adjustedRandIndex } from "./adjustedRandIndex.js";
export { checkNumberOfLabels, clusterSizes, encodeLabels } from "./labels.js";
export type { ClusterSize, EncodedLabels } from "./labels.js";
export { calinskiHarabaszScore, daviesBouldinScore, inertia } from "./scores.js";
export {
  silhouetteSample,
  silhouetteScore,
  silhouetteScoreParallel,
  silhouetteValues,
  silhouetteValuesParallel,
} from "./silhouette.js";
export type { SilhouetteParallelOptions, SilhouetteSampleOptions } from "./silhouette.js";
export {
  EXACT_SILHOUETTE_MAX_ROWS,
  SILHOUETTE_METHOD_VERSION,
  SILHOUETTE_REPEATS,
  SILHOUETTE_SAMPLE_SIZE,
  estimateSilhouette,
  medianIntervalRank,
  stratifiedSample,
  stratumSizes,
} from "./silhouetteEstimate.js";
export type { SilhouetteEstimate, SilhouetteEstimateOptions } from "./silhouetteEstimate.js";
