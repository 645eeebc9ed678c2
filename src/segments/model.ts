/**
 * The segment model marketing reruns every day: a fitted feature transform, k-means centroids in the
 * transformed space, the feature list and the segment names, saved as one JSON file. Applying it to
 * any customer table (any date, any data source) gives each customer's segment without refitting.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { KMeansResult } from "../cluster/kmeans.js";
import { kmeansParallel } from "../cluster/kmeansParallel.js";
import type { Matrix } from "../cluster/matrix.js";
import type { CustomerTable } from "../features/definitions.js";
import type { Scaler, TransformJSON } from "../features/transform.js";
import type { FittedTransform } from "../features/transform.js";
import { fitTransformMatrix, fittedTransformFromJSON } from "../features/transform.js";
import { sealModelJson } from "./modelIntegrity.js";
import type { SegmentAlgorithmJSON } from "./segmentClusterer.js";
import { SEGMENT_ALGORITHMS, segmentClusterer } from "./segmentClusterer.js";

export type { SegmentAlgorithmJSON } from "./segmentClusterer.js";

/** Version of the model files written now; version 1 files (no `algorithm`: k-means) still load. */
export const SEGMENT_MODEL_VERSION = 2 as const;

/** The serialised segment model (plain JSON, exact round-trip). */
export interface SegmentModelJSON {
  kind: "olist-segment-model";
  /** 2 (written now, with `algorithm`) or 1 (older files, k-means implied). */
  version: 1 | 2;
  /** The algorithm behind the centroids (version 2; absent in version 1: k-means). */
  algorithm?: SegmentAlgorithmJSON;
  /** Features the model reads, in matrix column order (raw customer-table column names). */
  features: string[];
  transform: TransformJSON;
  k: number;
  seed: number;
  nInit: number;
  /** k rows of centroids in the transformed (model) space, segment order. */
  centroids: number[][];
  /** Segment names, index = segment number. */
  names: string[];
  /** As-of date of the training customer table (ISO). */
  trainedAsOf: string;
  /** Where the training data came from; `synthetic` flags the Olist twin. */
  trainedOn: { description: string; synthetic: boolean; customers: number };
  /** Within-cluster sum of squares on the training table. */
  inertia: number;
  /** Id of the selection candidate this model is (reports/selection.json), when it was selected. */
  candidate?: string;
}

/** Options of {@link fitSegmentModel}. */
export interface FitSegmentModelOptions {
  /** Customer-table columns used by the model. */
  features: readonly string[];
  /** Columns passed through log1p before scaling (default: none). */
  log1p?: readonly string[];
  /** Scaler of the transform (default `"standard"`). */
  scaler?: Scaler;
  /** Number of segments. */
  k: number;
  /** Seed of the k-means restarts (default 0). */
  seed?: number;
  /** k-means++ restarts (default 10). */
  nInit?: number;
  /** Segment names in segment order (default `Segment 0` …); see `describeSegments` for automatic names. */
  names?: readonly string[];
  /** Description of the training data (default "unknown source"). */
  source?: { description: string; synthetic: boolean };
  /** Id of the selection candidate being fitted (recorded in model.json; default: none). */
  candidate?: string;
}

/** A fitted segment model. */
export class SegmentModel {
  private constructor(
    private readonly spec: SegmentModelJSON,
    /** The frozen feature transform. */
    readonly transform: FittedTransform,
    /** Centroids in model space, k × features. */
    readonly centroids: Matrix,
  ) {}

