/** Takeaways of the review scores and of review scores against delivery delays. */
import type { DelayBandScore, ReviewScoreRow, ScoreSplit } from "../reviews.js";
import { fmt, largestBy, percent, plural } from "./format.js";

/**
 * Shares of 5-star and 1–2-star reviews and the mean score.
 *
 * @example
 * reviewScoresTakeaway(await reviewScores(db));
 */
export function reviewScoresTakeaway(rows: readonly ReviewScoreRow[]): string {
  const total = rows.reduce((s, r) => s + r.reviews, 0);
  if (total === 0) return "No review has a score.";
  const count = (scores: number[]) =>
    rows.filter((r) => scores.includes(r.score)).reduce((s, r) => s + r.reviews, 0);
  const mean = rows.reduce((s, r) => s + r.score * r.reviews, 0) / total;
  return (
    `${percent(count([5]) / total)} of reviews give 5 stars and ${percent(count([1, 2]) / total)} ` +
    `(${plural(count([1, 2]), "review")}) give 1 or 2; the mean score is ${mean.toFixed(2)}.`
  );
}

/**
 * Late against on-time orders (mean score, 1–2 star share) and the range of the bands' mean
 * scores, stated as an association.
 *
 * @example
 * reviewDelayTakeaway(await reviewScoreSplit(db), await reviewScoreByDelay(db));
 */
export function reviewDelayTakeaway(
  split: ScoreSplit,
  bands: readonly DelayBandScore[],
  minOrders = 100,
): string {
  const { late, others } = split;
  if (late.orders === 0 || others.orders === 0) {
    return `${fmt(late.orders)} late and ${fmt(others.orders)} on-time reviewed orders: no comparison possible.`;
  }
  const eligible = bands.filter((b) => b.orders >= minOrders);
  const lowest = largestBy(eligible, (b) => -b.mean_score);
  const highest = largestBy(eligible, (b) => b.mean_score);
  const band =
    lowest && highest
      ? `; over the delay bands with at least ${plural(minOrders, "order")}, the mean score runs from ` +
        `${lowest.mean_score.toFixed(2)} ("${lowest.band}") to ${highest.mean_score.toFixed(2)} ("${highest.band}")`
      : "";
  return (
    `Late orders score ${late.mean_score.toFixed(2)} on average against ${others.mean_score.toFixed(2)} on time, ` +
    `and ${percent(late.low_score_share)} of them get 1–2 stars against ${percent(others.low_score_share)} ` +
    `(${fmt(late.orders)} late and ${fmt(others.orders)} on-time reviewed orders)${band}. ` +
    "An association, not a proof that lateness causes the low scores."
  );
}
