/**
 * The modelling notebook's comparison, computed here instead of in its cells: the k-means sweep
 * over every feature set (with a progress callback), one table of every algorithm on every feature
 * set against the RFM baseline, and the display rows of both tables — every silhouette labelled
 * exact or sampled with n and its 95 % interval, every stability that is not measured saying why.
 */
import type { Matrix } from "../cluster/matrix.js";
import type { DbscanResult } from "../cluster/dbscan.js";
import {
  silhouetteIntervalText,
  silhouetteMethodText,
  stabilityText,
} from "../display/scoreText.js";
import { percent } from "../display/takeaway.js";
import type { ComparisonRow, FeatureSet, PartitionScores } from "./compare.js";
import {
  decodeSweepRow,
  encodeSweepRow,
  sweepFitKey,
  sweepFitTask,
  type StoredSweepRow,
} from "./sweepFit.js";
import { matrixDigest } from "../util/arrayDigest.js";
import { readCachedResult, writeCachedResult } from "../util/resultCache.js";
import { resolvePool } from "../util/sharedWorkerPool.js";
import { shareFloat64, shareInt32, type WorkerPool } from "../util/workerPool.js";
import { arrayDigest } from "../util/arrayDigest.js";
import {
  algorithmScoresKey,
  algorithmScoresTask,
  decodeAlgorithmScores,
  encodeAlgorithmScores,
  type AlgorithmScores,
  type AlgorithmScoresJob,
} from "./algorithmScores.js";

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
  /** The pool to run the fits on. Default: the shared pool (`sharedWorkerPool()`). */
  pool?: WorkerPool;
  /** Instead of `pool`: threads started for this call (0: on the calling thread). */
  workers?: number;
  /**
   * Read and store each fit's row in the result cache (`true`: `resultCacheDir()`; `{ dir }`:
   * that folder). Default: no cache, every fit computed.
   */
  cache?: boolean | { dir: string };
}

/** A row of the sweep and whether it was read from the cache (its `seconds` are then those measured when it was computed). */
export interface SweepRow extends ComparisonRow {
  cached: boolean;
}

/**
 * k-means for every k on every feature set, each fit a task of the worker pool (rows in set, then
 * k, order, the same for any number of threads but for the `seconds` each fit took); each row is
 * the one `kmeansSweep` gives for that k. With `cache`, a fit whose matrix and design are
 * unchanged is read instead of computed.
 *
 * @example
 * const sweep = await sweepFeatureSets(FEATURE_SETS, matrices, { cache: true, onFit: (d, t, s) => bar.tick(undefined, s) });
 */
