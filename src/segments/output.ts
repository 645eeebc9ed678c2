/**
 * The files of a segmentation, written the same way by `npm run segment` and by the modelling
 * notebook: `customers.csv` (raw features, the same features in model space as `z_<feature>`, the
 * segment number and name), `model.json` (the segment model) and `metrics.json` (scores, sizes,
 * data source) — so anyone can recompute the metrics from the CSV.
 */
import { NAME_FEATURES } from "./nameConditions.js";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Matrix } from "../cluster/matrix.js";
import type { FileChecksum } from "../data/checksums.js";
import type { DataSource } from "../data/locate.js";
import type { RetrainRecommendation } from "./retrainField.js";
import type { CustomerTable } from "../features/definitions.js";
import { clusterSizes } from "../metrics/labels.js";
import { calinskiHarabaszScore, daviesBouldinScore, inertia } from "../metrics/scores.js";
import { silhouetteScore } from "../metrics/silhouette.js";
import { sampledSilhouette } from "../metrics/silhouetteSampleInterval.js";
import { silhouetteMethodText, silhouetteText } from "../display/scoreText.js";
import type { SegmentModel } from "./model.js";
import { writeChunksAtomic, writeFileAtomic } from "../util/atomicWrite.js";
import { csvField } from "../util/csv.js";

/** Scores and sizes of a segmentation, as written to `metrics.json`. */
export interface SegmentationMetrics {
  k: number;
  seed: number;
  features: string[];
  log1p: string[];
  customers: number;
  asOf: string;
  /** Exact silhouette over every customer (or sampled, see `silhouetteMethod`). */
  silhouette: number;
  /** `"exact"` (every customer) or e.g. `"sampled, median of 10 samples of n = 20,000"`. */
  silhouetteMethod: string;
  /**
   * The silhouette as every text shows it: "silhouette 0.327 (exact, n = 91,610)" or
   * "silhouette 0.328 (sampled, n = 10,000; 95 % interval 0.324–0.332)".
   */
  silhouetteLabel: string;
  /** A sampled silhouette's rows per sample, repeats and 95 % interval; null when exact. */
  silhouetteSample: { rows: number; repeats: number; interval: [number, number] } | null;
  daviesBouldin: number;
  calinskiHarabasz: number;
  inertia: number;
  sizes: {
    segment: number;
    name: string;
    customers: number;
    share: number;
    /** Mean bootstrap Jaccard of the segment (`npm start` fills it; null when not computed). */
    jaccard?: number | null;
    /** The name's condition and the share of members meeting it (`withNameShares`; null: neutral). */
    nameCondition?: string | null;
    nameShare?: number | null;
  }[];
  dataSource: {
    description: string;
    synthetic: boolean;
    /** Name, size and SHA-256 of each data file (filled by the main job; [] when not computed). */
    files: FileChecksum[];
  };
  /** Wall-clock seconds of the silhouette computation (null when it was computed elsewhere, untimed). */
  seconds: { silhouette: number | null };
  /**
   * Recommended retraining interval from the maintenance simulation (`npm start` fills it;
   * `npm run segment` alone leaves it null: run `npm run maintenance` or `npm start`).
   */
  retrain: RetrainRecommendation | null;
}

/** Options of {@link segmentationMetrics}. */
export interface MetricsOptions {
  /** Exact silhouette over all customers (default true); false → seeded 10,000-customer sample. */
  exactSilhouette?: boolean;
  /**
   * The silhouette when already computed (e.g. exact, on worker threads with
   * `silhouetteScoreParallel`): it is recorded instead of being computed again.
   */
  silhouette?: number;
  /** With a given sampled `silhouette` (`exactSilhouette: false`): its sample, repeats and interval. */
  silhouetteSample?: SegmentationMetrics["silhouetteSample"];
  /** Seconds the given `silhouette` took (recorded as `seconds.silhouette`). */
  silhouetteSeconds?: number;
}

/** Computes the metrics of a segmentation (labels from the model on the matrix of the same table). */
export function segmentationMetrics(
  model: SegmentModel,
  table: CustomerTable,
  matrix: Matrix,
  labels: Int32Array,
  source: Pick<DataSource, "description" | "synthetic">,
  options: MetricsOptions = {},
): SegmentationMetrics {
  const start = performance.now();
  let silhouette = options.silhouette;
  let sample = options.silhouetteSample ?? null;
  let exact = options.exactSilhouette ?? true;
  if (silhouette === undefined && exact) silhouette = silhouetteScore(matrix, labels);
  if (silhouette === undefined) {
    const s = sampledSilhouette(matrix, labels, { seed: model.toJSON().seed });
    silhouette = s.value;
    exact = s.method === "exact"; // a table of 10,000 customers or fewer is not sampled
    sample = s.interval ? { rows: s.rows, repeats: 1, interval: s.interval } : null;
  }
  if (!exact && !sample)
    throw new Error("segmentationMetrics: a sampled silhouette needs its sample");
  const silhouetteSeconds =
    options.silhouette === undefined
      ? (performance.now() - start) / 1000
      : (options.silhouetteSeconds ?? null);
  const figure = {
    value: silhouette,
    method: exact ? ("exact" as const) : ("sampled" as const),
    rows: exact || !sample ? table.ids.length : sample.rows,
    interval: exact ? null : (sample?.interval ?? null),
    repeats: sample?.repeats ?? null,
  };
  const json = model.toJSON();
  const names = model.names;
  const sizes = clusterSizes(labels);
  return {
    k: model.k,
    seed: json.seed,
    features: model.features,
    log1p: json.transform.log1p,
    customers: table.ids.length,
    asOf: table.asOf.toISOString(),
    silhouette,
    silhouetteMethod: exact ? "exact" : silhouetteMethodText(figure),
    silhouetteLabel: `silhouette ${silhouetteText(figure)}`,
    silhouetteSample: exact ? null : sample,
    daviesBouldin: daviesBouldinScore(matrix, labels),
    calinskiHarabasz: calinskiHarabaszScore(matrix, labels),
    inertia: inertia(matrix, labels, model.centroids),
    sizes: sizes.map((s) => ({
      segment: s.label,
      name: names[s.label],
      customers: s.size,
      share: s.share,
    })),
    dataSource: { description: source.description, synthetic: source.synthetic, files: [] },
    seconds: { silhouette: silhouetteSeconds },
    retrain: null,
  };
}

