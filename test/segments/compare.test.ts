import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Matrix } from "../../src/cluster/matrix.js";
import { createRng } from "../../src/util/random.js";
import {
  FEATURE_SETS,
  kmeansSweep,
  scorePartition,
  sizeBalance,
} from "../../src/segments/compare.js";
import { CHOSEN_SEGMENTATION } from "../../src/segments/chosen.js";
import { NUMERIC_FEATURES } from "../../src/features/definitions.js";

/** Points around given 2-D centres (sd `std`), labels = centre index. */
function blobs(
  centers: [number, number][],
  perCenter: number,
  std: number,
  seed: number,
): { matrix: Matrix; labels: Int32Array } {
  const rng = createRng(seed);
  const n = centers.length * perCenter;
  const data = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  centers.forEach(([x, y], c) => {
    for (let i = 0; i < perCenter; i++) {
      const r = c * perCenter + i;
      data[2 * r] = x + std * rng.normal();
      data[2 * r + 1] = y + std * rng.normal();
      labels[r] = c;
    }
  });
  return { matrix: { data, rows: n, cols: 2 }, labels };
}

describe("model comparison", () => {
  test("size balance is the normalised entropy of the shares", () => {
    assert.equal(sizeBalance([0, 0, 1, 1]), 1);
    const p = [0.75, 0.25];
    const expected = -(p[0] * Math.log(p[0]) + p[1] * Math.log(p[1])) / Math.log(2);
    assert.ok(Math.abs(sizeBalance([0, 0, 0, 1, -1, -1]) - expected) < 1e-12); // noise left out
    assert.equal(sizeBalance([3, 3, 3]), 0);
  });

  test("feature sets use known features; the chosen one is among them", () => {
    for (const set of FEATURE_SETS) {
      for (const f of set.features)
        assert.ok((NUMERIC_FEATURES as readonly string[]).includes(f), f);
      for (const f of set.log1p) assert.ok(set.features.includes(f), f);
    }
    assert.ok(FEATURE_SETS.some((s) => s.features.join() === CHOSEN_SEGMENTATION.features.join()));
  });

  test("a sweep on three separated blobs prefers k = 3 and finds it stable", () => {
    const { matrix } = blobs(
      [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
      200,
      1,
      3,
    );
    const rows = kmeansSweep(matrix, "blobs", { ks: [2, 3, 4], nInit: 3, stabilityRows: 300 });
    assert.deepEqual(
      rows.map((r) => r.k),
      [2, 3, 4],
    );
    const best = rows.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    assert.equal(best.k, 3);
    assert.ok(rows[1].seedStability > 0.99 && rows[1].bootstrapStability > 0.99);
    assert.ok(
      rows[1].daviesBouldin < rows[0].daviesBouldin &&
        rows[1].daviesBouldin < rows[2].daviesBouldin,
    );
    assert.ok(Math.abs(rows[1].balance - 1) < 1e-12);
  });

  test("noise points are left out of the scores", () => {
    const { matrix, labels } = blobs(
      [
        [0, 0],
        [10, 10],
      ],
      50,
      1,
      1,
    );
    const noisy = Int32Array.from(labels);
    noisy[0] = -1;
    const s = scorePartition(matrix, noisy);
    assert.ok(s.silhouette > 0.8);
    assert.equal(s.smallestShare, 49 / 99);
  });
});
