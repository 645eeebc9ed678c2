/**
 * Typed arrays in shared memory (`SharedArrayBuffer`), which worker threads read and write in
 * place: what the worker pool's payloads and results use for big arrays (see `workerPool.ts`).
 */

/**
 * The values of `array` in shared memory (the same array if it already is), for payloads that
 * every thread reads without a copy.
 *
 * @example
 * const data = shareFloat64(matrix.data);
 */
export function shareFloat64(array: Float64Array): Float64Array {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const out = new Float64Array(new SharedArrayBuffer(array.length * 8));
  out.set(array);
  return out;
}

/** `shareFloat64` for `Int32Array`s (labels, codes). */
export function shareInt32(array: Int32Array): Int32Array {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const out = new Int32Array(new SharedArrayBuffer(array.length * 4));
  out.set(array);
  return out;
}

/** A zeroed `Float64Array` of `length` values in shared memory (for a task's result). */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

/** A zeroed `Int32Array` of `length` values in shared memory (for a task's result). */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * 4));
}
