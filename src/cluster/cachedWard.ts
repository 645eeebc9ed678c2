/**
 * Ward on micro-clusters ({@link wardMicroClusters}) kept in the result cache (`util/resultCache.ts`):
 * keyed by the digest of the rows, k, the options and {@link WARD_METHOD_VERSION}, so a rerun of
 * the modelling notebook on unchanged rows reads the fit (labels, linkage, micro-clusters) instead
 * of computing the 300-cluster k-means again. The stored fit reads back equal to the computed one.
 */
import { matrixDigest } from "../util/arrayDigest.js";
import { cachedResult, resultCacheKey } from "../util/resultCache.js";
import type { Matrix } from "./matrix.js";
import type { LinkageRow, WardMicroOptions, WardMicroResult } from "./ward.js";
import { wardMicroClusters } from "./ward.js";

/** Bump when Ward on micro-clusters is computed differently (invalidates cached fits). */
export const WARD_METHOD_VERSION = 1;

/** A matrix as plain JSON. */
interface StoredMatrix {
  rows: number;
  cols: number;
  data: number[];
}

/** A Ward fit as plain JSON (typed arrays as number arrays; every value is finite). */
interface StoredWard {
  labels: number[];
  linkage: LinkageRow[];
  microLabels: number[];
  microCentroids: StoredMatrix;
  microSizes: number[];
  microToCluster: number[];
  centroids: StoredMatrix;
}

const storeMatrix = (m: Matrix): StoredMatrix => ({
  rows: m.rows,
  cols: m.cols,
  data: Array.from(m.data),
});
const readMatrix = (m: StoredMatrix): Matrix => ({
  data: Float64Array.from(m.data),
  rows: m.rows,
  cols: m.cols,
});

/**
 * {@link wardMicroClusters} through the result cache (`cache: true`: `resultCacheDir()`; `{ dir }`:
 * that folder; default: computed, no cache); `cached` says whether the fit was read.
 *
 * @example
 * const ward = await cachedWardMicroClusters(matrix, 5, { microClusters: 300, seed: 0, cache: true });
 * ward.labels; // as wardMicroClusters(matrix, 5, { microClusters: 300, seed: 0 }).labels
 */
export async function cachedWardMicroClusters(
  matrix: Matrix,
  k: number,
  options: WardMicroOptions & { cache?: boolean | { dir: string } } = {},
): Promise<WardMicroResult & { cached: boolean }> {
  const { cache = false, ...ward } = options;
  if (!cache) return { ...wardMicroClusters(matrix, k, ward), cached: false };
  const key = resultCacheKey({
    version: WARD_METHOD_VERSION,
    matrix: matrixDigest(matrix),
    k,
    microClusters: ward.microClusters ?? null,
    seed: ward.seed ?? null,
    nInit: ward.nInit ?? null,
    maxIterations: ward.maxIterations ?? null,
  });
  const { value, cached } = await cachedResult<StoredWard>(
    "ward",
    key,
    () => {
      const fit = wardMicroClusters(matrix, k, ward);
      return {
        labels: Array.from(fit.labels),
        linkage: fit.linkage,
        microLabels: Array.from(fit.microLabels),
        microCentroids: storeMatrix(fit.microCentroids),
        microSizes: Array.from(fit.microSizes),
        microToCluster: Array.from(fit.microToCluster),
        centroids: storeMatrix(fit.centroids),
      };
    },
    { dir: typeof cache === "object" ? cache.dir : undefined },
  );
  return {
    labels: Int32Array.from(value.labels),
    linkage: value.linkage,
    microLabels: Int32Array.from(value.microLabels),
    microCentroids: readMatrix(value.microCentroids),
    microSizes: Float64Array.from(value.microSizes),
    microToCluster: Int32Array.from(value.microToCluster),
    centroids: readMatrix(value.centroids),
    cached,
  };
}
