/**
 * Orders over time: counts per month, week, weekday and hour of the purchase timestamp, and the
 * facts the takeaways state about them (busiest periods, year-on-year level, peak hours), each
 * computed by a stated rule.
 */
import type { Database } from "../data/db.js";
import { median } from "../util/stats.js";

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

/**
 * A period is **active** when it holds at least this share of the busiest period's orders; the
 * first and last periods of the extract (a handful of orders) are not.
 */
export const ACTIVE_PERIOD_SHARE = 0.1;

/** Index of the largest value (the first one on ties); -1 for an empty list. */
function argMax(values: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i] > values[best]) best = i;
  return best;
}

/** Indices of the active periods (see {@link ACTIVE_PERIOD_SHARE}). */
export function activePeriodIndices(counts: PeriodCounts, share = ACTIVE_PERIOD_SHARE): number[] {
  const peak = counts.orders[argMax(counts.orders)] ?? 0;
  const out: number[] = [];
  counts.orders.forEach((n, i) => {
    if (peak > 0 && n >= share * peak) out.push(i);
  });
  return out;
}

const monthKey = (d: Date): string => d.toISOString().slice(0, 7);
const dayKey = (d: Date): string => d.toISOString().slice(0, 10);

/** What {@link monthlyFacts} finds in the orders per month. */
export interface MonthlyFacts {
  busiestMonth: string;
  busiestOrders: number;
  activeMonths: number;
  /** The last three active months (`YYYY-MM`). */
  lastMonths: string[];
  /**
   * Orders of the last three active months over those of the same months a year earlier; NaN
   * when one of those earlier months is not active (less than two years of data).
   */
  yearOnYear: number;
}

/**
 * Busiest month, and the level of the last three active months against a year earlier.
 *
 * @example
 * monthlyFacts(await ordersOverTime(db, "month")).yearOnYear; // 1.6 on the twin
 */
