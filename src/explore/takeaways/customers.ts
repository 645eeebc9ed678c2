/** Takeaways of repeat customers and of the recency, frequency and monetary distributions. */
import type { OrdersPerCustomerRow, RfmFacts } from "../customers.js";
import { fmt, money, percent } from "./format.js";

/** A group under this share of customers is called "small" in the takeaways. */
export const SMALL_GROUP_SHARE = 0.1;

const smallGroup = (share: number) =>
  share < SMALL_GROUP_SHARE ? "only that small group" : "that group";

/**
 * Share of people with one order, whatever its status, and of those with two or more.
 *
 * @example
 * ordersPerCustomerTakeaway(await ordersPerCustomer(db));
 */
export function ordersPerCustomerTakeaway(rows: readonly OrdersPerCustomerRow[]): string {
  const once = rows[0]?.share ?? 0;
  const repeat = 1 - once;
  return (
    `${percent(once)} of customers (people) placed a single order, whatever its status, and ` +
    `${percent(repeat)} two or more: the number of orders sets ${smallGroup(repeat)} apart.`
  );
}

/**
 * Recent buyers, the median recency and customers gone for more than a year, at the as-of date.
 *
 * @example
 * recencyTakeaway(await rfmFacts(db));
 */
export function recencyTakeaway(f: RfmFacts): string {
  return (
    `${percent(f.recent_share)} of customers had their last delivered purchase in the ${f.recentDays} days before ` +
    `the as-of date (${f.asOf.toISOString().slice(0, 10)}); the median customer's last purchase is ` +
    `${fmt(f.median_recency_days)} days old, and ${percent(f.over_year_share)} have not bought for more than ` +
    `${f.yearDays} days.`
  );
}

/**
 * Share of single-order customers in the customer table.
 *
 * @example
 * frequencyTakeaway(await rfmFacts(db));
 */
export function frequencyTakeaway(f: RfmFacts): string {
  const repeat = 1 - f.single_share;
  return (
    `${percent(f.single_share)} of the ${fmt(f.customers)} customers have a single delivered order and ` +
    `${percent(repeat)} two or more: frequency separates ${smallGroup(repeat)}.`
  );
}

/**
 * Median spend, the top decile's share of revenue and the repeat buyers' share.
 *
 * @example
 * monetaryTakeaway(await rfmFacts(db));
 */
export function monetaryTakeaway(f: RfmFacts): string {
  return (
    `Half the customers spent under ${money(f.median_monetary)}; the top 10 % (${money(f.p90_monetary)} or more) ` +
    `bring ${percent(f.top10_revenue_share)} of revenue, the ${percent(1 - f.single_share)} repeat buyers ` +
    `${percent(f.repeat_revenue_share)}.`
  );
}
