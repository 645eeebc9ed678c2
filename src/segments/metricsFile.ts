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
import { silhouetteScoreParallel } from "../metrics/silhouette.js";
import type { SegmentModel } from "./model.js";
import type { SegmentationMetrics } from "./output.js";
import { segmentationMetrics } from "./output.js";

/** Options of {@link measureSegmentationMetrics}. */
export interface MeasureMetricsOptions {
  /** Exact silhouette over every customer (default true) or a seeded 10,000-customer sample. */
  exactSilhouette?: boolean;
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
  let silhouette: number | undefined;
  let silhouetteSeconds: number | undefined;
  if (exact) {
    const start = performance.now();
    silhouette = await silhouetteScoreParallel(matrix, labels, { workers: options.workers });
    silhouetteSeconds = (performance.now() - start) / 1000;
  }
  const metrics = segmentationMetrics(model, table, matrix, labels, source, {
    exactSilhouette: exact,
    silhouette,
    silhouetteSeconds,
  });
  return {
    ...metrics,
    dataSource: { ...metrics.dataSource, files: (options.checksums ?? []).map((c) => ({ ...c })) },
    retrain: options.retrain ?? null,
  };
}
