/**
 * The shared descriptive statistics of the toolbox: mean, population standard deviation, type-7
 * quantiles (linear between order statistics, as numpy, DuckDB `quantile_cont` and
 * simple-statistics) and the median. One home, so that every chart, table and summary agrees.
 * Each sums in index order, so a result is the same on every path that calls it.
 */

/**
 * Mean of the values, summed in index order; NaN when there is none (NaN values propagate).
 *
 * @example
 * mean([1, 2, 6]); // 3
 */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total / values.length;
}

/**
 * Population standard deviation (divides by n) around `center` (default: the mean); NaN when empty.
 *
 * @example
 * populationSd([1, 3]); // 1
 */
export function populationSd(values: ArrayLike<number>, center = mean(values)): number {
  if (values.length === 0) return NaN;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - center) ** 2;
  return Math.sqrt(ss / values.length);
}

/**
 * The q-quantile of values sorted ascending, linear between order statistics (type 7); NaN when
 * empty.
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 * quantileSorted([1, 2, 3, 4], 0.25); // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Median of the values that are not NaN: the middle one, or the mean of the two middle ones
 * (`(a + b) / 2`); NaN when none. Does not modify `values`.
 *
 * @example
 * median([5, NaN, 1, 3, 4]); // 3.5
 */
export function median(values: ArrayLike<number>): number {
  const v = Float64Array.from(values)
    .filter((x) => !Number.isNaN(x))
    .sort();
  if (v.length === 0) return NaN;
  const mid = (v.length - 1) / 2;
  return (v[Math.floor(mid)] + v[Math.ceil(mid)]) / 2;
}
