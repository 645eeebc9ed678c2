import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createMatrix, matrixFromRows } from "../../src/cluster/matrix.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import {
  silhouetteScore,
  silhouetteScoreParallel,
  silhouetteValues,
  silhouetteValuesParallel,
} from "../../src/metrics/index.js";
import { silhouetteChunks, silhouetteDistanceSums } from "../../src/metrics/silhouetteKernel.js";
import { createRng } from "../../src/util/random.js";
import { assertClose, loadFixture } from "../fixtures/sklearn/load.js";

interface MetricCase {
  name: string;
  rows: number;
  cols: number;
  data: number[];
  labels: number[];
  silhouette_exact: number;
  silhouette_samples_exact: number[];
}
const { cases } = loadFixture<{ cases: MetricCase[] }>("metrics");
const fixture = (c: MetricCase) => ({
  m: createMatrix(Float64Array.from(c.data), c.rows, c.cols),
  labels: Int32Array.from(c.labels),
});

describe("silhouetteChunks: a fixed partition balanced by pairs", () => {
  test("depends on n only: min(16, ⌊n/8⌋) increasing chunks from 0 to n", () => {
    for (const [n, count] of [
      [2, 1],
      [7, 1],
      [20, 2],
      [60, 7],
      [128, 16],
      [200, 16],
      [93_000, 16],
    ]) {
      const b = silhouetteChunks(n);
      assert.equal(b.length - 1, count, `n = ${n}`);
      assert.equal(b[0], 0);
      assert.equal(b.at(-1), n);
      for (let k = 1; k < b.length; k++) assert.ok(b[k] > b[k - 1], `n = ${n}, bound ${k}`);
      assert.deepEqual(silhouetteChunks(n), b);
    }
  });

  test("each chunk holds about total / chunks pairs (row i has n − i − 1)", () => {
    for (const n of [200, 5000, 93_000]) {
      const b = silhouetteChunks(n);
      const pairs = (from: number, to: number) => {
        let p = 0;
        for (let i = from; i < to; i++) p += n - i - 1;
        return p;
      };
      const share = (n * (n - 1)) / 2 / (b.length - 1);
      for (let k = 0; k + 1 < b.length; k++) {
        // One row more or less moves a chunk by at most n − 1 pairs.
        assert.ok(Math.abs(pairs(b[k], b[k + 1]) - share) <= n, `n = ${n}, chunk ${k}`);
      }
    }
  });
});

test("silhouetteDistanceSums adds into a given array (the workers' shared one) of the right size", () => {
  // Clusters {0, 1} and {4} on a line, in cluster order.
  const data = Float64Array.of(0, 1, 4);
  const codes = Int32Array.of(0, 0, 1);
  const starts = Int32Array.of(0, 2, 3);
  const sums = new Float64Array(new SharedArrayBuffer(6 * 8));
  assert.equal(silhouetteDistanceSums(data, 3, 1, codes, starts, 0, 3, sums), sums);
  // sums[c * n + p]: to cluster 0 from rows 0, 1, 4; to cluster 1 from the same rows.
  assert.deepEqual(Array.from(sums), [1, 1, 7, 4, 3, 0]);
  assert.throws(
    () => silhouetteDistanceSums(data, 3, 1, codes, starts, 0, 3, new Float64Array(5)),
    /sums has 5 values, expected 6/,
  );
});

