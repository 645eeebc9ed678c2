/**
 * The expensive part of the algorithm comparison for one feature set — Ward on 300 k-means
 * micro-clusters (unless its labels are given), Ward on a 2,000-customer sample, and the scores of
 * those and of the given partitions (DBSCAN, RFM scoring) — as a task of the worker pool, and its
 * entry in the result cache: keyed by the digests of the matrix and the given labels, k, the Ward
 * design and {@link ALGORITHM_SCORES_METHOD_VERSION}.
 */
import type { Matrix } from "../cluster/matrix.js";
import { wardMicroClusters, wardSample } from "../cluster/ward.js";
import { arrayDigest } from "../util/arrayDigest.js";
import { resultCacheKey } from "../util/resultCache.js";
import { readNumbers, storeNumbers } from "../util/storedNumbers.js";
import { workerTask } from "../util/workerTask.js";
import type { PartitionScores } from "./compare.js";
import { scorePartition } from "./compare.js";

/** Bump when the comparison's scores are computed differently (invalidates cached ones). */
export const ALGORITHM_SCORES_METHOD_VERSION = 1;

/** Ward's design in the comparison: micro-clusters, sample size, seed. */
export const COMPARISON_WARD = { microClusters: 300, sampleSize: 2000, seed: 0 } as const;

/** One feature set's comparison: its matrix, k and the partitions given (labels per row). */
export interface AlgorithmScoresJob {
  matrix: Matrix;
  k: number;
  /** Ward micro-cluster labels already computed at `k` (else computed here). */
  ward?: Int32Array;
  /** DBSCAN labels (−1 noise), scored when given. */
  dbscan?: Int32Array;
  /** RFM baseline segment codes. */
  rfm: Int32Array;
}

/** The scores of one feature set's partitions. */
export interface AlgorithmScores {
  ward: PartitionScores;
  wardSample: PartitionScores;
  dbscan?: PartitionScores;
  rfm: PartitionScores;
}

/**
 * Ward (micro-clusters unless given, and a sample) at `k`, and the scores of every partition.
 *
 * @example
 * const s = algorithmScores({ matrix, k: 5, rfm: rfmCodes }); // s.ward.silhouette, s.rfm.daviesBouldin, …
 */
export function algorithmScores(job: AlgorithmScoresJob): AlgorithmScores {
  const { matrix, k } = job;
  const { microClusters, sampleSize, seed } = COMPARISON_WARD;
  const ward = job.ward ?? wardMicroClusters(matrix, k, { microClusters, seed }).labels;
  const sample = wardSample(matrix, k, { sampleSize, seed });
  return {
    ward: scorePartition(matrix, ward),
    wardSample: scorePartition(matrix, sample.labels),
    ...(job.dbscan ? { dbscan: scorePartition(matrix, job.dbscan) } : {}),
    rfm: scorePartition(matrix, job.rfm),
  };
}

/** The pool task of one feature set's comparison. */
export const algorithmScoresTask = workerTask(
  import.meta.url,
  "algorithmScoresTask",
  algorithmScores,
);

/**
 * The cache key of one feature set's comparison (the matrix's digest is passed in, computed once).
 *
 * @example
 * algorithmScoresKey(job, arrayDigest(job.matrix.data)); // 64 hex digits
 */
export function algorithmScoresKey(job: AlgorithmScoresJob, matrixDigest: string): string {
  const labels = (l: Int32Array | undefined) => (l ? arrayDigest(l) : null);
  return resultCacheKey({
    version: ALGORITHM_SCORES_METHOD_VERSION,
    matrix: { rows: job.matrix.rows, cols: job.matrix.cols, digest: matrixDigest },
    k: job.k,
    ward: COMPARISON_WARD,
    wardLabels: labels(job.ward),
    dbscan: labels(job.dbscan),
    rfm: labels(job.rfm),
  });
}

/** The scores as plain JSON (NaN and ±Infinity kept). */
export function encodeAlgorithmScores(scores: AlgorithmScores): Record<string, unknown> {
  return Object.fromEntries(Object.entries(scores).map(([key, s]) => [key, storeNumbers(s)]));
}

/** The scores {@link encodeAlgorithmScores} stored. */
export function decodeAlgorithmScores(stored: Record<string, unknown>): AlgorithmScores {
  return Object.fromEntries(
    Object.entries(stored).map(([key, s]) => [key, readNumbers(s as Record<string, unknown>)]),
  ) as unknown as AlgorithmScores;
}
