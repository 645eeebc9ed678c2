/**
 * Pins k-means results to the values produced by the implementation before the speed work of
 * issue 6 (plain loops, Hamerly bounds everywhere), so the generated kernels, the plain/Hamerly
 * switch and the fused centre update are proven not to change any label, centroid or inertia.
 * Checksums: FNV-1a over the label values / the IEEE-754 words of the float arrays.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { kmeans, kmeansPlusPlus, kmeansPredict, lloyd } from "../../src/cluster/kmeans.js";
import type { KMeansOptions } from "../../src/cluster/kmeans.js";
import type { Matrix } from "../../src/cluster/matrix.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import { createRng } from "../../src/util/random.js";

const fnv = (a: ArrayLike<number>): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) {
    h ^= a[i] & 0xffff;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= a[i] >>> 16;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
};
const f64 = (a: Float64Array) => fnv(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));

/** [labels checksum, inertia, centroids checksum, iterations, converged, restart inertias checksum] */
type Pin = [string, number, string, number, boolean, string];
const fingerprint = (m: Matrix, k: number, options: KMeansOptions): Pin => {
  const r = kmeans(m, k, options);
  return [
    fnv(r.labels),
    r.inertia,
    f64(r.centroids.data),
    r.iterations,
    r.converged,
    f64(r.restartInertias),
  ];
};

const a = makeBlobs(20000, 4, { centers: 5, skew: 0.5, spread: 4, seed: 11 }).matrix;
const b = makeBlobs(10000, 6, { centers: 6, skew: 0.5, spread: 4, seed: 2024 }).matrix;
const c1 = makeBlobs(5000, 1, { centers: 3, seed: 4 }).matrix;
const c13 = makeBlobs(5000, 13, { centers: 3, skew: 0.3, seed: 4 }).matrix;

test("k-means results are bit-identical to the pre-optimisation implementation", () => {
  // plain Lloyd path (k·cols ≤ 48)
  assert.deepEqual(fingerprint(a, 2, { seed: 3, nInit: 3 }), [
    "44892cd",
    385666.8549948934,
    "31e51a10",
    5,
    true,
    "60a8036c",
  ]);
  assert.deepEqual(fingerprint(a, 5, { seed: 3, nInit: 3 }), [
    "cc5c5e10",
    109781.98425840588,
    "ac6fac80",
    4,
    true,
    "8ce266ec",
  ]);
  assert.deepEqual(fingerprint(a, 9, { seed: 3, nInit: 3 }), [
    "dacc4480",
    93941.73506325683,
    "1972b25f",
    33,
    true,
    "56ed6ad4",
  ]);
  assert.deepEqual(fingerprint(b, 6, { seed: 0, nInit: 10 }), [
    "f1adc0fd",
    86343.09789616641,
    "23c7cf7",
    5,
    true,
    "23138bb",
  ]);
  assert.deepEqual(fingerprint(b, 6, { seed: 1, nInit: 2, tolerance: 0 }), [
    "81396519",
    86343.09789616641,
    "eec9ffd3",
    32,
    true,
    "5ff877c5",
  ]);
  assert.deepEqual(fingerprint(c1, 4, { seed: 2, nInit: 4 }), [
    "c03a65b5",
    2639.6241753341174,
    "45c2e174",
    5,
    true,
    "b3af5b6c",
  ]);
  // Hamerly path: k unrolled (c13, k = 4) and any k (the others)
  assert.deepEqual(fingerprint(a, 10, { seed: 3, nInit: 3 }), [
    "a0127b0",
    90741.08059926746,
    "9f6f5930",
    29,
    true,
    "7d2533cb",
  ]);
  assert.deepEqual(fingerprint(c13, 4, { seed: 2, nInit: 4 }), [
    "5d5b3e97",
    72847.58840254202,
    "7aa06714",
    18,
    true,
    "7681d108",
  ]);
  assert.deepEqual(fingerprint(c13, 20, { seed: 2, nInit: 1 }), [
    "9e563416",
    58681.964897073216,
    "a566daa0",
    66,
    true,
    "b24c9d91",
  ]);
  assert.deepEqual(fingerprint(b, 60, { seed: 0, nInit: 1, maxIterations: 50 }), [
    "b9c83ab4",
    40093.70490020195,
    "356f2070",
    50,
    false,
    "df45e3ae",
  ]);
  assert.deepEqual(fingerprint(b, 200, { seed: 5, nInit: 1, maxIterations: 30 }), [
    "fc7d2ae2",
    25888.40364066829,
    "286caee2",
    30,
    false,
    "89e7563",
  ]);
  // empty-cluster relocation (two identical initial centroids)
  const init = new Float64Array(5 * 4);
  init.set(a.data.subarray(0, 8));
  init.set(a.data.subarray(0, 8), 8);
  init.set(a.data.subarray(40, 44), 16);
  assert.deepEqual(fingerprint(a, 5, { initialCentroids: { data: init, rows: 5, cols: 4 } }), [
    "5ac79624",
    167390.50701304246,
    "5edb89fa",
    19,
    true,
    "2cbc8c69",
  ]);
  assert.equal(f64(kmeansPlusPlus(b, 9, createRng(8)).data), "bad7f450");
  assert.equal(fnv(kmeansPredict(a, kmeansPlusPlus(a, 7, createRng(1)))), "576d1229");
});

test("plain Lloyd, Hamerly's bounds and the switch between them give identical runs, unrolled or not (up to 40 columns)", () => {
  for (const [rows, cols, k] of [
    [3000, 2, 3],
    [3000, 4, 12],
    [3000, 6, 8],
    [2000, 13, 5],
    [1500, 40, 6],
  ]) {
    const { matrix } = makeBlobs(rows, cols, { centers: 4, skew: 0.4, seed: cols });
    const init = kmeansPlusPlus(matrix, k, createRng(k)).data;
    const plain = lloyd(matrix, k, init.slice(), 300, 0, "plain");
    const bounded = lloyd(matrix, k, init.slice(), 300, 0, "bounded");
    const switched = lloyd(matrix, k, init.slice(), 300, 0, "switch");
    assert.deepEqual(bounded, plain, `${rows} × ${cols}, k = ${k}`);
    assert.deepEqual(switched, plain, `${rows} × ${cols}, k = ${k} (switch)`);
    assert.ok(plain.iterations > 3, `${plain.iterations} iterations`); // the switch has a tail to run
    // Labels are nearest-centroid by brute force (ties to the lowest index).
    const { data } = matrix;
    for (let i = 0; i < rows; i++) {
      let best = Infinity;
      let bestC = -1;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < cols; j++) {
          const u = data[i * cols + j] - plain.centers[c * cols + j];
          s += u * u;
        }
        if (s < best) {
          best = s;
          bestC = c;
        }
      }
      assert.equal(plain.labels[i], bestC);
    }
  }
});
