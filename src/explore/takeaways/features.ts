/**
 * Takeaways of the customer features: correlations, the RFM baseline, the cleaning rules and the
 * closing summary of notebook 1.
 */
import type { CleaningRow } from "../../features/cleaning.js";
import type { RfmScores, RfmSummaryRow } from "../../features/rfm.js";
import type { OrdersPerCustomerRow } from "../customers.js";
import type { DeliverySummary } from "../delivery.js";
import type { ReviewScoreRow } from "../reviews.js";
import { SMALL_GROUP_SHARE } from "./customers.js";
import { fmt, largestBy, listAnd, percent, plural, rho } from "./format.js";

/** |ρ| below this reads "nearly uncorrelated" (default of {@link correlationTakeaway}). */
export const WEAK_CORRELATION = 0.1;
/** |ρ| at or above this reads "ranks customers almost like" (default of {@link correlationTakeaway}). */
export const STRONG_CORRELATION = 0.9;

/**
 * What the correlation matrix says about recency, monetary and satisfaction, and which features
 * repeat another one, with the thresholds of the words stated.
 *
 * @example
 * correlationTakeaway(corr, featureNames);
 */
export function correlationTakeaway(
  corr: readonly (readonly number[])[],
  names: readonly string[],
  thresholds: { weak?: number; strong?: number } = {},
): string {
  const weak = thresholds.weak ?? WEAK_CORRELATION;
  const strong = thresholds.strong ?? STRONG_CORRELATION;
  const r = (a: string, b: string): number => {
    const i = names.indexOf(a);
    const j = names.indexOf(b);
    if (i < 0 || j < 0) throw new Error(`correlationTakeaway needs the features ${a} and ${b}`);
    return corr[i][j];
  };
  const rm = r("recency_days", "monetary");
  const lr = r("late_delivery_share", "mean_review_score");
  const axes = [rm, r("recency_days", "mean_review_score"), r("monetary", "mean_review_score")];
  const maxAxis = axes.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const pair = (a: string, b: string, text: string) => {
    const x = r(a, b);
    return `${text} ${Math.abs(x) >= strong ? "ranks customers almost like" : "differs from"} ${b.replace("_days", "")} (${rho(x)})`;
  };
  const repeats =
    Math.abs(r("tenure_days", "recency_days")) >= strong &&
    Math.abs(r("mean_order_value", "monetary")) >= strong;
  return (
    `Recency and monetary are ${Math.abs(rm) < weak ? "nearly uncorrelated" : "correlated"} (${rho(rm)}` +
    `${Math.abs(rm) < weak ? `, |ρ| < ${weak}` : ""}); ` +
    `a higher late-delivery share goes with a ${lr < 0 ? "lower" : "higher"} review score (${rho(lr)}); ` +
    `recency, monetary and review score have |ρ| ≤ ${(Math.ceil(maxAxis * 100 - 1e-9) / 100).toFixed(2)} between them. ` +
    `${pair("tenure_days", "recency_days", "Tenure")} and ${pair("mean_order_value", "monetary", "mean order value")}` +
    `${repeats ? `: with |ρ| ≥ ${strong}, one of each pair is enough.` : "."}`
  );
}

/** The RFM segments of the best customers, whose joint share {@link rfmSegmentsTakeaway} states. */
export const RFM_TOP_SEGMENTS: readonly string[] = ["Champions", "Loyal"];

/**
 * Share of the top RFM segments, the largest segment, and how many customers have F = 1.
 *
 * @example
 * rfmSegmentsTakeaway(rfmSummary(table, rfm), rfm);
 */
export function rfmSegmentsTakeaway(
  rows: readonly RfmSummaryRow[],
  scores: Pick<RfmScores, "f">,
): string {
  const top = rows
    .filter((r) => RFM_TOP_SEGMENTS.includes(r.segment))
    .reduce((s, r) => s + r.share, 0);
  const largest = largestBy(rows, (r) => r.share);
  let single = 0;
  for (let i = 0; i < scores.f.length; i++) if (scores.f[i] === 1) single++;
  const f1 = scores.f.length > 0 ? single / scores.f.length : 0;
  return (
    `${listAnd(RFM_TOP_SEGMENTS)} together are ${percent(top)} of customers; the largest RFM segment is ` +
    `${largest?.segment ?? "none"} (${percent(largest?.share ?? 0)}). ${percent(f1)} of customers have F = 1 ` +
    "(one order), so for them FM is set by spend alone and the grid sorts one-time buyers by recency and spend."
  );
}

/**
 * Orders left out of the customer table (and why) and how many flagging rules matched rows.
 *
 * @example
 * cleaningTakeaway(await cleaningReport(db), orders);
 */
export function cleaningTakeaway(cleaning: readonly CleaningRow[], orders: number): string {
  const excluded = cleaning
    .filter((r) => r.table === "orders" && r.action === "excluded")
    .reduce((s, r) => s + r.rows, 0);
  const notCounted = cleaning.find((r) => r.rule === "status_not_counted")?.rows ?? 0;
  const flagged = cleaning.filter((r) => r.action === "flagged" && r.rows > 0).length;
  return (
    `${fmt(excluded)} orders (${percent(orders > 0 ? excluded / orders : 0)}) are left out of the customer table, ` +
    `${fmt(notCounted)} of them because their status is not counted (not delivered); ` +
    `${plural(flagged, "flagging rule")} ${flagged === 1 ? "marks" : "mark"} rows that stay in.`
  );
}

/**
 * The closing line of notebook 1: the three figures behind the choice of segmentation axes, from
 * the orders per customer, the delivery summary and the review scores shown above it.
 *
 * @example
 * summaryTakeaway(await ordersPerCustomer(db), await deliverySummary(db), await reviewScores(db));
 */
export function summaryTakeaway(
  perCustomer: readonly OrdersPerCustomerRow[],
  delivery: Pick<DeliverySummary, "late_share">,
  scores: readonly ReviewScoreRow[],
): string {
  const single = perCustomer[0]?.share ?? 0;
  const reviews = scores.reduce((s, r) => s + r.reviews, 0);
  const low = scores.filter((r) => r.score <= 2).reduce((s, r) => s + r.reviews, 0);
  // Frequency cannot carry a segmentation when all but a small group have one order.
  const frequency = 1 - single < SMALL_GROUP_SHARE ? ", not on frequency" : "";
  return (
    `${percent(single)} single-order customers, ${percent(delivery.late_share)} late deliveries, ` +
    `${percent(reviews > 0 ? low / reviews : 0)} 1–2 star reviews: segment on recency, value and satisfaction${frequency}.`
  );
}
