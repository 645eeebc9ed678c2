/**
 * The default as-of date, where the data are complete. The last weeks of an Olist extract hold orders
 * that were placed but not yet delivered (and a trickle of late, mostly canceled, purchases), so
 * "midnight after the last purchase" puts the as-of date weeks after the last delivery and makes every
 * customer look dormant. The rule here: the as-of date is midnight after the last purchase day whose
 * orders are mostly delivered and whose volume is a normal day's, stated with its reason.
 */
import type { Database } from "../data/db.js";

/** Options of {@link completeDataAsOf}. */
export interface CompleteDataOptions {
  /** Least share of a day's orders with status `delivered` (default 0.5). */
  minDeliveredShare?: number;
  /** Least volume of a day, as a share of the median daily volume (default 0.1). */
  minVolumeShare?: number;
}

/** The complete-data as-of date and why. */
export interface CompleteDataAsOf {
  /** Midnight (UTC) after the last complete purchase day. */
  asOf: Date;
  /** The last complete purchase day (YYYY-MM-DD). */
  lastCompleteDay: string;
  /** The last purchase day in the data (YYYY-MM-DD). */
  lastPurchaseDay: string;
  /** Days between the last complete day and the last purchase day. */
  daysCut: number;
  /** Orders purchased after the last complete day (left out of the default table). */
  ordersAfter: number;
  /** Median number of orders per purchase day (days with at least one order). */
  medianDailyOrders: number;
  minDeliveredShare: number;
  minVolumeShare: number;
  /** The rule and its result, in words. */
  reason: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Midnight (UTC) after the day of the latest purchase in `orders` (the latest sensible as-of date). */
export async function lastPurchaseAsOf(db: Database): Promise<Date> {
  const latest = await db.scalar<Date | null>(
    "SELECT date_trunc('day', max(order_purchase_timestamp)) + INTERVAL 1 DAY FROM orders",
  );
  if (!(latest instanceof Date)) {
    throw new Error("Table orders has no order_purchase_timestamp: load the Olist data first.");
  }
  return latest;
}

/** One purchase day: its number of orders and how many of them are delivered. */
export interface PurchaseDay {
  day: string;
  orders: number;
  delivered: number;
}

/**
 * The last complete purchase day among `days` (sorted or not): the latest day with a delivered share
 * ≥ `minDeliveredShare` and a volume ≥ `minVolumeShare` × the median daily volume; `undefined` when no
 * day qualifies.
 */
export function lastCompleteDay(
  days: readonly PurchaseDay[],
  options: CompleteDataOptions = {},
): { day: string | undefined; medianDailyOrders: number } {
  const minDelivered = options.minDeliveredShare ?? 0.5;
  const minVolume = options.minVolumeShare ?? 0.1;
  const volumes = Float64Array.from(days, (d) => d.orders).sort();
  const mid = (volumes.length - 1) / 2;
  const med = volumes.length ? (volumes[Math.floor(mid)] + volumes[Math.ceil(mid)]) / 2 : NaN;
  let best: string | undefined;
  for (const d of days) {
    if (d.orders <= 0 || d.delivered / d.orders < minDelivered || d.orders < minVolume * med)
      continue;
    if (best === undefined || d.day > best) best = d.day;
  }
  return { day: best, medianDailyOrders: med };
}

/** The daily purchase volumes and delivered counts of the `orders` table. */
export async function purchaseDays(db: Database): Promise<PurchaseDay[]> {
  const rows = await db.rows<{ day: string; orders: number | bigint; delivered: number | bigint }>(
    `SELECT strftime(date_trunc('day', order_purchase_timestamp), '%Y-%m-%d') AS day,
            count(*) AS orders,
            count(*) FILTER (WHERE order_status = 'delivered') AS delivered
     FROM orders WHERE order_purchase_timestamp IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({
    day: r.day,
    orders: Number(r.orders),
    delivered: Number(r.delivered),
  }));
}

/**
 * The default as-of date where the data are complete: midnight after the last purchase day whose
 * orders are ≥ 50 % delivered and whose volume is ≥ 10 % of the median daily volume, with the reason.
 * Falls back to midnight after the last purchase (saying so) when no day qualifies.
 *
 * @example
 * (await completeDataAsOf(db)).reason;
 * // "as of 2018-08-30: the last purchase day (2018-08-29) with ≥ 50 % of its orders delivered and …"
 */
export async function completeDataAsOf(
  db: Database,
  options: CompleteDataOptions = {},
): Promise<CompleteDataAsOf> {
  const minDeliveredShare = options.minDeliveredShare ?? 0.5;
  const minVolumeShare = options.minVolumeShare ?? 0.1;
  const last = await lastPurchaseAsOf(db);
  const days = await purchaseDays(db);
  const lastPurchaseDay = isoDay(new Date(last.getTime() - 86_400_000));
  const { day, medianDailyOrders } = lastCompleteDay(days, { minDeliveredShare, minVolumeShare });
  const cut = day ?? lastPurchaseDay;
  const asOf = day === undefined ? last : new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  let ordersAfter = 0;
  for (const d of days) if (d.day > cut) ordersAfter += d.orders;
  const daysCut = Math.round((Date.parse(lastPurchaseDay) - Date.parse(cut)) / 86_400_000);
  const result = {
    asOf,
    lastCompleteDay: cut,
    lastPurchaseDay,
    daysCut,
    ordersAfter,
    medianDailyOrders,
    minDeliveredShare,
    minVolumeShare,
  };
  return { ...result, reason: completeDataReason({ ...result, found: day !== undefined }) };
}

/** The sentence stating the as-of rule and its result. */
export function completeDataReason(
  r: Omit<CompleteDataAsOf, "reason"> & { found: boolean },
): string {
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const rule =
    `the last purchase day with ≥ ${pct(r.minDeliveredShare)} of its orders delivered and ` +
    `≥ ${pct(r.minVolumeShare)} of the median daily volume (${r.medianDailyOrders.toLocaleString("en-US")} orders)`;
  if (!r.found)
    return `As of ${isoDay(r.asOf)} (midnight after the last purchase): no purchase day meets the rule (${rule}).`;
  const tail =
    r.daysCut === 0
      ? "it is also the last purchase day."
      : `the ${r.daysCut} later day${r.daysCut === 1 ? "" : "s"} up to ${r.lastPurchaseDay} ` +
        `hold ${r.ordersAfter.toLocaleString("en-US")} order${r.ordersAfter === 1 ? "" : "s"}, ` +
        "mostly not yet delivered, left out of the default.";
  return `As of ${isoDay(r.asOf)}: ${r.lastCompleteDay} is ${rule}; ${tail}`;
}
