import assert from "node:assert/strict";
import { test } from "node:test";
import { mean, median, populationSd, quantileSorted } from "../../src/util/stats.js";
import { csvField } from "../../src/util/csv.js";

test("mean and population standard deviation, hand-computed; NaN when empty", () => {
  assert.equal(mean([1, 2, 6]), 3);
  assert.equal(mean(Float64Array.of(-1, 1)), 0);
  assert.ok(Number.isNaN(mean([])));
  assert.ok(Number.isNaN(mean([1, NaN])));
  // (1-3)², (3-3)², (5-3)² → 8/3
  assert.equal(populationSd([1, 3, 5]), Math.sqrt(8 / 3));
  assert.equal(populationSd([1, 3], 0), Math.sqrt(5));
  assert.equal(populationSd([7]), 0);
  assert.ok(Number.isNaN(populationSd([])));
});

test("type-7 quantiles agree with numpy.quantile on [1, 2, 3, 4, 10]", () => {
  const x = [1, 2, 3, 4, 10];
  // numpy.quantile(x, [0, .1, .25, .5, .9, 1]) = [1, 1.4, 2, 3, 7.6, 10]
  const expected = [1, 1.4, 2, 3, 7.6, 10];
  [0, 0.1, 0.25, 0.5, 0.9, 1].forEach((q, i) =>
    assert.ok(Math.abs(quantileSorted(x, q) - expected[i]) < 1e-12, `q = ${q}`),
  );
  assert.equal(quantileSorted([1, 2, 3, 4], 0.25), 1.75);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

test("median skips NaN, averages the two middle values and leaves its input alone", () => {
  const x = [5, NaN, 1, 3, 4];
  assert.equal(median(x), 3.5);
  assert.deepEqual(x, [5, NaN, 1, 3, 4]);
  assert.equal(median([9, 1, 5]), 5);
  assert.equal(median(Int32Array.of(2, 4)), 3);
  assert.ok(Number.isNaN(median([NaN])));
});

test("csvField quotes a comma, a quote or a line break, and only then", () => {
  assert.equal(csvField("a,b"), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField("two\nlines"), '"two\nlines"');
  assert.equal(csvField("cr\r"), '"cr\r"');
  assert.equal(csvField("plain text"), "plain text");
  assert.equal(csvField(""), "");
});
