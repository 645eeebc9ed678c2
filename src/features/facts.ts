/**
 * Order-level facts computed once per database, so that the customer table at any as-of date is one
 * aggregation query (the maintenance simulation asks for ~50 dates). Three temp tables:
 *
 * - `feature_order_facts`: one row per order: customer, timestamps, the timestamp at which the order
 *   reached its (final) status, payment totals by type, instalments, items, price, freight, and the
 *   data-quality reason that excludes it whatever the date (NULL when none);
 * - `feature_item_facts`: items per (order, category): count and spend (price);
 * - `feature_review_facts`: one row per (review_id, order_id) with score and creation date (reviews
 *   stay separate because which of them exist depends on the as-of date).
 *
 * The facts do not depend on the options of `customerFeatures`. They are cached: rebuilt when the
 * content fingerprint of a source table changes, or on an explicit {@link prepareFeatureFacts}.
 * They read the tables after the value policies of the schema (`src/data/policies.ts`).
 */
import type { Database } from "../data/db.js";
import { OlistDataError } from "../data/errors.js";
import { ensureValuePolicies } from "../data/policies.js";
import { tableSpec } from "../data/schema.js";

/** The source tables the facts read. */
export const FACT_SOURCE_TABLES = [
  "orders",
  "customers",
  "order_items",
  "order_payments",
  "order_reviews",
  "products",
  "category_translation",
] as const;

/** Names of the temp tables built by {@link prepareFeatureFacts}. */
export const FACT_TABLES = {
  orders: "feature_order_facts",
  items: "feature_item_facts",
  reviews: "feature_review_facts",
} as const;

/**
 * De-duplicated views of the source tables, as CTEs: a key that repeats keeps one row (the first
 * by the listed columns, so the choice is deterministic). The cleaning report counts the repeats.
 */
export const UNIQUE_SOURCES_SQL = `
-- One row per order_id.
orders_unique AS (
  SELECT * FROM orders
  QUALIFY row_number() OVER (
    PARTITION BY order_id ORDER BY order_purchase_timestamp, order_status, customer_id) = 1
),
-- One row per customer_id (customer_id is per order; customer_unique_id is the person).
customers_unique AS (
  SELECT * FROM customers
  QUALIFY row_number() OVER (
    PARTITION BY customer_id ORDER BY customer_unique_id, customer_state) = 1
),
-- One row per (order_id, order_item_id).
items_unique AS (
  SELECT * FROM order_items
  QUALIFY row_number() OVER (
    PARTITION BY order_id, order_item_id ORDER BY product_id, price, freight_value) = 1
),
-- One row per (order_id, payment_sequential).
payments_unique AS (
  SELECT * FROM order_payments
  QUALIFY row_number() OVER (
    PARTITION BY order_id, payment_sequential
    ORDER BY payment_type, payment_value, payment_installments) = 1
),
-- One row per (review_id, order_id): the same review_id on several orders is legitimate in Olist.
reviews_unique AS (
  SELECT * FROM order_reviews
  QUALIFY row_number() OVER (
    PARTITION BY review_id, order_id ORDER BY review_creation_date, review_score) = 1
),
-- One row per product_id.
products_unique AS (
  SELECT * FROM products
  QUALIFY row_number() OVER (PARTITION BY product_id ORDER BY product_category_name) = 1
),
-- One English name per Portuguese category name.
translation_unique AS (
  SELECT * FROM category_translation
  QUALIFY row_number() OVER (
    PARTITION BY product_category_name ORDER BY product_category_name_english) = 1
)`;

/**
 * The timestamp at which an order reached its final status, by status. The data hold no timestamp
 * for created / canceled / unavailable, so those use the purchase timestamp (an order canceled after
 * the as-of date is then already "canceled" at it: count those statuses only knowingly).
 */
export const REACHED_STATUS_AT_SQL = `CASE
    WHEN o.order_status = 'delivered' THEN o.order_delivered_customer_date
    WHEN o.order_status = 'shipped' THEN o.order_delivered_carrier_date
    WHEN o.order_status IN ('approved', 'invoiced', 'processing') THEN o.order_approved_at
    ELSE o.order_purchase_timestamp
  END`;

