import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { arrayDigest, matrixDigest } from "../../src/util/arrayDigest.js";

test("arrayDigest: SHA-256 of the view's bytes, equal for equal values", () => {
  const a = Float64Array.of(1, 2, 3);
  assert.equal(arrayDigest(a), createHash("sha256").update(Buffer.from(a.buffer)).digest("hex"));
  assert.equal(arrayDigest(a), arrayDigest(new Float64Array([1, 2, 3])));
  assert.notEqual(arrayDigest(a), arrayDigest(Float64Array.of(1, 2, 3.0000001)));
  // A view digests its own values, not the rest of the buffer.
  const view = new Float64Array(Float64Array.of(9, 1, 2, 3).buffer, 8, 3);
  assert.equal(arrayDigest(view), arrayDigest(a));
  assert.notEqual(arrayDigest(Int32Array.of(1)), arrayDigest(Int32Array.of(2)));
});

test("matrixDigest: the shape and the digest of the values", () => {
  const data = Float64Array.of(1, 2, 3, 4, 5, 6);
  assert.deepEqual(matrixDigest({ data, rows: 2, cols: 3 }), {
    rows: 2,
    cols: 3,
    digest: arrayDigest(data),
  });
  // Same values in another shape: same digest, different key.
  assert.notDeepEqual(
    matrixDigest({ data, rows: 3, cols: 2 }),
    matrixDigest({ data, rows: 2, cols: 3 }),
  );
});