describe("silhouette on worker threads", () => {
  test("parallel = sync = scikit-learn on every fixture (2 workers and inline)", async () => {
    for (const c of cases) {
      const { m, labels } = fixture(c);
      const sync = silhouetteValues(m, labels);
      for (const workers of [0, 2]) {
        const values = await silhouetteValuesParallel(m, labels, { workers });
        assert.deepStrictEqual(values, sync, `${c.name}, ${workers} workers`);
        c.silhouette_samples_exact.forEach((v, i) =>
          assertClose(values[i], v, 1e-9, `${c.name} sample ${i}`),
        );
      }
      // The score is the mean of these values (one more start of the workers per case would only
      // slow the test; the next test compares scores across worker counts).
      const score = await silhouetteScoreParallel(m, labels, { workers: 0 });
      assert.equal(score, silhouetteScore(m, labels), c.name);
      assertClose(score, c.silhouette_exact, 1e-9, c.name);
    }
  });

  test("values and score are bit-identical for 0, 1, 2, 3 workers and the sync functions", async () => {
    // 3,000 rows: 16 chunks, so 3 workers get uneven shares and chunks come back out of order.
    const { matrix } = makeBlobs(3000, 4, { centers: 5, skew: 0.5, seed: 11 });
    const labels = Int32Array.from({ length: 3000 }, (_, i) => (i * 7919) % 5); // overlapping
    const sync = silhouetteValues(matrix, labels);
    const score = silhouetteScore(matrix, labels);
    for (const workers of [0, 1, 2, 3]) {
      assert.deepStrictEqual(await silhouetteValuesParallel(matrix, labels, { workers }), sync);
      assert.ok((await silhouetteScoreParallel(matrix, labels, { workers })) === score);
    }
    // Default workers (one per core) too.
    assert.ok((await silhouetteScoreParallel(matrix, labels)) === score);
  });

  test("more workers than chunks is fine (only as many threads as chunks start)", async () => {
    const { matrix, labels } = makeBlobs(20, 3, { centers: 3, seed: 2 }); // 2 chunks
    const sync = silhouetteValues(matrix, labels);
    assert.deepStrictEqual(await silhouetteValuesParallel(matrix, labels, { workers: 5 }), sync);
  });

  test("singleton clusters and duplicates keep their conventions (0)", async () => {
    const single = cases.find((c) => c.name === "singleton cluster") as MetricCase;
    const { m, labels } = fixture(single);
    const values = await silhouetteValuesParallel(m, labels, { workers: 2 });
    assert.equal(values[single.rows - 1], 0);
    const coincident = matrixFromRows([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [5, 5],
      [5, 6],
    ]);
    for (const workers of [0, 2]) {
      const v = await silhouetteValuesParallel(coincident, Int32Array.of(0, 0, 1, 1, 2, 2), {
        workers,
      });
      assert.deepEqual(Array.from(v.subarray(0, 4)), [0, 0, 0, 0]);
    }
  });

  test("bad input rejects with the sync functions' messages; bad workers are rejected", async () => {
    const m = matrixFromRows([[0], [1], [2], [3]]);
    for (const workers of [0, 2]) {
      for (const labels of [Int32Array.of(0, 0, 0, 0), Int32Array.of(0, 1, 2, 3)]) {
        await assert.rejects(
          silhouetteScoreParallel(m, labels, { workers }),
          /number of labels is \d; valid values are 2 to n_samples - 1 = 3/,
        );
      }
      await assert.rejects(
        silhouetteValuesParallel(m, Int32Array.of(0, 1), { workers }),
        /labels has 2 entries but the data has 4 rows/,
      );
      const withNaN = { data: Float64Array.of(0, NaN, 2, 3), rows: 4, cols: 1 };
      await assert.rejects(
        silhouetteScoreParallel(withNaN, Int32Array.of(0, 0, 1, 1), { workers }),
        /non-finite value NaN at row 1, column 0/,
      );
    }
    for (const workers of [-1, 1.5, NaN]) {
      await assert.rejects(
        silhouetteScoreParallel(m, Int32Array.of(0, 0, 1, 1), { workers }),
        /workers must be an integer ≥ 0/,
      );
    }
  });

  test("a script using the workers exits by itself once the promise resolves", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const script = `
      import { makeBlobs } from "./test/helpers/makeBlobs.ts";
      import { silhouetteScoreParallel } from "./src/metrics/index.ts";
      const { matrix, labels } = makeBlobs(500, 2, { centers: 3, seed: 1 });
      const score = await silhouetteScoreParallel(matrix, labels, { workers: 2 });
      process.stdout.write(String(score));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: root, encoding: "utf8", timeout: 60_000 },
    );
    const { matrix, labels } = makeBlobs(500, 2, { centers: 3, seed: 1 });
    assert.equal(Number(stdout), silhouetteScore(matrix, labels));
  });
});

test("the register-blocked pair kernel equals a plain pair loop, for any chunk and cluster sizes", () => {
  const rng = createRng(3);
  for (const d of [1, 6, 13]) {
    // Clusters of 1, 2, 3, 5, 7 and 11 rows (blocks of 4 with every remainder), in cluster order.
    const sizes = [1, 2, 3, 5, 7, 11];
    const n = sizes.reduce((a, b) => a + b, 0);
    const starts = Int32Array.from([
      0,
      ...sizes.map((_, c) => sizes.slice(0, c + 1).reduce((a, b) => a + b)),
    ]);
    const codes = new Int32Array(n);
    sizes.forEach((_, c) => codes.fill(c, starts[c], starts[c + 1]));
    const data = Float64Array.from({ length: n * d }, () => rng.normal() * 10);
    const plain = new Float64Array(sizes.length * n);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += (data[i * d + t] - data[j * d + t]) ** 2;
        plain[codes[j] * n + i] += Math.sqrt(s);
        plain[codes[i] * n + j] += Math.sqrt(s);
      }
    for (const cuts of [
      [0, n],
      [0, 5, 6, 13, n],
      [0, 1, 2, 3, 4, 17, 20, n],
    ]) {
      const sums = new Float64Array(sizes.length * n);
      for (let k = 0; k + 1 < cuts.length; k++)
        silhouetteDistanceSums(data, n, d, codes, starts, cuts[k], cuts[k + 1], sums);
      plain.forEach((v, x) => assertClose(sums[x], v, 1e-12, `d=${d} cuts ${cuts} sum ${x}`));
    }
  }
});
