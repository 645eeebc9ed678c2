/**
 * The clusterer interface: what the segment model, the comparison of algorithms and the
 * maintenance simulation need of a clustering algorithm, so that another algorithm (Ward on
 * micro-clusters, a Gaussian mixture) plugs in behind one type instead of six call sites of
 * `kmeans`/`kmeansPredict`. `fit` learns clusters on a matrix; `assign` puts any rows (new
 * customers, a later snapshot) in the fitted clusters; `parameters` are recorded with the model.
 */
import { kmeans, kmeansPredict } from "./kmeans.js";
import type { KMeansOptions, KMeansResult } from "./kmeans.js";
import type { Matrix } from "./matrix.js";
import { wardMicroClusters } from "./ward.js";
import type { WardMicroOptions } from "./ward.js";

/** The parameters of a clusterer, as they are written into a model file. */
export type ClustererParameters = Readonly<Record<string, number>>;

/** What every fit returns: the training rows' clusters and each cluster's mean. */
export interface FittedClusters {
  /** Cluster (0..k-1) of every training row. */
  labels: Int32Array;
  /** Mean of each cluster's rows (k × cols): for profiles and charts, whatever the algorithm. */
  centroids: Matrix;
}

/**
 * A clustering algorithm with its parameters fixed. `F` is what a fit returns, `S` the part of it
 * that `assign` reads (default: all but the training labels).
 */
export interface Clusterer<F extends FittedClusters = FittedClusters, S = Omit<F, "labels">> {
  /** Name recorded in model files, e.g. `"kmeans"`. */
  readonly algorithm: string;
  /** The parameters the clusters depend on (k, seed, restarts, …). */
  parameters(): ClustererParameters;
  /** Clusters of the rows of `matrix`. */
  fit(matrix: Matrix): F;
  /**
   * Cluster of every row of `matrix` in a fit (the training rows get their training labels). It
   * reads what the fit learnt, never its training labels, so a fit loaded from a model file (which
   * keeps no labels) assigns too.
   */
  assign(matrix: Matrix, fitted: S): Int32Array;
}

/** Options of {@link kmeansClusterer}: those of `kmeans` (defaults there: 10 restarts, seed 0). */
export type KMeansClustererOptions = Pick<
  KMeansOptions,
  "nInit" | "maxIterations" | "tolerance" | "seed"
>;

/** k-means as a clusterer: a fit is the whole `kmeans` result, `assign` reads its centroids. */
export type KMeansClusterer = Clusterer<KMeansResult, Pick<FittedClusters, "centroids">>;

/**
 * k-means behind the clusterer interface: `fit` is `kmeans(matrix, k, options)` (its whole
 * result: labels, centroids, inertia, iterations, restarts), `assign` the nearest centroid
 * (`kmeansPredict`), which reads the centroids only.
 *
 * @example
 * const c = kmeansClusterer(5, { seed: 1 });
 * const fitted = c.fit(matrix);
 * c.assign(laterMatrix, fitted);
 */
export function kmeansClusterer(k: number, options: KMeansClustererOptions = {}): KMeansClusterer {
  const { nInit = 10, maxIterations = 300, tolerance = 1e-4, seed = 0 } = options;
  return {
    algorithm: "kmeans",
    parameters: () => ({ k, nInit, maxIterations, tolerance, seed }),
    fit: (matrix) => kmeans(matrix, k, { nInit, maxIterations, tolerance, seed }),
    assign: (matrix, fitted) => kmeansPredict(matrix, fitted.centroids),
  };
}

/** A fit of Ward on micro-clusters: also the micro-clusters, which `assign` needs. */
export interface FittedWardMicro extends FittedClusters {
  /** Micro-cluster centroids (microClusters × cols). */
  microCentroids: Matrix;
  /** Cluster of each micro-cluster. */
  microToCluster: Int32Array;
}

/**
 * Ward on k-means micro-clusters behind the clusterer interface (`wardMicroClusters`, defaults
 * there: 300 micro-clusters, seed 0). `assign` puts a row in its nearest micro-cluster, then in
 * that micro-cluster's cluster, which reproduces the training labels.
 *
 * @example
 * const c = wardMicroClusterer(5, { microClusters: 200, seed: 1 });
 * c.assign(matrix, c.fit(matrix));
 */
export function wardMicroClusterer(
  k: number,
  options: WardMicroOptions = {},
): Clusterer<FittedWardMicro> {
  const { microClusters = 300, seed = 0, nInit = 1, maxIterations = 50 } = options;
  return {
    algorithm: "ward-micro",
    parameters: () => ({ k, microClusters, seed, nInit, maxIterations }),
    fit: (matrix) => {
      const r = wardMicroClusters(matrix, k, { microClusters, seed, nInit, maxIterations });
      return {
        labels: r.labels,
        centroids: r.centroids,
        microCentroids: r.microCentroids,
        microToCluster: r.microToCluster,
      };
    },
    assign: (matrix, fitted) => {
      const micro = kmeansPredict(matrix, fitted.microCentroids);
      const labels = new Int32Array(matrix.rows);
      for (let i = 0; i < matrix.rows; i++) labels[i] = fitted.microToCluster[micro[i]];
      return labels;
    },
  };
}
