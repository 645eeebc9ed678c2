import assert from "node:assert/strict";
import { test } from "node:test";
import { quantileOfFinite } from "../../src/util/select.js";
import { quantileSorted } from "../../src/util/stats.js";
import { createRng } from "../../src/util/random.js";

/** The reference: a full sort of the NaN-free values. */
function bySort(values: Float64Array, q: number): number {
  return quantileSorted(values.filter((x) => !Number.isNaN(x)).sort(), q);
}

test("the example, and NaN when no value is finite", () => {
  assert.deepEqual(quantileOfFinite(Float64Array.of(5, NaN, 1, 3, 4), 0.5), {
    value: 3.5,
    finite: 4,
  });
  assert.deepEqual(quantileOfFinite(Float64Array.of(NaN, NaN), 0.5), { value: NaN, finite: 0 });
  assert.deepEqual(quantileOfFinite(new Float64Array(0), 0.5), { value: NaN, finite: 0 });
});

test("bit-identical to the sorted quantile on random, tied, zero-signed and sorted columns", () => {
  const rng = createRng(3);
  const columns: Float64Array[] = [];
  for (const n of [1, 2, 3, 10, 101, 1000, 20_000]) {
    columns.push(Float64Array.from({ length: n }, () => rng.next() * 100 - 50));
    // Few distinct values (as frequency or a review score), some NaN.
    columns.push(
      Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? NaN : Math.floor(rng.next() * 3))),
    );
    // Signed zeros among negatives and positives.
    columns.push(
      Float64Array.from({ length: n }, () => [-0, 0, -1, 1, 0, -0][Math.floor(rng.next() * 6)]),
    );
    columns.push(Float64Array.from({ length: n }, (_, i) => i)); // sorted
    columns.push(Float64Array.from({ length: n }, (_, i) => n - i)); // reversed
    columns.push(new Float64Array(n).fill(-0));
  }
  let zeros = 0;
  for (const column of columns) {
    const copy = Float64Array.from(column);
    for (const q of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
      const { value, finite } = quantileOfFinite(column, q);
      const expected = bySort(column, q);
      assert.ok(Object.is(value, expected), `q ${q} of ${column.length}: ${value} vs ${expected}`);
      assert.equal(finite, column.filter((x) => !Number.isNaN(x)).length);
      if (expected === 0) zeros++;
    }
    assert.deepEqual(column, copy); // not modified
  }
  assert.ok(zeros > 20, `${zeros} zero quantiles checked`);
  // A −0 middle value gives +0, as the sorted formula does (−0 + 0 × f).
  assert.ok(Object.is(quantileOfFinite(Float64Array.of(-0, 1, -0), 0.5).value, 0));
  assert.ok(Object.is(bySort(Float64Array.of(-0, 1, -0), 0.5), 0));
});
