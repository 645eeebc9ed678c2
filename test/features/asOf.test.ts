import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import { completeDataAsOf, lastCompleteDay, type PurchaseDay } from "../../src/features/asOf.js";
import { microDatabase } from "./microData.js";

/** A day of `orders` orders of which `delivered` are delivered. */
const d = (day: string, orders: number, delivered: number): PurchaseDay => ({
  day,
  orders,
  delivered,
});

describe("lastCompleteDay", () => {
  it("skips a tail of undelivered and of tiny days", () => {
    const days = [
      d("2018-08-01", 100, 98),
      d("2018-08-02", 120, 110),
      d("2018-08-03", 80, 60), // 75 % delivered, 80 ≥ 10 % of 100 → complete
      d("2018-08-04", 90, 40), // 44 % delivered → not
      d("2018-08-05", 5, 5), // 100 % delivered but 5 < 10 % of the median 90 → not
      d("2018-09-01", 1, 0),
    ];
    // Volumes 100, 120, 80, 90, 5, 1 → median (80 + 90) / 2 = 85; 10 % = 8.5.
    const r = lastCompleteDay(days);
    assert.equal(r.medianDailyOrders, 85);
    assert.equal(r.day, "2018-08-03");
  });

  it("follows its thresholds", () => {
    const days = [d("2018-01-01", 10, 10), d("2018-01-02", 10, 4), d("2018-01-03", 1, 1)];
    assert.equal(lastCompleteDay(days).day, "2018-01-03"); // 02 is 40 % < 50 %, 03: 1 ≥ 10 % of 10
    assert.equal(
      lastCompleteDay(days, { minDeliveredShare: 0.4, minVolumeShare: 0.2 }).day,
      "2018-01-02",
    );
    assert.equal(lastCompleteDay(days, { minVolumeShare: 0.2 }).day, "2018-01-01");
    assert.equal(lastCompleteDay([d("2018-01-01", 3, 0)]).day, undefined);
  });
});

describe("completeDataAsOf on the micro data", () => {
  let db: Database;
  before(async () => {
    db = await microDatabase();
  });
  after(() => db.close());

  it("cuts the shipped-only last day and says why", async () => {
    const r = await completeDataAsOf(db);
    assert.equal(r.asOf.toISOString(), "2018-02-21T00:00:00.000Z");
    assert.equal(r.lastCompleteDay, "2018-02-20");
    assert.equal(r.lastPurchaseDay, "2018-02-25");
    assert.equal(r.daysCut, 5);
    assert.equal(r.ordersAfter, 1);
    assert.equal(r.medianDailyOrders, 1);
    assert.equal(
      r.reason,
      "As of 2018-02-21: 2018-02-20 is the last purchase day with ≥ 50 % of its orders delivered and " +
        "≥ 10 % of the median daily volume (1 orders); the 5 later days up to 2018-02-25 hold 1 order, " +
        "mostly not yet delivered, left out of the default.",
    );
  });

  it("falls back to the last purchase when no day qualifies, saying so", async () => {
    const r = await completeDataAsOf(db, { minDeliveredShare: 1.01 });
    assert.equal(r.asOf.toISOString(), "2018-02-26T00:00:00.000Z");
    assert.match(
      r.reason,
      /^As of 2018-02-26 \(midnight after the last purchase\): no purchase day/,
    );
  });
});
