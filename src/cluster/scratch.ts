/**
 * Reusable scratch arrays of the k-means kernels, one set per thread (each worker thread has its
 * own module instance). Why: a restart of k-means++ and Lloyd on 93,000 rows used to allocate
 * about 7 MB of zeroed typed arrays that it fills before reading; the allocation, page faults
 * and collection of those buffers cost a measurable share of a 17 ms restart. Only buffers whose
 * every element is written before it is read may be taken from here, and none may escape the
 * function that takes it (results are always fresh arrays).
 */

const float64Slots = new Map<string, Float64Array>();
const int32Slots = new Map<string, Int32Array>();

/**
 * A Float64Array of length `n` for the named slot: the same memory on every call with the same
 * slot on this thread (grown when `n` is larger than before), with arbitrary contents.
 *
 * @example
 * const closest = scratchFloat64("kmeans++:closest", n); // fill before reading
 */
export function scratchFloat64(slot: string, n: number): Float64Array {
  let buffer = float64Slots.get(slot);
  if (!buffer || buffer.length < n) {
    buffer = new Float64Array(n);
    float64Slots.set(slot, buffer);
  }
  return buffer.length === n ? buffer : buffer.subarray(0, n);
}

/**
 * An Int32Array of length `n` for the named slot (see {@link scratchFloat64}).
 *
 * @example
 * const previous = scratchInt32("lloyd:previous", n); // set before reading
 */
export function scratchInt32(slot: string, n: number): Int32Array {
  let buffer = int32Slots.get(slot);
  if (!buffer || buffer.length < n) {
    buffer = new Int32Array(n);
    int32Slots.set(slot, buffer);
  }
  return buffer.length === n ? buffer : buffer.subarray(0, n);
}
