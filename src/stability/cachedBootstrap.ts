/**
 * The bootstrap Jaccard of a segmentation kept in the result cache (`util/resultCache.ts`): keyed
 * by the rows, the labels, the refit (k-means k and restarts), the design and
 * {@link STABILITY_METHOD_VERSION}, so a rerun of `npm start` on the same files and segments reads
 * the 20 refits instead of recomputing them, and any change of data, segments or design recomputes.
 */
import { arrayDigest } from "../util/arrayDigest.js";
import type { Matrix } from "../cluster/matrix.js";
import { cachedResult, resultCacheKey } from "../util/resultCache.js";
import type { BootstrapJaccardOptions, BootstrapJaccardResult } from "./bootstrapJaccard.js";
import { bootstrapJaccardOnPool } from "./bootstrapOnPool.js";

/** Bumped whenever the bootstrap's method changes, so that no cached value of an older one is read. */
export const STABILITY_METHOD_VERSION = 1;

/** Options of {@link cachedBootstrapJaccard}. */
export interface CachedBootstrapOptions extends BootstrapJaccardOptions {
  /** k-means restarts of each refit (default 10, as `kmeansFitter`). */
  nInit?: number;
  /** Cache folder (default `resultCacheDir()`). */
  dir?: string;
  /** false: always compute (and refresh the entry). Default true. */
  useCache?: boolean;
}

/** The result as plain JSON: the Float64Array as numbers, NaN (a missed segment) as null. */
type StoredResult = Omit<BootstrapJaccardResult, "jaccard"> & { jaccard: (number | null)[] };

/**
 * {@link bootstrapJaccard} with k-means refits of `k` segments, through the result cache; `cached`
 * says whether it was read.
 *
 * @example
 * const { value, cached } = await cachedBootstrapJaccard(matrix, labels, 5, { runs: 20, seed: 0 });
 */
export async function cachedBootstrapJaccard(
  matrix: Matrix,
  labels: Int32Array,
  k: number,
  options: CachedBootstrapOptions = {},
): Promise<{ value: BootstrapJaccardResult; cached: boolean }> {
  const { nInit, dir, useCache, ...design } = options;
  const key = resultCacheKey({
    version: STABILITY_METHOD_VERSION,
    rows: matrix.rows,
    cols: matrix.cols,
    data: arrayDigest(matrix.data),
    labels: arrayDigest(labels),
    k,
    nInit: nInit ?? null,
    runs: design.runs ?? null,
    sampleSize: design.sampleSize ?? null,
    seed: design.seed ?? null,
  });
  const { value, cached } = await cachedResult<StoredResult>(
    "stability",
    key,
    async () => {
      // The refits on the shared worker pool: the result of bootstrapJaccard with kmeansFitter.
      const r = await bootstrapJaccardOnPool(matrix, labels, k, { ...design, nInit });
      return { ...r, jaccard: Array.from(r.jaccard, (x) => (Number.isNaN(x) ? null : x)) };
    },
    { dir, useCache },
  );
  const nan = (x: number | null) => (x === null ? NaN : x);
  return {
    value: {
      ...value,
      segments: value.segments.map((s) => ({
        ...s,
        meanJaccard: nan(s.meanJaccard),
        minJaccard: nan(s.minJaccard),
      })),
      jaccard: Float64Array.from(value.jaccard, nan),
    },
    cached,
  };
}
