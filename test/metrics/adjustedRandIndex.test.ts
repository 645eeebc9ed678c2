import { test } from "node:test";
import assert from "node:assert/strict";
import { adjustedRandIndex } from "../../src/metrics/index.js";
import { createRng } from "../../src/util/random.js";
import { assertClose, loadFixture } from "../fixtures/sklearn/load.js";

const { pairs } = loadFixture<{ pairs: { name: string; a: number[]; b: number[]; ari: number }[] }>(
  "ari",
);

for (const p of pairs) {
  test(`adjustedRandIndex matches scikit-learn: ${p.name}`, () => {
    assertClose(adjustedRandIndex(p.a, p.b), p.ari, 1e-9);
    assertClose(adjustedRandIndex(p.b, p.a), p.ari, 1e-9, "symmetry");
  });
}

test("adjustedRandIndex is exact for large n (no overflow) and 1 under relabelling", () => {
  const rng = createRng(5);
  const n = 200_000;
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.int(7);
  const b = a.map((v) => (v * 3 + 1) % 7);
  assert.equal(adjustedRandIndex(a, b), 1);
  const c = a.slice();
  for (let i = 0; i < n; i += 10) c[i] = rng.int(7);
  const ari = adjustedRandIndex(a, c);
  assert.ok(ari > 0.7 && ari < 0.95, `ARI ${ari}`);
  assert.throws(
    () => adjustedRandIndex([0, 1], [0]),
    /labelsTrue has 2 entries but labelsPred has 1/,
  );
});
