/**
 * Correlation matrices of feature columns (Pearson or Spearman) for `correlationHeatmap`, with
 * missing values (NaN) left out pair by pair.
 */
import type { NumericArray } from "../charts/figure.js";

/** Correlation method: linear (Pearson) or rank (Spearman, robust to the skew of money columns). */
export type CorrelationMethod = "pearson" | "spearman";

/**
 * Average ranks (1-based; ties share the mean of their ranks) of the finite values; NaN and
 * ±Infinity stay NaN.
 *
 * @example
 * averageRanks([10, 20, 20, NaN]); // Float64Array [1, 2.5, 2.5, NaN]
 */
export function averageRanks(values: NumericArray): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) idx.push(i);
  idx.sort((a, b) => values[a] - values[b]);
  let start = 0;
  while (start < idx.length) {
    let end = start + 1;
    while (end < idx.length && values[idx[end]] === values[idx[start]]) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k++) out[idx[k]] = rank;
    start = end;
  }
  return out;
}

/** Pearson correlation over the rows where both values are finite; NaN with < 2 rows or no variance. */
function pearson(x: NumericArray, y: NumericArray): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      n++;
      sx += x[i];
      sy += y[i];
    }
  }
  if (n < 2) return NaN;
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      const dx = x[i] - mx;
      const dy = y[i] - my;
      cxy += dx * dy;
      cxx += dx * dx;
      cyy += dy * dy;
    }
  }
  if (cxx === 0 || cyy === 0) return NaN;
  return Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
}

/**
 * Symmetric correlation matrix of equally long columns. Each pair uses the rows where both columns
 * are finite. Spearman ranks each column once over its own finite values (not re-ranked per
 * pair, which only matters for columns with missing values). A constant column gives NaN, which
 * `correlationHeatmap` leaves blank.
 *
 * @example
 * correlationMatrix([table.numeric.recency_days, table.numeric.monetary], "spearman");
 */
export function correlationMatrix(
  columns: readonly NumericArray[],
  method: CorrelationMethod = "pearson",
): number[][] {
  if (method !== "pearson" && method !== "spearman") {
    throw new Error(`method must be "pearson" or "spearman", got "${String(method)}"`);
  }
  if (columns.length === 0) throw new Error("columns must not be empty");
  const n = columns[0].length;
  columns.forEach((c, j) => {
    if (c.length !== n) {
      throw new Error(`columns[${j}] has ${c.length} values, columns[0] has ${n}`);
    }
  });
  const cols = method === "spearman" ? columns.map(averageRanks) : columns;
  const k = cols.length;
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      // The diagonal is exactly 1, or NaN for a constant column.
      const r =
        a === b ? (Number.isNaN(pearson(cols[a], cols[a])) ? NaN : 1) : pearson(cols[a], cols[b]);
      m[a][b] = r;
      m[b][a] = r;
    }
  }
  return m;
}
