/**
 * The inputs of the customer-value model read from the Olist tables in DuckDB, one row per
 * `customer_unique_id`, in the customer table's order (`customerFeatures(db, { asOf })` has the same
 * ids, checked by the value study).
 *
 * **Counted orders** are those of the customer table (src/features/customers.ts): no data-quality
 * exclusion, a counted status (default `delivered`) reached before the as-of date, purchased before
 * it. The feature SQL keeps that rule inside its query, so {@link countedOrdersWhereSql} restates it
 * over the same fact table; a test holds both to the same orders, revenue and dates per customer.
 *
 * **Purchase events are purchase days**: the orders a customer places on one calendar day are one
 * purchase (their values summed), as in Fader and Hardie's data and the `lifetimes` summaries. On the
 * twin, ~29 % of repeat customers' second order falls on the day of the first: a split basket, not
 * a return visit, which would otherwise read as a very fast buyer who then stopped. Times are in
 * days from the first purchase day: x = purchase days − 1, t_x = last − first purchase day,
 * T = as-of date − first purchase day.
 */
import type { Database } from "../data/db.js";
import type { OrderStatus } from "../features/definitions.js";
import { DEFAULT_COUNTED_STATUSES, ORDER_STATUSES } from "../features/definitions.js";
import { parseAsOf, timestampLiteral } from "../features/asOfDate.js";
import { defaultAsOf } from "../features/customers.js";
import { ensureFeatureFacts, FACT_TABLES } from "../features/facts.js";

/** The value model's inputs at an as-of date. */
export interface ValueInputs {
  asOf: Date;
  countedStatuses: readonly OrderStatus[];
  /** `customer_unique_id` of each row, sorted. */
  ids: string[];
  /** Repeat purchase days. */
  x: Float64Array;
  /** Days from the first to the last purchase day. */
  tx: Float64Array;
  /** Days from the first purchase day to the as-of date. */
  T: Float64Array;
  /** Counted orders (= the customer table's `frequency`). */
  orders: Float64Array;
  /** Sum of payments over counted orders, R$ (= the customer table's `monetary`). */
  revenue: Float64Array;
  /** Mean value of the repeat purchase days (all but the first), R$; NaN when x = 0. */
  repeatMeanValue: Float64Array;
}

/** Options of {@link valueInputs}. */
export interface ValueInputOptions {
  /** As-of date (default: `defaultAsOf(db)`, as for the customer table). */
  asOf?: Date | string;
  /** Counted order statuses (default `["delivered"]`, as for the customer table). */
  countedStatuses?: readonly OrderStatus[];
}

/**
 * SQL condition (over the order fact table) of an order counted at `$<param>`: the customer table's
 * rule (src/features/customerSql.ts, CTE `counted`).
 */
export function countedOrdersWhereSql(countedStatuses: readonly string[], param = "asOf"): string {
  if (countedStatuses.length === 0)
    throw new Error("countedStatuses is empty: count at least one status.");
  for (const s of countedStatuses) {
    if (!(ORDER_STATUSES as readonly string[]).includes(s)) {
      throw new Error(`Unknown order status "${s}"; known statuses: ${ORDER_STATUSES.join(", ")}.`);
    }
  }
  const statuses = countedStatuses.map((s) => `'${s}'`).join(", ");
  return `exclusion IS NULL
    AND order_status IN (${statuses})
    AND reached_status_at < $${param}::TIMESTAMP
    AND purchased_at < $${param}::TIMESTAMP`;
}

function inputsSql(countedStatuses: readonly string[]): string {
  return `
WITH counted AS (
  SELECT customer_unique_id, date_trunc('day', purchased_at) AS day, payment_total
  FROM ${FACT_TABLES.orders}
  WHERE ${countedOrdersWhereSql(countedStatuses)}
),
-- One row per purchase day; k numbers a customer's purchase days (1 = first).
days AS (
  SELECT customer_unique_id, day, count(*) AS orders, sum(payment_total) AS value,
    row_number() OVER (PARTITION BY customer_unique_id ORDER BY day) AS k
  FROM counted
  GROUP BY customer_unique_id, day
)
SELECT
  customer_unique_id,
  CAST(count(*) - 1 AS DOUBLE) AS x,
  (epoch(max(day)) - epoch(min(day))) / 86400 AS tx,
  (epoch($asOf::TIMESTAMP) - epoch(min(day))) / 86400 AS T,
  CAST(sum(orders) AS DOUBLE) AS orders,
  round(sum(value), 2) AS revenue,
  avg(value) FILTER (WHERE k > 1) AS repeat_mean_value
FROM days
GROUP BY customer_unique_id
ORDER BY customer_unique_id`;
}

/** Reads named numeric columns of a query as Float64Arrays (NULL → NaN) plus its first (id) column. */
async function readColumns(
  db: Database,
  sql: string,
  params: Record<string, string>,
  names: readonly string[],
): Promise<{ ids: string[]; columns: Record<string, Float64Array> }> {
  const reader = await db.reader(sql, params);
  const all = reader.columnNames();
  const data = reader.getColumnsJS();
  const ids = (data[0] ?? []) as string[];
  const columns: Record<string, Float64Array> = {};
  for (const name of names) {
    const values = (data[all.indexOf(name)] ?? []) as (number | null)[];
    columns[name] = Float64Array.from(values, (v) => v ?? NaN);
  }
  return { ids, columns };
}

