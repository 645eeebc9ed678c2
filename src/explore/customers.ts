/**
 * Customers: orders per person over the raw orders, and the recency, frequency and monetary
 * distributions of the customer table (`src/features/`) with the statistics their takeaways state.
 */
import type { Database } from "../data/db.js";
import { materializeCustomerFeatures } from "../features/customers.js";
import { sqlString } from "./sql.js";

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
  const where = statuses ? `WHERE o.order_status IN (${statuses.map(sqlString).join(", ")})` : "";
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

/** Options of {@link rfmFacts}. */
export interface RfmFactsOptions {
  /** As-of date of the customer table (default: that of `customerFeatures`). */
  asOf?: Date | string;
  /** Window of "bought recently", in days (default 90). */
  recentDays?: number;
  /** Window beyond which a customer has "not bought for a year", in days (default 365). */
  yearDays?: number;
  /** Frequencies from this value up are one bar, `N+` (default 5). */
  frequencyCap?: number;
}

/** The RFM distributions of the customer table: see {@link rfmFacts}. */
export interface RfmFacts {
  asOf: Date;
  customers: number;
  recentDays: number;
  yearDays: number;
  /** Days since the last counted purchase, per customer (table order). */
  recency_days: Float64Array;
  /** Customers per number of counted orders, `1` … `N+`. */
  frequency: { orders: string; customers: number }[];
  /** Total paid per customer with a positive total (R$). */
  monetary: Float64Array;
  /** Share with recency ≤ recentDays. */
  recent_share: number;
  median_recency_days: number;
  /** Share with recency > yearDays. */
  over_year_share: number;
  /** Share with exactly one counted order. */
  single_share: number;
  median_monetary: number;
  /** 90th percentile of monetary (linear interpolation). */
  p90_monetary: number;
  /** Share of all monetary spent by customers at or above p90_monetary. */
  top10_revenue_share: number;
  /** Share of all monetary spent by customers with 2 or more counted orders. */
  repeat_revenue_share: number;
}

/**
 * Writes the customer table at the as-of date into DuckDB (`customer_features`) and reads its
 * recency, frequency and monetary distributions and summary statistics in three queries.
 *
 * @example
 * const rfm = await rfmFacts(db, { asOf: table.asOf });
 * histogram(rfm.recency_days, { title: "Recency", bins: 50 });
 */
export async function rfmFacts(db: Database, options: RfmFactsOptions = {}): Promise<RfmFacts> {
  const recentDays = options.recentDays ?? 90;
  const yearDays = options.yearDays ?? 365;
  const cap = options.frequencyCap ?? 5;
  for (const [name, v] of [
    ["recentDays", recentDays],
    ["yearDays", yearDays],
    ["frequencyCap", cap],
  ] as const) {
    if (!Number.isInteger(v) || v < 1)
      throw new Error(`${name} must be a positive integer, got ${v}`);
  }
  const { tableName, rows, asOf } = await materializeCustomerFeatures(db, { asOf: options.asOf });
  const cols = await db.numericColumns(`SELECT recency_days, monetary FROM ${tableName}`);
  const frequency = await db.rows<{ k: number; customers: number }>(
    `SELECT least(frequency, ${cap}) AS k, count(*) AS customers FROM ${tableName} GROUP BY 1 ORDER BY 1`,
  );
  const [s] = await db.rows<Record<string, number>>(`
    WITH q AS (SELECT quantile_cont(monetary, 0.9) AS p90, sum(monetary) AS total FROM ${tableName})
    SELECT avg((recency_days <= ${recentDays})::INTEGER) AS recent_share,
           median(recency_days) AS median_recency_days,
           avg((recency_days > ${yearDays})::INTEGER) AS over_year_share,
           avg((frequency = 1)::INTEGER) AS single_share,
           median(monetary) AS median_monetary, any_value(q.p90) AS p90_monetary,
           sum(monetary) FILTER (WHERE monetary >= q.p90) / any_value(q.total) AS top10_revenue_share,
           coalesce(sum(monetary) FILTER (WHERE frequency >= 2), 0) / any_value(q.total)
             AS repeat_revenue_share
    FROM ${tableName}, q`);
  const nan = (v: number | null | undefined) => (v === null || v === undefined ? NaN : v);
  const empty = new Float64Array(0);
  return {
    asOf,
    customers: rows,
    recentDays,
    yearDays,
    recency_days: cols.recency_days ?? empty,
    frequency: Array.from({ length: cap }, (_, i) => ({
      orders: i + 1 === cap ? `${cap}+` : String(i + 1),
      customers: frequency.find((r) => r.k === i + 1)?.customers ?? 0,
    })),
    monetary: (cols.monetary ?? empty).filter((m) => m > 0),
    recent_share: nan(s.recent_share),
    median_recency_days: nan(s.median_recency_days),
    over_year_share: nan(s.over_year_share),
    single_share: nan(s.single_share),
    median_monetary: nan(s.median_monetary),
    p90_monetary: nan(s.p90_monetary),
    top10_revenue_share: nan(s.top10_revenue_share),
    repeat_revenue_share: nan(s.repeat_revenue_share),
  };
}
