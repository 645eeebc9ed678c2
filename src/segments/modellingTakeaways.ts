/**
 * The first takeaways of the modelling notebook, rendered from the values they state: the
 * customer features in numbers (median and 90th percentile), how much frequency varies, and what
 * the RFM baseline's largest cell holds.
 */
import type { CustomerTable, NumericFeature } from "../features/definitions.js";
import { NUMERIC_FEATURE_DOCS } from "../features/definitions.js";
import type { RfmSummaryRow } from "../features/rfm.js";
import { percent } from "../display/takeaway.js";

/**
 * One row per numeric feature: its meaning, median (the upper one for an even count) and 90th
 * percentile (the value at rank ⌊0.9·(n − 1)⌋), missing values left out.
 *
 * @example
 * showTable(featureSummaryRows(customers), { maxRows: 30 });
 */
export function featureSummaryRows(
  table: Pick<CustomerTable, "numeric">,
): { feature: NumericFeature; meaning: string; median: number; p90: number }[] {
  return (Object.keys(NUMERIC_FEATURE_DOCS) as NumericFeature[]).map((feature) => {
    const v = table.numeric[feature].filter((x) => !Number.isNaN(x)).sort();
    return {
      feature,
      meaning: NUMERIC_FEATURE_DOCS[feature],
      median: v[Math.floor(v.length / 2)],
      p90: v[Math.floor(0.9 * (v.length - 1))],
    };
  });
}

/**
 * How many customers have exactly one order and what that leaves to the segmentation: at
 * `threshold` (default 0.9) or more, frequency only sets the repeat buyers apart.
 *
 * @example
 * singleOrderTakeaway(customers.numeric.frequency); // "96.9 % of customers have exactly one order: …"
 */
export function singleOrderTakeaway(frequency: Float64Array, threshold = 0.9): string {
  let one = 0;
  for (let i = 0; i < frequency.length; i++) if (frequency[i] === 1) one++;
  const share = one / frequency.length;
  const repeat = (frequency.length - one).toLocaleString("en-US");
  return share >= threshold
    ? `${percent(share)} of customers have exactly one order: frequency only sets the ${repeat} repeat ` +
        "buyers apart, so recency, spend and satisfaction must carry the segmentation."
    : `${percent(share)} of customers have exactly one order (under ${percent(threshold, 0)}): ` +
        "frequency varies enough to be a segmentation axis of its own.";
}

/**
 * The RFM baseline's largest cell and what the grid cannot see (it scores recency, frequency and
 * spend only, so satisfaction is outside it).
 *
 * @example
 * rfmBaselineTakeaway(rfmSummary(customers, rfm)); // 'The RFM grid puts 21.3 % of customers in "…", …'
 */
export function rfmBaselineTakeaway(rows: readonly RfmSummaryRow[]): string {
  if (rows.length === 0) throw new Error("rfmBaselineTakeaway: no RFM segment");
  let total = 0;
  let largest = rows[0];
  for (const r of rows) {
    total += r.customers;
    if (r.customers > largest.customers) largest = r;
  }
  return (
    `The RFM grid puts ${percent(largest.customers / total)} of customers in "${largest.segment}", ` +
    `the largest of its ${rows.length} segments; it scores recency, frequency and spend only, so it ` +
    "knows nothing about satisfaction."
  );
}
