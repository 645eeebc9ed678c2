/**
 * The plausible window of the data's timestamps (Tukey's far-out fences of the purchase dates),
 * outside which a timestamp is a typing error that the window rules of the schema exclude or flag.
 */
import type { Database } from "./db.js";

/** Tukey's "far out" fence: 3 inter-quartile ranges beyond the quartiles. */
export const WINDOW_FENCE_IQR = 3;
/** Floor of the inter-quartile range, so that a short data set still gets a window of months. */
export const WINDOW_MIN_IQR_DAYS = 90;

/** The plausible window of the data's timestamps, from the purchase timestamps. */
export interface PlausibleWindow {
  /** Quartiles of the purchase timestamps. */
  q1: Date;
  q3: Date;
  /** Earliest and latest plausible timestamp (inclusive). */
  from: Date;
  to: Date;
}

const DAY_S = 86_400;

/**
 * The plausible window of the timestamps: Tukey's far-out fences of the purchase timestamps,
 * [Q1 − 3·IQR, Q3 + 3·IQR] with IQR ≥ 90 days; quartiles do not move with a few wrong dates, so
 * a purchase typed as 2999 falls outside. `null` when `orders` has no purchase timestamp.
 *
 * @example
 * await plausibleWindow(db); // Kaggle release: 2015-10 … 2020-04 around purchases 2016-09 … 2018-10
 */
export async function plausibleWindow(db: Database): Promise<PlausibleWindow | null> {
  const [row] = await db.rows<{ q1: number | null; q3: number | null }>(
    `SELECT quantile_cont(epoch(order_purchase_timestamp), 0.25) AS q1,
            quantile_cont(epoch(order_purchase_timestamp), 0.75) AS q3 FROM orders`,
  );
  if (row?.q1 == null || row.q3 == null) return null;
  const iqr = Math.max(row.q3 - row.q1, WINDOW_MIN_IQR_DAYS * DAY_S);
  const seconds = (s: number) => new Date(Math.round(s) * 1000);
  return {
    q1: seconds(row.q1),
    q3: seconds(row.q3),
    from: seconds(row.q1 - WINDOW_FENCE_IQR * iqr),
    to: seconds(row.q3 + WINDOW_FENCE_IQR * iqr),
  };
}
