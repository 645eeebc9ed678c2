import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Matrix } from "../../src/cluster/matrix.js";
import { matrixFromRows } from "../../src/cluster/matrix.js";
import {
  leafSurrogateCost,
  minMistakesCut,
  minSurrogateCut,
  presortColumns,
} from "../../src/rules/splitSearch.js";
import { createRng } from "../../src/util/random.js";

/** Random small data: n rows, d columns of integers 0..9 (many ties), k centres. */
function randomCase(seed: number, n: number, d: number, k: number) {
  const rng = createRng(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.int(10)));
  const centers = Array.from({ length: k }, () =>
    Array.from({ length: d }, () => rng.int(10) + 0.5 * rng.int(2)),
  );
  const labels = Int32Array.from({ length: n }, () => rng.int(k));
  return { matrix: matrixFromRows(rows), centers: matrixFromRows(centers), labels };
}

/** Candidate thresholds of a column: midpoints of consecutive distinct values (data and centres). */
function candidates(values: number[]): number[] {
  const sorted = Array.from(new Set(values)).sort((a, b) => a - b);
  return sorted.slice(1).map((v, i) => (v + sorted[i]) / 2);
}

const at = (m: Matrix, r: number, c: number) => m.data[r * m.cols + c];

describe("minMistakesCut (IMM criterion)", () => {
  // x = 0 1 2 3 10 11 12, the first three of centre 0 (at 1), the others of centre 1 (at 9).
  const matrix = matrixFromRows([[0], [1], [2], [3], [10], [11], [12]]);
  const labels = Int32Array.from([0, 0, 0, 1, 1, 1, 1]);
  const centers = matrixFromRows([[1], [9]]);
  const cutOf = (nodeOf: Int32Array, count: number) =>
    minMistakesCut(matrix, presortColumns(matrix), nodeOf, 0, count, labels, centers, [0, 1]);

  test("finds the cut of the fewest mistakes on a hand example", () => {
    // 2.5 separates nobody from its centre; 1.5 and 3.5 make one mistake each.
    assert.deepEqual(cutOf(new Int32Array(7), 7), { feature: 0, threshold: 2.5, mistakes: 0 });
  });

  test("equals a brute-force search over every feature and threshold", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { matrix, centers, labels } = randomCase(seed, 40, 3, 4);
      const valid = [0, 1, 2, 3];
      let best = Infinity;
      for (let f = 0; f < 3; f++) {
        const values: number[] = [];
        for (let r = 0; r < 40; r++) values.push(at(matrix, r, f));
        for (const c of valid) values.push(at(centers, c, f));
        for (const t of candidates(values)) {
          const left = valid.filter((c) => at(centers, c, f) < t).length;
          if (left === 0 || left === valid.length) continue;
          let mistakes = 0;
          for (let r = 0; r < 40; r++) {
            if (at(matrix, r, f) < t !== at(centers, labels[r], f) < t) mistakes++;
          }
          best = Math.min(best, mistakes);
        }
      }
      const cut = minMistakesCut(
        matrix,
        presortColumns(matrix),
        new Int32Array(40),
        0,
        40,
        labels,
        centers,
        valid,
      );
      assert.equal(cut?.mistakes, best, `seed ${seed}`);
      // The returned threshold really makes that many mistakes.
      let mistakes = 0;
      for (let r = 0; r < 40; r++) {
        const f = cut!.feature;
        if (at(matrix, r, f) < cut!.threshold !== at(centers, labels[r], f) < cut!.threshold)
          mistakes++;
      }
      assert.equal(mistakes, best);
    }
  });

  test("only looks at the rows of its node", () => {
    // Rows 2 and 3 belong to another node: between the row at 1 (also centre 0) and the next
    // value, centre 1 at 9, nobody is separated; the threshold is their midpoint.
    const cut = cutOf(Int32Array.from([0, 0, 5, 5, 0, 0, 0]), 5);
    assert.equal(cut?.mistakes, 0);
    assert.equal(cut?.threshold, 5);
  });
});

describe("minSurrogateCut (ExKMC criterion)", () => {
  test("equals a brute-force search of the two-sided surrogate cost", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { matrix, centers } = randomCase(seed, 30, 2, 3);
      const { rows: n, cols: d } = matrix;
      const k = centers.rows;
      const dist = (r: number, c: number) => {
        let s = 0;
        for (let j = 0; j < d; j++) s += (at(matrix, r, j) - at(centers, c, j)) ** 2;
        return s;
      };
      const sideCost = (rows: number[]) => {
        let best = Infinity;
        for (let c = 0; c < k; c++)
          best = Math.min(
            best,
            rows.reduce((a, r) => a + dist(r, c), 0),
          );
        return best;
      };
      let best = Infinity;
      for (let f = 0; f < d; f++) {
        const values = Array.from({ length: n }, (_, r) => at(matrix, r, f));
        for (const t of candidates(values)) {
          const left: number[] = [];
          const right: number[] = [];
          for (let r = 0; r < n; r++) (values[r] < t ? left : right).push(r);
          best = Math.min(best, sideCost(left) + sideCost(right));
        }
      }
      const dots = new Float64Array(n * k);
      const normSq = new Float64Array(k);
      let sumSq = 0;
      for (let r = 0; r < n; r++) {
        for (let j = 0; j < d; j++) sumSq += at(matrix, r, j) ** 2;
        for (let c = 0; c < k; c++) {
          for (let j = 0; j < d; j++) dots[r * k + c] += at(matrix, r, j) * at(centers, c, j);
        }
      }
      for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) normSq[c] += at(centers, c, j) ** 2;
      const cut = minSurrogateCut(
        matrix,
        presortColumns(matrix),
        new Int32Array(n),
        0,
        n,
        dots,
        normSq,
      );
      // The surrogate cost leaves out the constant Σ‖x‖².
      assert.ok(
        Math.abs(cut!.cost + sumSq - best) < 1e-9,
        `seed ${seed}: ${cut!.cost + sumSq} vs ${best}`,
      );
      const all = Int32Array.from({ length: n }, (_, r) => r);
      const whole = leafSurrogateCost(all, dots, normSq);
      assert.ok(Math.abs(whole.cost + sumSq - sideCost(Array.from(all))) < 1e-9);
    }
  });
});
