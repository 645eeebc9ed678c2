import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { candidateBatch } from "../../src/cluster/candidateBatch.js";
import { kmeans, kmeansPlusPlus } from "../../src/cluster/kmeans.js";
import { kmeansKernels, type KMeansKernels } from "../../src/cluster/kmeansKernels.js";
import { lloyd } from "../../src/cluster/lloyd.js";
import type { Matrix } from "../../src/cluster/matrix.js";
import { arenaBytesInUse, inArena } from "../../src/cluster/wasmArena.js";
import {
  setWasmKernels,
  wasmCandidateBatch,
  WASM_MAX_COLS,
  WASM_MAX_K,
  wasmKernels,
  wasmSimdSupported,
} from "../../src/cluster/wasmKernels.js";
import { maxOf } from "../../src/util/arrayStats.js";
import { createRng, type Rng } from "../../src/util/random.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

/**
 * Rows on a coarse integer grid (so that many squared distances tie exactly), a block of
 * duplicated rows, and a few rows far out; centres drawn from the rows (distance 0, and duplicate
 * centres when two draws coincide or a row is duplicated) plus one repeated centre.
 */
function tiedData(n: number, d: number, k: number, rng: Rng) {
  const data = new Float64Array(n * d);
  for (let p = 0; p < data.length; p++) data[p] = rng.int(5) - 2;
  for (let i = n - 20; i < n; i++) data.copyWithin(i * d, 0, d); // duplicates of row 0
  for (let p = 0; p < d; p++) data[p + d] = 1e3 * (rng.next() - 0.5); // a row far out
  const centers = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const i = c === k - 1 && k > 1 ? 0 : rng.int(n);
    centers.set(data.subarray(i * d, i * d + d), c * d);
  }
  if (k > 2) centers.copyWithin((k - 2) * d, 0, d); // two equal centres
  return { data, centers };
}

/** The arguments of an accumulating kernel, fresh (labels half set at random). */
function state(n: number, d: number, k: number, rng: Rng) {
  const labels = Int32Array.from({ length: n }, () => rng.int(k));
  return {
    labels,
    sums: new Float64Array(k * d),
    counts: new Float64Array(k),
    upper: new Float64Array(n),
    lower: new Float64Array(n),
  };
}
type State = ReturnType<typeof state>;
const copy = (s: State): State => ({
  labels: s.labels.slice(),
  sums: s.sums.slice(),
  counts: s.counts.slice(),
  upper: s.upper.slice(),
  lower: s.lower.slice(),
});

const shapes: [d: number, k: number][] = [
  [1, 1],
  [1, 2],
  [2, 3],
  [3, 1],
  [3, 5],
  [4, 5],
  [5, 7],
  [6, 6],
  [6, 10],
  [7, 4],
  [8, 9],
  [12, 2],
  [16, 32],
];

