/**
 * One fit of the modelling notebook's k-means sweep (a feature set at one k) as a task of the
 * worker pool, and its entry in the result cache: keyed by the digest of the matrix, the feature
 * set's name, k, the fit's options and {@link SWEEP_METHOD_VERSION}. A cached row keeps the seconds
 * measured when it was computed.
 */
import type { Matrix } from "../cluster/matrix.js";
import { resultCacheKey } from "../util/resultCache.js";
import { readNumbers, storeNumbers } from "../util/storedNumbers.js";
import { workerTask } from "../util/workerTask.js";
import type { ComparisonRow } from "./compare.js";
import { kmeansSweep } from "./compare.js";

/** Bump when a sweep row is computed differently (invalidates cached rows). */
export const SWEEP_METHOD_VERSION = 1;

/** What a sweep fit depends on besides the matrix. */
export interface SweepFitDesign {
  featureSet: string;
  k: number;
  nInit: number;
  seed: number;
  stabilityRows: number;
}

/** One fit to run: the rows (in shared memory when on a thread) and the design. */
export interface SweepFitJob extends SweepFitDesign {
  matrix: Matrix;
}

/**
 * The row of one fit: `kmeansSweep` at that k alone (k-means, its scores, its stability).
 *
 * @example
 * const row = sweepFit({ matrix, featureSet: "RFM", k: 4, nInit: 10, seed: 0, stabilityRows: 10_000 });
 */
export function sweepFit(job: SweepFitJob): ComparisonRow {
  const { matrix, featureSet, k, nInit, seed, stabilityRows } = job;
  return kmeansSweep(matrix, featureSet, { ks: [k], nInit, seed, stabilityRows })[0];
}

/** The pool task of one sweep fit. */
export const sweepFitTask = workerTask(import.meta.url, "sweepFitTask", sweepFit);

/**
 * The cache key of a fit: matrix shape and digest (`matrixDigest(matrix)`, computed once per
 * matrix by the caller), the design and the method version.
 *
 * @example
 * sweepFitKey(matrixDigest(m), design); // 64 hex digits
 */
export function sweepFitKey(
  matrix: { rows: number; cols: number; digest: string },
  design: SweepFitDesign,
): string {
  return resultCacheKey({ version: SWEEP_METHOD_VERSION, matrix, design });
}

/** A row as plain JSON (`storeNumbers`: NaN and ±Infinity kept). */
export type StoredSweepRow = Record<string, unknown>;

/**
 * A row as plain JSON for the cache (`JSON.stringify` alone would turn NaN into null).
 *
 * @example
 * decodeSweepRow(JSON.parse(JSON.stringify(encodeSweepRow(row)))); // deepStrictEqual to row
 */
export function encodeSweepRow(row: ComparisonRow): StoredSweepRow {
  return storeNumbers(row);
}

/** The row {@link encodeSweepRow} stored. */
export function decodeSweepRow(stored: StoredSweepRow): ComparisonRow {
  return readNumbers<ComparisonRow>(stored);
}