  /** Builds a model from its JSON form, validating it. */
  static fromJSON(json: unknown): SegmentModel {
    const spec = json as SegmentModelJSON;
    if (spec?.kind !== "olist-segment-model" || (spec.version !== 1 && spec.version !== 2)) {
      throw new Error('Not a segment model (expected kind "olist-segment-model", version 1 or 2).');
    }
    if (spec.version === 2 && !SEGMENT_ALGORITHMS.includes(spec.algorithm?.name as "kmeans")) {
      throw new Error(
        `Segment model: algorithm "${String(spec.algorithm?.name)}" is not one this toolbox assigns with (${SEGMENT_ALGORITHMS.join(", ")}).`,
      );
    }
    const cols = spec.features.length;
    if (spec.centroids.length !== spec.k || spec.centroids.some((c) => c.length !== cols)) {
      throw new Error(`Segment model: centroids must be ${spec.k} rows of ${cols} numbers.`);
    }
    if (spec.names.length !== spec.k) throw new Error(`Segment model: ${spec.k} names expected.`);
    const centroids = { data: Float64Array.from(spec.centroids.flat()), rows: spec.k, cols };
    return new SegmentModel(
      structuredClone(spec),
      fittedTransformFromJSON(spec.transform),
      centroids,
    );
  }

  get k(): number {
    return this.spec.k;
  }
  /** The algorithm and its parameters (version 1 files: k-means with the file's k, seed, nInit). */
  get algorithm(): SegmentAlgorithmJSON {
    const { k, seed, nInit } = this.spec;
    return structuredClone(
      this.spec.algorithm ?? { name: "kmeans", parameters: { k, seed, nInit } },
    );
  }
  get features(): string[] {
    return [...this.spec.features];
  }
  get names(): string[] {
    return [...this.spec.names];
  }
  get trainedAsOf(): Date {
    return new Date(this.spec.trainedAsOf);
  }

  /** A copy of the model with other segment names (e.g. after profiling). */
  withNames(names: readonly string[]): SegmentModel {
    return SegmentModel.fromJSON({ ...this.toJSON(), names: [...names] });
  }

  /** The customers of a table in model space (frozen transform). */
  transformTable(table: Pick<CustomerTable, "numeric">): Matrix {
    return this.transform.apply(table);
  }

  /** Segment of each customer of a table: nearest centroid after the frozen transform. */
  assign(table: Pick<CustomerTable, "numeric">): Int32Array {
    return this.assignMatrix(this.transformTable(table));
  }

  /**
   * Segment of each row already in model space (see {@link transformTable}): the one place that
   * applies the model's algorithm, through its clusterer (`segmentClusterer`; k-means: the nearest
   * centroid).
   */
  assignMatrix(matrix: Matrix): Int32Array {
    return segmentClusterer(this.algorithm).assign(matrix, { centroids: this.centroids });
  }

  toJSON(): SegmentModelJSON {
    return sealModelJson(structuredClone(this.spec)); // with its checksum (modelIntegrity.ts)
  }
}

/** The result of {@link fitSegmentModel}. */
export interface FittedSegments {
  model: SegmentModel;
  /** Segment of each training customer (segments numbered by decreasing size). */
  labels: Int32Array;
  /** The training customers in model space. */
  matrix: Matrix;
  kmeans: KMeansResult;
}

/** The seed-independent half of a fit: the table's fitted transform, its matrix and the training facts. */
function transformedTable(table: CustomerTable, options: FitSegmentModelOptions) {
  const { transform, matrix } = fitTransformMatrix(table, {
    features: options.features,
    log1p: options.log1p ?? [],
    scaler: options.scaler ?? "standard",
  });
  return { transform, matrix, training: { asOf: table.asOf, customers: table.ids.length } };
}

/**
 * Fits the transform and k-means on a customer table. Segments are renumbered by decreasing size
 * (segment 0 is the largest), so numbers are stable across runs that find the same partition.
 *
 * @example
 * const { model, labels } = fitSegmentModel(customers, { features: ["recency_days", "frequency", "monetary"], log1p: ["monetary"], k: 4, seed: 1 });
 * writeFileSync("model.json", JSON.stringify(model));
 */
export function fitSegmentModel(
  table: CustomerTable,
  options: FitSegmentModelOptions,
): FittedSegments {
  const { transform, matrix, training } = transformedTable(table, options);
  const fit = fitSegmentsOnMatrix(transform, matrix, training, options);
  return { model: SegmentModel.fromJSON(fit.json), labels: fit.labels, matrix, kmeans: fit.kmeans };
}

/**
 * {@link fitSegmentModel} with the k-means restarts on the worker pool (`kmeansParallel`, the same
 * result bit for bit): for the commands, where the fit of a million customers is seconds.
 *
 * @example
 * const { model, labels } = await fitSegmentModelOnPool(customers, { features, log1p, k: 5 });
 */