describe("wasm SIMD k-means kernels", { skip: !wasmSimdSupported() && "no wasm SIMD" }, () => {
  test("assignPlainSums, assignFull, assignHamerly: the JavaScript kernels' outputs, bit for bit", () => {
    for (const [d, k] of shapes) {
      const rng = createRng(100 * d + k);
      const n = 997;
      const { data, centers } = tiedData(n, d, k, rng);
      const js = kmeansKernels(d, k);
      const wasm = wasmKernels(d, k);
      assert.ok(wasm, `wasm kernels for d=${d} k=${k}`);
      const start = state(n, d, k, rng);
      const a = copy(start);
      const b = copy(start);
      const shape = `d=${d} k=${k}`;
      assert.equal(
        wasm.assignPlainSums(data, n, centers, k, b.labels, b.sums, b.counts),
        js.assignPlainSums(data, n, centers, k, a.labels, a.sums, a.counts),
        shape,
      );
      assert.deepStrictEqual(b, a, `plain ${shape}`);

      const c = copy(start);
      const e = copy(start);
      const changes = js.assignFull(
        data,
        n,
        centers,
        k,
        c.labels,
        c.upper,
        c.lower,
        c.sums,
        c.counts,
      );
      assert.equal(
        wasm.assignFull(data, n, centers, k, e.labels, e.upper, e.lower, e.sums, e.counts),
        changes,
        shape,
      );
      assert.deepStrictEqual(e, c, `full ${shape}`);

      // Hamerly from the full step's bounds against moved centres (some rows skip, some rescan,
      // some change), then against random bounds (any values: the kernels must still agree).
      const moved = new Float64Array(k);
      const next = centers.map((v) => v + (rng.int(3) - 1) * 0.5);
      for (let q = 0; q < k; q++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += (next[q * d + t] - centers[q * d + t]) ** 2;
        moved[q] = Math.sqrt(s);
      }
      const maxMove = maxOf(moved);
      const halfGap = Float64Array.from({ length: k }, () => rng.int(4) * 0.5);
      for (const bounds of ["consistent", "random"]) {
        const h0 = copy(c);
        if (bounds === "random") {
          for (let i = 0; i < n; i++) {
            h0.upper[i] = rng.int(6);
            h0.lower[i] = rng.int(6);
          }
        }
        h0.sums.fill(0);
        h0.counts.fill(0);
        const h1 = copy(h0);
        const h2 = copy(h0);
        const run = (kernels: KMeansKernels, h: State) =>
          kernels.assignHamerly(
            data,
            n,
            next,
            k,
            h.labels,
            h.upper,
            h.lower,
            halfGap,
            moved,
            maxMove,
            h.sums,
            h.counts,
          );
        const expected = run(js, h1);
        assert.equal(run(wasm, h2), expected, `${bounds} ${shape}`);
        assert.deepStrictEqual(h2, h1, `hamerly (${bounds} bounds) ${shape}`);
      }
    }
  });

  test("the kernels read arrays in the wasm memory in place, with the same results", () => {
    const [d, k, n] = [6, 6, 1500];
    const rng = createRng(5);
    const { data, centers } = tiedData(n, d, k, rng);
    const js = kmeansKernels(d, k);
    const wasm = wasmKernels(d, k);
    assert.ok(wasm);
    const rows = wasm.rows(data);
    assert.ok(inArena(rows) && !inArena(data));
    assert.deepStrictEqual(Float64Array.from(rows), data);
    assert.equal(wasm.rows(rows), rows, "rows already in the memory are not copied again");
    const a = state(n, d, k, rng);
    const labels = wasm.int32("test:labels", n);
    labels.set(a.labels);
    const upper = wasm.float64("test:upper", n);
    const lower = wasm.float64("test:lower", n);
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    const changes = js.assignFull(
      data,
      n,
      centers,
      k,
      a.labels,
      a.upper,
      a.lower,
      a.sums,
      a.counts,
    );
    assert.equal(wasm.assignFull(rows, n, centers, k, labels, upper, lower, sums, counts), changes);
    assert.deepStrictEqual(Int32Array.from(labels), a.labels);
    assert.deepStrictEqual(Float64Array.from(upper), a.upper);
    assert.deepStrictEqual(Float64Array.from(lower), a.lower);
    assert.deepStrictEqual([sums, counts], [a.sums, a.counts]);
  });

  test("batched k-means++ candidate pass: the JavaScript values, bit for bit", () => {
    for (const d of [1, 2, 3, 6, 7, 16]) {
      for (const trials of [1, 2, 3, 4, 5, 8]) {
        const rng = createRng(10 * d + trials);
        const n = 801;
        const { data } = tiedData(n, d, 1, rng);
        // Candidates include repeats and row 0's duplicates; closest has ties with the distances.
        const candidates = Int32Array.from({ length: trials }, (_, t) =>
          t === 1 ? 0 : t === 2 ? n - 1 : rng.int(n),
        );
        const closest = Float64Array.from({ length: n }, () =>
          rng.int(3) === 0 ? Infinity : rng.int(20),
        );
        const outsA = Array.from({ length: trials }, () => new Float64Array(n));
        const outsB = Array.from({ length: trials }, () => new Float64Array(n).fill(NaN));
        const potsA = new Float64Array(trials);
        const potsB = new Float64Array(trials);
        candidateBatch(d, trials)(data, n, candidates, closest, outsA, potsA);
        const wasm = wasmCandidateBatch(d, trials);
        assert.ok(wasm);
        wasm(data, n, candidates, closest, outsB, potsB);
        assert.deepStrictEqual([outsB, potsB], [outsA, potsA], `d=${d} trials=${trials}`);
      }
    }
  });

  test("kmeans, kmeansPlusPlus and every Lloyd mode give the same results with and without wasm", () => {
    const cases: [Matrix, number][] = [
      [makeBlobs(3000, 6, { centers: 6, skew: 0.5, seed: 11 }).matrix, 6],
      [makeBlobs(2000, 4, { centers: 5, seed: 12 }).matrix, 9],
      [makeBlobs(1500, 3, { centers: 3, seed: 13 }).matrix, 2],
    ];
    // Many duplicate rows and ties: integer grid data.
    const grid = tiedData(2500, 5, 7, createRng(14)).data;
    cases.push([{ data: grid, rows: 2500, cols: 5 }, 7]);
    const before = setWasmKernels(true);
    try {
      for (const [matrix, k] of cases) {
        const run = () => ({
          fit: kmeans(matrix, k, { nInit: 3, seed: 5 }),
          seeds: kmeansPlusPlus(matrix, k, createRng(9)),
          modes: (["plain", "bounded", "switch"] as const).map((mode) =>
            lloyd(matrix, k, kmeansPlusPlus(matrix, k, createRng(3)).data, 300, 0, mode),
          ),
        });
        setWasmKernels(true);
        const withWasm = run();
        setWasmKernels(false);
        const withJs = run();
        assert.deepStrictEqual(withWasm, withJs, `${matrix.rows} × ${matrix.cols}, k = ${k}`);
        assert.ok(!inArena(withWasm.fit.labels), "results are not views of the wasm memory");
      }
    } finally {
      setWasmKernels(before);
    }
  });

  test("each fit starts the wasm memory afresh: what it holds is the last fit's, whatever came before", () => {
    const small = makeBlobs(3000, 5, { centers: 4, seed: 21 }).matrix;
    const large = makeBlobs(7000, 5, { centers: 4, seed: 22 }).matrix;
    const first = kmeans(small, 4, { nInit: 2, seed: 1 });
    const inUse = arenaBytesInUse();
    assert.ok(inUse >= small.data.byteLength, "the rows are in the wasm memory");
    kmeans(large, 6, { nInit: 2, seed: 2 });
    assert.ok(arenaBytesInUse() > inUse);
    const again = kmeans(small, 4, { nInit: 2, seed: 1 });
    assert.equal(arenaBytesInUse(), inUse);
    assert.deepStrictEqual(again, first);
  });

  test("outside the generated range there are no wasm kernels (the JavaScript ones are used)", () => {
    assert.equal(wasmKernels(WASM_MAX_COLS + 1, 3), undefined);
    assert.equal(wasmKernels(3, WASM_MAX_K + 1), undefined);
    const before = setWasmKernels(false);
    try {
      assert.equal(wasmKernels(6, 6), undefined);
    } finally {
      setWasmKernels(before);
    }
    const { matrix } = makeBlobs(500, WASM_MAX_COLS + 1, { centers: 3, seed: 1 });
    const fit = kmeans(matrix, 3, { nInit: 2, seed: 0 });
    assert.equal(fit.labels.length, 500);
  });
});
