/**
 * Aggregations of the exploration notebook, run in DuckDB so that only a few hundred numbers reach
 * the notebook: table overview, orders over time, categories, delivery delay vs review score,
 * instalments vs order value, orders per person. Each reads the raw Olist tables as loaded.
 */
import type { Database } from "../data/db.js";
import type { ColumnType, TableSpec } from "../data/schema.js";
import { OLIST_TABLES } from "../data/schema.js";

/** One line of {@link tableOverview}. */
export interface TableOverviewRow {
  table: string;
  rows: number;
  columns: number;
  /** Column types as counts, e.g. `4 text, 4 timestamp`. */
  column_types: string;
  /** Empty cells (NULL) over all columns. */
  missing_cells: number;
  /** missing_cells / (rows × columns); 0 for an empty table. */
  missing_share: number;
  /** Columns holding missing values with their count, largest first, e.g. `order_approved_at (160)`. */
  columns_with_missing: string;
}

const TYPE_ORDER: readonly ColumnType[] = ["text", "integer", "decimal", "double", "timestamp"];

/**
 * Size, column types and missing values of each table, one line per table (one query each).
 *
 * @example
 * showTable(await tableOverview(olist.db));
 */
export async function tableOverview(
  db: Database,
  tables: readonly TableSpec[] = OLIST_TABLES,
): Promise<TableOverviewRow[]> {
  const out: TableOverviewRow[] = [];
  for (const spec of tables) {
    const counts = spec.columns.map((c, j) => `count("${c.name}") AS c${j}`).join(", ");
    const [row] = await db.rows<Record<string, number>>(
      `SELECT count(*) AS n, ${counts} FROM ${spec.table}`,
    );
    const n = row.n;
    const missing = spec.columns
      .map((c, j) => ({ name: c.name, missing: n - row[`c${j}`] }))
      .filter((c) => c.missing > 0)
      .sort((a, b) => b.missing - a.missing || a.name.localeCompare(b.name));
    const missingCells = missing.reduce((s, c) => s + c.missing, 0);
    const types = TYPE_ORDER.map(
      (t) => [t, spec.columns.filter((c) => c.type === t).length] as const,
    )
      .filter(([, k]) => k > 0)
      .map(([t, k]) => `${k} ${t}`)
      .join(", ");
    out.push({
      table: spec.table,
      rows: n,
      columns: spec.columns.length,
      column_types: types,
      missing_cells: missingCells,
      missing_share: n > 0 ? missingCells / (n * spec.columns.length) : 0,
      columns_with_missing: missing
        .map((c) => `${c.name} (${c.missing.toLocaleString("en-US")})`)
        .join(", "),
    });
  }
  return out;
}

/** Calendar unit of {@link ordersOverTime}. */
export type Period = "day" | "week" | "month";

/** Order counts per period, gap-free (periods without orders hold 0). */
export interface PeriodCounts {
  /** Start of each period (UTC; weeks start on Monday). */
  periods: Date[];
  orders: number[];
}

/**
 * Orders per calendar period of `order_purchase_timestamp`, from the first to the last period
 * with an order (both may be partial), with empty periods filled with 0.
 *
 * @example
 * const { periods, orders } = await ordersOverTime(db, "month");
 */
export async function ordersOverTime(db: Database, period: Period): Promise<PeriodCounts> {
  if (period !== "day" && period !== "week" && period !== "month") {
    throw new Error(`period must be "day", "week" or "month", got "${String(period)}"`);
  }
  const rows = await db.rows<{ period: Date; orders: number }>(`
    WITH c AS (
      SELECT date_trunc('${period}', order_purchase_timestamp) AS p, count(*) AS n
      FROM orders WHERE order_purchase_timestamp IS NOT NULL GROUP BY 1
    ),
    r AS (
      SELECT unnest(generate_series(
        (SELECT min(p) FROM c)::TIMESTAMP, (SELECT max(p) FROM c)::TIMESTAMP, INTERVAL 1 ${period}
      )) AS p
    )
    SELECT r.p AS period, coalesce(c.n, 0) AS orders
    FROM r LEFT JOIN c USING (p)
    WHERE r.p IS NOT NULL
    ORDER BY 1`);
  return { periods: rows.map((r) => r.period), orders: rows.map((r) => r.orders) };
}

