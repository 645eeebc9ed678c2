import { test } from "node:test";
import assert from "node:assert/strict";
import { createRng } from "../../src/util/random.js";
import {
  cumulative,
  haversineKm,
  hexId,
  permutation,
  pickCumulative,
  quantileAt,
  uniqueHexIds,
} from "../../src/twin/sample.js";

test("quantileAt interpolates linearly between table points", () => {
  assert.equal(quantileAt([0, 0.5, 1], [0, 10, 100], 0.25), 5);
  assert.equal(quantileAt([0, 0.5, 1], [0, 10, 100], 0.75), 55);
  assert.equal(quantileAt([0, 0.5, 1], [0, 10, 100], 1), 100);
});

test("pickCumulative draws in proportion to the weights and respects a sub-range", () => {
  const cum = cumulative([1, 3, 0, 6]);
  assert.deepEqual(Array.from(cum), [1, 4, 4, 10]);
  const rng = createRng(7);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 20_000; i++) counts[pickCumulative(cum, rng)]++;
  assert.equal(counts[2], 0);
  assert.ok(Math.abs(counts[3] / 20_000 - 0.6) < 0.02, `share of index 3: ${counts[3] / 20_000}`);
  for (let i = 0; i < 100; i++) assert.equal(pickCumulative(cum, rng, 1, 2), 1);
  assert.throws(() => cumulative([0, 0]), /sum to zero/);
  assert.throws(() => cumulative([1, -1]), /must be >= 0/);
});

test("hex ids are 32 lower-case hex characters, distinct and seeded", () => {
  const id = hexId(createRng(1));
  assert.match(id, /^[0-9a-f]{32}$/);
  assert.equal(hexId(createRng(1)), id);
  const ids = uniqueHexIds(5000, createRng(2));
  assert.equal(new Set(ids).size, 5000);
});

test("permutation holds every index once", () => {
  const p = permutation(1000, createRng(3));
  assert.deepEqual(
    Array.from(p).sort((a, b) => a - b),
    Array.from({ length: 1000 }, (_, i) => i),
  );
});

test("haversineKm: São Paulo – Rio de Janeiro is about 360 km", () => {
  const d = haversineKm(-23.55, -46.63, -22.91, -43.2);
  assert.ok(d > 350 && d < 365, `got ${d}`);
  assert.equal(haversineKm(1, 2, 1, 2), 0);
});
