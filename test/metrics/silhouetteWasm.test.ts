import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setWasmKernels, wasmSimdSupported } from "../../src/cluster/wasmKernels.js";
import { createMatrix } from "../../src/cluster/matrix.js";
import {
  silhouetteScore,
  silhouetteValues,
  silhouetteValuesParallel,
} from "../../src/metrics/index.js";
import { silhouetteChunks, silhouetteDistanceSums } from "../../src/metrics/silhouetteKernel.js";
import { WASM_PAIR_MAX_COLS, wasmPairKernel } from "../../src/metrics/silhouetteWasm.js";
import { createRng, type Rng } from "../../src/util/random.js";
import { loadFixture } from "../fixtures/sklearn/load.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

/**
 * Rows in cluster order for the given cluster sizes: mostly uniform values of mixed magnitudes
 * (so that the sums' last bits depend on the order of the additions), some rows on an integer
 * grid and a few duplicates (exact ties and zero distances).
 */
function clustered(sizes: number[], d: number, rng: Rng) {
  const n = sizes.reduce((a, b) => a + b, 0);
  const data = new Float64Array(n * d);
  for (let p = 0; p < data.length; p++) {
    const kind = rng.int(4);
    data[p] = kind === 0 ? rng.int(5) - 2 : (rng.next() - 0.5) * 10 ** (rng.int(7) - 3);
  }
  for (let i = 1; i < n; i += 17) data.copyWithin(i * d, (i - 1) * d, i * d); // duplicates
  const codes = new Int32Array(n);
  const starts = new Int32Array(sizes.length + 1);
  sizes.forEach((size, c) => {
    starts[c + 1] = starts[c] + size;
    codes.fill(c, starts[c], starts[c + 1]);
  });
  return { data, n, codes, starts };
}

/** The JavaScript kernel's sums (wasm off), added to a copy of `initial`. */
function jsSums(
  x: ReturnType<typeof clustered>,
  d: number,
  from: number,
  to: number,
  initial: Float64Array,
) {
  const before = setWasmKernels(false);
  try {
    return silhouetteDistanceSums(x.data, x.n, d, x.codes, x.starts, from, to, initial.slice());
  } finally {
    setWasmKernels(before);
  }
}

/** Every value equal by `Object.is` (bit for bit, −0 and +0 told apart). */
function assertBitIdentical(actual: Float64Array, expected: Float64Array, what: string) {
  assert.equal(actual.length, expected.length, what);
  for (let p = 0; p < expected.length; p++) {
    if (!Object.is(actual[p], expected[p]))
      assert.fail(`${what}: value ${p} is ${actual[p]}, the JavaScript kernel's ${expected[p]}`);
  }
}

const SHAPES: number[][] = [
  [9], // one cluster, n = 9
  [1, 4, 7, 1, 13, 11], // n = 37: singletons, a multiple of 4, every remainder
  [2, 3, 1, 5],
  [1, 1, 1, 1, 1, 1, 1, 1], // only singletons: no register block at all
  [803, 1290, 5, 1, 902], // a few thousand rows
];

