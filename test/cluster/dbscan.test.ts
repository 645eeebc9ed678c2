import { test } from "node:test";
import assert from "node:assert/strict";
import { dbscan, kDistances } from "../../src/cluster/dbscan.js";
import { buildKdTree, kthNeighborDistance, radiusNeighbors } from "../../src/cluster/kdtree.js";
import { createMatrix, matrixFromRows } from "../../src/cluster/matrix.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import { loadFixture } from "../fixtures/sklearn/load.js";
import { maxOf } from "../../src/util/arrayStats.js";

const fixture = loadFixture<{
  rows: number;
  cols: number;
  data: number[];
  cases: { eps: number; min_samples: number; labels: number[] }[];
}>("dbscan");

for (const c of fixture.cases) {
  test(`dbscan matches scikit-learn labels (eps ${c.eps}, minSamples ${c.min_samples})`, () => {
    const m = createMatrix(Float64Array.from(fixture.data), fixture.rows, fixture.cols);
    const result = dbscan(m, { eps: c.eps, minSamples: c.min_samples });
    assert.deepEqual(Array.from(result.labels), c.labels);
    const noise = c.labels.filter((l) => l === -1).length;
    assert.equal(result.noiseShare, noise / fixture.rows);
    assert.equal(result.nClusters, maxOf(c.labels) + 1);
  });
}

test("dbscan: minSamples counts the point itself and eps is inclusive", () => {
  const m = matrixFromRows([[0], [1], [2], [10]]);
  // Row 1 has neighbours {0,1,2} within eps = 1 (inclusive): core with minSamples 3.
  assert.deepEqual(Array.from(dbscan(m, { eps: 1, minSamples: 3 }).labels), [0, 0, 0, -1]);
  assert.deepEqual(Array.from(dbscan(m, { eps: 0.99, minSamples: 2 }).labels), [-1, -1, -1, -1]);
  assert.deepEqual(Array.from(dbscan(m, { eps: 1, minSamples: 1 }).labels), [0, 0, 0, 1]);
  assert.throws(() => dbscan(m, { eps: 0 }), /eps must be a positive finite number, got 0/);
});

test("k-d tree radius and k-nearest queries agree with brute force", () => {
  const { matrix } = makeBlobs(600, 3, { centers: 4, seed: 9 });
  const tree = buildKdTree(matrix, { leafSize: 8 });
  const dist = (i: number, j: number) => {
    const u = (t: number) => matrix.data[i * 3 + t] - matrix.data[j * 3 + t];
    return Math.hypot(u(0), u(1), u(2));
  };
  for (const i of [0, 17, 299, 599]) {
    const all = Array.from({ length: 600 }, (_, j) => dist(i, j));
    const expected = all.flatMap((v, j) => (v <= 1.2 ? [j] : []));
    assert.deepEqual(
      radiusNeighbors(tree, i, 1.2).sort((a, b) => a - b),
      expected,
    );
    const sorted = [...all].sort((a, b) => a - b);
    for (const k of [1, 2, 5, 30]) {
      const got = kthNeighborDistance(tree, matrix.data, i * 3, k);
      assert.ok(Math.abs(got - sorted[k - 1]) < 1e-12, `k=${k}: ${got} vs ${sorted[k - 1]}`);
    }
  }
});

test("kDistances is sorted, seeded, and k = minSamples separates core points at eps", () => {
  const m = createMatrix(Float64Array.from(fixture.data), fixture.rows, fixture.cols);
  const curve = kDistances(m, 5);
  assert.equal(curve.length, fixture.rows);
  for (let i = 1; i < curve.length; i++) assert.ok(curve[i] >= curve[i - 1]);
  const cores = dbscan(m, { eps: 0.3, minSamples: 5 }).core.reduce((a, b) => a + b, 0);
  assert.equal(curve.filter((v) => v <= 0.3).length, cores);
  assert.deepEqual(
    kDistances(m, 5, { sampleSize: 50, seed: 2 }),
    kDistances(m, 5, { sampleSize: 50, seed: 2 }),
  );
  assert.equal(kDistances(m, 1)[fixture.rows - 1], 0);
});
