/**
 * The SQL of the customer table at an as-of date T: one aggregation over the fact tables
 * (`facts.ts`), leak-free (only facts dated before T), shared by {@link customerFeaturesSql}'s
 * callers: the customer table, its materialised copy and the maintenance snapshots.
 */
import { ORDER_STATUSES } from "./definitions.js";
import { FACT_TABLES } from "./facts.js";

/** Checks counted statuses against the known ones and returns them as SQL literals. */
export function statusListSql(statuses: readonly string[]): string {
  if (statuses.length === 0)
    throw new Error("countedStatuses is empty: count at least one status.");
  for (const s of statuses) {
    if (!(ORDER_STATUSES as readonly string[]).includes(s)) {
      throw new Error(
        `Unknown order status "${s}" in countedStatuses; known statuses: ${ORDER_STATUSES.join(", ")}.`,
      );
    }
  }
  return statuses.map((s) => `'${s}'`).join(", ");
}

/**
 * The SQL of the customer table at T: one aggregation over the fact tables. `$asOf` is the naive
 * timestamp T. Used by {@link customerFeatures} and {@link materializeCustomerFeatures}.
 * `customerFilter` (default none): an SQL condition on `customer_unique_id` keeping some customers
 * only (the maintenance study's seeded sample at large sizes, `maintenance/customerSample.ts`).
 */
export function customerFeaturesSql(
  countedStatuses: readonly string[],
  customerFilter?: string,
): string {
  const statuses = statusListSql(countedStatuses);
  return `
WITH
-- Orders that count at T: counted status reached before T, no data-quality exclusion.
-- (reached_status_at >= purchased_at for every kept order, so purchased_at < T follows.)
counted AS (
  SELECT *
  FROM ${FACT_TABLES.orders}
  WHERE exclusion IS NULL
    AND order_status IN (${statuses})
    AND reached_status_at < $asOf::TIMESTAMP
    AND purchased_at < $asOf::TIMESTAMP${customerFilter ? `\n    AND (${customerFilter})` : ""}
),
-- Review score of each counted order at T: mean of its reviews created before T.
order_reviews_at AS (
  SELECT r.order_id, avg(r.review_score) AS score
  FROM ${FACT_TABLES.reviews} r
  SEMI JOIN counted USING (order_id)
  WHERE r.created_at < $asOf::TIMESTAMP
  GROUP BY r.order_id
),
-- Order-level aggregates per person.
per_customer AS (
  SELECT
    c.customer_unique_id,
    count(*) AS frequency,
    round(sum(c.payment_total), 2) AS monetary,
    max(c.purchased_at) AS last_purchase,
    min(c.purchased_at) AS first_purchase,
    sum(c.n_items) AS n_items,
    round(sum(c.price_total), 2) AS price_total,
    round(sum(c.freight_total), 2) AS freight_total,
    round(sum(c.paid_credit_card), 2) AS paid_credit_card,
    round(sum(c.paid_boleto), 2) AS paid_boleto,
    round(sum(c.paid_voucher), 2) AS paid_voucher,
    round(sum(c.paid_debit_card), 2) AS paid_debit_card,
    avg(c.installments) AS mean_installments,
    -- Delivery facts only for deliveries before T.
    avg(c.delivery_days) FILTER (WHERE c.delivered_at < $asOf::TIMESTAMP) AS mean_delivery_days,
    avg(c.is_late) FILTER (WHERE c.delivered_at < $asOf::TIMESTAMP) AS late_delivery_share,
    avg(r.score) AS mean_review_score,
    count(r.score) AS n_reviewed,
    -- State of the latest counted order (ties on the timestamp → larger order_id).
    arg_max(c.customer_state, (c.purchased_at, c.order_id)) AS customer_state
  FROM counted c
  LEFT JOIN order_reviews_at r USING (order_id)
  GROUP BY c.customer_unique_id
),
-- Spend per person and category over the counted orders.
category_spend AS (
  SELECT c.customer_unique_id, i.category, sum(i.spend) AS spend
  FROM ${FACT_TABLES.items} i
  JOIN counted c USING (order_id)
  GROUP BY c.customer_unique_id, i.category
),
-- Favourite = largest spend, ties → alphabetical first; 'unknown' is not a distinct category.
per_customer_category AS (
  SELECT
    customer_unique_id,
    count(*) FILTER (WHERE category <> 'unknown') AS n_categories,
    first(category ORDER BY round(spend, 2) DESC, category ASC) AS favourite_category
  FROM category_spend
  GROUP BY customer_unique_id
)
SELECT
  p.customer_unique_id,
  (epoch($asOf::TIMESTAMP) - epoch(p.last_purchase)) / 86400 AS recency_days,
  CAST(p.frequency AS DOUBLE) AS frequency,
  p.monetary,
  p.monetary / p.frequency AS mean_order_value,
  CAST(p.n_items AS DOUBLE) AS n_items,
  CAST(coalesce(k.n_categories, 0) AS DOUBLE) AS n_categories,
  p.mean_review_score,
  CAST(p.n_reviewed > 0 AS DOUBLE) AS has_review,
  p.mean_delivery_days,
  p.late_delivery_share,
  p.mean_installments,
  -- Shares of payment value; NULL (NaN) when the customer paid nothing.
  p.paid_credit_card / nullif(p.monetary, 0) AS share_credit_card,
  p.paid_boleto / nullif(p.monetary, 0) AS share_boleto,
  p.paid_voucher / nullif(p.monetary, 0) AS share_voucher,
  p.paid_debit_card / nullif(p.monetary, 0) AS share_debit_card,
  p.freight_total / nullif(p.price_total + p.freight_total, 0) AS freight_share,
  (epoch($asOf::TIMESTAMP) - epoch(p.first_purchase)) / 86400 AS tenure_days,
  coalesce(k.favourite_category, 'unknown') AS favourite_category,
  coalesce(p.customer_state, 'unknown') AS customer_state
FROM per_customer p
LEFT JOIN per_customer_category k USING (customer_unique_id)
ORDER BY p.customer_unique_id`;
}
