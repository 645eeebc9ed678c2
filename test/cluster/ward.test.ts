import { test } from "node:test";
import assert from "node:assert/strict";
import { agnes } from "ml-hclust";
import { createMatrix, matrixFromRows, matrixToRows } from "../../src/cluster/matrix.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import { cutTree, wardLinkage, wardMicroClusters, wardSample } from "../../src/cluster/ward.js";
import { adjustedRandIndex } from "../../src/metrics/index.js";
import { assertClose, loadFixture } from "../fixtures/sklearn/load.js";

const fx = loadFixture<{
  rows: number;
  cols: number;
  data: number[];
  linkage: number[][];
  labels_k3: number[];
  weighted_points: number[];
  weights: number[];
  weighted_expanded_heights: number[];
}>("ward");

test("wardLinkage reproduces scipy's ward linkage matrix", () => {
  const tree = wardLinkage(createMatrix(Float64Array.from(fx.data), fx.rows, fx.cols));
  assert.equal(tree.length, fx.rows - 1);
  tree.forEach((row, t) => {
    const [a, b, h, s] = fx.linkage[t];
    assert.deepEqual([row[0], row[1], row[3]], [a, b, s], `merge ${t}`);
    assertClose(row[2], h, 1e-9, `height ${t}`);
  });
  assert.equal(adjustedRandIndex(cutTree(tree, 3), fx.labels_k3), 1);
});

test("weighted Ward equals Ward on the points repeated weight times (scipy heights)", () => {
  const points = createMatrix(Float64Array.from(fx.weighted_points), fx.weights.length, 2);
  const tree = wardLinkage(points, fx.weights);
  tree.forEach((row, t) =>
    assertClose(row[2], fx.weighted_expanded_heights[t], 1e-9, `height ${t}`),
  );
  assert.equal(
    tree[tree.length - 1][3],
    fx.weights.reduce((a, b) => a + b, 0),
  );
});

test("hand-computed two-merge tree and cutTree", () => {
  const tree = wardLinkage(matrixFromRows([[0], [1], [5]]));
  assert.deepEqual(tree[0], [0, 1, 1, 2]);
  // Centroids 0.5 and 5: sqrt(2·2·1/3)·4.5.
  assert.deepEqual([tree[1][0], tree[1][1], tree[1][3]], [2, 3, 3]);
  assertClose(tree[1][2], Math.sqrt(4 / 3) * 4.5, 1e-12);
  assert.deepEqual(Array.from(cutTree(tree, 2)), [0, 0, 1]);
  assert.deepEqual(Array.from(cutTree(tree, 3)), [0, 1, 2]);
  assert.throws(() => cutTree(tree, 4), /k must be an integer between 1 and 3/);
});

// ml-hclust's "ward2" is scipy's / R's ward.D2; its "ward" is R's ward.D (different tree).
test("same partition and root height as ml-hclust agnes (ward2) at k = 4", () => {
  const { matrix } = makeBlobs(120, 3, { centers: 4, clusterStd: 1.2, seed: 4 });
  const tree = wardLinkage(matrix);
  const ours = cutTree(tree, 4);
  const root = agnes(matrixToRows(matrix), { method: "ward2" });
  assertClose(tree[tree.length - 1][2], root.height, 1e-9);
  const theirs = new Int32Array(120);
  const groups = root.group(4).children;
  groups.forEach((g, c) => g.indices().forEach((i) => (theirs[i] = c)));
  assert.equal(groups.length, 4);
  assert.equal(adjustedRandIndex(ours, theirs), 1);
});

test("wardMicroClusters and wardSample recover well-separated blobs and are seeded", () => {
  const { matrix, labels: truth } = makeBlobs(6000, 4, {
    centers: 5,
    clusterStd: 0.5,
    spread: 8,
    seed: 2,
  });
  const micro = wardMicroClusters(matrix, 5, { microClusters: 60, seed: 1 });
  assert.equal(adjustedRandIndex(micro.labels, truth), 1);
  assert.equal(micro.linkage.length, 59);
  assert.equal(micro.linkage[58][3], 6000);
  assert.equal(micro.centroids.rows, 5);
  assert.deepEqual(
    micro.labels,
    wardMicroClusters(matrix, 5, { microClusters: 60, seed: 1 }).labels,
  );
  const sample = wardSample(matrix, 5, { sampleSize: 400, seed: 3 });
  assert.equal(sample.sampleIndices.length, 400);
  assert.equal(adjustedRandIndex(sample.labels, truth), 1);
  assert.throws(
    () => wardMicroClusters(matrix, 5, { microClusters: 3 }),
    /microClusters must be an integer ≥ k = 5/,
  );
});
