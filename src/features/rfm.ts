/**
 * RFM scoring, the classic statistical segmentation and the baseline clustering is compared with.
 *
 * - R and M: scores 1–5 by rank. score = 1 + floor(5 · w / n), where w is the number of customers
 *   strictly worse (for R: strictly larger recency; for M: strictly smaller monetary). Tied
 *   customers share the score of the lowest rank of their group ("ties go to the lower score"), so
 *   equal values always get equal scores.
 * - F: ~97% of Olist customers have one order, so quintiles of F collapse. F is scored by order
 *   count instead: 1 order → 1, 2 → 2, 3 → 3, 4 → 4, 5 or more → 5 (option `frequencyBreaks`).
 * - Segment: from R and FM = round((F + M) / 2) (halves up) through {@link RFM_SEGMENTS}, the one
 *   mapping table, which covers each of the 25 (R, FM) cells exactly once.
 */
import type { CustomerTable } from "./definitions.js";

/** One line of the segment mapping: R and FM ranges (inclusive) → segment name. */
export interface RfmSegmentRule {
  segment: string;
  r: readonly [number, number];
  fm: readonly [number, number];
  /** What the segment means for marketing. */
  meaning: string;
}

/**
 * The segment mapping table (the usual R × FM grid of RFM practice). Rows are in display order
 * (best first); each (R, FM) cell belongs to exactly one row.
 */
export const RFM_SEGMENTS: readonly RfmSegmentRule[] = [
  { segment: "Champions", r: [5, 5], fm: [4, 5], meaning: "Bought recently, often / for a lot." },
  {
    segment: "Loyal",
    r: [3, 4],
    fm: [4, 5],
    meaning: "Buy often or spend a lot, fairly recently.",
  },
  { segment: "Potential loyalists", r: [4, 5], fm: [2, 3], meaning: "Recent, average value." },
  {
    segment: "New customers",
    r: [5, 5],
    fm: [1, 1],
    meaning: "Very recent first, small purchase.",
  },
  { segment: "Promising", r: [4, 4], fm: [1, 1], meaning: "Recent, small purchase." },
  { segment: "Need attention", r: [3, 3], fm: [3, 3], meaning: "Middle recency and value." },
  { segment: "About to sleep", r: [3, 3], fm: [1, 2], meaning: "Middle recency, low value." },
  { segment: "At risk", r: [1, 2], fm: [3, 4], meaning: "Valuable, but long ago." },
  { segment: "Can't lose them", r: [1, 2], fm: [5, 5], meaning: "Most valuable, long ago." },
  { segment: "Hibernating", r: [2, 2], fm: [1, 2], meaning: "Long ago, low value." },
  { segment: "Lost", r: [1, 1], fm: [1, 2], meaning: "Longest ago, low value." },
];

/** The segment of an (R, FM) cell; throws for scores outside 1–5. */
export function rfmSegment(r: number, fm: number): string {
  const rule = RFM_SEGMENTS.find(
    (s) => r >= s.r[0] && r <= s.r[1] && fm >= s.fm[0] && fm <= s.fm[1],
  );
  if (!rule) throw new Error(`No RFM segment for R=${r}, FM=${fm}: scores must be integers 1–5.`);
  return rule.segment;
}

/**
 * Rank scores 1..bins: 1 + floor(bins · (number of values strictly worse) / n); ties share the
 * lower score. NaN values throw (RFM inputs are never missing).
 *
 * @example
 * rankScores(Float64Array.of(10, 20, 20, 30, 40), { higherIsBetter: true }); // [1, 2, 2, 4, 5]
 */
export function rankScores(
  values: Float64Array,
  options: { higherIsBetter: boolean; bins?: number },
): Uint8Array {
  const bins = options.bins ?? 5;
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (const x of values) if (Number.isNaN(x)) throw new Error("rankScores: values hold NaN.");
  // Sort from worst to best; then a tie group starts where the first of its members stands.
  const sign = options.higherIsBetter ? 1 : -1;
  order.sort((a, b) => sign * (values[a] - values[b]));
  const scores = new Uint8Array(n);
  let groupStart = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && values[order[k]] !== values[order[k - 1]]) groupStart = k;
    scores[order[k]] = 1 + Math.floor((bins * groupStart) / n);
  }
  return scores;
}

/** Options of {@link rfmScores}. */
export interface RfmOptions {
  /** Minimum order counts for F scores 2, 3, 4, 5 (default [2, 3, 4, 5]). */
  frequencyBreaks?: readonly [number, number, number, number];
}

/** RFM scores and segment per customer, aligned with the table's ids. */
export interface RfmScores {
  ids: string[];
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** round((f + m) / 2), halves up. */
  fm: Uint8Array;
  segment: string[];
}

/**
 * Scores every customer of the table (uses recency_days, frequency, monetary).
 *
 * @example
 * const rfm = rfmScores(table);
 * console.table(rfmSummary(table, rfm));
 */
export function rfmScores(
  table: Pick<CustomerTable, "ids" | "numeric">,
  options: RfmOptions = {},
): RfmScores {
  const breaks = options.frequencyBreaks ?? [2, 3, 4, 5];
  const { recency_days, frequency, monetary } = table.numeric;
  const r = rankScores(recency_days, { higherIsBetter: false });
  const m = rankScores(monetary, { higherIsBetter: true });
  const n = table.ids.length;
  const f = new Uint8Array(n);
  const fm = new Uint8Array(n);
  const segment: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    f[i] = 1 + breaks.filter((b) => frequency[i] >= b).length;
    fm[i] = Math.floor((f[i] + m[i] + 1) / 2);
    segment[i] = rfmSegment(r[i], fm[i]);
  }
  return { ids: table.ids, r, f, m, fm, segment };
}

/** One line of {@link rfmSummary}. */
export interface RfmSummaryRow {
  segment: string;
  customers: number;
  share: number;
  mean_recency_days: number;
  mean_frequency: number;
  mean_monetary: number;
}

/**
 * Customers per segment (count, share, mean recency / frequency / monetary), in the order of
 * {@link RFM_SEGMENTS}; empty segments are listed with 0 customers and NaN means.
 */
export function rfmSummary(
  table: Pick<CustomerTable, "numeric">,
  scores: RfmScores,
): RfmSummaryRow[] {
  const { recency_days, frequency, monetary } = table.numeric;
  const n = scores.segment.length;
  return RFM_SEGMENTS.map(({ segment }) => {
    let count = 0;
    let rSum = 0;
    let fSum = 0;
    let mSum = 0;
    for (let i = 0; i < n; i++) {
      if (scores.segment[i] !== segment) continue;
      count++;
      rSum += recency_days[i];
      fSum += frequency[i];
      mSum += monetary[i];
    }
    return {
      segment,
      customers: count,
      share: n > 0 ? count / n : 0,
      mean_recency_days: count > 0 ? rSum / count : NaN,
      mean_frequency: count > 0 ? fSum / count : NaN,
      mean_monetary: count > 0 ? mSum / count : NaN,
    };
  });
}
