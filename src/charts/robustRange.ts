/**
 * Axis limits that show the cloud, not its few farthest points: a stated share of the values lies
 * inside, the rest is drawn at the edge and counted. A couple of customers at PC1 −15 otherwise
 * squeeze 99.9 % of the others into a fifth of the chart.
 */

/** Options of `robustRange`. */
export interface RobustRangeOptions {
  /** Share of the values inside the limits before padding (split evenly between the tails); default 0.999. */
  coverage?: number;
  /** Padding on each side, as a share of the covered span; default 0.05. */
  pad?: number;
}

/** Limits of one axis and the values left outside them. */
export interface RobustRange {
  /** [low, high] axis limits. */
  range: [number, number];
  /** How many values lie below `range[0]` or above `range[1]`. */
  outside: number;
  /** The smallest and largest value of all. */
  extent: [number, number];
}

/**
 * Limits from the quantiles (1 − coverage)/2 and (1 + coverage)/2 of the finite values, widened by
 * `pad`; when every value fits within the padded limits, the limits are the padded full extent.
 * O(n log n) (one sorted copy).
 *
 * @example
 * robustRange([...Array(999).keys(), 1e6], { coverage: 0.99 }).outside; // 1
 */
export function robustRange(
  values: ArrayLike<number>,
  options: RobustRangeOptions = {},
): RobustRange {
  const { coverage = 0.999, pad = 0.05 } = options;
  if (!(coverage > 0 && coverage <= 1))
    throw new Error(`coverage must be in (0, 1], got ${coverage}`);
  if (!(pad >= 0)) throw new Error(`pad must be >= 0, got ${pad}`);
  const sorted = Float64Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort();
  if (sorted.length === 0) throw new Error("robustRange: no finite value");
  const n = sorted.length;
  const at = (p: number) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * (sorted[Math.ceil(h)] - sorted[lo]);
  };
  const tail = (1 - coverage) / 2;
  const qLo = at(tail);
  const qHi = at(1 - tail);
  const span = qHi - qLo || Math.abs(qHi) || 1;
  let low = Math.max(sorted[0], qLo - pad * span);
  let high = Math.min(sorted[n - 1], qHi + pad * span);
  // Nothing cut: pad the full extent like Plotly's autorange would.
  if (low === sorted[0]) low -= pad * span;
  if (high === sorted[n - 1]) high += pad * span;
  let outside = 0;
  for (let i = 0; i < n; i++) if (sorted[i] < low || sorted[i] > high) outside++;
  return { range: [low, high], outside, extent: [sorted[0], sorted[n - 1]] };
}
