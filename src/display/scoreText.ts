/**
 * How scores are written wherever they are shown (notebook tables, takeaways, metrics files):
 * a silhouette always says whether it is exact or sampled (with the sample size and its 95 %
 * interval), a score near 1 or near a decision threshold gets the decimal that keeps it honest,
 * and a stability that was not measured says why instead of printing NaN.
 */

/** A silhouette and how it was computed (the shape of `SilhouetteEstimate`, plus the rows it covers). */
export interface SilhouetteFigure {
  /** The exact silhouette, or the sampled estimate. */
  value: number;
  method: "exact" | "sampled";
  /** Customers the exact silhouette covers, or customers per sample. */
  rows: number;
  /** 95 % interval of a sampled silhouette (null when exact). */
  interval: readonly [number, number] | null;
  /** Number of sampled repeats when the value is their median (null or 1: one sample). */
  repeats?: number | null;
}

const int = (n: number) => n.toLocaleString("en-US");

/**
 * Decimals that keep a score honest: `decimals` (default 2), or one more when rounding to
 * `decimals` would show a bound the value does not reach (1.00 for 0.997, 0.00 for 0.004) or put
 * it on the other side of a threshold (0.80 for 0.796 against 0.8).
 *
 * @example
 * scoreDecimals(0.997); // 3
 * scoreDecimals(0.796, { thresholds: [0.8] }); // 3
 * scoreDecimals(0.93); // 2
 */
export function scoreDecimals(
  x: number,
  options: { decimals?: number; thresholds?: readonly number[]; bounds?: readonly number[] } = {},
): number {
  const { decimals = 2, thresholds = [], bounds = [0, 1] } = options;
  if (!Number.isFinite(x)) return decimals;
  const shown = Number(x.toFixed(decimals));
  for (const b of bounds) if (shown === b && x !== b) return decimals + 1;
  for (const t of thresholds) if (x < t !== shown < t) return decimals + 1;
  return decimals;
}

/**
 * A score with {@link scoreDecimals} decimals.
 *
 * @example
 * scoreText(0.997); // "0.997"
 * scoreText(0.9861); // "0.99"
 * scoreText(0.796, { thresholds: [0.8] }); // "0.796"
 */
export function scoreText(
  x: number,
  options: { decimals?: number; thresholds?: readonly number[]; bounds?: readonly number[] } = {},
): string {
  return x.toFixed(scoreDecimals(x, options));
}

/**
 * A stability (mean ARI) for a table cell: the score with {@link scoreDecimals} decimals, or, when
 * it was not measured (NaN or null), "n/a (…)" with the reason (default "deterministic": the
 * algorithm gives the same partition for the same input, so there is no seed to vary).
 *
 * @example
 * stabilityText(0.9972); // "0.997"
 * stabilityText(NaN); // "n/a (deterministic)"
 */
export function stabilityText(x: number | null | undefined, reason = "deterministic"): string {
  return x === null || x === undefined || Number.isNaN(x) ? `n/a (${reason})` : scoreText(x);
}

/**
 * How a silhouette was computed, in words: "exact, n = 91,610" or "sampled, n = 10,000" (with
 * "median of 10 samples of" when repeated).
 *
 * @example
 * silhouetteMethodText({ value: 0.33, method: "sampled", rows: 10_000, interval: [0.32, 0.34] });
 * // "sampled, n = 10,000"
 */
export function silhouetteMethodText(s: SilhouetteFigure): string {
  if (s.method === "exact") return `exact, n = ${int(s.rows)}`;
  const repeats = s.repeats ?? 1;
  return repeats > 1
    ? `sampled, median of ${repeats} samples of n = ${int(s.rows)}`
    : `sampled, n = ${int(s.rows)}`;
}

/**
 * A silhouette with its label: "0.327 (exact, n = 91,610)" or
 * "0.328 (sampled, n = 10,000; 95 % interval 0.324–0.332)".
 *
 * @example
 * silhouetteText({ value: 0.32681, method: "exact", rows: 91_610, interval: null });
 * // "0.327 (exact, n = 91,610)"
 */
export function silhouetteText(s: SilhouetteFigure, decimals = 3): string {
  const head = `${s.value.toFixed(decimals)} (${silhouetteMethodText(s)}`;
  if (s.method === "exact") return `${head})`;
  if (!s.interval) throw new Error("silhouetteText: a sampled silhouette needs its 95 % interval");
  return `${head}; 95 % interval ${silhouetteIntervalText(s.interval, decimals)})`;
}

/** A silhouette interval as "0.324–0.332" (empty text for none). */
export function silhouetteIntervalText(
  interval: readonly [number, number] | null,
  decimals = 3,
): string {
  return interval ? `${interval[0].toFixed(decimals)}–${interval[1].toFixed(decimals)}` : "";
}