/**
 * The value model's inputs at an as-of date: one row per customer with a counted order before it.
 *
 * @example
 * const inputs = await valueInputs(db, { asOf: "2017-09-01" });
 * inputs.x; // repeat purchase days per customer
 */
export async function valueInputs(
  db: Database,
  options: ValueInputOptions = {},
): Promise<ValueInputs> {
  const countedStatuses = options.countedStatuses ?? DEFAULT_COUNTED_STATUSES;
  await ensureFeatureFacts(db);
  const asOf = options.asOf === undefined ? await defaultAsOf(db) : parseAsOf(options.asOf);
  const names = ["x", "tx", "T", "orders", "revenue", "repeat_mean_value"] as const;
  const { ids, columns } = await readColumns(
    db,
    inputsSql(countedStatuses),
    { asOf: timestampLiteral(asOf) },
    names,
  );
  return {
    asOf,
    countedStatuses,
    ids,
    x: columns.x,
    tx: columns.tx,
    T: columns.T,
    orders: columns.orders,
    revenue: columns.revenue,
    repeatMeanValue: columns.repeat_mean_value,
  };
}

/** What a calibration cohort did in a holdout window, aligned with the cohort's ids. */
export interface HoldoutOutcome {
  cut: Date;
  end: Date;
  /** Purchase days in [cut, end) counted at `end`, per cohort customer. */
  purchases: Float64Array;
  /** Counted orders in the window, per cohort customer. */
  orders: Float64Array;
  /** Revenue of those orders, R$, per cohort customer. */
  revenue: Float64Array;
  /** Customers whose first counted purchase is in the window (not in the cohort: not predicted). */
  newCustomers: number;
  /** Cohort orders purchased before the cut but counted only after it (in neither period). */
  inTransitAtCut: number;
}

function holdoutSql(countedStatuses: readonly string[]): string {
  return `
WITH window_orders AS (
  SELECT customer_unique_id, date_trunc('day', purchased_at) AS day, payment_total
  FROM ${FACT_TABLES.orders}
  WHERE ${countedOrdersWhereSql(countedStatuses, "end")} AND purchased_at >= $cut::TIMESTAMP
),
late AS (
  SELECT customer_unique_id, count(*) AS in_transit
  FROM ${FACT_TABLES.orders}
  WHERE ${countedOrdersWhereSql(countedStatuses, "end")}
    AND purchased_at < $cut::TIMESTAMP AND reached_status_at >= $cut::TIMESTAMP
  GROUP BY customer_unique_id
),
per_customer AS (
  SELECT customer_unique_id, CAST(count(DISTINCT day) AS DOUBLE) AS purchases,
    CAST(count(*) AS DOUBLE) AS orders, round(sum(payment_total), 2) AS revenue
  FROM window_orders
  GROUP BY customer_unique_id
)
SELECT coalesce(p.customer_unique_id, l.customer_unique_id) AS customer_unique_id,
  coalesce(p.purchases, 0) AS purchases, coalesce(p.orders, 0) AS orders,
  coalesce(p.revenue, 0) AS revenue, CAST(coalesce(l.in_transit, 0) AS DOUBLE) AS in_transit
FROM per_customer p
FULL JOIN late l USING (customer_unique_id)
ORDER BY 1`;
}

/**
 * What the customers `cohortIds` (the calibration customers at `cut`) bought in [cut, end): purchase
 * days, orders and revenue counted at `end`. Customers new in the window are counted, not returned.
 *
 * @example
 * const outcome = await holdoutOutcome(db, calibration.ids, { cut, end });
 */
export async function holdoutOutcome(
  db: Database,
  cohortIds: readonly string[],
  options: { cut: Date; end: Date; countedStatuses?: readonly OrderStatus[] },
): Promise<HoldoutOutcome> {
  const { cut, end } = options;
  await ensureFeatureFacts(db, { detectChanges: false });
  const { ids, columns } = await readColumns(
    db,
    holdoutSql(options.countedStatuses ?? DEFAULT_COUNTED_STATUSES),
    { cut: timestampLiteral(cut), end: timestampLiteral(end) },
    ["purchases", "orders", "revenue", "in_transit"],
  );
  const row = new Map<string, number>();
  cohortIds.forEach((id, i) => row.set(id, i));
  const n = cohortIds.length;
  const purchases = new Float64Array(n);
  const orders = new Float64Array(n);
  const revenue = new Float64Array(n);
  let newCustomers = 0;
  let inTransitAtCut = 0;
  for (let j = 0; j < ids.length; j++) {
    const i = row.get(ids[j]);
    if (i === undefined) {
      if (columns.purchases[j] > 0) newCustomers++;
      continue;
    }
    purchases[i] = columns.purchases[j];
    orders[i] = columns.orders[j];
    revenue[i] = columns.revenue[j];
    inTransitAtCut += columns.in_transit[j];
  }
  return { cut, end, purchases, orders, revenue, newCustomers, inTransitAtCut };
}
