/** Takeaways of the delivery performance. */
import type { DeliverySummary } from "../delivery.js";
import type { ScoreSplit } from "../reviews.js";
import { fmt, percent } from "./format.js";

/**
 * Median actual against promised delivery time and the late share, with the delivered orders
 * that cannot be measured.
 *
 * @example
 * deliveryTimesTakeaway(await deliverySummary(db));
 */
export function deliveryTimesTakeaway(s: DeliverySummary): string {
  const left =
    s.unmeasured > 0
      ? ` (${fmt(s.unmeasured)} delivered orders without a usable delivery date are left out)`
      : "";
  return (
    `The median delivered order arrives in ${fmt(s.median_actual_days, 1)} days against ` +
    `${fmt(s.median_promised_days, 1)} promised at checkout, yet ${percent(s.late_share)} of the ` +
    `${fmt(s.orders)} measurable delivered orders arrive after the promised date${left}.`
  );
}

/**
 * Median delay, the share more than a week late, and their 1-star share against the others.
 *
 * @example
 * delayTakeaway(await deliverySummary(db), await reviewScoreSplit(db, 7));
 */
export function delayTakeaway(s: DeliverySummary, weekLate: ScoreSplit): string {
  if (weekLate.afterDays !== s.week_late_days) {
    throw new Error(
      `The score split is at ${weekLate.afterDays} days and the summary at ${s.week_late_days}: use the same threshold.`,
    );
  }
  const side = s.median_delay_days < 0 ? "before" : "after";
  const stars =
    weekLate.late.orders > 0 && weekLate.others.orders > 0
      ? `, and ${percent(weekLate.late.one_star_share)} of those reviewed give 1 star, against ` +
        `${percent(weekLate.others.one_star_share)} of the other delivered orders`
      : "";
  return (
    `The median order arrives ${fmt(Math.abs(s.median_delay_days), 1)} days ${side} the promised date; ` +
    `${percent(s.week_late_share)} arrive more than ${s.week_late_days} days late${stars}.`
  );
}
