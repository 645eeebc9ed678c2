import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  delaysWithin,
  delayTakeaway,
  deliverySummary,
  deliveryTimesTakeaway,
} from "../../src/explore/index.js";
import type { DeliverySummary, ScoreSplit } from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

const days = (h: number) => h / 24;

describe("delivery performance", () => {
  it("deliverySummary measures o1, o2, o3, o5 and counts o6, o7 as unmeasurable", async () => {
    const db = await handDatabase({ quirks: true });
    try {
      const s = await deliverySummary(db);
      // Actual: o5 2 − 16 h, o3 2 d 50 min, o2 9 d 30 min, o1 10 d 14 h; promised 3 d 16 h, 5 d 50 min,
      // 8 d 14 h, 19 d 12 h 30 min; delays −10.5, −3, −2, +2.
      const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
      assert.equal(s.orders, 4);
      assert.equal(s.unmeasured, 2);
      close(s.median_actual_days, (2 + days(50 / 60) + 9 + days(0.5)) / 2);
      close(s.median_promised_days, (5 + days(50 / 60) + 8 + days(14)) / 2);
      assert.equal(s.median_delay_days, -2.5);
      assert.equal(s.late_share, 0.25);
      assert.equal(s.week_late_days, 7);
      assert.equal(s.week_late_share, 0);
      assert.equal(
        deliveryTimesTakeaway(s),
        "The median delivered order arrives in 5.5 days against 6.8 promised at checkout, yet 25.0 % of the 4 " +
          "measurable delivered orders arrive after the promised date (2 delivered orders without a usable " +
          "delivery date are left out).",
      );
      assert.equal(
        delayTakeaway(s, {
          afterDays: 7,
          late: { orders: 0, mean_score: NaN, low_score_share: NaN, one_star_share: NaN },
          others: { orders: 3, mean_score: 3.5, low_score_share: 1 / 3, one_star_share: 1 / 3 },
        }),
        "The median order arrives 2.5 days before the promised date; 0.0 % arrive more than 7 days late.",
      );
      const window = await delaysWithin(db, 5);
      assert.deepEqual(Array.from(window.delay), [2, -3, -2]); // o2 (−10.5) is outside
      assert.equal(window.outside, 1);
      await assert.rejects(() => delaysWithin(db, 0), /positive/);
    } finally {
      db.close();
    }
  });

  it("delayTakeaway compares the 1-star share of very late orders, at one threshold", () => {
    const summary: DeliverySummary = {
      orders: 1000,
      unmeasured: 0,
      median_actual_days: 10,
      median_promised_days: 23,
      median_delay_days: 1.25,
      late_share: 0.6,
      week_late_days: 7,
      week_late_share: 0.04,
    };
    const split: ScoreSplit = {
      afterDays: 7,
      late: { orders: 40, mean_score: 2, low_score_share: 0.6, one_star_share: 0.5 },
      others: { orders: 900, mean_score: 4.3, low_score_share: 0.1, one_star_share: 0.08 },
    };
    assert.equal(
      delayTakeaway(summary, split),
      "The median order arrives 1.3 days after the promised date; 4.0 % arrive more than 7 days late, and " +
        "50.0 % of those reviewed give 1 star, against 8.0 % of the other delivered orders.",
    );
    assert.equal(
      deliveryTimesTakeaway(summary),
      "The median delivered order arrives in 10.0 days against 23.0 promised at checkout, yet 60.0 % of the " +
        "1,000 measurable delivered orders arrive after the promised date.",
    );
    assert.throws(() => delayTakeaway(summary, { ...split, afterDays: 14 }), /same threshold/);
  });
});
