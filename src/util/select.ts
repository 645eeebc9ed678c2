/**
 * Quantiles by selection instead of a full sort: the order statistics a type-7 quantile reads are
 * found in linear expected time (quickselect, a sort as the fallback of a bad run), and the value
 * is bit-identical to `quantileSorted` on the NaN-free values sorted ascending (the sign of a zero
 * order statistic cannot show: `low + (high − low) × f` is +0 for low = ±0 and high − low = 0). The feature transform's median fill reads it (a full sort of each
 * training column was ~8 % of a maintenance refit).
 */

/**
 * Reorders `a` so that `a[k]` is the value a numeric ascending sort puts there, everything before
 * it ≤ and everything after it ≥ (signed zeros compare equal here).
 */
function selectInPlace(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  let rounds = 0;
  const limit = 2 * Math.ceil(Math.log2(a.length + 1)) + 8;
  while (hi > lo) {
    if (++rounds > limit) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi] and every value strictly between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The q-quantile (type 7) of the values that are not NaN, with how many there are: exactly
 * `quantileSorted(values.filter((x) => !Number.isNaN(x)).sort(), q)` (NaN when none), found by
 * selection. Does not modify `values`.
 *
 * @example
 * quantileOfFinite(Float64Array.of(5, NaN, 1, 3, 4), 0.5); // { value: 3.5, finite: 4 }
 */
export function quantileOfFinite(
  values: Float64Array,
  q: number,
): { value: number; finite: number } {
  // A loop, not `values.filter`: TypedArray filter with a callback is ~9× slower in V8.
  const all = new Float64Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isNaN(x)) all[m++] = x;
  }
  if (m === 0) return { value: NaN, finite: 0 };
  const a = m === all.length ? all : all.subarray(0, m);
  const pos = (m - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  selectInPlace(a, lo);
  const low = a[lo];
  let high = low;
  if (hi !== lo) {
    high = Infinity;
    for (let i = lo + 1; i < m; i++) if (a[i] < high) high = a[i];
  }
  return { value: low + (high - low) * (pos - lo), finite: m };
}
