import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { kmeans } from "../../src/cluster/kmeans.js";
import { bootstrapJaccard, kmeansFitter } from "../../src/stability/bootstrapJaccard.js";
import { bootstrapJaccardOnPool } from "../../src/stability/bootstrapOnPool.js";
import { gaussianBlobs } from "../rules/blobs.js";

describe("bootstrapJaccardOnPool", () => {
  // Three overlapping blobs: the refits differ from run to run, so a wrong draw or seed shows.
  const { matrix } = gaussianBlobs(
    [
      [0, 0],
      [2.5, 0],
      [0, 2.5],
    ],
    400,
    11,
  );
  const labels = kmeans(matrix, 3, { seed: 0, nInit: 2 }).labels;
  const options = { runs: 6, sampleSize: 500, seed: 4 };

  test("equals bootstrapJaccard with kmeansFitter on 0, 1 and 2 threads", async () => {
    const expected = bootstrapJaccard(matrix, labels, kmeansFitter(3, { nInit: 2 }), options);
    assert.ok(
      expected.segments.some((s) => s.meanJaccard < 1),
      "the refits must differ",
    );
    for (const workers of [0, 1, 2]) {
      const got = await bootstrapJaccardOnPool(matrix, labels, 3, {
        ...options,
        nInit: 2,
        workers,
      });
      assert.deepStrictEqual(got, expected, `workers ${workers}`);
    }
  });

  test("checks its input as bootstrapJaccard does", async () => {
    await assert.rejects(
      bootstrapJaccardOnPool(matrix, labels.subarray(1), 3, { workers: 0 }),
      /labels has 1199 entries for 1200 rows/,
    );
    await assert.rejects(
      bootstrapJaccardOnPool(matrix, labels, 3, { runs: 0, workers: 0 }),
      /runs must be ≥ 1/,
    );
  });
});
