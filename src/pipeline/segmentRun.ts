/**
 * The segmentation step shared by `npm run segment` and the main job (`npm start`): the customer
 * table as of a date, the chosen segmentation fitted on it (or a saved model applied to it), segment
 * names from the profiles, and the metrics — one function, so both commands give the same files.
 */
import type { Matrix } from "../cluster/matrix.js";
import type { Database } from "../data/db.js";
import type { DataSource } from "../data/locate.js";
import { customerFeatures } from "../features/customers.js";
import { lastPurchaseAsOf } from "../features/asOf.js";
import type { CustomerTable } from "../features/definitions.js";
import { FACT_TABLES } from "../features/facts.js";
import { UsageError } from "../util/errors.js";
import type { FileChecksum } from "../data/checksums.js";
import type { SelectionReport } from "../segments/selection.js";
import type { SegmentationDesign } from "../segments/segmentationInUse.js";
import { modelDesign, segmentationInUse } from "../segments/segmentationInUse.js";
import type { MarketingRow } from "../segments/naming.js";
import { marketingTable, withSavedNames } from "../segments/naming.js";
import type { SegmentationMetrics } from "../segments/output.js";
import { measureSegmentationMetrics } from "../segments/metricsFile.js";
import type { SegmentProfile } from "../segments/profiles.js";
import { baseValues, segmentProfiles } from "../segments/profiles.js";
import type { SegmentModel } from "../segments/model.js";
import { assignSegments, fitSegmentModelOnPool, loadSegmentModel } from "../segments/model.js";

/** Options of {@link segmentCustomers}. */
export interface SegmentCustomersOptions {
  /** As-of date of the customer table (default: midnight after the last purchase). */
  asOf?: Date;
  /**
   * Number of segments. Default: the fallback design's (`chosen.ts`), or with `select` the pick of the
   * selection rule (`selection.ts`, cached by the data files' checksums). Not with `model`.
   */
  k?: number;
  /** Run the selection rule when no `k` is given (default false: the fallback design of `chosen.ts`). */
  select?: boolean;
  /** Data files' checksums: the cache key of the selection decision (default: none, no cache). */
  checksums?: readonly FileChecksum[];
  /** Seed of the k-means restarts (default: the chosen segmentation's, 0). Not with `model`. */
  seed?: number;
  /** Apply this saved model instead of fitting (what marketing reruns every day). */
  model?: SegmentModel;
  /** Name of the model's file, for error messages (default `"the model"`). */
  modelFile?: string;
  /**
   * Silhouette exact up to 100,000 customers and sampled with its interval above, cached by rows
   * and labels (default true), or a quick seeded 10,000-customer sample (false).
   */
  exactSilhouette?: boolean;
  /** Worker threads of the exact silhouette (default one per core; 0 = calling thread). */
  workers?: number;
  /**
   * Called once the design is known (the selection's pick, the fallback or the saved model's),
   * before the model is fitted: the main job starts the maintenance study of that design there.
   */
  onDesign?: (design: SegmentationDesign) => void;
  /** Called when a sub-step starts (for progress display). */
  onStep?: (
    step: "customer table" | "model selection" | "segment model" | "assignments" | "metrics",
  ) => void;
}

/** Everything the segmentation step produced. */
export interface Segmentation {
  table: CustomerTable;
  model: SegmentModel;
  /** The customers in model space. */
  matrix: Matrix;
  /** Segment of each customer (table order). */
  labels: Int32Array;
  /** True when the model was fitted here, false when a saved model was applied. */
  fitted: boolean;
  profiles: SegmentProfile[];
  /** The marketing table: name, size, traits, action, channel and KPI of each segment. */
  marketing: MarketingRow[];
  metrics: SegmentationMetrics;
  /** The design fitted (or the saved model's): what the maintenance and value studies study. */
  design: SegmentationDesign;
  /** The selection decision that chose the fitted design (undefined with `k` or `model`). */
  selection?: { report: SelectionReport; cached: boolean; seconds: number };
}