export async function sweepFeatureSets(
  sets: readonly FeatureSet[],
  matrices: readonly Matrix[],
  options: SweepFeatureSetsOptions = {},
): Promise<SweepRow[]> {
  const { ks = [2, 3, 4, 5, 6, 7, 8, 9, 10], nInit = 10, seed = 0, cache = false } = options;
  const stabilityRows = options.stabilityRows ?? 10_000;
  const dir = typeof cache === "object" ? cache.dir : undefined;
  const fits = sets.flatMap((set, i) =>
    ks.map((k) => ({ i, design: { featureSet: set.name, k, nInit, seed, stabilityRows } })),
  );
  const digests = cache ? matrices.map(matrixDigest) : [];
  const keys = fits.map((f) => (cache ? sweepFitKey(digests[f.i], f.design) : ""));
  const rows: (SweepRow | undefined)[] = fits.map((_f, n) => {
    const hit = cache ? readCachedResult<StoredSweepRow>("sweep", keys[n], dir) : undefined;
    return hit && { ...decodeSweepRow(hit), cached: true };
  });
  let reported = 0;
  const report = () => {
    while (reported < fits.length && rows[reported]) {
      const { featureSet, k } = fits[reported++].design;
      options.onFit?.(reported, fits.length, `${featureSet}, k = ${k}`);
    }
  };
  report();
  const todo = fits.flatMap((_f, n) => (rows[n] ? [] : [n]));
  if (todo.length > 0) {
    const { pool, release } = resolvePool(options);
    try {
      const shared = matrices.map((m) =>
        pool.threads === 0 ? m : { data: shareFloat64(m.data), rows: m.rows, cols: m.cols },
      );
      await pool.runOrdered(
        sweepFitTask,
        todo.length,
        (t) => ({ matrix: shared[fits[todo[t]].i], ...fits[todo[t]].design }),
        (t, row) => {
          if (cache) writeCachedResult("sweep", keys[todo[t]], encodeSweepRow(row), dir);
          rows[todo[t]] = { ...row, cached: false };
          report();
        },
        // Rows are small: on threads every fit is queued at once, so a slow fit never holds a
        // thread idle; inline, one at a time, so that each is reported when it is done.
        { window: pool.threads === 0 ? 1 : todo.length },
      );
    } finally {
      await release();
    }
  }
  return rows as SweepRow[];
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

/** Where {@link compareAlgorithms} runs and whether it keeps its scores. */
export interface CompareAlgorithmsOptions {
  /** The pool to run the feature sets on. Default: the shared pool (`sharedWorkerPool()`). */
  pool?: WorkerPool;
  /** Instead of `pool`: threads started for this call (0: on the calling thread). */
  workers?: number;
  /**
   * Read and store each feature set's scores in the result cache (`true`: `resultCacheDir()`;
   * `{ dir }`: that folder). Default: no cache.
   */
  cache?: boolean | { dir: string };
}

/**
 * Every algorithm on every feature set: k-means and Ward (300 micro-clusters; a 2,000-customer
 * sample) at `k`, DBSCAN on the chosen set, and the RFM baseline's segments scored in each space.
 * Each feature set is one task of the worker pool (`algorithmScoresTask`; the same rows for any
 * number of threads); with `cache`, a set whose matrix and partitions are unchanged is read.
 *
 * @example
 * const rows = await compareAlgorithms({ sets: FEATURE_SETS, matrices, sweep, k: 5, chosenIndex: 1, dbscan: db, rfm }, { cache: true });
 */
export async function compareAlgorithms(
  input: CompareAlgorithmsInput,
  options: CompareAlgorithmsOptions = {},
): Promise<AlgorithmRow[]> {
  const { sets, matrices, sweep, k, chosenIndex, dbscan, rfm } = input;
  const { cache = false } = options;
  const dir = typeof cache === "object" ? cache.dir : undefined;
  const jobs: AlgorithmScoresJob[] = sets.map((_set, i) => ({
    matrix: matrices[i],
    k,
    ...(i === chosenIndex && input.ward ? { ward: input.ward.labels } : {}),
    ...(i === chosenIndex ? { dbscan: dbscan.labels } : {}),
    rfm: rfm.labels,
  }));
  const keys = jobs.map((job) =>
    cache ? algorithmScoresKey(job, arrayDigest(job.matrix.data)) : "",
  );
  const scores: (AlgorithmScores | undefined)[] = keys.map((key) => {
    const hit = cache
      ? readCachedResult<Record<string, unknown>>("comparison", key, dir)
      : undefined;
    return hit && decodeAlgorithmScores(hit);
  });
  const todo = jobs.flatMap((_job, i) => (scores[i] ? [] : [i]));
  if (todo.length > 0) {
    const { pool, release } = resolvePool(options);
    const share = (l: Int32Array | undefined) => (l && pool.threads > 0 ? shareInt32(l) : l);
    const rfmShared = share(rfm.labels) as Int32Array;
    try {
      await pool.runOrdered(
        algorithmScoresTask,
        todo.length,
        (t) => {
          const job = jobs[todo[t]];
          const m = job.matrix;
          return {
            ...job,
            matrix:
              pool.threads === 0 ? m : { data: shareFloat64(m.data), rows: m.rows, cols: m.cols },
            ward: share(job.ward),
            dbscan: share(job.dbscan),
            rfm: rfmShared,
          };
        },
        (t, result) => {
          if (cache)
            writeCachedResult("comparison", keys[todo[t]], encodeAlgorithmScores(result), dir);
          scores[todo[t]] = result;
        },
      );
    } finally {
      await release();
    }
  }
  const rows: AlgorithmRow[] = [];
  const add = (featureSet: string, algorithm: string, s: PartitionScores) =>
    rows.push({ featureSet, algorithm, ...s, seedStability: NaN, bootstrapStability: NaN });
  sets.forEach((set, i) => {
    const km = sweep.find((r) => r.featureSet === set.name && r.k === k);
    if (!km) throw new Error(`compareAlgorithms: the sweep has no row for ${set.name}, k = ${k}`);
    const { cached: _cached, ...kmRow } = km as SweepRow;
    rows.push({ ...kmRow, algorithm: `k-means k=${k}` });
    const s = scores[i] as AlgorithmScores;
    add(set.name, `Ward (300 micro-clusters) k=${k}`, s.ward);
    add(set.name, `Ward (2,000 sample) k=${k}`, s.wardSample);
    if (i === chosenIndex && s.dbscan) {
      const what = `DBSCAN (${dbscan.nClusters} clusters, ${percent(dbscan.noiseShare)} noise)`;
      add(set.name, what, s.dbscan);
    }
    add(set.name, `RFM scoring (${rfm.segments} segments)`, s.rfm);
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

/**
 * The caption of the sweep's table: what it shows, and where its seconds come from (each fit's
 * own, measured when it was computed: this run, or an earlier one for rows read from the cache).
 *
 * @example
 * sweepTableCaption(sweep); // "k-means sweep, every feature set and k; seconds: …, 36 of 36 rows read from the cache"
 */
export function sweepTableCaption(sweep: readonly SweepRow[]): string {
  const cached = sweep.filter((r) => r.cached).length;
  const from =
    cached === 0
      ? "every row computed in this run"
      : `${cached} of ${sweep.length} rows read from the cache, with the seconds measured when they were computed`;
  return `k-means sweep, every feature set and k; seconds: each fit (k-means, scores, stability) on one thread; ${from}`;
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
