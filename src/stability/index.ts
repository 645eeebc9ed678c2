/** Stability: per-segment bootstrap Jaccard (Hennig's clusterboot) with any clusterer; k-means seed/bootstrap ARI. */
export {
  bestJaccards,
  bootstrapDraws,
  bootstrapJaccard,
  bootstrapResult,
  JACCARD_STABLE,
  JACCARD_UNTRUSTED,
  kmeansFitter,
  STABILITY_DESIGN,
  stabilityFlag,
} from "./bootstrapJaccard.js";
export type {
  BootstrapDraws,
  BootstrapJaccardOptions,
  BootstrapJaccardResult,
  FitLabels,
  SegmentStability,
  StabilityFlag,
} from "./bootstrapJaccard.js";
export { bootstrapJaccardOnPool, bootstrapRefitTask } from "./bootstrapOnPool.js";
export type { BootstrapOnPoolOptions, BootstrapRefitJob } from "./bootstrapOnPool.js";
export { stabilityDesignWords, stabilityReport, stabilityTable } from "./stabilityTable.js";
export type { StabilityReport, StabilityRow } from "./stabilityTable.js";
export { clustererStability, kmeansStability } from "./kmeansStability.js";
export type { AriSummary, StabilityOptions, StabilityResult } from "./kmeansStability.js";
