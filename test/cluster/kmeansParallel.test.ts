import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { kmeans } from "../../src/cluster/kmeans.js";
import { kmeansParallel } from "../../src/cluster/kmeansParallel.js";
import { matrixFromRows } from "../../src/cluster/matrix.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import { createWorkerPool } from "../../src/util/workerPool.js";

describe("kmeansParallel: restarts on worker threads, the result of kmeans bit for bit", () => {
  const pools = [0, 1, 2, 3].map((threads) => createWorkerPool({ threads }));
  after(() => Promise.all(pools.map((p) => p.close())));

  test("identical for 0, 1, 2 and 3 threads, plain Lloyd and Hamerly's bounds", async () => {
    const { matrix } = makeBlobs(3000, 4, { centers: 6, skew: 0.5, spread: 3, seed: 21 });
    // With the JavaScript kernels k·cols = 20 runs plain Lloyd, 60 Hamerly (PLAIN_LLOYD_MAX_WORK =
    // 48); the wasm kernels start both plain and switch to Hamerly late.
    for (const [k, nInit, seed] of [
      [5, 10, 3],
      [15, 7, 4],
    ]) {
      const expected = kmeans(matrix, k, { nInit, seed });
      // The restarts really differ, so keeping the right one is tested.
      assert.ok(new Set(expected.restartInertias).size > 1, `k = ${k}: restarts differ`);
      for (const pool of pools) {
        const got = await kmeansParallel(matrix, k, { nInit, seed, pool });
        assert.deepStrictEqual(got, expected, `k = ${k}, ${pool.threads} threads`);
      }
    }
  });

  test("empty-cluster relocation, initial centroids and a one-call pool give kmeans' result", async () => {
    // Six identical rows and two others, k = 4: k-means++ must relocate emptied clusters.
    const dup = matrixFromRows([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [5, 5],
      [9, 1],
    ]);
    assert.deepStrictEqual(
      await kmeansParallel(dup, 4, { nInit: 4, seed: 1, pool: pools[2] }),
      kmeans(dup, 4, { nInit: 4, seed: 1 }),
    );
    const { matrix } = makeBlobs(500, 3, { centers: 3, seed: 8 });
    const initialCentroids = matrixFromRows([
      [0, 0, 0],
      [1, 1, 1],
      [-1, 2, 0],
    ]);
    assert.deepStrictEqual(
      await kmeansParallel(matrix, 3, { initialCentroids, pool: pools[3] }),
      kmeans(matrix, 3, { initialCentroids }),
    );
    assert.deepStrictEqual(
      await kmeansParallel(matrix, 3, { nInit: 3, seed: 2, workers: 2 }),
      kmeans(matrix, 3, { nInit: 3, seed: 2 }),
    );
  });

  test("bad input rejects with kmeans' messages", async () => {
    const small = matrixFromRows([[0], [1]]);
    await assert.rejects(
      kmeansParallel(small, 3, { pool: pools[2] }),
      /k = 3 is larger than the number of rows \(2\)/,
    );
    await assert.rejects(
      kmeansParallel(small, 2, { nInit: 0, pool: pools[2] }),
      /nInit must be a positive integer/,
    );
  });
});
