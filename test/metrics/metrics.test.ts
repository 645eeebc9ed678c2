import { test } from "node:test";
import assert from "node:assert/strict";
import { createMatrix, matrixFromRows } from "../../src/cluster/matrix.js";
import {
  calinskiHarabaszScore,
  clusterSizes,
  daviesBouldinScore,
  inertia,
  silhouetteSample,
  silhouetteScore,
  silhouetteValues,
} from "../../src/metrics/index.js";
import { assertClose, loadFixture } from "../fixtures/sklearn/load.js";

interface MetricCase {
  name: string;
  rows: number;
  cols: number;
  data: number[];
  labels: number[];
  silhouette: number;
  silhouette_exact: number;
  silhouette_samples_exact: number[];
  davies_bouldin: number;
  calinski_harabasz: number;
}
const { cases } = loadFixture<{ cases: MetricCase[] }>("metrics");

for (const c of cases) {
  test(`metrics match scikit-learn: ${c.name}`, () => {
    const m = createMatrix(Float64Array.from(c.data), c.rows, c.cols);
    const labels = Int32Array.from(c.labels);
    assertClose(
      silhouetteScore(m, labels),
      c.silhouette_exact,
      1e-9,
      "silhouette (exact distances)",
    );
    // sklearn's own "euclidean" path differs from exact distances by rounding only.
    assertClose(silhouetteScore(m, labels), c.silhouette, 1e-9, "silhouette (sklearn euclidean)");
    const values = silhouetteValues(m, labels);
    c.silhouette_samples_exact.forEach((v, i) =>
      assertClose(values[i], v, 1e-9, `silhouette sample ${i}`),
    );
    assertClose(daviesBouldinScore(m, labels), c.davies_bouldin, 1e-9, "davies-bouldin");
    assertClose(calinskiHarabaszScore(m, labels), c.calinski_harabasz, 1e-9, "calinski-harabasz");
  });
}

test("silhouette of a singleton cluster's point is 0 and duplicates with a = b = 0 score 0", () => {
  const single = cases.find((c) => c.name === "singleton cluster") as MetricCase;
  const values = silhouetteValues(
    createMatrix(Float64Array.from(single.data), single.rows, single.cols),
    Int32Array.from(single.labels),
  );
  assert.equal(values[single.rows - 1], 0);
  const coincident = matrixFromRows([
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [5, 5],
    [5, 6],
  ]);
  const v = silhouetteValues(coincident, Int32Array.of(0, 0, 1, 1, 2, 2));
  assert.deepEqual(Array.from(v.subarray(0, 4)), [0, 0, 0, 0]);
});

test("silhouette, DB and CH reject 1 label and n labels like scikit-learn", () => {
  const m = matrixFromRows([[0], [1], [2], [3]]);
  for (const labels of [Int32Array.of(0, 0, 0, 0), Int32Array.of(0, 1, 2, 3)]) {
    assert.throws(
      () => silhouetteScore(m, labels),
      /number of labels is \d; valid values are 2 to n_samples - 1 = 3/,
    );
    assert.throws(() => daviesBouldinScore(m, labels), /Davies-Bouldin: number of labels/);
    assert.throws(() => calinskiHarabaszScore(m, labels), /Calinski-Harabasz: number of labels/);
  }
  assert.throws(
    () => silhouetteScore(m, Int32Array.of(0, 1)),
    /labels has 2 entries but the data has 4 rows/,
  );
  const withNaN = { data: Float64Array.of(0, NaN, 2, 3), rows: 4, cols: 1 };
  assert.throws(
    () => silhouetteScore(withNaN, Int32Array.of(0, 0, 1, 1)),
    /non-finite value NaN at row 1, column 0/,
  );
});

test("hand-computed silhouette, DB, CH and inertia on four points", () => {
  // Clusters {0, 1} and {4, 6} on a line.
  const m = matrixFromRows([[0], [1], [4], [6]]);
  const labels = Int32Array.of(0, 0, 1, 1);
  // s(0): a=1, b=(4+6)/2=5 → 0.8; s(1): a=1, b=4 → 0.75; s(4): a=2, b=3.5 → 1.5/3.5; s(6): a=2, b=5.5 → 3.5/5.5
  const expected = [0.8, 0.75, 1.5 / 3.5, 3.5 / 5.5];
  Array.from(silhouetteValues(m, labels)).forEach((v, i) => assertClose(v, expected[i], 1e-12));
  assertClose(silhouetteScore(m, labels), (0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4, 1e-12);
  // Centroids 0.5 and 5, scatters 0.5 and 1, separation 4.5 → DB = 1.5 / 4.5.
  assertClose(daviesBouldinScore(m, labels), 1.5 / 4.5, 1e-12);
  // Mean 2.75; between = 2·2.25² + 2·2.25² = 20.25; within = 0.5 + 2 = 2.5; CH = 20.25·2 / 2.5.
  assertClose(calinskiHarabaszScore(m, labels), (20.25 * 2) / 2.5, 1e-12);
  assert.equal(inertia(m, labels, matrixFromRows([[0.5], [5]])), 2.5);
  assert.throws(
    () => inertia(m, Int32Array.of(0, 0, 2, 1), matrixFromRows([[0.5], [5]])),
    /labels\[2\] = 2/,
  );
});

test("silhouetteSample is seeded and equals the exact score when the sample covers all rows", () => {
  const c = cases[0];
  const m = createMatrix(Float64Array.from(c.data), c.rows, c.cols);
  const labels = Int32Array.from(c.labels);
  assert.equal(silhouetteSample(m, labels, { sampleSize: 500 }), silhouetteScore(m, labels));
  const a = silhouetteSample(m, labels, { sampleSize: 80, seed: 3 });
  assert.equal(a, silhouetteSample(m, labels, { sampleSize: 80, seed: 3 }));
  assert.notEqual(a, silhouetteSample(m, labels, { sampleSize: 80, seed: 4 }));
  assert.ok(Math.abs(a - c.silhouette) < 0.1, `sample estimate ${a} far from ${c.silhouette}`);
});

test("clusterSizes counts per label, noise first", () => {
  assert.deepEqual(clusterSizes(Int32Array.of(1, 0, 1, -1)), [
    { label: -1, size: 1, share: 0.25 },
    { label: 0, size: 1, share: 0.25 },
    { label: 1, size: 2, share: 0.5 },
  ]);
});
