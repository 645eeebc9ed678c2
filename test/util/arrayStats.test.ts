import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { maxOf, minOf } from "../../src/util/arrayStats.js";

describe("minOf / maxOf", () => {
  test("the same results as Math.min / Math.max, for every kind of collection", () => {
    // [values, min, max], hand-computed; ±0 as Math.min(0, -0) = -0 and Math.max(0, -0) = 0.
    const cases: [number[], number, number][] = [
      [[3, 9, 2], 2, 9],
      [[-1], -1, -1],
      [[0, -0], -0, 0],
      [[-0, 0], -0, 0],
      [[5, 5, 5], 5, 5],
      [[-Infinity, 1], -Infinity, 1],
      [[2, Infinity], 2, Infinity],
    ];
    for (const [values, min, max] of cases) {
      for (const collection of [values, Float64Array.from(values)]) {
        assert.equal(minOf(collection), min, `min of ${values}`);
        assert.equal(maxOf(collection), max, `max of ${values}`);
      }
      assert.equal(minOf(values[Symbol.iterator]()), min, `min of an iterator over ${values}`);
      assert.equal(maxOf(values.values()), max, `max of an iterator over ${values}`);
    }
  });

  test("empty collections give -Infinity and Infinity, as Math.max() and Math.min()", () => {
    assert.equal(maxOf([]), -Infinity);
    assert.equal(minOf(new Int32Array(0)), Infinity);
  });

  test("a NaN anywhere gives NaN, as Math.max and Math.min", () => {
    assert.ok(Number.isNaN(maxOf([1, NaN, 3])));
    assert.ok(Number.isNaN(minOf([NaN, 1])));
    const map = new Map([
      ["a", 2],
      ["b", NaN],
    ]);
    assert.ok(Number.isNaN(maxOf(map.values())));
  });

  test("a million values (a spread of this size throws RangeError in V8)", () => {
    const labels = new Int32Array(1_000_000);
    for (let i = 0; i < labels.length; i++) labels[i] = (i * 7919) % 1_000_003;
    labels[123_456] = -5;
    labels[654_321] = 2_000_000;
    assert.equal(maxOf(labels), 2_000_000);
    assert.equal(minOf(labels), -5);
  });
});
