import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import {
  frequencyTakeaway,
  monetaryTakeaway,
  ordersPerCustomer,
  ordersPerCustomerTakeaway,
  recencyTakeaway,
  rfmFacts,
} from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

describe("customers: orders per person and RFM distributions", () => {
  let db: Database;
  before(async () => {
    db = await handDatabase();
  });
  after(() => db.close());

  it("ordersPerCustomerTakeaway: p1 and p2 placed two orders, p3 one", async () => {
    assert.equal(
      ordersPerCustomerTakeaway(await ordersPerCustomer(db)),
      "33.3 % of customers (people) placed a single order, whatever its status, and 66.7 % two or more: the " +
        "number of orders sets that group apart.",
    );
    assert.equal(
      ordersPerCustomerTakeaway([
        { orders: "1", customers: 97, share: 0.97 },
        { orders: "2+", customers: 3, share: 0.03 },
      ]),
      "97.0 % of customers (people) placed a single order, whatever its status, and 3.0 % two or more: the " +
        "number of orders sets only that small group apart.",
    );
  });

  it("rfmFacts reads the customer table at the as-of date", async () => {
    // As of 2018-03-10: p1 o1 + o2 (275, last purchase 2018-01-01 11:30), p2 o3 (20, 2018-03-04 23:10;
    // o4 canceled), p3 o5 (33, 2018-03-06 08:00).
    const f = await rfmFacts(db, { asOf: "2018-03-10", recentDays: 30, yearDays: 60 });
    const recencies = [67 + 12.5 / 24, 5 + 50 / 1440, 3 + 16 / 24];
    const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
    assert.equal(f.asOf.toISOString(), "2018-03-10T00:00:00.000Z");
    assert.equal(f.customers, 3);
    Array.from(f.recency_days)
      .sort((a, b) => b - a)
      .forEach((r, i) => close(r, recencies[i]));
    assert.deepEqual(f.frequency, [
      { orders: "1", customers: 2 },
      { orders: "2", customers: 1 },
      { orders: "3", customers: 0 },
      { orders: "4", customers: 0 },
      { orders: "5+", customers: 0 },
    ]);
    assert.deepEqual(
      Array.from(f.monetary).sort((a, b) => a - b),
      [20, 33, 275],
    );
    assert.equal(f.recent_share, 2 / 3);
    close(f.median_recency_days, recencies[1]);
    assert.equal(f.over_year_share, 1 / 3);
    assert.equal(f.single_share, 2 / 3);
    assert.equal(f.median_monetary, 33);
    close(f.p90_monetary, 33 + 0.8 * (275 - 33));
    assert.equal(f.top10_revenue_share, 275 / 328);
    assert.equal(f.repeat_revenue_share, 275 / 328);

    assert.equal(
      recencyTakeaway(f),
      "66.7 % of customers had their last delivered purchase in the 30 days before the as-of date " +
        "(2018-03-10); the median customer's last purchase is 5 days old, and 33.3 % have not bought for " +
        "more than 60 days.",
    );
    assert.equal(
      frequencyTakeaway(f),
      "66.7 % of the 3 customers have a single delivered order and 33.3 % two or more: frequency separates " +
        "that group.",
    );
    assert.equal(
      monetaryTakeaway(f),
      "Half the customers spent under R$ 33; the top 10 % (R$ 227 or more) bring 83.8 % of revenue, the " +
        "33.3 % repeat buyers 83.8 %.",
    );
    await assert.rejects(
      () => rfmFacts(db, { recentDays: 0 }),
      /recentDays must be a positive integer/,
    );
  });
});
