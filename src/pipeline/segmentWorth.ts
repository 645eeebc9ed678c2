/**
 * What each segment is worth and how to recognise its customers by hand, for the main job
 * (`npm start`): customer value (MBG/NBD × Gamma-Gamma, validated on a time holdout against the
 * segment baseline), rule cards (IMM/ExKMC threshold tree in raw units), per-segment bootstrap
 * stability and revenue concentration, all of the fitted segmentation, and the files they go to:
 * `value.json`, `segment-rules.json`, `segment-stability.json`, `revenue-concentration.json`.
 *
 * The value study is skipped (with a note in `value.json` and the brief) when the data hold too
 * few repeat customers to fit the model; everything else still runs.
 */
import path from "node:path";
import type { Database } from "../data/db.js";
import { concentrationReport, segmentConcentration } from "../revenue/index.js";
import type { SegmentRules } from "../rules/index.js";
import { segmentRules } from "../rules/index.js";
import type { SegmentationMetrics } from "../segments/output.js";
import type { Segmentation } from "./segmentRun.js";
import type { BootstrapJaccardResult } from "../stability/index.js";
import { STABILITY_DESIGN, stabilityReport } from "../stability/index.js";
import { cachedBootstrapJaccard } from "../stability/cachedBootstrap.js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import type { ValueColumn, ValueStudy } from "../value/index.js";
import { valueColumns, valueInputs, valueReport, valueStudy } from "../value/index.js";

/** The stages of {@link segmentWorth}, in run order (names as the main job's stage table shows them). */
export const WORTH_STAGES = [
  "customer value",
  "rule cards",
  "stability",
  "revenue concentration",
] as const;

/** Name of one worth stage. */
export type WorthStage = (typeof WORTH_STAGES)[number];

/** Options of {@link segmentWorth}. */
export interface SegmentWorthOptions {
  /** Bootstrap design (default {@link STABILITY_DESIGN}: 20 draws of min(n, 20,000), seed 0). */
  stability?: { runs?: number; sampleSize?: number; seed?: number };
  /** Called when a stage starts (the main job's stage clock). */
  onStage?: (stage: WorthStage) => void;
}

/** Everything {@link segmentWorth} computed. */
export interface SegmentWorth {
  /** The value study, or null when skipped (then `valueSkipped` says why). */
  value: ValueStudy | null;
  valueSkipped: string | null;
  rules: SegmentRules;
  stability: BootstrapJaccardResult;
  concentration: ReturnType<typeof segmentConcentration>;
  names: string[];
  /** Wall-clock seconds of each stage. */
  seconds: Record<WorthStage, number>;
}

/** Repeat customers with a positive repeat spend the value model needs (the spend model's minimum). */
export const MIN_REPEAT_CUSTOMERS = 3;

/**
 * The value study of a segmentation, or the reason it cannot be fitted: fewer than
 * {@link MIN_REPEAT_CUSTOMERS} repeat customers with spend at the as-of date (tiny data).
 *
 * @example
 * const { study, skipped } = await segmentValue(db, segmentation);
 */
export async function segmentValue(
  db: Database,
  segmentation: Pick<Segmentation, "model" | "table">,
): Promise<{ study: ValueStudy | null; skipped: string | null }> {
  const { model, table } = segmentation;
  const inputs = await valueInputs(db, { asOf: table.asOf });
  let repeat = 0;
  for (let i = 0; i < inputs.x.length; i++)
    if (inputs.x[i] > 0 && inputs.repeatMeanValue[i] > 0) repeat++;
  if (repeat < MIN_REPEAT_CUSTOMERS) {
    return {
      study: null,
      skipped:
        `Customer value not computed: as of ${table.asOf.toISOString().slice(0, 10)} the data hold ` +
        `${repeat} repeat ${repeat === 1 ? "customer" : "customers"} with spend; the value model needs at least ${MIN_REPEAT_CUSTOMERS}.`,
    };
  }
  const study = await valueStudy(db, {
    asOf: table.asOf,
    table,
    segmentLabels: (t) => model.assign(t),
  });
  return { study, skipped: null };
}

/**
 * Runs the four worth stages on a fitted segmentation (the database must still be open).
 *
 * @example
 * const worth = await segmentWorth(db, segmentation, { onStage: (s) => clock.start(s) });
 * worth.rules.fidelity; // ≈ 0.93 on the twin
 */