/**
 * Orders by weekday (7 rows, Monday first) and hour of day (24 columns) of the purchase
 * timestamp, as `weekdayHourHeatmap` expects.
 */
export async function weekdayHourCounts(db: Database): Promise<number[][]> {
  const rows = await db.rows<{ d: number; h: number; n: number }>(`
    SELECT isodow(order_purchase_timestamp) - 1 AS d, hour(order_purchase_timestamp) AS h,
           count(*) AS n
    FROM orders WHERE order_purchase_timestamp IS NOT NULL GROUP BY 1, 2`);
  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const { d, h, n } of rows) counts[d][h] = n;
  return counts;
}

/** One line of {@link categoryTotals}. */
export interface CategoryTotal {
  /** English name via category_translation; the Portuguese name when untranslated; `unknown`. */
  category: string;
  /** Distinct orders with at least one item of the category. */
  orders: number;
  /** Item rows (units). */
  items: number;
  /** Sum of item prices (R$, freight excluded). */
  revenue: number;
}

/**
 * Orders, items and item revenue per product category over all order items, sorted by orders.
 * Repeated product ids or translations count once.
 */
export async function categoryTotals(db: Database): Promise<CategoryTotal[]> {
  return db.rows<CategoryTotal>(`
    WITH p AS (
      SELECT product_id, any_value(nullif(trim(product_category_name), '')) AS pt
      FROM products GROUP BY 1
    ),
    t AS (
      SELECT product_category_name AS pt, min(product_category_name_english) AS en
      FROM category_translation GROUP BY 1
    )
    SELECT coalesce(t.en, p.pt, 'unknown') AS category,
           count(DISTINCT i.order_id) AS orders,
           count(*) AS items,
           round(sum(i.price), 2) AS revenue
    FROM order_items i
    LEFT JOIN p USING (product_id)
    LEFT JOIN t ON t.pt = p.pt
    GROUP BY 1
    ORDER BY orders DESC, category`);
}

/**
 * Labels of the bands cut by increasing `edges` on a delay in days (negative = early):
 * `edges.length + 1` bands, each (lo, hi].
 *
 * @example
 * delayBandLabels([-5, 0, 7]); // ["5+ days early", "0–5 days early", "0–7 days late", "7+ days late"]
 */
export function delayBandLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) throw new Error("edges must hold at least one value");
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) throw new Error(`edges must increase, got ${edges.join(", ")}`);
  }
  const side = (lo: number, hi: number): string =>
    hi <= 0 ? `${-hi}–${-lo} days early` : lo >= 0 ? `${lo}–${hi} days late` : `${lo}–${hi} days`;
  const first = edges[0];
  const last = edges[edges.length - 1];
  return [
    first <= 0 ? `${-first}+ days early` : `up to ${first} days late`,
    ...edges.slice(1).map((hi, i) => side(edges[i], hi)),
    last >= 0 ? `${last}+ days late` : `less than ${-last} days early`,
  ];
}

/** Default band edges (days; negative = early) of {@link reviewScoreByDelay}. */
export const DEFAULT_DELAY_EDGES: readonly number[] = [-20, -10, -5, 0, 3, 7, 14];

/** One line of {@link reviewScoreByDelay}. */
export interface DelayBandScore {
  band: string;
  /** Delivered and reviewed orders in the band. */
  orders: number;
  /** Mean over orders of the order's mean review score. */
  mean_score: number;
  /** Share of orders whose mean score is 1 or 2 stars (≤ 2). */
  low_score_share: number;
}

/**
 * Mean review score of delivered orders by delivery delay band, the delay being
 * `order_delivered_customer_date − order_estimated_delivery_date` in fractional days (late when
 * > 0, the timestamp rule of the features). Bands without orders are left out.
 *
 * @example
 * await reviewScoreByDelay(db); // [{ band: "20+ days early", orders, mean_score, … }, …]
 */
