import assert from "node:assert/strict";
import { test } from "node:test";
import { fitSegmentModel, SEGMENT_MODEL_VERSION, SegmentModel } from "../../src/segments/model.js";
import { checkModelJson, sealModelJson } from "../../src/segments/modelIntegrity.js";
import { blobTable } from "../helpers/tables.js";

const table = blobTable(
  [
    [50, 100],
    [300, 400],
  ],
  30,
  4,
);
const features = ["recency_days", "monetary"];

test("model files are version 2 and record the algorithm and its parameters", () => {
  const { model } = fitSegmentModel(table, { features, k: 2, seed: 5, nInit: 3 });
  const json = model.toJSON();
  assert.equal(SEGMENT_MODEL_VERSION, 2);
  assert.equal(json.version, 2);
  assert.deepEqual(json.algorithm, { name: "kmeans", parameters: { k: 2, seed: 5, nInit: 3 } });
  assert.deepEqual(model.algorithm, json.algorithm);
  checkModelJson(json, "model.json"); // sealed and self-consistent
});

test("a version 1 file (no algorithm) still loads, as k-means, and assigns the same segments", () => {
  const { model } = fitSegmentModel(table, { features, k: 2, seed: 5, nInit: 3 });
  const v1: Record<string, unknown> = { ...model.toJSON(), version: 1 };
  delete v1.algorithm;
  const sealed = sealModelJson(v1);
  checkModelJson(sealed, "old-model.json");
  const old = SegmentModel.fromJSON(sealed);
  assert.deepEqual(old.algorithm, { name: "kmeans", parameters: { k: 2, seed: 5, nInit: 3 } });
  assert.deepEqual(old.assign(table), model.assign(table));
  assert.equal(old.toJSON().version, 1); // read as it is, not rewritten
});

test("a version 2 file with an algorithm the toolbox cannot assign with, or version 3, is refused", () => {
  const { model } = fitSegmentModel(table, { features, k: 2, seed: 5 });
  const gmm = { ...model.toJSON(), algorithm: { name: "gmm", parameters: {} } };
  assert.throws(() => SegmentModel.fromJSON(gmm), /algorithm "gmm" is not one this toolbox/);
  assert.throws(() => SegmentModel.fromJSON({ ...model.toJSON(), version: 3 }), /version 1 or 2/);
});
