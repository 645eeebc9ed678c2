/**
 * Reusable scratch arrays of the k-means kernels, one set per thread (each worker thread has its
 * own module instance). Why: a restart of k-means++ and Lloyd on 93,000 rows used to allocate
 * about 7 MB of zeroed typed arrays that it fills before reading; the allocation, page faults
 * and collection of those buffers cost a measurable share of a 17 ms restart. Only buffers whose
 * every element is written before it is read may be taken from here, and none may escape the
 * function that takes it (results are always fresh arrays).
 */

type TypedArray = Float64Array | Int32Array;
const slots = new Map<string, TypedArray>();

/** The slot's buffer when it is of this type and long enough, else a new one (kept for next time). */
function scratch<T extends TypedArray>(slot: string, n: number, type: { new (n: number): T }): T {
  const key = `${type.name}:${slot}`; // each type has its own slots
  let buffer = slots.get(key);
  if (!(buffer instanceof type) || buffer.length < n) {
    buffer = new type(n);
    slots.set(key, buffer);
  }
  const typed = buffer as T;
  return (typed.length === n ? typed : typed.subarray(0, n)) as T;
}

/**
 * A Float64Array of length `n` for the named slot: the same memory on every call with the same
 * slot on this thread (grown when `n` is larger than before), with arbitrary contents.
 *
 * @example
 * const closest = scratchFloat64("kmeans++:closest", n); // fill before reading
 */
export function scratchFloat64(slot: string, n: number): Float64Array {
  return scratch(slot, n, Float64Array);
}

/**
 * An Int32Array of length `n` for the named slot (see {@link scratchFloat64}).
 *
 * @example
 * const previous = scratchInt32("lloyd:previous", n); // set before reading
 */
export function scratchInt32(slot: string, n: number): Int32Array {
  return scratch(slot, n, Int32Array);
}