export async function reviewScoreByDelay(
  db: Database,
  edges: readonly number[] = DEFAULT_DELAY_EDGES,
): Promise<DelayBandScore[]> {
  const labels = delayBandLabels(edges);
  const band = `CASE ${edges.map((e, i) => `WHEN delay <= ${e} THEN ${i}`).join(" ")} ELSE ${edges.length} END`;
  const rows = await db.rows<{ b: number; orders: number; mean_score: number; low: number }>(`
    WITH d AS (
      SELECT order_id,
             (epoch(order_delivered_customer_date) - epoch(order_estimated_delivery_date)) / 86400
               AS delay
      FROM orders
      WHERE order_status = 'delivered' AND order_delivered_customer_date IS NOT NULL
        AND order_estimated_delivery_date IS NOT NULL
    ),
    s AS (SELECT order_id, avg(review_score) AS score FROM order_reviews GROUP BY 1)
    SELECT ${band} AS b, count(*) AS orders, avg(score) AS mean_score,
           avg(CASE WHEN score <= 2 THEN 1 ELSE 0 END) AS low
    FROM d JOIN s USING (order_id)
    GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({
    band: labels[r.b],
    orders: r.orders,
    mean_score: r.mean_score,
    low_score_share: r.low,
  }));
}

/** Order values (R$) of one instalment band. */
export interface InstallmentBand {
  name: string;
  values: Float64Array;
}

/** Default lower bounds of the instalment bands: 1, 2–3, 4–6, 7–9, 10+. */
export const DEFAULT_INSTALLMENT_BREAKS: readonly number[] = [1, 2, 4, 7, 10];

/**
 * Order value (sum of payment_value) of every order with a positive payment, grouped by the
 * order's largest `payment_installments` (0 counts as 1), in bands starting at `breaks`; ready for
 * `boxChart`. Empty bands are left out.
 *
 * @example
 * boxChart(await orderValueByInstallments(db), { title: "Order value by instalments", logY: true });
 */
export async function orderValueByInstallments(
  db: Database,
  breaks: readonly number[] = DEFAULT_INSTALLMENT_BREAKS,
): Promise<InstallmentBand[]> {
  if (breaks.length === 0 || breaks[0] !== 1) throw new Error("breaks must start at 1");
  for (let i = 1; i < breaks.length; i++) {
    if (!(Number.isInteger(breaks[i]) && breaks[i] > breaks[i - 1])) {
      throw new Error(`breaks must be increasing integers, got ${breaks.join(", ")}`);
    }
  }
  const names = breaks.map((b, i) => {
    const next = breaks[i + 1];
    if (next === undefined) return `${b}+`;
    return next - 1 === b ? String(b) : `${b}–${next - 1}`;
  });
  const band = `CASE ${breaks
    .slice(1)
    .map((b, i) => `WHEN k < ${b} THEN ${i}`)
    .join(" ")} ELSE ${breaks.length - 1} END`;
  const rows = await db.rows<{ b: number; v: number[] }>(`
    WITH o AS (
      SELECT order_id, greatest(coalesce(max(payment_installments), 1), 1) AS k,
             sum(payment_value) AS value
      FROM order_payments GROUP BY 1
    )
    SELECT ${band} AS b, list(value) AS v FROM o WHERE value > 0 GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({ name: names[r.b], values: Float64Array.from(r.v) }));
}

/** One line of {@link ordersPerCustomer}. */
export interface OrdersPerCustomerRow {
  /** "1", "2", … and the last one "N+". */
  orders: string;
  customers: number;
  share: number;
}

/**
 * How many people (`customer_unique_id`) placed 1, 2, …, `cap`+ orders, over all orders or only
 * those with one of `statuses`.
 *
 * @example
 * await ordersPerCustomer(db, { statuses: ["delivered"] });
 */
