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
import type { SilhouetteEstimate } from "../metrics/silhouetteEstimate.js";
import { estimateSilhouette } from "../metrics/silhouetteEstimate.js";
import type { SegmentModel } from "./model.js";
import type { SegmentationMetrics } from "./output.js";
import { segmentationMetrics } from "./output.js";

/** Options of {@link measureSegmentationMetrics}. */
export interface MeasureMetricsOptions {
  /**
   * Silhouette over every customer up to `exactMaxRows`, above it the stratified sampled estimate
   * with its interval (default true); false → the quick seeded 10,000-customer sample.
   */
  exactSilhouette?: boolean;
  /** Exact silhouette up to this many customers (default `EXACT_SILHOUETTE_MAX_ROWS`, 100,000). */
  exactMaxRows?: number;
  /** Customers per sampled repeat above `exactMaxRows` (default `SILHOUETTE_SAMPLE_SIZE`, 20,000). */
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
  "daviesBouldin",
  "calinskiHarabasz",
  "inertia",
  "sizes",
  "dataSource",
  "seconds",
  "retrain",
] as const satisfies readonly (keyof SegmentationMetrics)[];

/**
 * The metrics of a segmentation with a timed silhouette (exact on worker threads by default), the
 * data files' checksums and the retraining recommendation.
 *
 * @example
 * const m = await measureSegmentationMetrics(model, table, matrix, labels, source, { checksums });
 * m.seconds.silhouette; // seconds of the exact silhouette, e.g. 6.2
 */
export async function measureSegmentationMetrics(
  model: SegmentModel,
  table: CustomerTable,
  matrix: Matrix,
  labels: Int32Array,
  source: Pick<DataSource, "description" | "synthetic">,
  options: MeasureMetricsOptions = {},
): Promise<SegmentationMetrics> {
  const exact = options.exactSilhouette ?? true;
  let estimate: SilhouetteEstimate | undefined;
  let silhouetteSeconds: number | undefined;
  if (exact) {
    const start = performance.now();
    estimate = await estimateSilhouette(matrix, labels, {
      exactMaxRows: options.exactMaxRows,
      sampleSize: options.silhouetteSampleSize,
      seed: model.toJSON().seed,
      workers: options.workers,
      cache: options.cache ?? true,
    });
    silhouetteSeconds = (performance.now() - start) / 1000;
  }
  const metrics = segmentationMetrics(model, table, matrix, labels, source, {
    exactSilhouette: exact,
    silhouette: estimate?.value,
    silhouetteSeconds,
  });
  return {
    ...metrics,
    ...(estimate?.method === "sampled" ? sampledSilhouetteFields(estimate, matrix.rows) : {}),
    dataSource: { ...metrics.dataSource, files: (options.checksums ?? []).map((c) => ({ ...c })) },
    retrain: options.retrain ?? null,
  };
}

/**
 * The method and label of a sampled silhouette: sample size, repeats, stratification and the
 * interval, so that no reader can take it for the exact value.
 *
 * @example
 * sampledSilhouetteFields({ value: 0.33, method: "sampled", sampleSize: 20000, repeats: 10, interval: [0.32, 0.34] }, 900000);
 * // { silhouetteMethod: "sampled (median of 10 stratified samples of 20,000 of 900,000 customers, seeded; 95 % interval 0.3200–0.3400)", … }
 */
export function sampledSilhouetteFields(
  estimate: SilhouetteEstimate,
  customers: number,
): { silhouetteMethod: string; silhouetteLabel: string } {
  const n = (x: number) => x.toLocaleString("en-US");
  const [lo, hi] = estimate.interval ?? [NaN, NaN];
  const what =
    `median of ${estimate.repeats ?? "?"} stratified samples of ${n(estimate.sampleSize ?? 0)} ` +
    `of ${n(customers)} customers, seeded; 95 % interval ${lo.toFixed(4)}–${hi.toFixed(4)}`;
  return { silhouetteMethod: `sampled (${what})`, silhouetteLabel: `sampled silhouette (${what})` };
}