/** First purchase and latest as-of date (midnight after the last purchase): the range an as-of date may take. */
export async function asOfRange(db: Database): Promise<{ first: Date; last: Date }> {
  const last = await lastPurchaseAsOf(db);
  const first = await db.scalar<Date | null>("SELECT min(order_purchase_timestamp) FROM orders");
  return { first: first instanceof Date ? first : last, last };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Throws a {@link UsageError} when `asOf` is outside the data: not after the first purchase (no
 * customer yet) or later than the midnight after the last purchase (the data say nothing of it).
 */
export async function checkAsOfInData(db: Database, asOf: Date): Promise<void> {
  const { first, last } = await asOfRange(db);
  if (asOf.getTime() <= first.getTime() || asOf.getTime() > last.getTime()) {
    throw new UsageError(
      `--as-of ${day(asOf)} is outside the data: purchases run from ${day(first)} to ` +
        `${day(new Date(last.getTime() - 86_400_000))}; choose a date after ${day(first)} and ` +
        `no later than ${day(last)} (the default).`,
    );
  }
}

/**
 * Reads a saved `model.json` given on the command line; a file that is not a model is a
 * {@link UsageError} (bad input) naming the file.
 *
 * @example
 * const model = loadModelFile("reports/model.json");
 */
export function loadModelFile(file: string): SegmentModel {
  try {
    return loadSegmentModel(file);
  } catch (e) {
    throw new UsageError(
      `${(e as Error).message}; give a model.json written by npm start or npm run segment.`,
    );
  }
}

/**
 * Throws a {@link UsageError} when a saved model reads a feature the customer table does not have,
 * or a column of the wrong length: the file belongs to another version or another feature set.
 */
export function checkModelFits(
  model: SegmentModel,
  table: Pick<CustomerTable, "numeric" | "ids">,
  file = "the model",
): void {
  const numeric = table.numeric as Readonly<Record<string, Float64Array | undefined>>;
  const missing = model.features.filter((f) => !(numeric[f] instanceof Float64Array));
  if (missing.length > 0) {
    throw new UsageError(
      `${file} reads feature(s) ${missing.join(", ")}, which the customer table does not have ` +
        `(it has ${Object.keys(numeric).join(", ")}); refit a model on these data with ` +
        "`npm start` or `npm run segment` instead of --model.",
    );
  }
}

/**
 * The segmentation step: customer table as of `asOf`, the chosen segmentation fitted (or `model`
 * applied), named segments, profiles, marketing table and metrics (silhouette exact on worker
 * threads up to 100,000 customers, above that sampled and labelled; see `metricsFile.ts`).
 *
 * @example
 * const { db, source } = await openOlist();
 * const s = await segmentCustomers(db, source, { k: 5, seed: 0 });
 * s.metrics.silhouette; // ≈ 0.33 on the twin
 */
export async function segmentCustomers(
  db: Database,
  source: Pick<DataSource, "description" | "synthetic">,
  options: SegmentCustomersOptions = {},
): Promise<Segmentation> {
  if (options.model && (options.k !== undefined || options.seed !== undefined)) {
    throw new UsageError(
      "--model applies a saved model: --k and --seed are the model's own and cannot be given.",
    );
  }
  if (options.asOf) await checkAsOfInData(db, options.asOf);
  options.onStep?.("customer table");
  const table = await customerFeatures(db, { asOf: options.asOf });
  if (table.ids.length === 0) {
    throw new UsageError(
      `No customer has a delivered order before ${day(table.asOf)} (table ${FACT_TABLES.orders}); choose a later --as-of.`,
    );
  }
  let model = options.model;
  let labels: Int32Array;
  let selection: Segmentation["selection"];
  let design: SegmentationDesign;
  const base = baseValues(table);
  if (model) {
    checkModelFits(model, table, options.modelFile);
    design = modelDesign(model);
    options.onDesign?.(design);
    options.onStep?.("assignments");
    labels = assignSegments(model, table).labels;
  } else {
    const inUse = await segmentationInUse(table, {
      k: options.k,
      seed: options.seed,
      select: options.select === true,
      checksums: options.checksums,
      onSelection: () => options.onStep?.("model selection"),
    });
    selection = inUse.selection;
    const chosen = inUse.design;
    design = chosen;
    options.onStep?.("segment model");
    const k = chosen.k;
    if (k >= table.ids.length) {
      throw new UsageError(
        `--k ${k} needs more customers than the ${table.ids.length} of the table; choose a smaller k.`,
      );
    }
    options.onDesign?.(design); // once the design is known to fit this table
    const fit = await fitSegmentModelOnPool(table, {
      ...chosen,
      source: { description: source.description, synthetic: source.synthetic },
    });
    const names = marketingTable(segmentProfiles(table, fit.labels), base).map((r) => r.name);
    model = fit.model.withNames(names);
    options.onStep?.("assignments");
    labels = assignSegments(model, table).labels;
  }
  const profiles = segmentProfiles(table, labels, { names: model.names });
  // A saved model keeps its own names, even if today's profiles would name a segment otherwise.
  const marketing = withSavedNames(marketingTable(profiles, base), model.names);
  options.onStep?.("metrics");
  const matrix = model.transformTable(table);
  const metrics = await measureSegmentationMetrics(model, table, matrix, labels, source, {
    exactSilhouette: options.exactSilhouette,
    workers: options.workers,
    checksums: options.checksums,
    marketing,
  });
  return {
    table,
    model,
    matrix,
    labels,
    fitted: !options.model,
    profiles,
    marketing,
    metrics,
    design,
    selection,
  };
}
