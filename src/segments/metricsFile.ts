/**
 * The one writer of a segmentation's metrics (`metrics.json` of `npm start`, `npm run segment` and
 * notebook 2): the silhouette computed and timed here (exact on worker threads, or sampled), the
 * other scores, the data files' checksums and the retraining recommendation — one schema everywhere.
 */
import type { Matrix } from "../cluster/matrix.js";
import type { FileChecksum } from "../data/checksums.js";
import type { DataSource } from "../data/locate.js";
import type { CustomerTable } from "../features/definitions.js";
import type { RetrainRecommendation } from "./retrainField.js";
import { estimateSilhouette } from "../metrics/silhouetteEstimate.js";
import type { SegmentModel } from "./model.js";
import type { MarketingRow } from "./naming.js";
import { withNameShares } from "./naming.js";
import type { SegmentationMetrics } from "./output.js";
import { segmentationMetrics } from "./output.js";

/** Options of {@link measureSegmentationMetrics}. */
export interface MeasureMetricsOptions {
  /**
   * Exact silhouette over every customer (default true), or the median of 10 seeded stratified
   * samples of 20,000 customers with its 95 % interval (`estimateSilhouette`; exact when the table
   * is not larger than a sample).
   */
  exactSilhouette?: boolean;
  /**
   * With `exactSilhouette`, exact up to this many customers and sampled (labelled, with its
   * interval) above (default `EXACT_SILHOUETTE_MAX_ROWS`, 100,000: 10× Olist is sampled).
   */
  exactMaxRows?: number;
  /** Customers per sampled repeat (default `SILHOUETTE_SAMPLE_SIZE`, 20,000). */
  silhouetteSampleSize?: number;
  /**
   * Keep the silhouette in the result cache, keyed by the rows, labels and method (default true):
   * a rerun on the same files and segments costs a hash instead of the O(n²) pass.
   */
  cache?: boolean;
  /** Worker threads of the exact silhouette (default one per core; 0 = calling thread). */
  workers?: number;
  /** Data files' checksums (default []: not computed). */
  checksums?: readonly FileChecksum[];
  /** Retraining recommendation (default null: no maintenance study run). */
  retrain?: RetrainRecommendation | null;
  /** The marketing table: each size gets its name condition and share (`withNameShares`). */
  marketing?: readonly MarketingRow[];
}

/** Top-level keys of every metrics file, in order (the schema the tests assert). */
export const METRICS_KEYS = [
  "k",
  "seed",
  "features",
  "log1p",
  "customers",
  "asOf",
  "silhouette",
  "silhouetteMethod",
  "silhouetteLabel",
  "silhouetteSample",
  "daviesBouldin",
  "calinskiHarabasz",
  "inertia",
  "sizes",
  "dataSource",
  "seconds",
  "retrain",
] as const satisfies readonly (keyof SegmentationMetrics)[];

/** What {@link completeMetrics} sets. */
export interface MetricsFields {
  /** Data files' checksums (`dataSource.files`; default: kept as they are). */
  checksums?: readonly FileChecksum[];
  /** Retraining recommendation (`retrain`; default: kept as it is). */
  retrain?: RetrainRecommendation | null;
}

/**
 * The metrics as the file holds them: the data files' checksums and the retraining recommendation
 * set, keys in {@link METRICS_KEYS} order. Throws when a key is missing or not in the schema, so
 * that no writer can drift from it.
 *
 * @example
 * completeMetrics(segmentation.metrics, { checksums, retrain: retrainSummary(recommendation) });
 */
