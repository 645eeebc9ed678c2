import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMatrix } from "../../src/cluster/matrix.js";
import { kmeans } from "../../src/cluster/kmeans.js";
import { silhouetteScore } from "../../src/metrics/silhouette.js";
import { nullSilhouette, permuteColumns } from "../../src/segments/silhouetteLift.js";
import { createRng } from "../../src/util/random.js";

/** `n` points around `centers` (rows interleaved), Gaussian noise of sd `sd`. */
function blobs(centers: number[][], n: number, sd: number, seed: number) {
  const rng = createRng(seed);
  const cols = centers[0].length;
  const data = new Float64Array(n * cols);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < cols; j++)
      data[i * cols + j] = centers[i % centers.length][j] + sd * rng.normal();
  return createMatrix(data, n, cols);
}

const column = (m: { data: Float64Array; rows: number; cols: number }, j: number) =>
  Float64Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + j]);

describe("permuteColumns", () => {
  test("every column keeps its values (a permutation), the pairing of columns is broken, seeded", () => {
    const n = 200;
    const data = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      data[2 * i] = i;
      data[2 * i + 1] = 1000 + i; // column 1 = column 0 + 1000 on every row
    }
    const m = createMatrix(data, n, 2);
    const p = permuteColumns(m, 7);
    for (const j of [0, 1])
      assert.deepEqual(
        Array.from(column(p, j)).sort((a, b) => a - b),
        Array.from(column(m, j)),
      );
    let paired = 0;
    for (let i = 0; i < n; i++) if (p.data[2 * i + 1] - p.data[2 * i] === 1000) paired++;
    assert.ok(paired < 10, `${paired} rows still paired`);
    assert.deepEqual(permuteColumns(m, 7).data, p.data);
    assert.notDeepEqual(permuteColumns(m, 8).data, p.data);
    assert.deepEqual(m.data, data); // input untouched
  });
});

describe("nullSilhouette", () => {
  test("joint structure (blobs on a diagonal) gives a large lift", () => {
    // Three blobs on the diagonal: permuting x and y apart spreads them over a 3 × 3 grid.
    const m = blobs(
      [
        [0, 0],
        [5, 5],
        [10, 10],
      ],
      600,
      0.6,
      1,
    );
    const real = silhouetteScore(m, kmeans(m, 3, { nInit: 4, seed: 0 }).labels);
    const nul = nullSilhouette(m, 3, { seed: 0, silhouetteSampleSize: 600 });
    assert.ok(real > 0.75, `real ${real}`);
    assert.ok(real - nul > 0.2, `lift ${real - nul} (null ${nul})`);
  });

  test("a product of independent marginals (blobs on the corners of a square) gives a lift near 0", () => {
    const m = blobs(
      [
        [0, 0],
        [10, 0],
        [0, 10],
        [10, 10],
      ],
      800,
      0.7,
      2,
    );
    const real = silhouetteScore(m, kmeans(m, 4, { nInit: 4, seed: 0 }).labels);
    const nul = nullSilhouette(m, 4, { seed: 0, silhouetteSampleSize: 800 });
    assert.ok(real > 0.8, `real ${real}`);
    assert.ok(Math.abs(real - nul) < 0.02, `lift ${real - nul}`);
  });
});
