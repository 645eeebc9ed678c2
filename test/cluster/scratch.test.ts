import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { scratchFloat64, scratchInt32 } from "../../src/cluster/scratch.js";
import { kmeans } from "../../src/cluster/kmeans.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

describe("scratch buffers of the k-means kernels", () => {
  test("the same memory for a slot, a view of the requested length, grown when larger", () => {
    const a = scratchFloat64("test:a", 10);
    a[3] = 7;
    const b = scratchFloat64("test:a", 4);
    assert.equal(b.length, 4);
    assert.equal(b.buffer, a.buffer);
    assert.equal(b[3], 7); // contents are whatever the last user left
    const c = scratchFloat64("test:a", 20);
    assert.equal(c.length, 20);
    assert.notEqual(c.buffer, a.buffer);
    assert.notEqual(scratchFloat64("test:other", 10).buffer, c.buffer);
    const i = scratchInt32("test:a", 5);
    assert.ok(i instanceof Int32Array);
    assert.equal(i.length, 5);
  });

  test("k-means gives the same result after the buffers held another run's values", () => {
    const small = makeBlobs(3_000, 4, { centers: 5, seed: 1 }).matrix;
    const large = makeBlobs(9_000, 4, { centers: 3, seed: 2 }).matrix;
    const first = kmeans(small, 5, { nInit: 3, seed: 7 });
    kmeans(large, 8, { nInit: 2, seed: 3 }); // grows and dirties every slot
    kmeans(small, 2, { nInit: 2, seed: 4 }); // smaller k: stale values beyond what it writes
    const again = kmeans(small, 5, { nInit: 3, seed: 7 });
    assert.deepStrictEqual(again, first);
    assert.ok(first.inertia > 0);
  });
});