export async function ordersPerCustomer(
  db: Database,
  options: { statuses?: readonly string[]; cap?: number } = {},
): Promise<OrdersPerCustomerRow[]> {
  const cap = options.cap ?? 5;
  if (!Number.isInteger(cap) || cap < 2) throw new Error(`cap must be an integer >= 2, got ${cap}`);
  const statuses = options.statuses;
  if (statuses && statuses.length === 0) throw new Error("statuses must not be empty");
  const where = statuses
    ? `WHERE o.order_status IN (${statuses.map((s) => `'${s.replaceAll("'", "''")}'`).join(", ")})`
    : "";
  const rows = await db.rows<{ k: number; customers: number }>(`
    WITH per AS (
      SELECT c.customer_unique_id, count(DISTINCT o.order_id) AS n
      FROM orders o JOIN customers c USING (customer_id) ${where}
      GROUP BY 1
    )
    SELECT least(n, ${cap}) AS k, count(*) AS customers FROM per GROUP BY 1 ORDER BY 1`);
  const total = rows.reduce((s, r) => s + r.customers, 0);
  return Array.from({ length: cap }, (_, i) => {
    const k = i + 1;
    const customers = rows.find((r) => r.k === k)?.customers ?? 0;
    return {
      orders: k === cap ? `${k}+` : String(k),
      customers,
      share: total > 0 ? customers / total : 0,
    };
  });
}

/** One line of {@link stateSummary}. */
export interface StateSummaryRow {
  /** `customer_state` of the order's customer_id. */
  state: string;
  /** Distinct people (`customer_unique_id`) with an order in the state. */
  customers: number;
  orders: number;
  /** Mean payment total per order (R$), over orders with a payment. */
  mean_order_value: number;
  /**
   * Share of delivered orders (with delivery and estimated dates) delivered after the estimated
   * date; NaN when the state has none.
   */
  late_share: number;
}

/**
 * Customers, orders, mean order value and late-delivery share per customer state, over all
 * orders, sorted by orders (largest first).
 *
 * @example
 * const states = await stateSummary(db);
 * brazilStateMap(states.map((s) => s.state), states.map((s) => s.orders), { title: "Orders" });
 */
export async function stateSummary(db: Database): Promise<StateSummaryRow[]> {
  const rows = await db.rows<StateSummaryRow>(`
    WITH pay AS (SELECT order_id, sum(payment_value) AS value FROM order_payments GROUP BY 1),
    o AS (
      SELECT DISTINCT o.order_id, c.customer_state AS state, c.customer_unique_id AS person,
             o.order_status = 'delivered' AND o.order_delivered_customer_date IS NOT NULL
               AND o.order_estimated_delivery_date IS NOT NULL AS measurable,
             o.order_delivered_customer_date > o.order_estimated_delivery_date AS late
      FROM orders o JOIN customers c USING (customer_id)
    )
    SELECT state, count(DISTINCT person) AS customers, count(DISTINCT order_id) AS orders,
           avg(pay.value) AS mean_order_value,
           avg(CASE WHEN late THEN 1 ELSE 0 END) FILTER (WHERE measurable) AS late_share
    FROM o LEFT JOIN pay USING (order_id)
    GROUP BY 1 ORDER BY orders DESC, state`);
  return rows.map((r) => ({ ...r, late_share: r.late_share ?? NaN }));
}

/** Per delivered order, in days (fractional): see {@link deliveryTimes}. */
export interface DeliveryTimes {
  /** Purchase → delivery to the customer. */
  actual_days: Float64Array;
  /** Purchase → estimated delivery date (the promise shown at checkout). */
  promised_days: Float64Array;
  /** Delivery − estimated date: > 0 is late, < 0 early. */
  delay_days: Float64Array;
}

/**
 * Actual and promised delivery times of delivered orders with both dates, leaving out orders
 * "delivered" before their purchase (impossible, excluded by the cleaning rules).
 */
export async function deliveryTimes(db: Database): Promise<DeliveryTimes> {
  const cols = await db.numericColumns(`
    SELECT (epoch(order_delivered_customer_date) - epoch(order_purchase_timestamp)) / 86400
             AS actual_days,
           (epoch(order_estimated_delivery_date) - epoch(order_purchase_timestamp)) / 86400
             AS promised_days,
           (epoch(order_delivered_customer_date) - epoch(order_estimated_delivery_date)) / 86400
             AS delay_days
    FROM orders
    WHERE order_status = 'delivered' AND order_delivered_customer_date IS NOT NULL
      AND order_estimated_delivery_date IS NOT NULL
      AND order_delivered_customer_date >= order_purchase_timestamp
    ORDER BY order_id`);
  const empty = () => new Float64Array(0);
  return {
    actual_days: cols.actual_days ?? empty(),
    promised_days: cols.promised_days ?? empty(),
    delay_days: cols.delay_days ?? empty(),
  };
}
