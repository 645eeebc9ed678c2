import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { segmentAri } from "../../src/maintenance/ari.js";
import { adjustedRandIndex } from "../../src/metrics/adjustedRandIndex.js";
import { createRng } from "../../src/util/random.js";

describe("segmentAri", () => {
  test("equals adjustedRandIndex exactly on random and related labelings", () => {
    const rng = createRng(3);
    for (const [n, ka, kb] of [
      [10, 2, 3],
      [1000, 5, 5],
      [5000, 5, 4],
      [20, 1, 1],
    ]) {
      const a = Int32Array.from({ length: n }, () => rng.int(ka));
      // b copies a with 30 % of labels redrawn: an ARI strictly between 0 and 1 when k > 1.
      const b = a.map((x) => (rng.next() < 0.3 ? rng.int(kb) : Math.min(x, kb - 1)));
      assert.equal(segmentAri(a, b), adjustedRandIndex(a, b), `n=${n} ka=${ka} kb=${kb}`);
      assert.equal(segmentAri(b, a), adjustedRandIndex(b, a));
    }
    assert.equal(segmentAri(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0)), 1);
    const partial = segmentAri(Int32Array.of(0, 0, 1, 1, 2, 2), Int32Array.of(0, 0, 1, 2, 2, 2));
    assert.equal(partial, 0.4444444444444444); // sklearn adjusted_rand_score
  });

  test("labels with gaps, negative labels and length mismatches behave as adjustedRandIndex", () => {
    const a = Int32Array.of(0, 0, 7, 7, 3);
    const b = Int32Array.of(2, 2, 2, 9, 9);
    assert.equal(segmentAri(a, b), adjustedRandIndex(a, b));
    const noisy = Int32Array.of(-1, -1, 0, 0, 1);
    assert.equal(segmentAri(noisy, b), adjustedRandIndex(noisy, b));
    assert.throws(() => segmentAri([0, 1], [0]), /labelsTrue has 2 entries but labelsPred has 1/);
  });
});