const ORDER_FACTS_SQL = `
CREATE OR REPLACE TEMP TABLE ${FACT_TABLES.orders} AS
WITH ${UNIQUE_SOURCES_SQL},
-- Payment totals of each order; money is rounded to cents so sums do not depend on summation order.
payment_totals AS (
  SELECT
    order_id,
    round(sum(payment_value), 2) AS payment_total,
    round(coalesce(sum(payment_value) FILTER (WHERE payment_type = 'credit_card'), 0), 2) AS paid_credit_card,
    round(coalesce(sum(payment_value) FILTER (WHERE payment_type = 'boleto'), 0), 2) AS paid_boleto,
    round(coalesce(sum(payment_value) FILTER (WHERE payment_type = 'voucher'), 0), 2) AS paid_voucher,
    round(coalesce(sum(payment_value) FILTER (WHERE payment_type = 'debit_card'), 0), 2) AS paid_debit_card,
    -- Instalments of the order = those of its card payment; other payment rows hold 1.
    max(payment_installments) AS installments
  FROM payments_unique
  GROUP BY order_id
),
-- Item totals of each order.
item_totals AS (
  SELECT
    order_id,
    count(*) AS n_items,
    round(sum(price), 2) AS price_total,
    round(sum(freight_value), 2) AS freight_total
  FROM items_unique
  GROUP BY order_id
)
SELECT
  o.order_id,
  c.customer_unique_id,
  c.customer_state,
  o.order_status,
  o.order_purchase_timestamp AS purchased_at,
  ${REACHED_STATUS_AT_SQL} AS reached_status_at,
  o.order_delivered_customer_date AS delivered_at,
  (epoch(o.order_delivered_customer_date) - epoch(o.order_purchase_timestamp)) / 86400 AS delivery_days,
  -- Timestamp rule: the estimate is stored at 00:00, so delivery on the promised day counts as late.
  CAST(o.order_delivered_customer_date > o.order_estimated_delivery_date AS DOUBLE) AS is_late,
  -- Reasons that exclude the order at any date, first applicable one (the cleaning report lists them).
  CASE
    WHEN c.customer_unique_id IS NULL THEN 'no_customer'
    WHEN o.order_delivered_customer_date < o.order_purchase_timestamp THEN 'delivered_before_purchase'
    WHEN p.order_id IS NULL THEN 'no_payment'
    WHEN i.order_id IS NULL THEN 'no_items'
  END AS exclusion,
  coalesce(p.payment_total, 0) AS payment_total,
  coalesce(p.paid_credit_card, 0) AS paid_credit_card,
  coalesce(p.paid_boleto, 0) AS paid_boleto,
  coalesce(p.paid_voucher, 0) AS paid_voucher,
  coalesce(p.paid_debit_card, 0) AS paid_debit_card,
  CAST(p.installments AS DOUBLE) AS installments,
  coalesce(i.n_items, 0) AS n_items,
  coalesce(i.price_total, 0) AS price_total,
  coalesce(i.freight_total, 0) AS freight_total
FROM orders_unique o
LEFT JOIN customers_unique c USING (customer_id)
LEFT JOIN payment_totals p USING (order_id)
LEFT JOIN item_totals i USING (order_id)
WHERE o.order_purchase_timestamp IS NOT NULL
ORDER BY c.customer_unique_id, o.order_id`;

const ITEM_FACTS_SQL = `
CREATE OR REPLACE TEMP TABLE ${FACT_TABLES.items} AS
WITH ${UNIQUE_SOURCES_SQL},
-- English category name; untranslated categories keep their Portuguese name; none → 'unknown'.
item_categories AS (
  SELECT
    i.order_id,
    i.price,
    coalesce(
      t.product_category_name_english,
      nullif(trim(p.product_category_name), ''),
      'unknown'
    ) AS category
  FROM items_unique i
  LEFT JOIN products_unique p USING (product_id)
  LEFT JOIN translation_unique t USING (product_category_name)
)
SELECT order_id, category, count(*) AS n_items, round(sum(price), 2) AS spend
FROM item_categories
GROUP BY order_id, category
ORDER BY order_id, category`;

