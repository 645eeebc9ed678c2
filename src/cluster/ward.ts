/**
 * Ward hierarchical clustering without the cubic cost on the full table.
 *
 * `ml-hclust` (agnes) is O(n³) time and O(n²) memory: 47 s at n = 2,000 measured,
 * so it must never see the ~95k customers. This module implements weighted Ward linkage itself
 * (nearest-neighbour chain + Lance–Williams update, O(m²) time and memory on m points) and offers:
 * - {@link wardSample}: Ward on a seeded sample (n ≤ ~2,000), other rows joined to the nearest
 *   cluster centroid;
 * - {@link wardMicroClusters}: k-means into ~300 micro-clusters, weighted Ward on their centroids
 *   (weights = sizes), cut at k, each customer labelled through its micro-cluster.
 * Heights follow scipy's convention (for singletons, the Euclidean distance; in general
 * sqrt(2·|A||B|/(|A|+|B|))·‖c_A − c_B‖), so a weighted point behaves exactly like |w| duplicates.
 * This is scipy's `linkage(method="ward")` and ml-hclust's `method: "ward2"` (R's ward.D2); note
 * ml-hclust's `method: "ward"` is R's ward.D, a different tree.
 */
import { kmeans } from "./kmeans.js";
import { assertFinite, sampleIndices, selectRows, type Matrix } from "./matrix.js";
import { kmeansPredict } from "./kmeans.js";
import { createRng } from "../util/random.js";

/** One merge, scipy/sklearn linkage-matrix style: clusters `a` < `b` merged at `height` into a cluster of `size` rows (weights). Cluster ids ≥ m denote the merge of row id − m. */
export type LinkageRow = [a: number, b: number, height: number, size: number];

/**
 * Ward linkage of the rows of `points` (optionally weighted, e.g. by micro-cluster sizes), as a
 * scipy-compatible linkage matrix sorted by height: row t creates cluster m + t.
 *
 * @example
 * const tree = wardLinkage(matrixFromRows([[0], [1], [5]])); // [[0, 1, 1, 2], [2, 3, 4.69…, 3]]
 */
export function wardLinkage(points: Matrix, weights?: ArrayLike<number>): LinkageRow[] {
  const { data, rows: m, cols: d } = points;
  assertFinite(points, "points");
  if (m < 1) throw new Error("wardLinkage needs at least one point");
  if (m > 20_000)
    throw new Error(
      `wardLinkage on ${m} points needs an ${m}² distance matrix; use wardSample or wardMicroClusters`,
    );
  const size = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const w = weights ? weights[i] : 1;
    if (!(w > 0)) throw new Error(`weights[${i}] = ${w}; weights must be positive`);
    size[i] = w;
  }
  if (weights && weights.length !== m)
    throw new Error(`weights has ${weights.length} entries for ${m} points`);
  // Squared Ward distances 2·wa·wb/(wa+wb)·‖a − b‖².
  const dist = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const u = data[i * d + t] - data[j * d + t];
        s += u * u;
      }
      const v = ((2 * size[i] * size[j]) / (size[i] + size[j])) * s;
      dist[i * m + j] = v;
      dist[j * m + i] = v;
    }
  }
  const active = new Uint8Array(m).fill(1);
  const merges: { a: number; b: number; d2: number }[] = [];
  const chain: number[] = [];
  while (merges.length < m - 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    for (;;) {
      const x = chain[chain.length - 1];
      const previous = chain.length >= 2 ? chain[chain.length - 2] : -1;
      // Prefer the previous chain element on ties, which guarantees termination.
      let y = previous;
      let best = previous >= 0 ? dist[x * m + previous] : Infinity;
      for (let j = 0; j < m; j++) {
        if (!active[j] || j === x) continue;
        const v = dist[x * m + j];
        if (v < best) {
          best = v;
          y = j;
        }
      }
      if (y === previous) break;
      chain.push(y);
    }
    const x = chain.pop() as number;
    const y = chain.pop() as number;
    const dxy = dist[x * m + y];
    merges.push({ a: x, b: y, d2: dxy });
    // Lance–Williams for Ward on squared distances; the merged cluster lives in slot y.
    const nx = size[x];
    const ny = size[y];
    for (let k = 0; k < m; k++) {
      if (!active[k] || k === x || k === y) continue;
      const nk = size[k];
      const v =
        ((nk + nx) * dist[k * m + x] + (nk + ny) * dist[k * m + y] - nk * dxy) / (nk + nx + ny);
      dist[k * m + y] = v;
      dist[y * m + k] = v;
    }
    active[x] = 0;
    size[y] = nx + ny;
  }
  // Sort by height (stable) and relabel clusters the scipy way with a union-find.
  const order = merges.map((_, t) => t).sort((p, q) => merges[p].d2 - merges[q].d2 || p - q);
  const { parent, find } = unionFind(2 * m);
  const clusterSize = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) clusterSize[i] = weights ? weights[i] : 1;
  return order.map((t, row) => {
    const ra = find(merges[t].a);
    const rb = find(merges[t].b);
    const id = m + row;
    parent[ra] = id;
    parent[rb] = id;
    clusterSize[id] = clusterSize[ra] + clusterSize[rb];
    return [
      Math.min(ra, rb),
      Math.max(ra, rb),
      Math.sqrt(Math.max(0, merges[t].d2)),
      clusterSize[id],
    ];
  });
}

/** A union-find over `n` nodes (each its own root at first) with path halving. */
function unionFind(n: number): { parent: Int32Array; find: (i: number) => number } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  return { parent, find };
}

/**
 * Cuts a linkage (of m points) into k clusters by undoing its last k − 1 merges. Labels 0..k-1
 * are numbered by first appearance in point order.
 *
 * @example
 * cutTree(wardLinkage(points), 4); // Int32Array of m labels
 */
