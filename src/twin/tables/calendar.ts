/** The purchase calendar: day weights and hour-of-day weights. */
import {
  BLACK_FRIDAY,
  HOUR_BLOCK_COUNTS,
  HOUR_SHAPE,
  ORDERS_BY_MONTH,
  WEEKDAY_COUNTS_MON_FIRST,
} from "../calibration.js";
import { parseTimestamp } from "../csv.js";
import { cumulative } from "../sample.js";
import { DAY, FIRST_PURCHASE, LAST_PURCHASE, sum } from "./shared.js";

// ---------------------------------------------------------------------------------------------
// Calendar

export interface Calendar {
  firstDay: number;
  cum: Float64Array;
}

/** Day weights 2016-09-04..2018-10-17: month totals × weekday profile × Black Friday spike. */
export function buildCalendar(): Calendar {
  const firstDay = Math.floor(FIRST_PURCHASE / DAY);
  const lastDay = Math.floor(LAST_PURCHASE / DAY);
  const bf = Math.floor(parseTimestamp(BLACK_FRIDAY.date) / DAY);
  const weekdayMean = sum(WEEKDAY_COUNTS_MON_FIRST) / 7;
  const raw = new Float64Array(lastDay - firstDay + 1);
  const monthOf = (day: number) => new Date(day * DAY * 1000).toISOString().slice(0, 7);
  const monthRaw = new Map<string, number>();
  for (let d = firstDay; d <= lastDay; d++) {
    const weekdayMon0 = (new Date(d * DAY * 1000).getUTCDay() + 6) % 7;
    let w = WEEKDAY_COUNTS_MON_FIRST[weekdayMon0] / weekdayMean;
    if (d === bf) w *= BLACK_FRIDAY.dayWeight;
    else if (d > bf && d <= bf + 3) w *= BLACK_FRIDAY.followingDaysWeight;
    raw[d - firstDay] = w;
    const m = monthOf(d);
    monthRaw.set(m, (monthRaw.get(m) ?? 0) + w);
  }
  const monthOrders = new Map(ORDERS_BY_MONTH.map((m) => [m.month, m.orders]));
  for (let d = firstDay; d <= lastDay; d++) {
    const m = monthOf(d);
    raw[d - firstDay] *= (monthOrders.get(m) ?? 0) / (monthRaw.get(m) ?? 1);
  }
  // Black Friday falls on a Friday: rescale weekdays until the weekday totals match [CAL §1.3].
  const weekdayTotal = sum(WEEKDAY_COUNTS_MON_FIRST);
  for (let iter = 0; iter < 4; iter++) {
    const got = new Float64Array(7);
    for (let d = firstDay; d <= lastDay; d++)
      got[(new Date(d * DAY * 1000).getUTCDay() + 6) % 7] += raw[d - firstDay];
    const all = got.reduce((a, b) => a + b, 0);
    for (let d = firstDay; d <= lastDay; d++) {
      const wd = (new Date(d * DAY * 1000).getUTCDay() + 6) % 7;
      raw[d - firstDay] *= WEEKDAY_COUNTS_MON_FIRST[wd] / weekdayTotal / (got[wd] / all);
    }
  }
  return { firstDay, cum: cumulative(raw) };
}

/** Cumulative weights of the purchase hour (6-hour block totals × hourly shape). */
export function buildHourCum(): Float64Array {
  const w = HOUR_SHAPE.map((x, h) => {
    const block = Math.floor(h / 6);
    const blockShape = sum(HOUR_SHAPE.slice(block * 6, block * 6 + 6));
    return (x / blockShape) * HOUR_BLOCK_COUNTS[block];
  });
  return cumulative(w);
}