export function monthlyFacts(months: PeriodCounts, share = ACTIVE_PERIOD_SHARE): MonthlyFacts {
  const peak = argMax(months.orders);
  if (peak < 0) throw new Error("No orders: the orders table is empty.");
  const active = new Map<string, number>();
  for (const i of activePeriodIndices(months, share))
    active.set(monthKey(months.periods[i]), months.orders[i]);
  const lastMonths = Array.from(active.keys()).slice(-3);
  let now = 0;
  let before = 0;
  let complete = true;
  for (const m of lastMonths) {
    const earlier = `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
    now += active.get(m) ?? 0;
    if (!active.has(earlier)) complete = false;
    before += active.get(earlier) ?? 0;
  }
  return {
    busiestMonth: monthKey(months.periods[peak]),
    busiestOrders: months.orders[peak],
    activeMonths: active.size,
    lastMonths,
    yearOnYear: complete && before > 0 ? now / before : NaN,
  };
}

/** What {@link weeklyFacts} finds in the orders per week. */
export interface WeeklyFacts {
  /** Monday of the busiest week, `YYYY-MM-DD`. */
  busiestWeek: string;
  busiestOrders: number;
  /** Median orders of the active weeks. */
  medianActiveWeek: number;
  /** The Black Friday date (`YYYY-MM-DD`) when it falls in the busiest week, else null. */
  blackFriday: string | null;
}

/**
 * Black Friday of a year: the day after the fourth Thursday of November (UTC date).
 *
 * @example
 * blackFridayOf(2017); // 2017-11-24
 */
export function blackFridayOf(year: number): Date {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay(); // 0 = Sunday
  const firstThursday = 1 + ((4 - first + 7) % 7);
  return new Date(Date.UTC(year, 10, firstThursday + 21 + 1));
}

/** Busiest week, its ratio to a median active week, and whether it holds Black Friday. */
export function weeklyFacts(weeks: PeriodCounts, share = ACTIVE_PERIOD_SHARE): WeeklyFacts {
  const peak = argMax(weeks.orders);
  if (peak < 0) throw new Error("No orders: the orders table is empty.");
  const start = weeks.periods[peak];
  const friday = blackFridayOf(start.getUTCFullYear());
  const offset = (friday.getTime() - start.getTime()) / 86_400_000;
  return {
    busiestWeek: dayKey(start),
    busiestOrders: weeks.orders[peak],
    medianActiveWeek: median(activePeriodIndices(weeks, share).map((i) => weeks.orders[i])),
    blackFriday: offset >= 0 && offset < 7 ? dayKey(friday) : null,
  };
}

/** Weekday names, Monday first (the rows of {@link weekdayHourCounts}). */
export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/** A window of consecutive hours (wrapping past midnight) and its share of orders. */
export interface HourWindow {
  /** First hour (0–23). */
  from: number;
  /** Last hour included (0–23). */
  to: number;
  share: number;
}

/** Options of {@link weekdayHourFacts}. */
export interface WeekdayHourOptions {
  /** Length of the peak windows in hours (default 3). */
  peakHours?: number;
  /** Length of the quiet window in hours (default 6). */
  quietHours?: number;
}

/** What {@link weekdayHourFacts} finds. */
export interface WeekdayHourFacts {
  total: number;
  /** Share of orders placed Monday to Friday. */
  workdayShare: number;
  busiestDay: string;
  quietestDay: string;
  /** The busiest window of `peakHours` consecutive hours. */
  peak: HourWindow;
  /** The busiest window of the same length that does not overlap `peak`. */
  secondPeak: HourWindow;
  /** The quietest window of `quietHours` consecutive hours. */
  quiet: HourWindow;
}

/** Windows of `length` consecutive hours starting at each hour, with their order counts. */
function hourWindows(hours: readonly number[], length: number): { from: number; n: number }[] {
  return hours.map((_, from) => {
    let n = 0;
    for (let k = 0; k < length; k++) n += hours[(from + k) % 24];
    return { from, n };
  });
}

/**
 * Weekday share, busiest and quietest days, and the peak and quiet hours of the purchase
 * timestamps, from the weekday × hour counts. Ties go to the earlier day or hour.
 *
 * @example
 * weekdayHourFacts(await weekdayHourCounts(db)).peak; // { from: 14, to: 16, share: 0.198 } on the twin
 */
export function weekdayHourFacts(
  counts: readonly (readonly number[])[],
  options: WeekdayHourOptions = {},
): WeekdayHourFacts {
  const peakHours = options.peakHours ?? 3;
  const quietHours = options.quietHours ?? 6;
  for (const k of [peakHours, quietHours]) {
    if (!Number.isInteger(k) || k < 1 || k > 12)
      throw new Error(`hour windows must be 1–12 hours, got ${k}`);
  }
  if (counts.length !== 7 || counts.some((r) => r.length !== 24)) {
    throw new Error("counts must be 7 weekdays × 24 hours (weekdayHourCounts)");
  }
  const days = counts.map((r) => r.reduce((s, n) => s + n, 0));
  const total = days.reduce((s, n) => s + n, 0);
  if (total === 0) throw new Error("No orders: the orders table is empty.");
  const hours = Array.from({ length: 24 }, (_, h) => counts.reduce((s, r) => s + r[h], 0));
  const windows = hourWindows(hours, peakHours);
  const window = (w: { from: number; n: number }, length: number): HourWindow => ({
    from: w.from,
    to: (w.from + length - 1) % 24,
    share: w.n / total,
  });
  const first = windows[argMax(windows.map((w) => w.n))];
  // A window overlaps the peak when their start hours are closer than the window length.
  const apart = windows.filter((w) => {
    const d = Math.abs(w.from - first.from);
    return Math.min(d, 24 - d) >= peakHours;
  });
  const second = apart[argMax(apart.map((w) => w.n))];
  const quiet = hourWindows(hours, quietHours);
  const quietest = quiet[argMax(quiet.map((w) => -w.n))];
  return {
    total,
    workdayShare: days.slice(0, 5).reduce((s, n) => s + n, 0) / total,
    busiestDay: WEEKDAYS[argMax(days)],
    quietestDay: WEEKDAYS[argMax(days.map((n) => -n))],
    peak: window(first, peakHours),
    secondPeak: window(second, peakHours),
    quiet: window(quietest, quietHours),
  };
}
