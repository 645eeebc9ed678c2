import assert from "node:assert/strict";
import { test } from "node:test";
import { kmeansPredict } from "../../src/cluster/kmeans.js";
import { kmeansKernels } from "../../src/cluster/kmeansKernels.js";
import { createRng } from "../../src/util/random.js";

// kmeansPredict runs the wasm SIMD kernel where available: the same labels as the JavaScript
// assignPlain (the reference), ties (duplicated centroids, rows on a centroid) to the lowest index.
test("kmeansPredict gives the JavaScript kernel's labels, ties to the lowest index", () => {
  const rng = createRng(7);
  for (const [d, k] of [
    [1, 2],
    [4, 5],
    [6, 8],
    [3, 12],
  ]) {
    const n = 1001;
    const data = new Float64Array(n * d).map(() => Math.round(rng.next() * 8) / 4);
    const centroids = new Float64Array(k * d).map(() => Math.round(rng.next() * 8) / 4);
    centroids.copyWithin(d, 0, d); // centroid 1 = centroid 0: a tie on every row nearest to them
    data.set(centroids.subarray(0, d), 0); // row 0 on that centroid
    const expected = new Int32Array(n);
    kmeansKernels(d, k).assignPlain(data, n, centroids, k, expected);
    const labels = kmeansPredict({ data, rows: n, cols: d }, { data: centroids, rows: k, cols: d });
    assert.deepEqual(labels, expected, `d = ${d}, k = ${k}`);
    assert.equal(labels[0], 0);
    assert.ok(!labels.includes(1), `d = ${d}, k = ${k}: the duplicate centroid never wins`);
  }
});
