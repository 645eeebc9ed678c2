/** Takeaways of orders over time: months, weeks, weekdays and hours. */
import type { HourWindow, MonthlyFacts, WeekdayHourFacts, WeeklyFacts } from "../time.js";
import { ACTIVE_PERIOD_SHARE } from "../time.js";
import { fmt, percent, times } from "./format.js";

/**
 * Busiest month and the year-on-year level of the last three active months.
 *
 * @example
 * monthlyTakeaway(monthlyFacts(await ordersOverTime(db, "month")));
 */
export function monthlyTakeaway(f: MonthlyFacts): string {
  const head = `Busiest month: ${f.busiestMonth} (${fmt(f.busiestOrders)} orders).`;
  if (!Number.isFinite(f.yearOnYear)) {
    return `${head} Fewer than two years of active months: growth cannot be compared year on year.`;
  }
  const trend =
    f.yearOnYear > 1 ? ": orders are growing." : f.yearOnYear < 1 ? ": orders are falling." : ".";
  return (
    `${head} The last three active months (${f.lastMonths.join(", ")}) had ${times(f.yearOnYear, 2)} the ` +
    `orders of the same months a year earlier (a month is active with at least ` +
    `${percent(ACTIVE_PERIOD_SHARE, 0)} of the busiest month's orders)${trend}`
  );
}

/**
 * Busiest week, whether it holds Black Friday, and its ratio to the median active week.
 *
 * @example
 * weeklyTakeaway(weeklyFacts(await ordersOverTime(db, "week")));
 */
export function weeklyTakeaway(f: WeeklyFacts): string {
  const holiday = f.blackFriday ? `, the week of Black Friday (${f.blackFriday}),` : "";
  return (
    `The busiest week starts ${f.busiestWeek}${holiday} with ${fmt(f.busiestOrders)} orders, ` +
    `${times(f.busiestOrders / f.medianActiveWeek)} the median active week (${fmt(f.medianActiveWeek)} orders): ` +
    "a peak to plan campaigns and delivery capacity for."
  );
}

/** `14:00–16:59`. */
export function hourWindowText(w: HourWindow): string {
  const hh = (h: number) => String(h).padStart(2, "0");
  return `${hh(w.from)}:00–${hh(w.to)}:59`;
}

/**
 * Weekday share, busiest and quietest days, and the computed peak and quiet hours.
 *
 * @example
 * weekdayHourTakeaway(weekdayHourFacts(await weekdayHourCounts(db)));
 */
export function weekdayHourTakeaway(f: WeekdayHourFacts): string {
  return (
    `${percent(f.workdayShare)} of orders are placed Monday–Friday (busiest day ${f.busiestDay}, quietest ` +
    `${f.quietestDay}). The busiest hours are ${hourWindowText(f.peak)} (${percent(f.peak.share)} of orders), ` +
    `with a second peak at ${hourWindowText(f.secondPeak)} (${percent(f.secondPeak.share)}); the quietest are ` +
    `${hourWindowText(f.quiet)} (${percent(f.quiet.share)}). That messages sent just before the peaks convert ` +
    "better is a hypothesis to test (an A/B test on send time)."
  );
}
