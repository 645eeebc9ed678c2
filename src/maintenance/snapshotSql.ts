/**
 * The projected SQL of a feature snapshot: the customer-table SQL (`customerFeaturesSql`) cut down
 * to the columns a model reads. The orders that can ever count (status counted, no data-quality
 * exclusion, in the customer sample if any) are copied once, with integer customer and order keys,
 * into two small temp tables ({@link SNAPSHOT_ORDERS_TABLE}, {@link SNAPSHOT_REVIEWS_TABLE}); each
 * date then aggregates only those rows and only the aggregates its columns need (no category
 * spend, no text columns, no join on 32-character ids). The expressions are those of
 * `customerFeaturesSql`, so the values are the same numbers (tested on the micro data and the twin).
 * `n_categories` (which needs the item facts) is not projected: a snapshot reading it takes the
 * full SQL (`snapshot.ts`).
 */
import { statusListSql } from "../features/customerSql.js";
import { FACT_TABLES } from "../features/facts.js";

/** Temp table of the orders that can count, with integer keys (built by {@link snapshotFactsSql}). */
export const SNAPSHOT_ORDERS_TABLE = "maintenance_snapshot_orders";
/** Temp table of the reviews of those orders (built by {@link snapshotFactsSql}). */
export const SNAPSHOT_REVIEWS_TABLE = "maintenance_snapshot_reviews";

/** The per-customer aggregates of `customerFeaturesSql` (`per_customer`), by name. */
const AGGREGATES: Record<string, string> = {
  frequency: "count(*)",
  monetary: "round(sum(c.payment_total), 2)",
  last_purchase: "max(c.purchased_at)",
  first_purchase: "min(c.purchased_at)",
  n_items: "sum(c.n_items)",
  price_total: "round(sum(c.price_total), 2)",
  freight_total: "round(sum(c.freight_total), 2)",
  paid_credit_card: "round(sum(c.paid_credit_card), 2)",
  paid_boleto: "round(sum(c.paid_boleto), 2)",
  paid_voucher: "round(sum(c.paid_voucher), 2)",
  paid_debit_card: "round(sum(c.paid_debit_card), 2)",
  mean_installments: "avg(c.installments)",
  mean_delivery_days: "avg(c.delivery_days) FILTER (WHERE c.delivered_at < $asOf::TIMESTAMP)",
  late_delivery_share: "avg(c.is_late) FILTER (WHERE c.delivered_at < $asOf::TIMESTAMP)",
  mean_review_score: "avg(r.score)",
  n_reviewed: "count(r.score)",
};

/** Aggregates that read the reviews of the orders. */
const REVIEW_AGGREGATES = new Set(["mean_review_score", "n_reviewed"]);

/** A payment type's share of the money spent: its paid column over `monetary` (null when 0). */
const paidShare = (paid: string): { sql: string; reads: string[] } => ({
  sql: `p.${paid} / nullif(p.monetary, 0)`,
  reads: [paid, "monetary"],
});

/** Each projected column: its expression in `customerFeaturesSql` and the aggregates it reads. */
const COLUMNS: Record<string, { sql: string; reads: readonly string[] }> = {
  recency_days: {
    sql: "(epoch($asOf::TIMESTAMP) - epoch(p.last_purchase)) / 86400",
    reads: ["last_purchase"],
  },
  frequency: { sql: "CAST(p.frequency AS DOUBLE)", reads: ["frequency"] },
  monetary: { sql: "p.monetary", reads: ["monetary"] },
  mean_order_value: { sql: "p.monetary / p.frequency", reads: ["monetary", "frequency"] },
  n_items: { sql: "CAST(p.n_items AS DOUBLE)", reads: ["n_items"] },
  mean_review_score: { sql: "p.mean_review_score", reads: ["mean_review_score"] },
  has_review: { sql: "CAST(p.n_reviewed > 0 AS DOUBLE)", reads: ["n_reviewed"] },
  mean_delivery_days: { sql: "p.mean_delivery_days", reads: ["mean_delivery_days"] },
  late_delivery_share: { sql: "p.late_delivery_share", reads: ["late_delivery_share"] },
  mean_installments: { sql: "p.mean_installments", reads: ["mean_installments"] },
  share_credit_card: paidShare("paid_credit_card"),
  share_boleto: paidShare("paid_boleto"),
  share_voucher: paidShare("paid_voucher"),
  share_debit_card: paidShare("paid_debit_card"),
  freight_share: {
    sql: "p.freight_total / nullif(p.price_total + p.freight_total, 0)",
    reads: ["freight_total", "price_total"],
  },
  tenure_days: {
    sql: "(epoch($asOf::TIMESTAMP) - epoch(p.first_purchase)) / 86400",
    reads: ["first_purchase"],
  },
};