describe("the wasm SIMD pair kernel is bit-identical to the JavaScript kernel", () => {
  const supported = wasmSimdSupported();

  test("it is used when wasm SIMD is there, within 1…12 columns, unless the kernels are off", () => {
    if (!supported) return;
    const before = setWasmKernels(true);
    try {
      assert.notEqual(wasmPairKernel(4), undefined);
      assert.notEqual(wasmPairKernel(WASM_PAIR_MAX_COLS), undefined);
      assert.equal(wasmPairKernel(WASM_PAIR_MAX_COLS + 1), undefined);
      assert.equal(wasmPairKernel(0), undefined);
      setWasmKernels(false);
      assert.equal(wasmPairKernel(4), undefined);
    } finally {
      setWasmKernels(before);
    }
  });

  test("d = 1…8, 10, 12 on every shape: whole range, the fixed chunks and cuts through clusters", () => {
    if (!supported) return;
    const before = setWasmKernels(true);
    try {
      const rng = createRng(17);
      for (const d of [1, 2, 3, 4, 5, 6, 7, 8, 10, 12]) {
        const kernel = wasmPairKernel(d);
        assert.ok(kernel, `d = ${d}`);
        for (const sizes of SHAPES) {
          if (d > 6 && sizes[0] === 803 && d !== 8) continue; // the large shape at d ≤ 6 and 8
          const x = clustered(sizes, d, rng);
          const { n } = x;
          const ranges: [number, number][] = [[0, n]];
          const bounds = silhouetteChunks(n);
          for (let k = 0; k + 1 < bounds.length; k++) ranges.push([bounds[k], bounds[k + 1]]);
          for (let r = 0; r < 4; r++) {
            const a = rng.int(n + 1);
            const b = rng.int(n + 1);
            ranges.push([Math.min(a, b), Math.max(a, b)]); // possibly empty
          }
          const m = sizes.length;
          for (const [from, to] of ranges) {
            const what = `d = ${d}, sizes ${sizes.join("/")}, rows [${from}, ${to})`;
            const zeros = new Float64Array(m * n);
            const sums = zeros.slice();
            assert.equal(kernel(x.data, n, x.codes, x.starts, from, to, sums), true, what);
            assertBitIdentical(sums, jsSums(x, d, from, to, zeros), what);
          }
          // Adding into sums that already hold values (as the chunks' total would).
          const initial = Float64Array.from({ length: m * n }, () => rng.next() * 100);
          const sums = initial.slice();
          kernel(x.data, n, x.codes, x.starts, 0, n, sums);
          assertBitIdentical(sums, jsSums(x, d, 0, n, initial), `d = ${d}, into given sums`);
        }
      }
    } finally {
      setWasmKernels(before);
    }
  });

  test("data and sums in SharedArrayBuffers (the worker path), through silhouetteDistanceSums", () => {
    const before = setWasmKernels(true);
    try {
      for (const d of [4, 6]) {
        const x = clustered([500, 333, 1, 666], d, createRng(d));
        const m = x.starts.length - 1;
        const data = new Float64Array(new SharedArrayBuffer(x.data.byteLength));
        data.set(x.data);
        const codes = new Int32Array(new SharedArrayBuffer(x.codes.byteLength));
        codes.set(x.codes);
        const bounds = silhouetteChunks(x.n);
        for (let k = 0; k + 1 < bounds.length; k++) {
          const sums = new Float64Array(new SharedArrayBuffer(m * x.n * 8));
          silhouetteDistanceSums(data, x.n, d, codes, x.starts, bounds[k], bounds[k + 1], sums);
          const zeros = new Float64Array(m * x.n);
          assertBitIdentical(sums, jsSums(x, d, bounds[k], bounds[k + 1], zeros), `chunk ${k}`);
        }
      }
    } finally {
      setWasmKernels(before);
    }
  });

  test("above 12 columns the JavaScript kernel runs (same sums either way)", () => {
    const before = setWasmKernels(true);
    try {
      for (const d of [13, 20]) {
        const x = clustered([1, 4, 7, 1, 13, 11], d, createRng(d));
        const zeros = new Float64Array(6 * x.n);
        const sums = silhouetteDistanceSums(x.data, x.n, d, x.codes, x.starts, 0, x.n);
        assertBitIdentical(sums, jsSums(x, d, 0, x.n, zeros), `d = ${d}`);
      }
    } finally {
      setWasmKernels(before);
    }
  });
});

describe("silhouette scores and values with wasm on and off", () => {
  interface MetricCase {
    name: string;
    rows: number;
    cols: number;
    data: number[];
    labels: number[];
  }
  const { cases } = loadFixture<{ cases: MetricCase[] }>("metrics");
  const both = <T>(f: () => T): [T, T] => {
    const before = setWasmKernels(true);
    try {
      const on = f();
      setWasmKernels(false);
      return [on, f()];
    } finally {
      setWasmKernels(before);
    }
  };

  test("identical on the scikit-learn fixtures and on blobs of 1…8 columns", () => {
    const inputs = cases.map((c) => ({
      name: c.name,
      matrix: createMatrix(Float64Array.from(c.data), c.rows, c.cols),
      labels: Int32Array.from(c.labels),
    }));
    for (const cols of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { matrix } = makeBlobs(1200 + 37 * cols, cols, { centers: 5, skew: 0.5, seed: cols });
      const labels = Int32Array.from({ length: matrix.rows }, (_, i) => (i * 7919) % 5);
      inputs.push({ name: `blobs ${cols} cols`, matrix, labels });
    }
    for (const { name, matrix, labels } of inputs) {
      const [valuesOn, valuesOff] = both(() => silhouetteValues(matrix, labels));
      assertBitIdentical(valuesOn, valuesOff, name);
      const [scoreOn, scoreOff] = both(() => silhouetteScore(matrix, labels));
      assert.ok(Object.is(scoreOn, scoreOff), `${name}: ${scoreOn} vs ${scoreOff}`);
    }
  });

  test("worker threads (wasm unless OLIST_WASM=0) give the JavaScript kernel's values", async () => {
    const { matrix } = makeBlobs(3000, 4, { centers: 5, skew: 0.5, seed: 11 });
    const labels = Int32Array.from({ length: 3000 }, (_, i) => (i * 7919) % 5);
    const before = setWasmKernels(false);
    try {
      const js = silhouetteValues(matrix, labels);
      assertBitIdentical(await silhouetteValuesParallel(matrix, labels, { workers: 2 }), js, "2");
    } finally {
      setWasmKernels(before);
    }
  });
});