export async function segmentWorth(
  db: Database,
  segmentation: Pick<Segmentation, "model" | "table" | "matrix" | "labels">,
  options: SegmentWorthOptions = {},
): Promise<SegmentWorth> {
  const { model, table, matrix, labels } = segmentation;
  const names = model.names;
  const seconds = {} as Record<WorthStage, number>;
  let start = 0;
  const begin = (stage: WorthStage) => {
    options.onStage?.(stage);
    start = performance.now();
  };
  const end = (stage: WorthStage) => (seconds[stage] = (performance.now() - start) / 1000);

  begin("customer value");
  const { study, skipped } = await segmentValue(db, segmentation);
  end("customer value");

  begin("rule cards");
  const spec = model.toJSON();
  const rules = segmentRules({
    matrix,
    labels,
    centroids: model.centroids,
    transform: spec.transform,
    numeric: table.numeric,
    names,
  });
  end("rule cards");

  begin("stability");
  const design = { ...STABILITY_DESIGN, ...options.stability };
  // Cached by rows, labels and design: a rerun on the same files reads the 20 refits.
  const { value: stability } = await cachedBootstrapJaccard(matrix, labels, model.k, {
    nInit: spec.nInit,
    runs: design.runs,
    seed: design.seed,
    sampleSize: Math.min(matrix.rows, design.sampleSize),
  });
  end("stability");

  begin("revenue concentration");
  const concentration = segmentConcentration(table.numeric.monetary, labels, names);
  end("revenue concentration");

  return {
    value: study,
    valueSkipped: skipped,
    rules,
    stability,
    concentration,
    names: [...names],
    seconds,
  };
}

/**
 * The three value columns of customers.csv aligned with `ids`; when the study was skipped, every
 * value is NaN (written empty).
 *
 * @example
 * writeSegmentation(out, model, table, matrix, labels, metrics, worthColumns(worth, table.ids));
 */
export function worthColumns(
  worth: Pick<SegmentWorth, "value">,
  ids: readonly string[],
): Record<ValueColumn, Float64Array> {
  if (worth.value) return valueColumns(worth.value, ids);
  const empty = () => new Float64Array(ids.length).fill(NaN);
  return { p_active: empty(), expected_orders_12m: empty(), expected_revenue_12m: empty() };
}

/**
 * The metrics with each segment's mean bootstrap Jaccard (`sizes[].jaccard`, null for a segment
 * the bootstrap does not know).
 *
 * @example
 * withStability(metrics, worth).sizes[0].jaccard; // 0.98
 */
export function withStability<M extends Pick<SegmentationMetrics, "sizes">>(
  metrics: M,
  worth: Pick<SegmentWorth, "stability">,
): M {
  const bySegment = new Map(worth.stability.segments.map((s) => [s.segment, s.meanJaccard]));
  return {
    ...metrics,
    sizes: metrics.sizes.map((s) => ({ ...s, jaccard: bySegment.get(s.segment) ?? null })),
  };
}

/** `value.json` when the study was skipped: the note, and no figures. */
export function skippedValueReport(note: string): Record<string, unknown> {
  return { validation: null, validationSkipped: note, verdict: null, segments: [] };
}

/** JSON with non-finite numbers as null (what JSON.stringify would do silently), 2-space indent. */
function json(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
      2,
    ) + "\n"
  );
}

/** Paths written by {@link writeSegmentWorth}. */
export interface SegmentWorthFiles {
  value: string;
  rules: string;
  stability: string;
  revenue: string;
}

/**
 * Writes `value.json`, `segment-rules.json` (the format first: `fidelity`, `leaves`; then
 * the rule cards in words), `segment-stability.json` and `revenue-concentration.json` into `out`,
 * each atomically.
 *
 * @example
 * const files = writeSegmentWorth("reports", worth);
 */
export function writeSegmentWorth(out: string, worth: SegmentWorth): SegmentWorthFiles {
  const files = {
    value: path.join(out, "value.json"),
    rules: path.join(out, "segment-rules.json"),
    stability: path.join(out, "segment-stability.json"),
    revenue: path.join(out, "revenue-concentration.json"),
  };
  const texts = {
    value: json(worth.value ? valueReport(worth.value) : skippedValueReport(worth.valueSkipped!)),
    rules: json(worth.rules),
    stability: json(stabilityReport(worth.stability, worth.names)),
    revenue: json(concentrationReport(worth.concentration)),
  };
  for (const key of Object.keys(files) as (keyof SegmentWorthFiles)[])
    writeFileAtomic(files[key], texts[key]);
  return files;
}
