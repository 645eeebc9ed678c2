/**
 * The candidates of the model selection, computed: every feature set × k-means × k fitted on a
 * seeded sample of the customer table and scored in the feature set's OWN space: the sampled
 * silhouette, the null silhouette (same algorithm and k on a column-permuted copy, see
 * `silhouetteLift.ts`) and their difference, the lift, which is comparable across feature sets of
 * different dimension; seed stability on a seeded subsample; the smallest segment's share on the
 * whole table (every customer assigned to the nearest centroid of the fit); and how many of the
 * fit's segments the naming rule gives a true name on the fitted sample (`selectionNames.ts`).
 */
import type { Matrix } from "../cluster/matrix.js";
import { sampleIndices, selectRows } from "../cluster/matrix.js";
import { kmeans, kmeansPredict } from "../cluster/kmeans.js";
import type { CustomerTable } from "../features/definitions.js";
import { calinskiHarabaszScore, daviesBouldinScore } from "../metrics/scores.js";
import { silhouetteSample } from "../metrics/silhouette.js";
import { kmeansStability } from "../stability/kmeansStability.js";
import { minOf } from "../util/arrayStats.js";
import { createRng } from "../util/random.js";
import { resolvePool } from "../util/sharedWorkerPool.js";
import { shareFloat64, type WorkerPool, workerTask } from "../util/workerPool.js";
import type { FitSegmentModelOptions } from "./model.js";
import type { FeatureSet } from "./compare.js";
import { FEATURE_SETS, featureSetMatrix } from "./compare.js";
import type { SelectionCandidate } from "./selectionRule.js";
import { namedSegmentCount } from "./selectionNames.js";
import { nullSilhouette } from "./silhouetteLift.js";

/** The design of the selection: what is compared and how it is measured. */
export interface SelectionDesign {
  /** Feature sets compared (default {@link FEATURE_SETS}). */
  featureSets: readonly FeatureSet[];
  /** Values of k (default 3…8: k = 2 only splits repeat buyers from everyone else). */
  ks: readonly number[];
  /** k-means restarts of each candidate fit and of its null fit (default 4). */
  nInit: number;
  seed: number;
  /** Rows of the seeded sample the candidates (and their nulls) are fitted on (default 20,000). */
  fitRows: number;
  /** Rows of the sampled silhouette, real and null (default 5,000, seeded). */
  silhouetteSampleSize: number;
  /** Rows of the stability subsample (default 10,000) and seed runs per measure (default 3). */
  stabilityRows: number;
  stabilityRuns: number;
}

/** The default design (used by `npm start`, `npm run segment` and notebook 2). */
export const SELECTION_DESIGN: SelectionDesign = {
  featureSets: FEATURE_SETS,
  ks: [3, 4, 5, 6, 7, 8],
  nInit: 4,
  seed: 0,
  fitRows: 20_000,
  silhouetteSampleSize: 5_000,
  stabilityRows: 10_000,
  stabilityRuns: 3,
};

/** How the candidates are measured, in words (for selection.json and the notebook). */
export function selectionMethodText(design: SelectionDesign = SELECTION_DESIGN): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    `k-means (${design.nInit} restarts, seed ${design.seed}) fitted on a seeded sample of ${n(design.fitRows)} ` +
    `customers in each feature set's own standardised space; silhouette sampled on ${n(design.silhouetteSampleSize)} ` +
    `of them (seeded), minus the null silhouette of the same k on a column-permuted copy of that sample; ` +
    `seed stability = mean ARI of ${design.stabilityRuns} seeded fits on ${n(design.stabilityRows)} customers; ` +
    `smallest segment over every customer assigned to the fit's centroids`
  );
}

/** File-name-safe slug of a feature-set name: `"RFM + satisfaction"` → `"rfm-satisfaction"`. */
export function featureSetSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Id of a candidate: `<feature-set slug>/k-means/k<k>`. */
export function candidateId(featureSet: string, k: number, algorithm = "k-means"): string {
  return `${featureSetSlug(featureSet)}/${algorithm}/k${k}`;
}