export function completeMetrics(
  metrics: SegmentationMetrics,
  fields: MetricsFields = {},
): SegmentationMetrics {
  const given = metrics as unknown as Record<string, unknown>;
  const keys: readonly string[] = METRICS_KEYS;
  const missing = keys.filter((k) => !(k in given));
  const extra = Object.keys(given).filter((k) => !keys.includes(k));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `metrics.json schema: missing ${missing.join(", ") || "none"}, not in METRICS_KEYS ` +
        `${extra.join(", ") || "none"}; add the key to METRICS_KEYS (src/segments/metricsFile.ts)`,
    );
  }
  const filled: Record<string, unknown> = {
    ...given,
    dataSource: {
      ...metrics.dataSource,
      files: (fields.checksums ?? metrics.dataSource.files).map((c) => ({ ...c })),
    },
    retrain: fields.retrain === undefined ? metrics.retrain : fields.retrain,
  };
  return Object.fromEntries(keys.map((k) => [k, filled[k]])) as unknown as SegmentationMetrics;
}

/**
 * The metrics of a segmentation with a timed silhouette (exact on worker threads by default, else
 * sampled with its 95 % interval), the data files' checksums and the retraining recommendation:
 * the one function behind `npm start`, `npm run segment` and notebook 2.
 *
 * @example
 * const m = await measureSegmentationMetrics(model, table, matrix, labels, source, { checksums });
 * m.seconds.silhouette; // seconds the exact silhouette took to compute (also when cached), e.g. 6.2
 */
export async function measureSegmentationMetrics(
  model: SegmentModel,
  table: CustomerTable,
  matrix: Matrix,
  labels: Int32Array,
  source: Pick<DataSource, "description" | "synthetic">,
  options: MeasureMetricsOptions = {},
): Promise<SegmentationMetrics> {
  const e = await estimateSilhouette(matrix, labels, {
    exactMaxRows: (options.exactSilhouette ?? true) ? options.exactMaxRows : 0,
    sampleSize: options.silhouetteSampleSize,
    seed: model.toJSON().seed,
    workers: options.workers,
    cache: options.cache ?? true,
  });
  const silhouette = e.value;
  const exact = e.method === "exact";
  const silhouetteSample: SegmentationMetrics["silhouetteSample"] =
    e.interval && e.sampleSize !== null && e.repeats !== null
      ? { rows: e.sampleSize, repeats: e.repeats, interval: e.interval }
      : null;
  // The computation's own seconds, also when the value comes from the cache.
  const silhouetteSeconds = e.seconds;
  const metrics = segmentationMetrics(model, table, matrix, labels, source, {
    exactSilhouette: exact,
    silhouette,
    silhouetteSample,
    silhouetteSeconds,
  });
  return completeMetrics(options.marketing ? withNameShares(metrics, options.marketing) : metrics, {
    checksums: options.checksums ?? [],
    retrain: options.retrain ?? null,
  });
}

/**
 * The metrics file's headline as table rows (metric, value), each silhouette with its label
 * (exact or sampled, n, interval) and the retraining interval or why there is none.
 *
 * @example
 * showTable(metricsRows(metrics), { decimals: 4 });
 */
export function metricsRows(m: SegmentationMetrics): { metric: string; value: number | string }[] {
  const rows: { metric: string; value: number | string }[] = [
    { metric: "customers", value: m.customers },
    { metric: m.silhouetteLabel.replace(/ [-\d.]+ \(/, " ("), value: m.silhouette },
  ];
  if (m.silhouetteSample) {
    const [lo, hi] = m.silhouetteSample.interval;
    rows.push({ metric: "silhouette, 95 % interval", value: `${lo.toFixed(4)}–${hi.toFixed(4)}` });
  }
  rows.push(
    { metric: "Davies-Bouldin", value: m.daviesBouldin },
    { metric: "Calinski-Harabasz", value: m.calinskiHarabasz },
    { metric: "inertia", value: m.inertia },
    {
      metric: "seconds of the silhouette",
      value: m.seconds.silhouette === null ? "not timed" : m.seconds.silhouette,
    },
    {
      metric: "retrain every (days)",
      value: m.retrain ? m.retrain.intervalDays : "not computed (too little history)",
    },
    { metric: "data files hashed (SHA-256)", value: m.dataSource.files.length },
  );
  return rows;
}
