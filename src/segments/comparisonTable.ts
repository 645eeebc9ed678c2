/**
 * The modelling notebook's comparison, computed here instead of in its cells: the k-means sweep
 * over every feature set (with a progress callback), one table of every algorithm on every feature
 * set against the RFM baseline, and the display rows of both tables — every silhouette labelled
 * exact or sampled with n and its 95 % interval, every stability that is not measured saying why.
 */
import type { Matrix } from "../cluster/matrix.js";
import { wardMicroClusters, wardSample } from "../cluster/ward.js";
import type { DbscanResult } from "../cluster/dbscan.js";
import {
  silhouetteIntervalText,
  silhouetteMethodText,
  stabilityText,
} from "../display/scoreText.js";
import { percent } from "../display/takeaway.js";
import type { ComparisonRow, FeatureSet, PartitionScores } from "./compare.js";
import { kmeansSweep, scorePartition } from "./compare.js";

/** Options of {@link sweepFeatureSets}. */
export interface SweepFeatureSetsOptions {
  /** Values of k (default 2..10). */
  ks?: readonly number[];
  /** k-means restarts (default 10). */
  nInit?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Rows of the stability subsample (default 10,000). */
  stabilityRows?: number;
  /** Called after each fit with the count done, the total and "set, k = …" (e.g. a progress bar). */
  onFit?: (done: number, total: number, detail: string) => void;
}

/**
 * k-means for every k on every feature set, one fit at a time (the event loop runs between fits,
 * so a notebook's progress bar moves); each row is the one `kmeansSweep` gives for that k.
 *
 * @example
 * const sweep = await sweepFeatureSets(FEATURE_SETS, matrices, { onFit: (d, t, s) => bar.tick(undefined, s) });
 */
export async function sweepFeatureSets(
  sets: readonly FeatureSet[],
  matrices: readonly Matrix[],
  options: SweepFeatureSetsOptions = {},
): Promise<ComparisonRow[]> {
  const { ks = [2, 3, 4, 5, 6, 7, 8, 9, 10], nInit = 10, seed = 0 } = options;
  const stabilityRows = options.stabilityRows ?? 10_000;
  const rows: ComparisonRow[] = [];
  const total = sets.length * ks.length;
  for (const [i, set] of sets.entries()) {
    for (const k of ks) {
      for (const row of kmeansSweep(matrices[i], set.name, {
        ks: [k],
        nInit,
        seed,
        stabilityRows,
      })) {
        rows.push(row);
      }
      options.onFit?.(rows.length, total, `${set.name}, k = ${k}`);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return rows;
}

/** One row of the algorithm comparison: a partition's scores and, for k-means, its stability. */
export interface AlgorithmRow extends PartitionScores {
  featureSet: string;
  algorithm: string;
  /** Mean ARI across seeds (NaN when not measured: the algorithm has no seed to vary). */
  seedStability: number;
  /** Mean ARI across bootstrap samples (NaN when not measured). */
  bootstrapStability: number;
}

/** What {@link compareAlgorithms} compares. */
export interface CompareAlgorithmsInput {
  sets: readonly FeatureSet[];
  /** The standardised matrix of each set (same order). */
  matrices: readonly Matrix[];
  /** The k-means sweep (rows at `k` are taken from it). */
  sweep: readonly ComparisonRow[];
  k: number;
  /** Index of the chosen set: DBSCAN is scored on it only. */
  chosenIndex: number;
  /** Ward on the chosen set's micro-clusters, when already computed (else computed here). */
  ward?: { labels: Int32Array };
  /** DBSCAN on the chosen set. */
  dbscan: DbscanResult;
  /** RFM baseline segment of every customer (codes) and the number of RFM segments. */
  rfm: { labels: Int32Array; segments: number };
}

/**
 * Every algorithm on every feature set: k-means and Ward (300 micro-clusters; a 2,000-customer
 * sample) at `k`, DBSCAN on the chosen set, and the RFM baseline's segments scored in each space.
 *
 * @example
 * const rows = compareAlgorithms({ sets: FEATURE_SETS, matrices, sweep, k: 5, chosenIndex: 1, dbscan: db, rfm });
 */
export function compareAlgorithms(input: CompareAlgorithmsInput): AlgorithmRow[] {
  const { sets, matrices, sweep, k, chosenIndex, dbscan, rfm } = input;
  const rows: AlgorithmRow[] = [];
  const add = (featureSet: string, algorithm: string, scores: PartitionScores) =>
    rows.push({ featureSet, algorithm, ...scores, seedStability: NaN, bootstrapStability: NaN });
  sets.forEach((set, i) => {
    const m = matrices[i];
    const km = sweep.find((r) => r.featureSet === set.name && r.k === k);
    if (!km) throw new Error(`compareAlgorithms: the sweep has no row for ${set.name}, k = ${k}`);
    rows.push({ ...km, algorithm: `k-means k=${k}` });
    const ward =
      i === chosenIndex && input.ward
        ? input.ward
        : wardMicroClusters(m, k, { microClusters: 300, seed: 0 });
    add(set.name, `Ward (300 micro-clusters) k=${k}`, scorePartition(m, ward.labels));
    const sample = wardSample(m, k, { sampleSize: 2000, seed: 0 });
    add(set.name, `Ward (2,000 sample) k=${k}`, scorePartition(m, sample.labels));
    if (i === chosenIndex) {
      const what = `DBSCAN (${dbscan.nClusters} clusters, ${percent(dbscan.noiseShare)} noise)`;
      add(set.name, what, scorePartition(m, dbscan.labels));
    }
    add(set.name, `RFM scoring (${rfm.segments} segments)`, scorePartition(m, rfm.labels));
  });
  return rows;
}

/** The silhouette columns of a display row: value, how it was computed, 95 % interval. */
function silhouetteColumns(r: PartitionScores) {
  const figure = { value: r.silhouette, ...r.silhouetteOf };
  return {
    silhouette: r.silhouette,
    silhouette_from: silhouetteMethodText(figure),
    silhouette_95ci: silhouetteIntervalText(r.silhouetteOf.interval),
  };
}

/** The other score columns of a display row. */
function scoreColumns(r: PartitionScores) {
  return {
    davies_bouldin: r.daviesBouldin,
    calinski_harabasz: r.calinskiHarabasz,
    balance: r.balance,
    smallest_share: r.smallestShare,
  };
}

/**
 * The comparison as table rows: silhouette with its method and interval, the other scores, and
 * stabilities as text ("0.997", "n/a (deterministic)" for algorithms without a seed to vary).
 */
export function algorithmTableRows(rows: readonly AlgorithmRow[]) {
  return rows.map((r) => ({
    feature_set: r.featureSet,
    algorithm: r.algorithm,
    ...silhouetteColumns(r),
    ...scoreColumns(r),
    seed_stability: stabilityText(r.seedStability),
    bootstrap_stability: stabilityText(r.bootstrapStability, "not measured"),
  }));
}

/** The k-means sweep as table rows (same columns as {@link algorithmTableRows}, plus k and seconds). */
export function sweepTableRows(sweep: readonly ComparisonRow[]) {
  return sweep.map((r) => ({
    feature_set: r.featureSet,
    k: r.k,
    ...silhouetteColumns(r),
    ...scoreColumns(r),
    seed_stability: stabilityText(r.seedStability, "not measured"),
    bootstrap_stability: stabilityText(r.bootstrapStability, "not measured"),
    seconds: r.seconds,
  }));
}