/** The feature columns the projected SQL computes (every numeric feature but `n_categories`). */
export const PROJECTED_COLUMNS: readonly string[] = Object.keys(COLUMNS);

/**
 * The statements that build the two temp tables of the orders that can count (counted status, no
 * exclusion, `customerFilter` if any) from the feature facts, with `key` from `keysTable` (the
 * customer numbering of `snapshot.ts`) and an integer order key `okey`.
 *
 * @example
 * for (const sql of snapshotFactsSql(["delivered"], undefined, "maintenance_customer_keys")) await db.run(sql);
 */
export function snapshotFactsSql(
  countedStatuses: readonly string[],
  customerFilter: string | undefined,
  keysTable: string,
): string[] {
  const statuses = statusListSql(countedStatuses);
  return [
    `CREATE OR REPLACE TEMP TABLE ${SNAPSHOT_ORDERS_TABLE} AS
SELECT k.key, CAST(row_number() OVER (ORDER BY o.order_id) AS INTEGER) AS okey, o.*
FROM ${FACT_TABLES.orders} o JOIN ${keysTable} k USING (customer_unique_id)
WHERE o.exclusion IS NULL
  AND o.order_status IN (${statuses})${customerFilter ? `\n  AND (${customerFilter})` : ""}
ORDER BY o.customer_unique_id, o.order_id`,
    `CREATE OR REPLACE TEMP TABLE ${SNAPSHOT_REVIEWS_TABLE} AS
SELECT o.okey, r.review_score, r.created_at
FROM ${FACT_TABLES.reviews} r JOIN ${SNAPSHOT_ORDERS_TABLE} o USING (order_id)
ORDER BY o.okey`,
  ];
}

/**
 * The projected SQL of one date (`$asOf`, a naive timestamp): `key` and the given columns, one row
 * per customer with a counted order, by key; null when a column is not projected (`n_categories`).
 *
 * @example
 * snapshotSql(["recency_days", "monetary"]); // "WITH counted AS (…) SELECT p.key, … ORDER BY p.key"
 */
export function snapshotSql(columns: readonly string[]): string | null {
  if (columns.some((c) => !Object.hasOwn(COLUMNS, c))) return null;
  const reads = new Set<string>();
  for (const c of columns) for (const a of COLUMNS[c].reads) reads.add(a);
  const aggregates = [...reads].map((a) => `${AGGREGATES[a]} AS ${a}`);
  const reviews = [...reads].some((a) => REVIEW_AGGREGATES.has(a));
  return `
WITH
counted AS (
  SELECT *
  FROM ${SNAPSHOT_ORDERS_TABLE}
  WHERE reached_status_at < $asOf::TIMESTAMP
    AND purchased_at < $asOf::TIMESTAMP
),${
    reviews
      ? `
order_reviews_at AS (
  SELECT r.okey, avg(r.review_score) AS score
  FROM ${SNAPSHOT_REVIEWS_TABLE} r
  SEMI JOIN counted USING (okey)
  WHERE r.created_at < $asOf::TIMESTAMP
  GROUP BY r.okey
),`
      : ""
  }
per_customer AS (
  SELECT c.key${aggregates.map((a) => `, ${a}`).join("")}
  FROM counted c${reviews ? "\n  LEFT JOIN order_reviews_at r USING (okey)" : ""}
  GROUP BY c.key
)
SELECT p.key${columns.map((c) => `, ${COLUMNS[c].sql} AS ${c}`).join("")}
FROM per_customer p
ORDER BY p.key`;
}
