/**
 * Delivery performance of delivered orders (`DELIVERED_ORDERS_SQL`): actual against promised
 * delivery times, the delay against the promised date, and how many delivered orders cannot be
 * measured (no delivery date, or delivered before the purchase).
 */
import type { Database } from "../data/db.js";
import { DELIVERED_ORDERS_SQL } from "./sql.js";

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
 * Actual and promised delivery times and delay of the measurable delivered orders, by order_id.
 *
 * @example
 * const { actual_days, promised_days } = await deliveryTimes(db);
 */
export async function deliveryTimes(db: Database): Promise<DeliveryTimes> {
  const cols = await db.numericColumns(`
    SELECT actual_days, promised_days, delay_days FROM (${DELIVERED_ORDERS_SQL}) ORDER BY order_id`);
  const empty = () => new Float64Array(0);
  return {
    actual_days: cols.actual_days ?? empty(),
    promised_days: cols.promised_days ?? empty(),
    delay_days: cols.delay_days ?? empty(),
  };
}

/** Medians and late shares of the delivered orders: see {@link deliverySummary}. */
export interface DeliverySummary {
  /** Measurable delivered orders (`DELIVERED_ORDERS_SQL`). */
  orders: number;
  /** Orders with status `delivered` that cannot be measured (a date missing, or impossible). */
  unmeasured: number;
  median_actual_days: number;
  median_promised_days: number;
  /** Median of delivery − estimated date (days; < 0 is early). */
  median_delay_days: number;
  /** Share delivered after the estimated date. */
  late_share: number;
  /** The threshold of week_late_share, in days. */
  week_late_days: number;
  /** Share delivered more than `week_late_days` days after the estimated date. */
  week_late_share: number;
}

/**
 * Median actual and promised delivery days, median delay, late and more-than-a-week-late shares.
 *
 * @example
 * (await deliverySummary(db)).late_share; // 0.081 on Kaggle
 */
export async function deliverySummary(db: Database, weekLateDays = 7): Promise<DeliverySummary> {
  if (!Number.isFinite(weekLateDays))
    throw new Error(`weekLateDays must be a number, got ${weekLateDays}`);
  const [row] = await db.rows<DeliverySummary>(`
    SELECT count(*) AS orders,
           (SELECT count(*) FROM orders WHERE order_status = 'delivered') - count(*) AS unmeasured,
           coalesce(median(actual_days), 'NaN'::DOUBLE) AS median_actual_days,
           coalesce(median(promised_days), 'NaN'::DOUBLE) AS median_promised_days,
           coalesce(median(delay_days), 'NaN'::DOUBLE) AS median_delay_days,
           coalesce(avg(is_late::INTEGER), 'NaN'::DOUBLE) AS late_share,
           ${weekLateDays} AS week_late_days,
           coalesce(avg((delay_days > ${weekLateDays})::INTEGER), 'NaN'::DOUBLE) AS week_late_share
    FROM (${DELIVERED_ORDERS_SQL})`);
  return row;
}

/**
 * Delays (days) of the measurable delivered orders within ±`windowDays` of the promised date, and
 * how many fall outside, for the delay histogram.
 *
 * @example
 * const { delay, outside } = await delaysWithin(db, 60);
 */
export async function delaysWithin(
  db: Database,
  windowDays: number,
): Promise<{ delay: Float64Array; outside: number }> {
  if (!(windowDays > 0)) throw new Error(`windowDays must be positive, got ${windowDays}`);
  const cols = await db.numericColumns(
    `SELECT delay_days FROM (${DELIVERED_ORDERS_SQL}) ORDER BY order_id`,
  );
  const all = cols.delay_days ?? new Float64Array(0);
  const delay = all.filter((d) => Math.abs(d) <= windowDays);
  return { delay, outside: all.length - delay.length };
}
