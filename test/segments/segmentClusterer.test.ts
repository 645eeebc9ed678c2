import assert from "node:assert/strict";
import { test } from "node:test";
import { kmeans, kmeansPredict } from "../../src/cluster/kmeans.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import type { SegmentAlgorithmJSON } from "../../src/segments/segmentClusterer.js";
import { SEGMENT_ALGORITHMS, segmentClusterer } from "../../src/segments/segmentClusterer.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import { blobTable } from "../helpers/tables.js";

const { matrix } = makeBlobs(600, 3, { centers: 4, clusterStd: 0.5, spread: 6, seed: 3 });

test("the kmeans algorithm of a model file is kmeans with its seed and restarts, bit for bit", () => {
  const algorithm: SegmentAlgorithmJSON = {
    name: "kmeans",
    parameters: { k: 4, seed: 7, nInit: 3 },
  };
  const c = segmentClusterer(algorithm);
  assert.equal(c.algorithm, "kmeans");
  // The other options at kmeans' defaults, as models have always been fitted.
  assert.deepEqual(c.parameters(), {
    ...algorithm.parameters,
    maxIterations: 300,
    tolerance: 1e-4,
  });
  const fitted = c.fit(matrix);
  const direct = kmeans(matrix, 4, { seed: 7, nInit: 3 });
  assert.deepEqual(
    [fitted.labels, fitted.centroids.data, fitted.inertia, fitted.restartInertias],
    [direct.labels, direct.centroids.data, direct.inertia, direct.restartInertias],
  );
  // assign reads the centroids only: what a saved model has.
  assert.deepEqual(c.assign(matrix, { centroids: fitted.centroids }), fitted.labels);
});

test("an algorithm the toolbox does not know is refused with the known ones named", () => {
  assert.deepEqual(SEGMENT_ALGORITHMS, ["kmeans"]);
  const gmm = {
    name: "gmm",
    parameters: { k: 2, seed: 0, nInit: 1 },
  } as unknown as SegmentAlgorithmJSON;
  assert.throws(
    () => segmentClusterer(gmm),
    /algorithm "gmm" is not one this toolbox assigns with \(kmeans\)/,
  );
});

test("a segment model assigns through its clusterer: the nearest of its centroids", () => {
  const table = blobTable(
    [
      [40, 90],
      [200, 500],
      [600, 60],
    ],
    25,
    9,
  );
  const { model, labels } = fitSegmentModel(table, {
    features: ["recency_days", "monetary"],
    k: 3,
    seed: 2,
    nInit: 2,
  });
  const inModelSpace = model.transformTable(table);
  assert.deepEqual(model.assignMatrix(inModelSpace), kmeansPredict(inModelSpace, model.centroids));
  assert.deepEqual(model.assign(table), labels);
});
