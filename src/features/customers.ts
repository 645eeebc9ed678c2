/**
 * The customer table at an as-of date, keyed by `customer_unique_id`, computed without leakage:
 * only facts dated strictly before the as-of date T are used.
 *
 * - An order counts at T when it was purchased before T, its status is counted, and it had reached
 *   that status before T (for `delivered`: `order_delivered_customer_date < T`; an order still in
 *   transit at T is not yet delivered). Orders with a data-quality exclusion never count.
 * - Reviews count when created before T; delivery facts when the delivery happened before T.
 */
import { completeDataAsOf } from "./asOf.js";
import type { Database } from "../data/db.js";
import type {
  CustomerTable,
  NumericFeature,
  OrderAccounting,
  OrderExclusion,
  OrderStatus,
  TextFeature,
} from "./definitions.js";
import {
  DEFAULT_COUNTED_STATUSES,
  NUMERIC_FEATURES,
  ORDER_STATUSES,
  TEXT_FEATURES,
} from "./definitions.js";
import type { EnsureFactsOptions } from "./facts.js";
import { ensureFeatureFacts, FACT_TABLES } from "./facts.js";

/** Options of {@link customerFeatures}. */
export interface CustomerFeatureOptions extends EnsureFactsOptions {
  /**
   * The as-of date T (a `Date`, or `YYYY-MM-DD` / ISO text read as UTC). Default: midnight after the
   * day of the latest purchase in `orders` (every order of the data is then before T).
   */
  asOf?: Date | string;
  /** Order statuses that count as purchases (default `["delivered"]`). */
  countedStatuses?: readonly OrderStatus[];
}

/** Parses an as-of date given as `Date` or text; throws a clear error for anything unparseable. */
export function parseAsOf(value: Date | string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new Error("asOf is an invalid Date; pass a valid date.");
    return value;
  }
  const text = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?)?$/.exec(
    text,
  );
  if (!m) {
    throw new Error(
      `asOf "${value}" is not a date: use YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS), read as UTC.`,
    );
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0"] = m;
  if (+h > 23 || +mi > 59 || +s > 59) throw new Error(`asOf "${value}" has an impossible time.`);
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(ms.padEnd(3, "0"))));
  // Date.UTC rolls 2018-02-30 over to March: reject instead of silently moving the date.
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) {
    throw new Error(
      `asOf "${value}" is not a calendar date (day ${d} does not exist in ${y}-${mo}).`,
    );
  }
  return date;
}

