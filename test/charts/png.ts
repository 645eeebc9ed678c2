/** Reads the PNG signature and IHDR size, to check rendered images for real. */
import assert from "node:assert/strict";

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Asserts `bytes` is a PNG and returns its IHDR width and height. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, "not a PNG signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assert.equal(String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]), "IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
