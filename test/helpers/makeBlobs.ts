/**
 * Seeded synthetic data for tests, benchmarks and examples: Gaussian blobs, optionally skewed
 * (log-normal-like tails, as RFM features have before their log transform).
 */
import type { Matrix } from "../../src/cluster/matrix.js";
import { createRng } from "../../src/util/random.js";

/** Options of {@link makeBlobs}. */
export interface MakeBlobsOptions {
  /** Number of blobs. Default 6. */
  centers?: number;
  /** Standard deviation of every blob. Default 1. */
  clusterStd?: number;
  /** Centres are drawn uniformly in [-spread, spread] per feature. Default 5. */
  spread?: number;
  /** Skewness: each coordinate's noise is exp(skew·z) − 1 scaled instead of z when > 0. Default 0. */
  skew?: number;
  /** Seed. Default 0. */
  seed?: number;
}

/**
 * Draws `rows` points from `centers` blobs in `cols` dimensions (blob sizes as equal as possible,
 * rows interleaved). Returns the matrix and the true blob of each row.
 *
 * @example
 * const { matrix, labels } = makeBlobs(1000, 3, { centers: 4, seed: 1 });
 */
export function makeBlobs(
  rows: number,
  cols: number,
  options: MakeBlobsOptions = {},
): { matrix: Matrix; labels: Int32Array; centers: Matrix } {
  const { centers = 6, clusterStd = 1, spread = 5, skew = 0, seed = 0 } = options;
  const rng = createRng(seed);
  const centerData = new Float64Array(centers * cols);
  for (let p = 0; p < centerData.length; p++) centerData[p] = (rng.next() * 2 - 1) * spread;
  const data = new Float64Array(rows * cols);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = i % centers;
    labels[i] = c;
    for (let j = 0; j < cols; j++) {
      const z = rng.normal();
      const noise = skew > 0 ? (Math.exp(skew * z) - 1) / skew : z;
      data[i * cols + j] = centerData[c * cols + j] + clusterStd * noise;
    }
  }
  return {
    matrix: { data, rows, cols },
    labels,
    centers: { data: centerData, rows: centers, cols },
  };
}
