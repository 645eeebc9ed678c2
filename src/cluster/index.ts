/** Clustering toolbox: matrix helpers, k-means, Ward, DBSCAN, k-d tree (test data: test/helpers/makeBlobs.ts). */
export {
  assertFinite,
  assertLabels,
  createMatrix,
  matrixFromColumns,
  matrixFromRows,
  matrixRow,
  matrixToRows,
  sampleIndices,
  selectRows,
  squaredDistance,
} from "./matrix.js";
export type { Matrix } from "./matrix.js";
export { kmeans, kmeansPlusPlus, kmeansPredict, meanFeatureVariance } from "./kmeans.js";
export type { KMeansOptions, KMeansResult } from "./kmeans.js";
export { kmeansParallel } from "./kmeansParallel.js";
export type { KMeansParallelOptions } from "./kmeansParallel.js";
export { cutTree, wardLinkage, wardMicroClusters, wardSample } from "./ward.js";
export { cachedWardMicroClusters, WARD_METHOD_VERSION } from "./cachedWard.js";
export type {
  LinkageRow,
  WardMicroOptions,
  WardMicroResult,
  WardSampleOptions,
  WardSampleResult,
} from "./ward.js";
export { dbscan, kDistances } from "./dbscan.js";
export type { DbscanOptions, DbscanResult, KDistanceOptions } from "./dbscan.js";
export { buildKdTree, kthNeighborDistance, radiusNeighbors, radiusSearch } from "./kdtree.js";
export type { KdTree, KdTreeOptions } from "./kdtree.js";
export { kmeansClusterer, wardMicroClusterer } from "./clusterer.js";
export type {
  Clusterer,
  ClustererParameters,
  FittedClusters,
  FittedWardMicro,
  KMeansClusterer,
  KMeansClustererOptions,
} from "./clusterer.js";
