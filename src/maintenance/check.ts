/**
 * The sampled agreement check, the early-warning trigger between two retrainings: refit the
 * segmentation quickly on a seeded sample of today's customers and measure the ARI between the
 * live (frozen) model's labels and the refit's on that sample. It estimates the very quantity that
 * decides a retraining (ARI of the frozen model against a refit) for a few percent of a full
 * refit's cost. The simulation evaluates the same function at every date, so the trigger it
 * validates is the check a team runs.
 */
import { adjustedRandIndex } from "../metrics/adjustedRandIndex.js";
import type { SegmentModel } from "../segments/model.js";
import { createRng } from "../util/random.js";
import type { RefitJob, RefitResult, RefitSpec } from "./refit.js";
import { runRefit, tableKey } from "./refit.js";
import type { FeatureSnapshot } from "./snapshot.js";
import { asNumericTable } from "./snapshot.js";
import { CHECK_SAMPLE_SIZE, CHECK_SEED } from "./policy.js";
import { pickLabels } from "./frozen.js";

/** Options of the check's sample and quick refit. */
export interface CheckOptions {
  /** Customers in the sample (default {@link CHECK_SAMPLE_SIZE}; all when there are fewer). */
  sampleSize?: number;
  /** Seed of the sample and of the refit (default {@link CHECK_SEED}). */
  seed?: number;
}

/**
 * Positions of a seeded sample of `size` rows among `n`, without replacement, in increasing order
 * (all rows when `size ≥ n`).
 *
 * @example
 * sampleRows(10, 3, 0); // Int32Array [ 1, 4, 8 ] (the same for the same seed)
 */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (!(Number.isInteger(size) && size > 0))
    throw new Error(`sampleSize must be a whole number > 0, got ${size}`);
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, size).sort();
}

/** The quick refit of a check: the sampled rows and the refit's model and labels on them. */
export interface SampledRefit extends RefitResult {
  rows: Int32Array;
}

/**
 * The refit job of a check (`spec`, seed of the options, on a seeded sample of the table's
 * customers) and the sampled rows. The simulation runs the job on its worker pool;
 * {@link sampledRefit} runs it inline.
 *
 * @example
 * const { job, rows } = sampledRefitJob(snapshot, spec, { sampleSize: 20000 });
 */
export function sampledRefitJob(
  table: FeatureSnapshot,
  spec: RefitSpec,
  options: CheckOptions = {},
): { job: RefitJob; rows: Int32Array } {
  const seed = options.seed ?? CHECK_SEED;
  const rows = sampleRows(table.ids.length, options.sampleSize ?? CHECK_SAMPLE_SIZE, seed);
  const columns: Record<string, Float64Array> = {};
  for (const f of spec.features) {
    const column = table.numeric[f];
    if (!column) throw new Error(`Feature "${f}" is not a column of the customer table.`);
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]];
    columns[f] = out;
  }
  const job = {
    spec,
    seed,
    key: tableKey(),
    asOf: table.asOf.getTime(),
    rows: rows.length,
    columns,
  };
  return { job, rows };
}

/**
 * Refits the segmentation (`spec`, seed of the options) on a seeded sample of a table's customers.
 *
 * @example
 * const quick = sampledRefit(snapshot, spec, { sampleSize: 20000 });
 */
export function sampledRefit(
  table: FeatureSnapshot,
  spec: RefitSpec,
  options: CheckOptions = {},
): SampledRefit {
  const { job, rows } = sampledRefitJob(table, spec, options);
  return { ...runRefit(job), rows };
}

/**
 * ARI between labels of the live model for every customer of the table and a quick refit's labels
 * on its sampled rows.
 */
export function sampledAgreement(liveLabels: Int32Array, quick: SampledRefit): number {
  return adjustedRandIndex(pickLabels(liveLabels, quick.rows), quick.labels);
}

/** The result of a check. */
export interface CheckResult {
  /** ARI of the live model against the quick refit, on the sample. */
  ari: number;
  /** Customers in the sample. */
  sampleSize: number;
}

/**
 * Runs the agreement check of a live model on today's customer table: the model's features,
 * transform, k and restarts are refitted with the check's seed on its sample.
 *
 * @example
 * const { ari } = sampledCheck(model, await featureSnapshot(db, today, model.features));
 * if (ari < WARNING_ARI) console.log("retrain now");
 */
export function sampledCheck(
  model: SegmentModel,
  table: FeatureSnapshot,
  options: CheckOptions = {},
): CheckResult {
  const json = model.toJSON();
  const spec: RefitSpec = {
    features: json.features,
    log1p: json.transform.log1p,
    scaler: json.transform.scaler,
    k: json.k,
    nInit: json.nInit,
  };
  const quick = sampledRefit(table, spec, options);
  const ari = sampledAgreement(model.assign(asNumericTable(table)), quick);
  return { ari, sampleSize: quick.rows.length };
}
