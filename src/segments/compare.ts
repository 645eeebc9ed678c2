/**
 * Model comparison for the modelling notebook: the candidate feature sets, and one row of scores per
 * (feature set, algorithm, k): silhouette, Davies-Bouldin, Calinski-Harabasz, balance of the segment
 * sizes and stability across seeds and bootstrap samples. Evidence for the choice, in one table.
 */
import type { Matrix } from "../cluster/matrix.js";
import { sampleIndices, selectRows } from "../cluster/matrix.js";
import { kmeans } from "../cluster/kmeans.js";
import { kmeansStability } from "../stability/kmeansStability.js";
import type { CustomerTable } from "../features/definitions.js";
import type { FeatureName } from "../features/derivedFeatures.js";
import { fitTransform } from "../features/transform.js";
import { calinskiHarabaszScore, daviesBouldinScore } from "../metrics/scores.js";
import { sampledSilhouette } from "../metrics/silhouetteSampleInterval.js";
import { createRng } from "../util/random.js";
import { CHOSEN_SEGMENTATION } from "./chosen.js";
import { minOf } from "../util/arrayStats.js";

/**
 * A candidate feature set. `F` is the type of its column names: {@link FeatureName} for the
 * customer table (a misspelt feature then fails at compile time), any string for other tables.
 */
export interface FeatureSet<F extends string = string> {
  name: string;
  /** What it adds, in words. */
  description: string;
  features: readonly F[];
  log1p: readonly F[];
}

/** The feature sets compared in the modelling notebook (the last is the one chosen). */
export const FEATURE_SETS: readonly FeatureSet<FeatureName>[] = [
  {
    name: "RFM",
    description: "recency, frequency, monetary",
    features: ["recency_days", "frequency", "monetary"],
    log1p: ["frequency", "monetary"],
  },
  {
    name: "RFM + satisfaction",
    description: "+ mean review score",
    features: CHOSEN_SEGMENTATION.features,
    log1p: CHOSEN_SEGMENTATION.log1p,
  },
  {
    name: "RFM + satisfaction + delivery + payment",
    description: "+ delivery days, late share, instalments, freight share",
    features: [
      "recency_days",
      "frequency",
      "monetary",
      "mean_review_score",
      "mean_delivery_days",
      "late_delivery_share",
      "mean_installments",
      "freight_share",
    ],
    log1p: ["frequency", "monetary", "mean_delivery_days", "mean_installments"],
  },
  {
    name: "RFM + satisfaction + basket",
    description: "+ number of items, freight share",
    features: [
      "recency_days",
      "frequency",
      "monetary",
      "mean_review_score",
      "n_items",
      "freight_share",
    ],
    log1p: ["frequency", "monetary", "n_items"],
  },
];

/** The standardised matrix of a feature set (log1p then standard scaling, fitted on `table`). */
export function featureSetMatrix(table: Pick<CustomerTable, "numeric">, set: FeatureSet): Matrix {
  return fitTransform(table, {
    features: set.features,
    log1p: set.log1p,
    scaler: "standard",
  }).apply(table);
}

/**
 * Balance of segment sizes: normalised entropy of the shares, 1 when all segments are equal, near 0
 * when one segment holds nearly everyone. Noise (label −1) is left out.
 */
export function sizeBalance(labels: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) continue;
    counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
    n++;
  }
  if (counts.size < 2) return 0;
  let h = 0;
  for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
  return h / Math.log(counts.size);
}

/** Scores of one partition. */
export interface PartitionScores {
  /** Silhouette of a seeded sample (exact when the sample would hold every row): see `silhouetteOf`. */
  silhouette: number;
  /** How `silhouette` was computed: exact or sampled, on how many rows, its 95 % interval. */
  silhouetteOf: {
    method: "exact" | "sampled";
    rows: number;
    interval: [number, number] | null;
  };
  daviesBouldin: number;
  calinskiHarabasz: number;
  balance: number;
  /** Share of the smallest segment. */
  smallestShare: number;
}

/**
 * Scores a partition: sampled silhouette (seeded, with its 95 % interval), Davies-Bouldin,
 * Calinski-Harabasz, balance.
 * Noise points (−1) are left out of the scores, as is usual for DBSCAN.
 */