export async function fitSegmentModelOnPool(
  table: CustomerTable,
  options: FitSegmentModelOptions,
): Promise<FittedSegments> {
  const { transform, matrix, training } = transformedTable(table, options);
  const { k, seed = 0, nInit = 10 } = options;
  // kmeansClusterer's fit (segmentClusterer) with the same options, its restarts on threads.
  const result = await kmeansParallel(matrix, k, { seed, nInit });
  const fit = fitSegmentsOnMatrix(transform, matrix, training, options, result);
  return { model: SegmentModel.fromJSON(fit.json), labels: fit.labels, matrix, kmeans: fit.kmeans };
}

/**
 * The k-means half of {@link fitSegmentModel}, for callers that already hold the fitted transform
 * and the transformed matrix (the maintenance simulation fits the transform of a date once and
 * refits k-means for several seeds). Returns the model as JSON, the renumbered labels and the
 * k-means result with those labels. `fitted`: the k-means result when already computed (it must be
 * the model's clusterer's fit of `matrix`).
 */
export function fitSegmentsOnMatrix(
  transform: FittedTransform,
  matrix: Matrix,
  training: { asOf: Date; customers: number },
  options: FitSegmentModelOptions,
  fitted?: KMeansResult,
): { json: SegmentModelJSON; labels: Int32Array; kmeans: KMeansResult } {
  const { k, seed = 0, nInit = 10 } = options;
  const algorithm: SegmentAlgorithmJSON = { name: "kmeans", parameters: { k, seed, nInit } };
  const result = fitted ?? segmentClusterer(algorithm).fit(matrix);
  // Renumber by decreasing size (ties: lower original index first) for stable, readable numbers.
  const sizes = new Float64Array(k);
  for (const l of result.labels) sizes[l]++;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const newIndex = new Int32Array(k);
  order.forEach((old, i) => (newIndex[old] = i));
  const labels = result.labels.map((l) => newIndex[l]);
  const cols = matrix.cols;
  const centroids = order.map((old) =>
    Array.from(result.centroids.data.subarray(old * cols, (old + 1) * cols)),
  );
  const names = options.names ? [...options.names] : order.map((_, i) => `Segment ${i}`);
  if (names.length !== k)
    throw new Error(`names has ${names.length} entries for k = ${k} segments`);
  const json: SegmentModelJSON = {
    kind: "olist-segment-model",
    version: SEGMENT_MODEL_VERSION,
    algorithm,
    features: [...options.features],
    transform: transform.toJSON(),
    k,
    seed,
    nInit,
    centroids,
    names,
    trainedAsOf: training.asOf.toISOString(),
    trainedOn: {
      description: options.source?.description ?? "unknown source",
      synthetic: options.source?.synthetic ?? false,
      customers: training.customers,
    },
    inertia: result.inertia,
    ...(options.candidate === undefined ? {} : { candidate: options.candidate }),
  };
  return { json, labels, kmeans: { ...result, labels } };
}

/**
 * Segment number and name of every customer of a table, with a saved model.
 *
 * @example
 * const model = loadSegmentModel("reports/segments/model.json");
 * const { labels, names } = assignSegments(model, await customerFeatures(db));
 */
export function assignSegments(
  model: SegmentModel,
  table: Pick<CustomerTable, "numeric">,
): { labels: Int32Array; names: string[] } {
  const labels = model.assign(table);
  const segmentNames = model.names;
  return { labels, names: Array.from(labels, (l) => segmentNames[l]) };
}

/** Writes a model as pretty JSON. */
export function saveSegmentModel(model: SegmentModel, file: string): void {
  writeFileSync(file, JSON.stringify(model.toJSON(), null, 2) + "\n");
}

/** Reads a model written by {@link saveSegmentModel}; the error names the file when it is not one. */
export function loadSegmentModel(file: string): SegmentModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`Cannot read segment model ${file}: ${(e as Error).message}`);
  }
  try {
    return SegmentModel.fromJSON(json);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}
