import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import type { PeriodCounts } from "../../src/explore/index.js";
import {
  blackFridayOf,
  monthlyFacts,
  monthlyTakeaway,
  ordersOverTime,
  weekdayHourCounts,
  weekdayHourFacts,
  weekdayHourTakeaway,
  weeklyFacts,
  weeklyTakeaway,
} from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

/** Periods starting at the given UTC dates. */
const counts = (dates: string[], orders: number[]): PeriodCounts => ({
  periods: dates.map((d) => new Date(`${d}T00:00:00Z`)),
  orders,
});

/** Months from 2017-01 to 2018-04: 10, 20, 30, nine months of 30, then 20, 40, 60 and 1. */
function growingMonths(): PeriodCounts {
  const dates: string[] = [];
  for (let i = 0; i < 16; i++) {
    const d = new Date(Date.UTC(2017, i, 1));
    dates.push(d.toISOString().slice(0, 10));
  }
  return counts(dates, [10, 20, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 20, 40, 60, 1]);
}

describe("orders over time: facts and takeaways", () => {
  let db: Database;
  before(async () => {
    db = await handDatabase();
  });
  after(() => db.close());

  it("monthlyFacts finds the busiest month and compares the last three active months a year back", () => {
    const f = monthlyFacts(growingMonths());
    // 2018-04 (1 order) is under 10 % of the busiest month (60): not active.
    assert.deepEqual(f, {
      busiestMonth: "2018-03",
      busiestOrders: 60,
      activeMonths: 15,
      lastMonths: ["2018-01", "2018-02", "2018-03"],
      yearOnYear: (20 + 40 + 60) / (10 + 20 + 30),
    });
    assert.equal(
      monthlyTakeaway(f),
      "Busiest month: 2018-03 (60 orders). The last three active months (2018-01, 2018-02, 2018-03) had " +
        "2.00× the orders of the same months a year earlier (a month is active with at least 10 % of the " +
        "busiest month's orders): orders are growing.",
    );
    assert.match(monthlyTakeaway({ ...f, yearOnYear: 0.5 }), /0\.50× .*: orders are falling\.$/);
  });

  it("monthlyTakeaway says when growth cannot be compared (three months of hand data)", async () => {
    const f = monthlyFacts(await ordersOverTime(db, "month")); // 2, 0, 3
    assert.equal(f.busiestMonth, "2018-03");
    assert.ok(Number.isNaN(f.yearOnYear));
    assert.equal(
      monthlyTakeaway(f),
      "Busiest month: 2018-03 (3 orders). Fewer than two years of active months: growth cannot be " +
        "compared year on year.",
    );
  });

  it("blackFridayOf is the day after the fourth Thursday of November", () => {
    assert.equal(blackFridayOf(2016).toISOString().slice(0, 10), "2016-11-25");
    assert.equal(blackFridayOf(2017).toISOString().slice(0, 10), "2017-11-24");
    assert.equal(blackFridayOf(2018).toISOString().slice(0, 10), "2018-11-23");
  });

  it("weeklyFacts finds the busiest week, Black Friday in it, and the median active week", async () => {
    const weeks = counts(
      ["2017-11-06", "2017-11-13", "2017-11-20", "2017-11-27", "2017-12-04"],
      [10, 12, 30, 14, 1],
    );
    const f = weeklyFacts(weeks);
    assert.deepEqual(f, {
      busiestWeek: "2017-11-20",
      busiestOrders: 30,
      medianActiveWeek: 13, // 10, 12, 14, 30 (1 < 3 is not active)
      blackFriday: "2017-11-24",
    });
    assert.equal(
      weeklyTakeaway(f),
      "The busiest week starts 2017-11-20, the week of Black Friday (2017-11-24), with 30 orders, 2.3× the " +
        "median active week (13 orders): a peak to plan campaigns and delivery capacity for.",
    );
    // Hand data: weeks of 2018-01-01 (2 orders) … 2018-03-05 (2): the first of the tied weeks.
    const hand = weeklyFacts(await ordersOverTime(db, "week"));
    assert.deepEqual(hand, {
      busiestWeek: "2018-01-01",
      busiestOrders: 2,
      medianActiveWeek: 2, // 2, 1, 2
      blackFriday: null,
    });
    assert.match(weeklyTakeaway(hand), /^The busiest week starts 2018-01-01 with 2 orders, 1\.0× /);
  });

  it("weekdayHourFacts computes the peak, second peak and quiet hours (hand data)", async () => {
    // Monday 08:00, 10:00, 11:30; Tuesday 08:00; Sunday 23:10.
    const f = weekdayHourFacts(await weekdayHourCounts(db));
    assert.deepEqual(f, {
      total: 5,
      workdayShare: 0.8,
      busiestDay: "Monday",
      quietestDay: "Wednesday", // first of the days without orders
      peak: { from: 8, to: 10, share: 0.6 }, // 08–10: 3 orders
      secondPeak: { from: 11, to: 13, share: 0.2 }, // first window 3 h away from the peak with 1 order
      quiet: { from: 0, to: 5, share: 0 },
    });
    assert.equal(
      weekdayHourTakeaway(f),
      "80.0 % of orders are placed Monday–Friday (busiest day Monday, quietest Wednesday). The busiest hours " +
        "are 08:00–10:59 (60.0 % of orders), with a second peak at 11:00–13:59 (20.0 %); the quietest are " +
        "00:00–05:59 (0.0 %). That messages sent just before the peaks convert better is a hypothesis to test " +
        "(an A/B test on send time).",
    );
  });

  it("weekdayHourFacts wraps windows past midnight", () => {
    // 10 orders every hour on Mondays except 22:00–03:59.
    const monday = Array.from({ length: 24 }, (_, h) => (h >= 22 || h <= 3 ? 0 : 10));
    const grid = [monday, ...Array.from({ length: 6 }, () => new Array<number>(24).fill(0))];
    const f = weekdayHourFacts(grid);
    assert.deepEqual(f.quiet, { from: 22, to: 3, share: 0 });
    assert.deepEqual(f.peak, { from: 4, to: 6, share: 30 / 180 });
    assert.deepEqual(f.secondPeak, { from: 7, to: 9, share: 30 / 180 });
    assert.equal(f.workdayShare, 1);
    assert.throws(() => weekdayHourFacts(grid.slice(1)), /7 weekdays × 24 hours/);
    assert.throws(() => weekdayHourFacts(grid, { peakHours: 0 }), /1–12 hours/);
  });
});