function csvNumber(x: number): string {
  return Number.isNaN(x) ? "" : String(x);
}

/**
 * The customer assignment as CSV: `customer_unique_id`, each model feature in raw units, the same
 * features in model space (`z_<feature>`), the raw columns the segment names are defined on that
 * the model does not read (`NAME_FEATURES`), any `extra` columns (table order; NaN → empty),
 * `segment`, `segment_name`.
 */
export function segmentAssignmentCsv(
  model: SegmentModel,
  table: CustomerTable,
  matrix: Matrix,
  labels: Int32Array,
  extra: Readonly<Record<string, Float64Array>> = {},
): string {
  return Array.from(segmentAssignmentChunks(model, table, matrix, labels, extra)).join("");
}

/** Lines per chunk of {@link segmentAssignmentChunks}. */
const CHUNK_LINES = 65_536;

/**
 * The text of {@link segmentAssignmentCsv} in chunks of whole lines (each ending with a newline), so
 * that the assignment of millions of customers never has to be one string (V8 caps strings at ~512 MB;
 * at 100×, 9.3 million lines make about 2 GB).
 */
export function* segmentAssignmentChunks(
  model: SegmentModel,
  table: CustomerTable,
  matrix: Matrix,
  labels: Int32Array,
  extra: Readonly<Record<string, Float64Array>> = {},
): Generator<string> {
  const features = model.features;
  const numeric = table.numeric as Record<string, Float64Array>;
  // The columns the segment names are defined on, also when the model does not read them.
  const naming = NAME_FEATURES.filter((f) => !features.includes(f) && f in numeric);
  const extraNames = Object.keys(extra);
  const names = model.names;
  const header = [
    "customer_unique_id",
    ...features,
    ...features.map((f) => `z_${f}`),
    ...naming,
    ...extraNames,
    "segment",
    "segment_name",
  ];
  yield header.join(",") + "\n";
  const d = matrix.cols;
  let lines: string[] = [];
  for (let i = 0; i < table.ids.length; i++) {
    const raw = features.map((f) => csvNumber(numeric[f][i]));
    const z = features.map((_, j) => csvNumber(matrix.data[i * d + j]));
    const more = extraNames.map((c) => csvNumber(extra[c][i]));
    const named = naming.map((f) => csvNumber(numeric[f][i]));
    lines.push(
      [
        csvField(table.ids[i]),
        ...raw,
        ...z,
        ...named,
        ...more,
        String(labels[i]),
        csvField(names[labels[i]]),
      ].join(","),
    );
    if (lines.length === CHUNK_LINES) {
      yield lines.join("\n") + "\n";
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join("\n") + "\n";
}

/** Paths written by {@link writeSegmentation}. */
export interface SegmentationFiles {
  customers: string;
  model: string;
  metrics: string;
}

/**
 * Writes `customers.csv`, `model.json` and `metrics.json` into `outDir` (created if missing), each
 * to a temporary name first and then renamed: a reader never sees a half-written file. `extra`:
 * more customers.csv columns (e.g. the value columns), before `segment`.
 *
 * @example
 * writeSegmentation("reports/segments", model, table, matrix, labels, metrics);
 */
export function writeSegmentation(
  outDir: string,
  model: SegmentModel,
  table: CustomerTable,
  matrix: Matrix,
  labels: Int32Array,
  metrics: SegmentationMetrics,
  extra: Readonly<Record<string, Float64Array>> = {},
): SegmentationFiles {
  mkdirSync(outDir, { recursive: true });
  const files = {
    customers: path.join(outDir, "customers.csv"),
    model: path.join(outDir, "model.json"),
    metrics: path.join(outDir, "metrics.json"),
  };
  writeChunksAtomic(files.customers, segmentAssignmentChunks(model, table, matrix, labels, extra));
  writeFileAtomic(files.model, JSON.stringify(model.toJSON(), null, 2) + "\n");
  writeFileAtomic(files.metrics, JSON.stringify(metrics, null, 2) + "\n");
  return files;
}