export function cutTree(linkage: readonly LinkageRow[], k: number): Int32Array {
  const m = linkage.length + 1;
  if (!Number.isInteger(k) || k < 1 || k > m)
    throw new Error(`k must be an integer between 1 and ${m} (points in the tree), got ${k}`);
  const { parent, find } = unionFind(2 * m);
  for (let t = 0; t < m - k; t++) {
    parent[find(linkage[t][0])] = m + t;
    parent[find(linkage[t][1])] = m + t;
  }
  const labels = new Int32Array(m);
  const code = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const root = find(i);
    if (!code.has(root)) code.set(root, code.size);
    labels[i] = code.get(root) as number;
  }
  return labels;
}

/** Weighted means of the rows per label (labels 0..k-1). */
function labelCentroids(
  matrix: Matrix,
  labels: Int32Array,
  k: number,
  weights?: ArrayLike<number>,
): Matrix {
  const { data, rows: n, cols: d } = matrix;
  const sums = new Float64Array(k * d);
  const total = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    total[labels[i]] += w;
    for (let j = 0; j < d; j++) sums[labels[i] * d + j] += w * data[i * d + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) sums[c * d + j] /= total[c];
  return { data: sums, rows: k, cols: d };
}

/** Options of {@link wardSample}. */
export interface WardSampleOptions {
  /** Rows drawn (without replacement) for the tree. Default 2,000. */
  sampleSize?: number;
  /** Seed of the sample. Default 0. */
  seed?: number;
}

/** Result of {@link wardSample}. */
export interface WardSampleResult {
  /** Rows of the sample, in tree order (point p of the linkage is row `sampleIndices[p]`). */
  sampleIndices: Int32Array;
  /** Linkage over the sample (scipy format). */
  linkage: LinkageRow[];
  /** Cluster of each sampled row at k. */
  sampleLabels: Int32Array;
  /** Centroids of the k sample clusters. */
  centroids: Matrix;
  /** Cluster of every row: nearest sample-cluster centroid (an approximation outside the sample). */
  labels: Int32Array;
}

/**
 * Ward clustering of a seeded sample, extended to all rows by nearest centroid.
 *
 * @example
 * const { linkage, labels } = wardSample(matrix, 6, { sampleSize: 2000, seed: 1 });
 */
export function wardSample(
  matrix: Matrix,
  k: number,
  options: WardSampleOptions = {},
): WardSampleResult {
  const { sampleSize = 2000, seed = 0 } = options;
  if (!Number.isInteger(sampleSize) || sampleSize < 2)
    throw new Error(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  const indices = sampleIndices(matrix.rows, sampleSize, createRng(seed));
  const sample = selectRows(matrix, indices);
  const linkage = wardLinkage(sample);
  const sampleLabels = cutTree(linkage, k);
  const centroids = labelCentroids(sample, sampleLabels, k);
  return {
    sampleIndices: indices,
    linkage,
    sampleLabels,
    centroids,
    labels: kmeansPredict(matrix, centroids),
  };
}

/** Options of {@link wardMicroClusters}. */
export interface WardMicroOptions {
  /** Number of k-means micro-clusters. Default 300. */
  microClusters?: number;
  /** Seed of the micro-cluster k-means. Default 0. */
  seed?: number;
  /** k-means restarts for the micro-clusters. Default 1 (they only need to be fine, not optimal). */
  nInit?: number;
  /** k-means iteration cap for the micro-clusters. Default 50. */
  maxIterations?: number;
}

/** Result of {@link wardMicroClusters}. */
export interface WardMicroResult {
  /** Cluster (0..k-1) of every row. */
  labels: Int32Array;
  /** Weighted Ward linkage over the micro-clusters (scipy format; sizes count rows). */
  linkage: LinkageRow[];
  /** Micro-cluster of every row. */
  microLabels: Int32Array;
  /** Micro-cluster centroids (microClusters × cols). */
  microCentroids: Matrix;
  /** Rows per micro-cluster. */
  microSizes: Float64Array;
  /** Cluster (0..k-1) of each micro-cluster. */
  microToCluster: Int32Array;
  /** Centroids of the k clusters (means over their rows). */
  centroids: Matrix;
}

/**
 * Ward on k-means micro-clusters: scales Ward to the full table in seconds. The tree's leaves are
 * the micro-clusters, so a dendrogram of `linkage` shows the top of the full-data hierarchy.
 *
 * @example
 * const { labels, linkage } = wardMicroClusters(matrix, 6, { microClusters: 300, seed: 1 });
 */
export function wardMicroClusters(
  matrix: Matrix,
  k: number,
  options: WardMicroOptions = {},
): WardMicroResult {
  const { microClusters = 300, seed = 0, nInit = 1, maxIterations = 50 } = options;
  if (!Number.isInteger(microClusters) || microClusters < k) {
    throw new Error(`microClusters must be an integer ≥ k = ${k}, got ${microClusters}`);
  }
  const micro = kmeans(matrix, Math.min(microClusters, matrix.rows), {
    seed,
    nInit,
    maxIterations,
  });
  const m = micro.centroids.rows;
  const microSizes = new Float64Array(m);
  for (let i = 0; i < matrix.rows; i++) microSizes[micro.labels[i]]++;
  // Relocation guarantees non-empty micro-clusters, so all weights are positive.
  const linkage = wardLinkage(micro.centroids, microSizes);
  const microToCluster = cutTree(linkage, k);
  const labels = new Int32Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) labels[i] = microToCluster[micro.labels[i]];
  return {
    labels,
    linkage,
    microLabels: micro.labels,
    microCentroids: micro.centroids,
    microSizes,
    microToCluster,
    centroids: labelCentroids(micro.centroids, microToCluster, k, microSizes),
  };
}
