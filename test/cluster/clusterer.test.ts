import assert from "node:assert/strict";
import { test } from "node:test";
import { kmeansClusterer, wardMicroClusterer } from "../../src/cluster/clusterer.js";
import type { Clusterer } from "../../src/cluster/clusterer.js";
import { kmeans } from "../../src/cluster/kmeans.js";
import { selectRows } from "../../src/cluster/matrix.js";
import { wardMicroClusters } from "../../src/cluster/ward.js";
import { adjustedRandIndex } from "../../src/metrics/adjustedRandIndex.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

const { matrix, labels: truth } = makeBlobs(1200, 3, {
  centers: 4,
  clusterStd: 0.3,
  spread: 10,
  seed: 7,
});

test("kmeansClusterer is kmeans behind the interface: same labels and centroids, parameters recorded", () => {
  const c = kmeansClusterer(4, { nInit: 3, seed: 11 });
  assert.equal(c.algorithm, "kmeans");
  assert.deepEqual(c.parameters(), {
    k: 4,
    nInit: 3,
    maxIterations: 300,
    tolerance: 1e-4,
    seed: 11,
  });
  const fitted = c.fit(matrix);
  const direct = kmeans(matrix, 4, { nInit: 3, seed: 11 });
  assert.deepEqual(fitted.labels, direct.labels);
  assert.deepEqual(fitted.centroids.data, direct.centroids.data);
  assert.deepEqual(c.assign(matrix, fitted), fitted.labels);
  assert.ok(adjustedRandIndex(fitted.labels, truth) > 0.95);
});

test("wardMicroClusterer reproduces wardMicroClusters, and assign gives the training rows their labels", () => {
  const c = wardMicroClusterer(4, { microClusters: 40, seed: 3 });
  assert.equal(c.algorithm, "ward-micro");
  assert.deepEqual(c.parameters(), {
    k: 4,
    microClusters: 40,
    seed: 3,
    nInit: 1,
    maxIterations: 50,
  });
  const fitted = c.fit(matrix);
  const direct = wardMicroClusters(matrix, 4, { microClusters: 40, seed: 3 });
  assert.deepEqual(fitted.labels, direct.labels);
  assert.deepEqual(c.assign(matrix, fitted), fitted.labels);
  assert.equal(fitted.centroids.rows, 4);
  assert.ok(adjustedRandIndex(fitted.labels, truth) > 0.9);
});

test("any clusterer assigns rows it did not see: a subsample's fit labels the whole table alike", () => {
  const every = new Int32Array(400).map((_, i) => 3 * i); // every blob: rows cycle through 4
  const sample = selectRows(matrix, every);
  const clusterers: Clusterer[] = [
    kmeansClusterer(4, { seed: 1 }),
    wardMicroClusterer(4, { microClusters: 30, seed: 1 }),
  ];
  for (const c of clusterers) {
    const fitted = c.fit(sample);
    const all = c.assign(matrix, fitted);
    assert.equal(all.length, matrix.rows);
    for (let i = 0; i < every.length; i++) assert.equal(all[every[i]], fitted.labels[i]);
    assert.ok(adjustedRandIndex(all, truth) > 0.9, c.algorithm);
  }
});
