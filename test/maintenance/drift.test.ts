import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  centroidShift,
  migrationMatrix,
  populationStabilityIndex,
} from "../../src/maintenance/drift.js";

describe("populationStabilityIndex", () => {
  test("is 0 for identical distributions", () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    assert.equal(populationStabilityIndex(x, x), 0);
  });

  test("matches a hand computation with two bins", () => {
    const reference = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]; // edge at 5: shares 0.5 / 0.5
    const current = [0, 0, 0, 0, 0, 0, 0, 0, 5, 6]; // shares 0.8 / 0.2
    const expected = 0.3 * Math.log(0.8 / 0.5) + -0.3 * Math.log(0.2 / 0.5); // 0.415888…
    assert.ok(
      Math.abs(populationStabilityIndex(reference, current, { bins: 2 }) - expected) < 1e-12,
    );
  });

  test("merges tied quantiles into one bin and floors empty bins at epsilon", () => {
    const reference = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3]; // edges 1, 2, 3 → bins <1, [1,2), [2,3), ≥3
    const current = new Array(10).fill(1);
    const e = 1e-4;
    const expected = (1 - 0.8) * Math.log(1 / 0.8) + 2 * (e - 0.1) * Math.log(e / 0.1);
    assert.ok(Math.abs(populationStabilityIndex(reference, current) - expected) < 1e-12);
  });

  test("ignores NaN and returns NaN without data", () => {
    assert.equal(populationStabilityIndex([1, 2, NaN], [1, 2]), 0);
    assert.ok(Number.isNaN(populationStabilityIndex([], [1])));
  });
});

describe("centroidShift and migrationMatrix", () => {
  test("centroid shift is the distance from each centroid to its members' mean", () => {
    const matrix = { data: new Float64Array([0, 0, 2, 0, 10, 10, 10, 14]), rows: 4, cols: 2 };
    const centroids = { data: new Float64Array([0, 0, 10, 10, 5, 5]), rows: 3, cols: 2 };
    const shift = centroidShift(matrix, [0, 0, 1, 1], centroids);
    assert.equal(shift[0], 1); // members' mean (1, 0)
    assert.equal(shift[1], 2); // members' mean (10, 12)
    assert.ok(Number.isNaN(shift[2])); // empty segment
  });

  test("migration matrix counts customers by (from, to)", () => {
    assert.deepEqual(migrationMatrix([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], 2), [
      [1, 1],
      [1, 2],
    ]);
    assert.throws(() => migrationMatrix([0], [0, 1], 2), /from has 1 labels, to has 2/);
  });
});
