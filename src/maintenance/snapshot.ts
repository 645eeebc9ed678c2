/**
 * The customer table as of a date, reduced to what the maintenance simulation reads: the customer
 * ids and the model feature columns. The values are those of `customerFeatures` (tested): the
 * columns come from the projected SQL (`snapshotSql.ts`: the expressions of `customerFeaturesSql`,
 * only the aggregates the columns read, over the orders that can count copied once with integer
 * keys), or, for `n_categories`, from `customerFeaturesSql` itself. What is skipped is the per-call
 * bookkeeping (order accounting, source fingerprint, the other columns), and customers come as
 * integer keys instead of 32-character strings. The data must not change during a simulation (the
 * facts and keys are built on the first call for a database; the copied orders again whenever the
 * facts were rebuilt since).
 */
import type { Database } from "../data/db.js";
import { timestampLiteral } from "../features/asOfDate.js";
import { customerFeaturesSql } from "../features/customerSql.js";
import { ensureFeatureFacts, factsBuildCount } from "../features/facts.js";
import type { CustomerTable, OrderStatus } from "../features/definitions.js";
import { DEFAULT_COUNTED_STATUSES } from "../features/definitions.js";
import type { DerivedFeature } from "../features/derivedFeatures.js";
import { DERIVED_FEATURES, derivedColumns, sqlColumnsFor } from "../features/derivedFeatures.js";
import { snapshotFactsSql, snapshotSql } from "./snapshotSql.js";

/** Customer ids and some numeric feature columns at an as-of date. */
export interface FeatureSnapshot {
  asOf: Date;
  /**
   * The customers: `customer_unique_id` strings, or integer keys (one per customer of the data, see
   * {@link featureSnapshot}), faster to read from DuckDB and to match between dates.
   */
  ids: readonly string[] | Int32Array;
  numeric: Readonly<Record<string, Float64Array>>;
}

/** A snapshot seen as a customer table by the functions that only read its numeric columns. */
export function asNumericTable(snapshot: FeatureSnapshot): Pick<CustomerTable, "numeric"> {
  return snapshot as unknown as Pick<CustomerTable, "numeric">;
}

/** Temp table numbering the customers (`customer_unique_id` in sorted order, from 0). */
export const CUSTOMER_KEYS_TABLE = "maintenance_customer_keys";

/**
 * The `features` columns of `customerFeatures(db, { asOf })`, in the same order (by id), with the
 * customers as integer keys: the rank of `customer_unique_id` among all customers of the data
 * (temp table {@link CUSTOMER_KEYS_TABLE}, built on the first call for a database).
 * `customerFilter` keeps some customers only (an SQL condition on `customer_unique_id`, e.g. the
 * study's seeded sample, `customerSample.ts`); default all. A derived
 * feature (`derivedFeatures.ts`) is computed from its SQL inputs as `customerFeatures` does.
 *
 * @example
 * const s = await featureSnapshot(db, new Date("2018-03-01"), ["recency_days", "monetary"]);
 */
export async function featureSnapshot(
  db: Database,
  asOf: Date,
  features: readonly string[],
  countedStatuses: readonly OrderStatus[] = DEFAULT_COUNTED_STATUSES,
  derived: readonly DerivedFeature[] = DERIVED_FEATURES,
  customerFilter?: string,
): Promise<FeatureSnapshot & { ids: Int32Array }> {
  const columns = sqlColumnsFor(features, derived);
  if (!prepared.has(db)) {
    // The facts (built once per database) and the numbering of the customers.
    await ensureFeatureFacts(db);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${CUSTOMER_KEYS_TABLE} AS ` +
        `SELECT customer_unique_id, CAST(row_number() OVER (ORDER BY customer_unique_id) - 1 AS INTEGER) AS key ` +
        `FROM (SELECT DISTINCT customer_unique_id FROM customers)`,
    );
    prepared.add(db);
  }
  const projected = snapshotSql(columns);
  let sql: string;
  if (projected) {
    // The orders that can count, copied once per (database, statuses, filter).
    // Rebuilt when the facts were (by customerFeatures after a change of the source tables).
    const factsKey = JSON.stringify([countedStatuses, customerFilter ?? null, factsBuildCount(db)]);
    if (projectedFacts.get(db) !== factsKey) {
      for (const statement of snapshotFactsSql(
        countedStatuses,
        customerFilter,
        CUSTOMER_KEYS_TABLE,
      ))
        await db.run(statement);
      projectedFacts.set(db, factsKey);
    }
    sql = projected;
  } else {
    sql =
      `SELECT k.key, ${columns.map((f) => `t.${f}`).join(", ")} ` +
      `FROM (${customerFeaturesSql(countedStatuses, customerFilter)}) t JOIN ${CUSTOMER_KEYS_TABLE} k USING (customer_unique_id) ` +
      `ORDER BY k.key`;
  }
  const values = await db.float64Columns(sql, { asOf: timestampLiteral(asOf) });
  const ids = Int32Array.from(values[0]);
  const sqlColumns: Record<string, Float64Array> = {};
  columns.forEach((f, j) => (sqlColumns[f] = values[j + 1]));
  const wanted = new Set<string>(features);
  const computed = derivedColumns(
    sqlColumns,
    asOf,
    derived.filter((d) => wanted.has(d.name)),
  );
  const numeric: Record<string, Float64Array> = {};
  for (const f of features) numeric[f] = sqlColumns[f] ?? computed[f];
  return { asOf, ids, numeric };
}

/** Databases whose feature facts and customer keys are ready. */
const prepared = new WeakSet<Database>();
/** The (statuses, filter) whose projected order tables each database holds (`snapshotSql.ts`). */
const projectedFacts = new WeakMap<Database, string>();
