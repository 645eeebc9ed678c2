/**
 * Label bookkeeping shared by the metrics: encoding arbitrary integer labels to 0..m-1 and
 * counting cluster sizes. Noise (-1, from DBSCAN) is treated as an ordinary label here, exactly as
 * scikit-learn does; filter noise rows out first if it should not count as a cluster.
 */

/** Labels re-coded to 0..m-1 in increasing order of the original label values. */
export interface EncodedLabels {
  /** Code of each row, 0..m-1. */
  codes: Int32Array;
  /** Original label of each code, increasing. */
  values: Int32Array;
  /** Number of rows of each code. */
  counts: Float64Array;
}

/** Re-codes labels to 0..m-1 (sorted by original value, like `numpy.unique(…, return_inverse=True)`). */
export function encodeLabels(labels: ArrayLike<number>): EncodedLabels {
  const seen = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (!Number.isInteger(v))
      throw new Error(`labels must be integers; found ${v} at position ${i}`);
    seen.set(v, (seen.get(v) ?? 0) + 1);
  }
  const values = Int32Array.from([...seen.keys()].sort((a, b) => a - b));
  const index = new Map<number, number>();
  const counts = new Float64Array(values.length);
  values.forEach((v, c) => {
    index.set(v, c);
    counts[c] = seen.get(v) as number;
  });
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) codes[i] = index.get(labels[i]) as number;
  return { codes, values, counts };
}

/**
 * Throws like scikit-learn's `check_number_of_labels` unless 2 ≤ nLabels ≤ nSamples − 1.
 */
export function checkNumberOfLabels(nLabels: number, nSamples: number, metric: string): void {
  if (!(nLabels >= 2 && nLabels <= nSamples - 1)) {
    throw new Error(
      `${metric}: number of labels is ${nLabels}; valid values are 2 to n_samples - 1 = ${nSamples - 1} (inclusive)`,
    );
  }
}

/** Size of one cluster, as returned by {@link clusterSizes}. */
export interface ClusterSize {
  /** Cluster label (-1 is DBSCAN noise). */
  label: number;
  /** Number of rows with this label. */
  size: number;
  /** `size` divided by the total number of rows. */
  share: number;
}

/**
 * Counts rows per label, sorted by label (noise -1 first if present).
 *
 * @example
 * clusterSizes(Int32Array.of(0, 1, 1, -1)); // [{label:-1,size:1,share:0.25}, {label:0,…}, {label:1,size:2,share:0.5}]
 */
export function clusterSizes(labels: ArrayLike<number>): ClusterSize[] {
  const { values, counts } = encodeLabels(labels);
  const n = labels.length;
  return Array.from(values, (label, c) => ({ label, size: counts[c], share: counts[c] / n }));
}