/** Share of the smallest of the k segments of `labels` (an empty segment counts as 0). */
function smallestShareOf(labels: Int32Array, k: number): number {
  const counts = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return minOf(counts) / labels.length;
}

/** 0, 1, …, n − 1: the table rows of a sample that is the whole table. */
function identityRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** What scoring a candidate reads of the design. */
type ScoreDesign = Pick<
  SelectionDesign,
  "nInit" | "seed" | "silhouetteSampleSize" | "stabilityRuns"
>;

/**
 * One candidate to score (a task of the worker pool): its feature set's matrices (the whole table,
 * the fit sample, the stability sample; in shared memory on a thread), k, the design, and the raw
 * columns of the fit sample's rows, which the naming rule reads (row i of `numeric` is row i of
 * `sample`).
 */
export interface CandidateJob {
  full: Matrix;
  sample: Matrix;
  stabilitySample: Matrix;
  k: number;
  design: ScoreDesign;
  numeric: Readonly<Record<string, Float64Array>>;
}

/** The scores of one candidate (the computed fields of a {@link SelectionCandidate}). */
export type CandidateScores = ReturnType<typeof scoreCandidate>;

/**
 * Scores one feature set at one k (the matrices are that set's own standardised space; row i of
 * `numeric` holds the raw columns of row i of `sample`, which the naming rule reads).
 */
function scoreCandidate({ full, sample, stabilitySample, k, design, numeric }: CandidateJob) {
  const fit = kmeans(sample, k, { nInit: design.nInit, seed: design.seed });
  const silhouetteOptions = {
    sampleSize: Math.min(design.silhouetteSampleSize, sample.rows),
    seed: design.seed,
  };
  const silhouette = silhouetteSample(sample, fit.labels, silhouetteOptions);
  const nullSil = nullSilhouette(sample, k, {
    nInit: design.nInit,
    seed: design.seed,
    silhouetteSampleSize: design.silhouetteSampleSize,
  });
  const stability = kmeansStability(stabilitySample, k, {
    seedRuns: design.stabilityRuns,
    bootstrapPairs: 0,
    nInit: 3,
    seed: design.seed,
  });
  return {
    silhouette,
    nullSilhouette: nullSil,
    silhouetteLift: silhouette - nullSil,
    daviesBouldin: daviesBouldinScore(sample, fit.labels),
    calinskiHarabasz: calinskiHarabaszScore(sample, fit.labels),
    smallestShare: smallestShareOf(kmeansPredict(full, fit.centroids), k),
    seedStability: stability.seeds.mean,
    named: namedSegmentCount(numeric, identityRows(sample.rows), fit.labels, k),
  };
}

/** The pool task of one candidate. */
export const candidateScoreTask = workerTask(import.meta.url, "candidateScoreTask", scoreCandidate);

/** The raw columns at the given rows (the naming rule's view of a sample). */
function columnsAt(
  numeric: Readonly<Record<string, ArrayLike<number>>>,
  rows: Int32Array,
  share: boolean,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(numeric)) {
    const picked = share
      ? shareFloat64(new Float64Array(rows.length))
      : new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) picked[i] = column[rows[i]];
    out[name] = picked;
  }
  return out;
}

/** Where {@link selectionCandidates} runs the candidates. */
export interface SelectionCandidatesOptions {
  /** Called after each candidate, in candidate order. */
  onCandidate?: (done: number, total: number) => void;
  /** The pool (default: the shared pool, one thread per core). */
  pool?: WorkerPool;
  /** Instead of `pool`: threads started for this call (0: on the calling thread). */
  workers?: number;
}

