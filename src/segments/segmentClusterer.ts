/**
 * The clusterer behind a segment model: the algorithm a model file records (version 2; version 1
 * files are k-means) as a `Clusterer` (`src/cluster/clusterer.ts`), so the model fits and assigns
 * through that one interface. A new production algorithm is a new `name` here and in
 * {@link SegmentAlgorithmJSON}.
 */
import type { KMeansClusterer } from "../cluster/clusterer.js";
import { kmeansClusterer } from "../cluster/clusterer.js";

/** The clustering algorithm of a model file (version 2) and the parameters it was fitted with. */
export interface SegmentAlgorithmJSON {
  /** `"kmeans"`: nearest centroid assigns a customer (the only algorithm models are fitted with yet). */
  name: "kmeans";
  parameters: { k: number; seed: number; nInit: number };
}

/** The algorithms a segment model can be fitted and applied with. */
export const SEGMENT_ALGORITHMS: readonly SegmentAlgorithmJSON["name"][] = ["kmeans"];

/**
 * The clusterer of a model's algorithm and parameters: `kmeans` → `kmeansClusterer(k, { seed,
 * nInit })` (its other options at their defaults, as models have always been fitted).
 *
 * @example
 * segmentClusterer({ name: "kmeans", parameters: { k: 5, seed: 0, nInit: 10 } }).fit(matrix);
 */
export function segmentClusterer(algorithm: SegmentAlgorithmJSON): KMeansClusterer {
  const { k, seed, nInit } = algorithm.parameters;
  switch (algorithm.name) {
    case "kmeans":
      return kmeansClusterer(k, { seed, nInit });
    default:
      throw new Error(
        `Segment model: algorithm "${String((algorithm as { name: unknown }).name)}" is not one ` +
          `this toolbox assigns with (${SEGMENT_ALGORITHMS.join(", ")}).`,
      );
  }
}
