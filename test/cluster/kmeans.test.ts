import { test } from "node:test";
import assert from "node:assert/strict";
import { kmeans as mlKmeans } from "ml-kmeans";
import { kmeans, kmeansPlusPlus, kmeansPredict } from "../../src/cluster/kmeans.js";
import {
  createMatrix,
  matrixFromColumns,
  matrixFromRows,
  matrixToRows,
} from "../../src/cluster/matrix.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import { adjustedRandIndex, inertia } from "../../src/metrics/index.js";
import { createRng } from "../../src/util/random.js";
import { assertClose, loadFixture } from "../fixtures/sklearn/load.js";
import { minOf } from "../../src/util/arrayStats.js";

const fx = loadFixture<{
  rows: number;
  cols: number;
  data: number[];
  k: number;
  labels: number[];
  centroids: number[];
  inertia: number;
  given_centroids: number[];
  given_labels: number[];
  given_inertia: number;
}>("kmeans");
const X = createMatrix(Float64Array.from(fx.data), fx.rows, fx.cols);

test("kmeans finds scikit-learn's optimum (same partition, inertia to 1e-9)", () => {
  const result = kmeans(X, fx.k, { seed: 1 });
  assert.equal(adjustedRandIndex(result.labels, fx.labels), 1);
  assertClose(result.inertia, fx.inertia, 1e-9);
  assert.equal(result.converged, true);
  assert.equal(result.restartInertias.length, 10);
  assert.equal(result.inertia, minOf(result.restartInertias));
  assertClose(inertia(X, result.labels, result.centroids), result.inertia, 1e-12);
});

test("inertia of given centroids with nearest labels equals scikit-learn -score(X)", () => {
  const centroids = createMatrix(Float64Array.from(fx.given_centroids), fx.k, fx.cols);
  const labels = kmeansPredict(X, centroids);
  assert.deepEqual(Array.from(labels), fx.given_labels);
  assertClose(inertia(X, labels, centroids), fx.given_inertia, 1e-9);
});

test("kmeans is deterministic per seed and labels are nearest-centroid", () => {
  const { matrix } = makeBlobs(2000, 4, { centers: 5, skew: 0.6, seed: 3 });
  const a = kmeans(matrix, 5, { seed: 7, nInit: 3 });
  const b = kmeans(matrix, 5, { seed: 7, nInit: 3 });
  assert.deepEqual(a.labels, b.labels);
  assert.deepEqual(a.centroids.data, b.centroids.data);
  assert.deepEqual(kmeansPredict(matrix, a.centroids), a.labels);
  // With tolerance 0 the run stops only when labels are stable: centroids are exactly the means.
  const strict = kmeans(matrix, 5, { seed: 7, nInit: 1, tolerance: 0 });
  assert.equal(strict.converged, true);
  const c0 = [0, 1, 2, 3].map((j) => {
    let s = 0;
    let n = 0;
    for (let i = 0; i < 2000; i++) {
      if (strict.labels[i] === 0) {
        s += matrix.data[i * 4 + j];
        n++;
      }
    }
    return s / n;
  });
  c0.forEach((v, j) => assertClose(strict.centroids.data[j], v, 1e-12));
});

test("hand-computed k-means on a line, given initial centroids", () => {
  const m = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
  const r = kmeans(m, 2, { initialCentroids: matrixFromRows([[0], [1]]) });
  assert.deepEqual(Array.from(r.labels), [0, 0, 0, 1, 1, 1]);
  assert.deepEqual(Array.from(r.centroids.data), [1, 11]);
  assert.equal(r.inertia, 4);
  assert.equal(r.restartInertias.length, 1);
});

test("empty clusters are relocated so k clusters are returned", () => {
  // Two identical initial centroids: the second gets no rows on the first pass.
  const m = matrixFromRows([[0], [0.1], [5], [5.1], [10], [10.1]]);
  const r = kmeans(m, 3, { initialCentroids: matrixFromRows([[0], [0], [10]]) });
  assert.equal(new Set(r.labels).size, 3);
  assertClose(r.inertia, 3 * 0.005, 1e-9);
});

test("kmeans++ picks k distinct rows and clear errors for bad input", () => {
  const { matrix } = makeBlobs(300, 2, { centers: 3, seed: 1 });
  const centers = kmeansPlusPlus(matrix, 3, createRng(1));
  const rows = new Set(matrixToRows(centers).map((r) => r.join(",")));
  assert.equal(rows.size, 3);
  assert.throws(
    () => kmeans(matrixFromRows([[1], [2]]), 3),
    /k = 3 is larger than the number of rows \(2\)/,
  );
  assert.throws(
    () => kmeans({ data: Float64Array.of(1, NaN), rows: 2, cols: 1 }, 1),
    /NaN at row 1, column 0/,
  );
  assert.throws(() => matrixFromColumns({ a: [1, 2] }, ["a", "b"]), /Unknown feature\(s\) b/);
  assert.throws(
    () => kmeansPredict(matrix, matrixFromRows([[1, 2, 3]])),
    /centroids have 3 columns but the data has 2/,
  );
});

test("cross-check with ml-kmeans 7 on well-separated blobs: same partition, comparable inertia", () => {
  const { matrix, labels: truth } = makeBlobs(3000, 6, {
    centers: 4,
    clusterStd: 0.5,
    spread: 8,
    seed: 11,
  });
  const ours = kmeans(matrix, 4, { seed: 0 });
  const theirs = mlKmeans(matrixToRows(matrix), 4, { seed: 0, initialization: "kmeans++" });
  const theirLabels = Int32Array.from(theirs.clusters);
  assert.equal(adjustedRandIndex(ours.labels, truth), 1);
  assert.equal(adjustedRandIndex(ours.labels, theirLabels), 1);
  const theirCentroids = createMatrix(Float64Array.from(theirs.centroids.flat()), 4, 6);
  assertClose(inertia(matrix, theirLabels, theirCentroids), ours.inertia, 1e-9);
});
