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
import { parseAsOf, timestampLiteral } from "./asOfDate.js";
import { customerFeaturesSql, statusListSql } from "./customerSql.js";
import type { Database } from "../data/db.js";
import type { CustomerTable, NumericFeature, OrderStatus, TextFeature } from "./definitions.js";
import { DEFAULT_COUNTED_STATUSES, NUMERIC_FEATURES, TEXT_FEATURES } from "./definitions.js";
import type { DerivedFeature } from "./derivedFeatures.js";
import { DERIVED_FEATURES, derivedColumns } from "./derivedFeatures.js";
import type { EnsureFactsOptions } from "./facts.js";
import { ensureFeatureFacts, FACT_TABLES } from "./facts.js";
import { orderAccounting } from "./orderAccounting.js";

/** Options of {@link customerFeatures}. */
export interface CustomerFeatureOptions extends EnsureFactsOptions {
  /**
   * The as-of date T (a `Date`, or `YYYY-MM-DD` / ISO text read as UTC). Default: midnight after the
   * day of the latest purchase in `orders` (every order of the data is then before T).
   */
  asOf?: Date | string;
  /** Order statuses that count as purchases (default `["delivered"]`). */
  countedStatuses?: readonly OrderStatus[];
  /**
   * Derived features added to `numeric` after the SQL ones (default {@link DERIVED_FEATURES}, the
   * registry of `derivedFeatures.ts`; the materialised table holds the SQL features only).
   */
  derived?: readonly DerivedFeature[];
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
  // Read chunk by chunk into typed arrays (millions of customers: no array of boxed values).
  const columns = await db.typedColumns(customerFeaturesSql(countedStatuses), params, [
    "customer_unique_id",
    ...TEXT_FEATURES,
  ]);
  const ids = (columns.text.customer_unique_id ?? []) as string[];
  const numeric = {} as Record<NumericFeature, Float64Array>;
  for (const name of NUMERIC_FEATURES) numeric[name] = columns.float64[name] ?? new Float64Array(0);
  Object.assign(numeric, derivedColumns(numeric, asOf, options.derived ?? DERIVED_FEATURES));
  const text = {} as Record<TextFeature, string[]>;
  for (const name of TEXT_FEATURES) text[name] = (columns.text[name] ?? []) as string[];

  const orders = await orderAccounting(db, asOf, countedStatuses);
  // Each customer has at least one counted order: more rows than orders would be a bug.
  if (ids.length > orders.counted) {
    throw new Error(
      `Internal error: ${ids.length} customers from ${orders.counted} counted orders.`,
    );
  }
  return { asOf, countedStatuses, ids, numeric, text, orders };
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
