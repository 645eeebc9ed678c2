/**
 * Smallest and largest value of a collection of any size, in one loop.
 *
 * Why not `Math.max(...values)`: a spread passes every element as a call argument, on the stack,
 * and V8 throws "Maximum call stack size exceeded" from ~10⁵ elements (issue 14: a spread of
 * 960,960 labels crashed `npm run segment` at 10× Olist). ESLint forbids spreads in calls
 * (`eslint.config.js`); these helpers are the replacement. Same results as `Math.min`/`Math.max`
 * on the same values: NaN if any value is NaN, ±Infinity for an empty collection.
 */

/** A collection of numbers read once, in order: arrays, typed arrays, `Map.values()`, generators. */
export type Numbers = ArrayLike<number> | Iterable<number>;

/** The extremum in one pass, two values at a time through `Math.max`/`Math.min` (NaN, −0 alike). */
function extremum(values: Numbers, largest: boolean): number {
  const pick = largest ? Math.max : Math.min;
  let best = largest ? -Infinity : Infinity;
  if (typeof (values as ArrayLike<number>).length === "number") {
    const a = values as ArrayLike<number>;
    for (let i = 0; i < a.length && !Number.isNaN(best); i++) best = pick(best, a[i]);
  } else {
    for (const v of values as Iterable<number>) {
      best = pick(best, v);
      if (Number.isNaN(best)) break;
    }
  }
  return best;
}

/**
 * Largest value, as `Math.max(...values)` would return without the stack limit.
 *
 * @example
 * maxOf(Int32Array.of(3, 9, 2)); // 9
 * maxOf([]); // -Infinity
 */
export function maxOf(values: Numbers): number {
  return extremum(values, true);
}

/**
 * Smallest value, as `Math.min(...values)` would return without the stack limit.
 *
 * @example
 * minOf(new Map([["a", 4], ["b", 1]]).values()); // 1
 * minOf([]); // Infinity
 */
export function minOf(values: Numbers): number {
  return extremum(values, false);
}
