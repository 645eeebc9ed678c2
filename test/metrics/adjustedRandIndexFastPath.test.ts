/**
 * adjustedRandIndex codes small non-negative integer labels directly (fast path) and other labels
 * through encodeLabels; both must give exactly the same value. Shifting labels by a constant changes
 * nothing to the partition but forces the general path.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { adjustedRandIndex } from "../../src/metrics/adjustedRandIndex.js";
import { createRng } from "../../src/util/random.js";

const general = (labels: Int32Array) => labels.map((x) => x - 5_000);

describe("adjustedRandIndex fast path for segment labels", () => {
  test("equals the general path exactly on random and related labelings", () => {
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
      assert.equal(
        adjustedRandIndex(a, b),
        adjustedRandIndex(general(a), general(b)),
        `n=${n} ka=${ka} kb=${kb}`,
      );
      assert.equal(adjustedRandIndex(b, a), adjustedRandIndex(general(b), general(a)));
    }
    assert.equal(adjustedRandIndex(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0)), 1);
    const partial = adjustedRandIndex(
      Int32Array.of(0, 0, 1, 1, 2, 2),
      Int32Array.of(0, 0, 1, 2, 2, 2),
    );
    assert.equal(partial, 0.4444444444444444); // sklearn adjusted_rand_score
  });

  test("labels with gaps, negative labels and length mismatches", () => {
    const a = Int32Array.of(0, 0, 7, 7, 3);
    const b = Int32Array.of(2, 2, 2, 9, 9);
    assert.equal(adjustedRandIndex(a, b), adjustedRandIndex(general(a), general(b)));
    const noisy = Int32Array.of(-1, -1, 0, 0, 1);
    assert.equal(adjustedRandIndex(noisy, b), adjustedRandIndex(general(noisy), general(b)));
    assert.throws(
      () => adjustedRandIndex([0, 1], [0]),
      /labelsTrue has 2 entries but labelsPred has 1/,
    );
  });
});