/**
 * Fits and scores every candidate of the design on `table`, each in its own feature space (see the
 * module comment), each candidate a task of the worker pool: the same rows, in the same order, for
 * any number of threads (tested). The same seeded rows are sampled for every feature set.
 *
 * @example
 * const candidates = await selectionCandidates(customers); // 4 feature sets × 6 k = 24 rows
 */
export async function selectionCandidates(
  table: Pick<CustomerTable, "numeric">,
  design: SelectionDesign = SELECTION_DESIGN,
  options: SelectionCandidatesOptions = {},
): Promise<SelectionCandidate[]> {
  const { pool, release } = resolvePool(options);
  try {
    const onThreads = pool.threads > 0;
    const share = (m: Matrix): Matrix =>
      onThreads ? { data: shareFloat64(m.data), rows: m.rows, cols: m.cols } : m;
    const scoreDesign: ScoreDesign = {
      nInit: design.nInit,
      seed: design.seed,
      silhouetteSampleSize: design.silhouetteSampleSize,
      stabilityRuns: design.stabilityRuns,
    };
    let fitIdx: Int32Array | undefined;
    let stabIdx: Int32Array | undefined;
    let numeric: Record<string, Float64Array> | undefined;
    const sets = design.featureSets.map((set) => {
      const full = featureSetMatrix(table, set);
      const rng = createRng(design.seed);
      fitIdx ??= sampleIndices(full.rows, Math.min(design.fitRows, full.rows), rng);
      stabIdx ??= sampleIndices(full.rows, Math.min(design.stabilityRows, full.rows), rng);
      const sample = fitIdx.length < full.rows ? selectRows(full, fitIdx) : full;
      const stabilitySample = stabIdx.length < full.rows ? selectRows(full, stabIdx) : full;
      // The fit sample is the same rows for every set, so its raw columns are picked once.
      numeric ??= columnsAt(
        table.numeric,
        sample === full ? identityRows(full.rows) : fitIdx,
        onThreads,
      );
      const matrices = { full: share(full), sample: share(sample) };
      return { set, ...matrices, stabilitySample: share(stabilitySample) };
    });
    const jobs = sets.flatMap((s) => design.ks.map((k) => ({ ...s, k })));
    const out: SelectionCandidate[] = new Array(jobs.length);
    await pool.runOrdered(
      candidateScoreTask,
      jobs.length,
      (t) => {
        const { full, sample, stabilitySample, k } = jobs[t];
        return { full, sample, stabilitySample, k, design: scoreDesign, numeric: numeric! };
      },
      (t, scores) => {
        const { set, k } = jobs[t];
        out[t] = {
          id: candidateId(set.name, k),
          label: `${set.name}, k-means, k = ${k}`,
          features: set.name,
          dimensions: set.features.length,
          algorithm: "k-means",
          k,
          ...scores,
        };
        options.onCandidate?.(t + 1, jobs.length);
      },
      // Scores are small: on threads every candidate is queued at once, so no thread waits on a
      // slow one; inline, one at a time, so that each is reported when it is done.
      { window: onThreads ? jobs.length : 1 },
    );
    return out;
  } finally {
    await release();
  }
}

/**
 * The fit options of a candidate id (feature set, log1p, k from the design; seed 0, 10 restarts
 * for the final fit). Throws when the id is not a candidate of the design.
 */
export function candidateSegmentation(
  id: string,
  design: SelectionDesign = SELECTION_DESIGN,
): Omit<FitSegmentModelOptions, "names" | "source"> & {
  seed: number;
  nInit: number;
  candidate: string;
} {
  const m = /^(.+)\/k-means\/k(\d+)$/.exec(id);
  const set = m && design.featureSets.find((s) => featureSetSlug(s.name) === m[1]);
  if (!m || !set || !design.ks.includes(Number(m[2])))
    throw new Error(`${id} is not a candidate of the selection design`);
  return {
    features: [...set.features],
    log1p: [...set.log1p],
    scaler: "standard",
    k: Number(m[2]),
    seed: 0,
    nInit: 10,
    candidate: id,
  };
}