const REVIEW_FACTS_SQL = `
CREATE OR REPLACE TEMP TABLE ${FACT_TABLES.reviews} AS
WITH ${UNIQUE_SOURCES_SQL}
SELECT order_id, review_id, CAST(review_score AS DOUBLE) AS review_score,
  review_creation_date AS created_at
FROM reviews_unique
WHERE review_score IS NOT NULL AND review_creation_date IS NOT NULL
ORDER BY order_id`;

/** Fingerprint of the source tables: row count and an order-independent hash of all rows. */
async function sourceFingerprint(db: Database): Promise<string> {
  const parts = FACT_SOURCE_TABLES.map(
    (t) => `SELECT '${t}' AS t, count(*) AS n, coalesce(bit_xor(hash(s)), 0) AS h FROM ${t} AS s`,
  ).join(" UNION ALL ");
  const rows = await db.rows<{ t: string; n: number; h: number }>(
    `SELECT t, n, CAST(h AS VARCHAR) AS h FROM (${parts}) ORDER BY t`,
  );
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join("|");
}

const fingerprints = new WeakMap<Database, string>();
/** How many times the facts of each database were built. */
const builds = new WeakMap<Database, number>();

/**
 * How many times the fact tables of this database were built (0: never): copies derived from the
 * facts (the maintenance snapshots' order tables) are stale when this number changed.
 *
 * @example
 * const before = factsBuildCount(db); await prepareFeatureFacts(db); factsBuildCount(db) === before + 1;
 */
export function factsBuildCount(db: Database): number {
  return builds.get(db) ?? 0;
}

/**
 * Builds (or rebuilds) the order-level fact tables of this database. Call it after changing the
 * source tables if you turned change detection off; otherwise {@link ensureFeatureFacts} does it.
 *
 * @example
 * await prepareFeatureFacts(db); // ~1 s at full scale
 */
export async function prepareFeatureFacts(db: Database): Promise<void> {
  await checkSourceTables(db);
  // The schema's value policies, once per database (the loader applies them; a database filled by
  // hand gets them here), so every table, command and notebook sees the same rows.
  await ensureValuePolicies(db);
  const fingerprint = await sourceFingerprint(db);
  await db.run(ORDER_FACTS_SQL);
  await db.run(ITEM_FACTS_SQL);
  await db.run(REVIEW_FACTS_SQL);
  fingerprints.set(db, fingerprint);
  builds.set(db, factsBuildCount(db) + 1);
}

/** Options of {@link ensureFeatureFacts}. */
export interface EnsureFactsOptions {
  /**
   * Re-hash the source tables to detect changes (default true; costs ~50 ms at full scale). With
   * false, the facts are built once per database and {@link prepareFeatureFacts} refreshes them.
   */
  detectChanges?: boolean;
}

/** Makes sure the fact tables exist and match the current source tables; rebuilds them if not. */
export async function ensureFeatureFacts(
  db: Database,
  options: EnsureFactsOptions = {},
): Promise<void> {
  const known = fingerprints.get(db);
  if (known === undefined) return prepareFeatureFacts(db);
  if (options.detectChanges === false) return;
  if ((await sourceFingerprint(db)) !== known) await prepareFeatureFacts(db);
}

/**
 * Throws an `OlistDataError` (exit code 2 in a command) when a source table the features need is
 * missing from the database: it names each table with its file and says how to load them.
 */
async function checkSourceTables(db: Database): Promise<void> {
  const present = new Set(
    (await db.rows<{ name: string }>("SELECT table_name AS name FROM duckdb_tables()")).map(
      (r) => r.name,
    ),
  );
  const missing = FACT_SOURCE_TABLES.filter((t) => !present.has(t));
  if (missing.length > 0) {
    const named = missing.map((t) => `${t} (${tableSpec(t).file}.csv)`).join(", ");
    throw new OlistDataError(
      `Customer features need the Olist tables ${named}, missing from this database: load the ` +
        "data folder with openOlist() (src/pipeline/openData.ts, the twin when there are no real " +
        "files) or loadOlist({ dataDir }) (src/data/load.ts), or create the tables with " +
        "createOlistTables() (src/data/tables.ts) and insert their rows.",
    );
  }
}
