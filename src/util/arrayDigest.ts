/** The digest of a typed array's bytes: what a result cache key records of a matrix or labels. */
import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of the bytes of `array` (its view only, not the whole buffer): equal values give
 * equal digests, and any changed value another one.
 *
 * @example
 * arrayDigest(new Float64Array([1, 2])) === arrayDigest(Float64Array.of(1, 2)); // true
 */
export function arrayDigest(array: Float64Array | Int32Array): string {
  return createHash("sha256")
    .update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
    .digest("hex");
}

/**
 * What a result cache key records of a matrix: its shape and {@link arrayDigest} of its values.
 *
 * @example
 * matrixDigest({ data: Float64Array.of(1, 2), rows: 1, cols: 2 }); // { rows: 1, cols: 2, digest: "…" }
 */
export function matrixDigest(matrix: { data: Float64Array; rows: number; cols: number }): {
  rows: number;
  cols: number;
  digest: string;
} {
  return { rows: matrix.rows, cols: matrix.cols, digest: arrayDigest(matrix.data) };
}