export function scorePartition(
  matrix: Matrix,
  labels: Int32Array,
  options: { silhouetteSampleSize?: number; seed?: number } = {},
): PartitionScores {
  let m = matrix;
  let l = labels;
  if (labels.some((x) => x < 0)) {
    const keep = Int32Array.from(labels.keys()).filter((i) => labels[i] >= 0);
    m = selectRows(matrix, keep);
    l = Int32Array.from(keep, (i) => labels[i]);
  }
  const sizes = new Map<number, number>();
  for (const x of l) sizes.set(x, (sizes.get(x) ?? 0) + 1);
  const sil = sampledSilhouette(m, l, {
    sampleSize: Math.min(options.silhouetteSampleSize ?? 10_000, m.rows),
    seed: options.seed ?? 0,
  });
  return {
    silhouette: sil.value,
    silhouetteOf: { method: sil.method, rows: sil.rows, interval: sil.interval },
    daviesBouldin: daviesBouldinScore(m, l),
    calinskiHarabasz: calinskiHarabaszScore(m, l),
    balance: sizeBalance(l),
    smallestShare: minOf(sizes.values()) / l.length,
  };
}

/** One row of the comparison table. */
export interface ComparisonRow extends PartitionScores {
  featureSet: string;
  algorithm: string;
  k: number;
  /** Mean ARI between k-means runs with different seeds (NaN when not measured). */
  seedStability: number;
  /** Mean ARI between models fitted on bootstrap samples (NaN when not measured). */
  bootstrapStability: number;
  seconds: number;
}

/** Options of {@link kmeansSweep}. */
export interface SweepOptions {
  /** Values of k (default 2..10). */
  ks?: readonly number[];
  /** k-means restarts (default 10). */
  nInit?: number;
  seed?: number;
  /** Rows of the sampled silhouette (default 10,000). */
  silhouetteSampleSize?: number;
  /** Measure stability (default true): seed runs and bootstrap pairs on a seeded subsample. */
  stability?: boolean;
  /** Rows of the stability subsample (default 20,000), runs per measure (default 3); each run uses 3 restarts. */
  stabilityRows?: number;
  stabilityRuns?: number;
  /**
   * Matrix (same rows) in which the separation scores are computed (default: `matrix` itself). A
   * common space for all feature sets makes their scores comparable.
   */
  scoreMatrix?: Matrix;
}

/**
 * k-means over k for one feature set: one comparison row per k.
 *
 * @example
 * const rows = kmeansSweep(featureSetMatrix(customers, FEATURE_SETS[1]), "RFM + satisfaction");
 */
export function kmeansSweep(
  matrix: Matrix,
  featureSet: string,
  options: SweepOptions = {},
): ComparisonRow[] {
  const { ks = [2, 3, 4, 5, 6, 7, 8, 9, 10], nInit = 10, seed = 0, stability = true } = options;
  const stabilityRows = Math.min(options.stabilityRows ?? 20_000, matrix.rows);
  const runs = options.stabilityRuns ?? 3;
  // Stability on a seeded subsample: the question is whether the partition is reproducible, which a
  // 20k-customer sample answers at a fraction of the cost of the full table.
  const sub =
    stabilityRows < matrix.rows
      ? selectRows(matrix, sampleIndices(matrix.rows, stabilityRows, createRng(seed)))
      : matrix;
  return ks.map((k) => {
    const start = performance.now();
    const fit = kmeans(matrix, k, { nInit, seed });
    const scores = scorePartition(options.scoreMatrix ?? matrix, fit.labels, {
      silhouetteSampleSize: options.silhouetteSampleSize,
      seed,
    });
    const stab = stability
      ? kmeansStability(sub, k, { seedRuns: runs, bootstrapPairs: runs, nInit: 3, seed })
      : undefined;
    return {
      featureSet,
      algorithm: "k-means",
      k,
      ...scores,
      seedStability: stab ? stab.seeds.mean : NaN,
      bootstrapStability: stab ? stab.bootstrap.mean : NaN,
      seconds: (performance.now() - start) / 1000,
    };
  });
}