/** Formats a Date as the naive UTC timestamp literal DuckDB compares with the data. */
export function timestampLiteral(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** Checks counted statuses against the known ones and returns them as SQL literals. */
function statusListSql(statuses: readonly string[]): string {
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
 * The default as-of date: where the data are complete (see {@link completeDataAsOf} for the rule and
 * its reason): midnight after the last purchase day whose orders are mostly delivered and whose volume
 * is a normal day's, not weeks of undelivered orders later.
 *
 * @example
 * await defaultAsOf(db); // 2018-09-01T00:00:00Z on the twin (last purchase 2018-10-11)
 */
export async function defaultAsOf(db: Database): Promise<Date> {
  return (await completeDataAsOf(db)).asOf;
}

/** Throws when T is not after the first purchase (nothing could be known yet). */
async function checkAsOf(db: Database, asOf: Date): Promise<void> {
  const first = await db.scalar<Date | null>(`SELECT min(purchased_at) FROM ${FACT_TABLES.orders}`);
  if (first instanceof Date && asOf.getTime() <= first.getTime()) {
    throw new Error(
      `asOf ${asOf.toISOString()} is not after the first purchase in orders ` +
        `(${first.toISOString()}): no customer exists yet. Choose a later asOf.`,
    );
  }
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

/** SQL counting the orders purchased before T by how they were used (first applicable reason). */
function accountingSql(countedStatuses: readonly string[]): string {
  const statuses = statusListSql(countedStatuses);
  return `
SELECT
  CASE
    WHEN order_status NOT IN (${statuses}) THEN 'status_not_counted'
    WHEN exclusion IS NOT NULL THEN exclusion
    WHEN reached_status_at IS NULL THEN 'no_status_timestamp'
    WHEN reached_status_at >= $asOf::TIMESTAMP THEN 'not_yet_reached'
    ELSE 'counted'
  END AS outcome,
  count(*) AS n
FROM ${FACT_TABLES.orders}
WHERE purchased_at < $asOf::TIMESTAMP
GROUP BY outcome`;
}

/** Resolves the options shared by the table builders. */
async function resolveOptions(
  db: Database,
  options: CustomerFeatureOptions,
): Promise<{ asOf: Date; countedStatuses: readonly OrderStatus[] }> {
  const countedStatuses = options.countedStatuses ?? DEFAULT_COUNTED_STATUSES;
  statusListSql(countedStatuses);
  await ensureFeatureFacts(db, options);
  const asOf = options.asOf === undefined ? await defaultAsOf(db) : parseAsOf(options.asOf);
  await checkAsOf(db, asOf);
  return { asOf, countedStatuses };
}

/**
 * The customer table at an as-of date: one row per `customer_unique_id` with a counted order, every
 * feature of `NUMERIC_FEATURE_DOCS` / `TEXT_FEATURE_DOCS`, plus the accounting of the orders left out.
 * Order-level facts are built once per database (see `prepareFeatureFacts`); each call is then one
 * aggregation query.
 *
 * @example
 * const table = await customerFeatures(db, { asOf: "2018-01-01" });
 * table.ids.length; // customers with a delivered order before 2018-01-01
 * table.numeric.recency_days; // Float64Array
 */
export async function customerFeatures(
  db: Database,
  options: CustomerFeatureOptions = {},
): Promise<CustomerTable> {
  const { asOf, countedStatuses } = await resolveOptions(db, options);
  const params = { asOf: timestampLiteral(asOf) };
  const reader = await db.reader(customerFeaturesSql(countedStatuses), params);
  const names = reader.columnNames();
  const columns = reader.getColumnsJS();
  // With no row, DuckDB returns no column arrays at all.
  const column = (name: string): unknown[] => columns[names.indexOf(name)] ?? [];

  const ids = column("customer_unique_id") as string[];
  const numeric = {} as Record<NumericFeature, Float64Array>;
  for (const name of NUMERIC_FEATURES) {
    const values = column(name) as (number | null)[];
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? NaN;
    numeric[name] = out;
  }
  const text = {} as Record<TextFeature, string[]>;
  for (const name of TEXT_FEATURES) text[name] = column(name) as string[];

  const orders = await orderAccounting(db, asOf, countedStatuses);
  // Each customer has at least one counted order: more rows than orders would be a bug.
  if (ids.length > orders.counted) {
    throw new Error(
      `Internal error: ${ids.length} customers from ${orders.counted} counted orders.`,
    );
  }
  return { asOf, countedStatuses, ids, numeric, text, orders };
}

/** How the orders purchased before T were used: counted, or the reason they were not. */
export async function orderAccounting(
  db: Database,
  asOf: Date,
  countedStatuses: readonly OrderStatus[] = DEFAULT_COUNTED_STATUSES,
): Promise<OrderAccounting> {
  await ensureFeatureFacts(db, { detectChanges: false });
  const rows = await db.rows<{ outcome: string; n: number }>(accountingSql(countedStatuses), {
    asOf: timestampLiteral(asOf),
  });
  const excluded: Record<OrderExclusion, number> = {
    status_not_counted: 0,
    not_yet_reached: 0,
    no_status_timestamp: 0,
    no_customer: 0,
    delivered_before_purchase: 0,
    no_payment: 0,
    no_items: 0,
  };
  let counted = 0;
  let purchased = 0;
  for (const { outcome, n } of rows) {
    purchased += n;
    if (outcome === "counted") counted = n;
    else excluded[outcome as OrderExclusion] = n;
  }
  return { purchased, counted, excluded };
}

/** Options of {@link materializeCustomerFeatures}. */
export interface MaterializeOptions extends CustomerFeatureOptions {
  /** Name of the DuckDB table to (re)create (default `customer_features`). */
  tableName?: string;
}

/**
 * Writes the customer table at T into a DuckDB table (default `customer_features`) for notebook
 * queries; returns its name, row count and as-of date.
 *
 * @example
 * await materializeCustomerFeatures(db, { asOf: "2018-06-01" });
 * await db.rows("SELECT customer_state, avg(monetary) FROM customer_features GROUP BY 1");
 */
export async function materializeCustomerFeatures(
  db: Database,
  options: MaterializeOptions = {},
): Promise<{ tableName: string; rows: number; asOf: Date }> {
  const tableName = options.tableName ?? "customer_features";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tableName)) {
    throw new Error(`tableName "${tableName}" is not a plain SQL identifier (letters, digits, _).`);
  }
  const { asOf, countedStatuses } = await resolveOptions(db, options);
  const params = { asOf: timestampLiteral(asOf) };
  await db.run(
    `CREATE OR REPLACE TABLE ${tableName} AS ${customerFeaturesSql(countedStatuses)}`,
    params,
  );
  const rows = await db.scalar<number>(`SELECT count(*) FROM ${tableName}`);
  return { tableName, rows, asOf };
}
