/**
 * Stability of a k-means solution for a candidate k: does the partition survive a change of seed,
 * and a change of sample (bootstrap)? Both are summarised with the adjusted Rand index (ARI).
 */
import { kmeansClusterer } from "../cluster/clusterer.js";
import type { Clusterer } from "../cluster/clusterer.js";
import { selectRows, type Matrix } from "../cluster/matrix.js";
import { adjustedRandIndex } from "../metrics/adjustedRandIndex.js";
import { createRng } from "../util/random.js";
import { minOf } from "../util/arrayStats.js";
import { mean, populationSd } from "../util/stats.js";

/** Options of {@link kmeansStability}. */
export interface StabilityOptions {
  /** Number of k-means fits with different seeds (all pairs are compared). Default 5. */
  seedRuns?: number;
  /** Number of bootstrap pairs. Default 5. */
  bootstrapPairs?: number;
  /** Rows per bootstrap sample (drawn with replacement). Default: all rows. */
  bootstrapSize?: number;
  /** k-means restarts per fit. Default 1, so that seed runs actually differ (with 10 they mostly coincide). */
  nInit?: number;
  /** k-means iteration cap. Default 300. */
  maxIterations?: number;
  /** Master seed. Default 0. */
  seed?: number;
}

/** Mean, minimum and standard deviation of a set of ARIs. */
export interface AriSummary {
  /** Every ARI computed. */
  values: Float64Array;
  mean: number;
  min: number;
  /** Population standard deviation. */
  std: number;
}

/** Result of {@link kmeansStability}. */
export interface StabilityResult {
  k: number;
  /** ARI between every pair of seed runs on the full data. */
  seeds: AriSummary;
  /** ARI between full-data predictions of models fitted on two independent bootstrap samples. */
  bootstrap: AriSummary;
}

function summarise(values: number[]): AriSummary {
  const n = values.length;
  return {
    values: Float64Array.from(values),
    mean: mean(values),
    min: n ? minOf(values) : NaN,
    std: populationSd(values),
  };
}

/**
 * Seed and bootstrap stability of any clusterer: `clusterer(seed)` gives the clusterer of one fit
 * (with `k` clusters); seed runs fit it on all rows, bootstrap pairs fit it on two samples and
 * assign all rows with each (`Clusterer.assign`). {@link kmeansStability} is this with k-means.
 *
 * @example
 * clustererStability(matrix, 6, (seed) => wardMicroClusterer(6, { seed }), { seed: 1 });
 */
export function clustererStability(
  matrix: Matrix,
  k: number,
  clusterer: (seed: number) => Clusterer,
  options: Omit<StabilityOptions, "nInit" | "maxIterations"> = {},
): StabilityResult {
  const { seedRuns = 5, bootstrapPairs = 5, bootstrapSize = matrix.rows, seed = 0 } = options;
  if (!Number.isInteger(seedRuns) || seedRuns < 2)
    throw new Error(`seedRuns must be an integer ≥ 2, got ${seedRuns}`);
  if (!Number.isInteger(bootstrapPairs) || bootstrapPairs < 0) {
    throw new Error(`bootstrapPairs must be a non-negative integer, got ${bootstrapPairs}`);
  }
  if (!Number.isInteger(bootstrapSize) || bootstrapSize < k) {
    throw new Error(`bootstrapSize must be an integer ≥ k = ${k}, got ${bootstrapSize}`);
  }
  const rng = createRng(seed);
  const runs: Int32Array[] = [];
  for (let r = 0; r < seedRuns; r++) runs.push(clusterer(rng.int(2 ** 31)).fit(matrix).labels);
  const seedAris: number[] = [];
  for (let a = 0; a < seedRuns; a++)
    for (let b = a + 1; b < seedRuns; b++) seedAris.push(adjustedRandIndex(runs[a], runs[b]));

  const bootAris: number[] = [];
  const fitOnBootstrap = (): Int32Array => {
    const indices = new Int32Array(bootstrapSize);
    for (let i = 0; i < bootstrapSize; i++) indices[i] = rng.int(matrix.rows);
    const c = clusterer(rng.int(2 ** 31));
    return c.assign(matrix, c.fit(selectRows(matrix, indices)));
  };
  for (let p = 0; p < bootstrapPairs; p++)
    bootAris.push(adjustedRandIndex(fitOnBootstrap(), fitOnBootstrap()));
  return { k, seeds: summarise(seedAris), bootstrap: summarise(bootAris) };
}

/**
 * Seed and bootstrap stability of k-means at `k`. Values near 1 mean a reproducible segmentation.
 *
 * @example
 * const s = kmeansStability(matrix, 6, { seedRuns: 5, bootstrapPairs: 5, seed: 1 });
 * s.seeds.mean; s.bootstrap.min;
 */
export function kmeansStability(
  matrix: Matrix,
  k: number,
  options: StabilityOptions = {},
): StabilityResult {
  const { nInit = 1, maxIterations = 300, ...rest } = options;
  return clustererStability(
    matrix,
    k,
    (seed) => kmeansClusterer(k, { nInit, maxIterations, seed }),
    rest,
  );
}
