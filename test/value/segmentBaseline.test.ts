import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  lastPeriodBaseline,
  lifetimeRateBaseline,
  predictSegmentBaseline,
  segmentCount,
} from "../../src/value/segmentBaseline.js";
import { assertRelative } from "./helpers.js";

describe("segment baseline, by hand on a micro dataset", () => {
  // Five customers at the origin in segments 0, 0, 1, 1, 1 (segment 2 has none), and what they
  // bought over the 182 days that followed.
  const originLabels = Int32Array.of(0, 0, 1, 1, 1);
  const outcome = { purchases: [1, 0, 0, 2, 0], revenue: [100, 0, 0, 300, 0] };

  it("last period: each segment's purchases and revenue per customer, scaled to the horizon", () => {
    const b = lastPeriodBaseline(originLabels, outcome, 364, 182, 3);
    assert.equal(b.kind, "last period");
    assert.deepEqual([...b.customers], [2, 3, 0]);
    // Segment 0: 1 purchase, R$ 100 over 2 customers in 182 days → ×2 for 364 days.
    // Segment 1: 2 purchases, R$ 300 over 3 customers. Segment 2: all 5 customers (3, R$ 400).
    assertRelative(b.purchasesPerCustomer[0], 1, 1e-15);
    assertRelative(b.revenuePerCustomer[0], 100, 1e-15);
    assertRelative(b.purchasesPerCustomer[1], 4 / 3, 1e-15);
    assertRelative(b.revenuePerCustomer[1], 200, 1e-15);
    assertRelative(b.purchasesPerCustomer[2], 6 / 5, 1e-15);
    assertRelative(b.revenuePerCustomer[2], 160, 1e-15);
    assert.deepEqual(b.fallback, [false, false, true]);
    // Applied to the customers at the prediction date.
    const p = predictSegmentBaseline(b, [2, 0, 1]);
    assert.deepEqual([...p.revenue], [b.revenuePerCustomer[2], 100, 200]);
  });

  it("lifetime rate: Σx/ΣT × horizon, times Σ revenue / Σ purchases", () => {
    const histories = {
      x: Float64Array.of(0, 2, 0, 1),
      T: Float64Array.of(100, 300, 50, 150),
      revenue: Float64Array.of(40, 300, 60, 100),
    };
    const b = lifetimeRateBaseline(histories, [0, 0, 1, 1], 365);
    // Segment 0: 2 repeats over 400 customer-days; R$ 340 over 4 purchases.
    assertRelative(b.purchasesPerCustomer[0], (365 * 2) / 400, 1e-15);
    assertRelative(b.revenuePerCustomer[0], ((365 * 2) / 400) * (340 / 4), 1e-15);
    // Segment 1: 1 repeat over 200 customer-days; R$ 160 over 3 purchases.
    assertRelative(b.revenuePerCustomer[1], ((365 * 1) / 200) * (160 / 3), 1e-15);
    assert.equal(b.windowDays, null);
  });

  it("labels are integers ≥ 0 within the segments", () => {
    assert.equal(segmentCount([0, 3, 1]), 4);
    assert.throws(() => segmentCount([0, -1]), /integers ≥ 0/);
    assert.throws(
      () => lastPeriodBaseline([0, 1.5], { purchases: [0, 0], revenue: [0, 0] }, 365, 365, 3),
      /outside 0 … 2/,
    );
    assert.throws(
      () => lastPeriodBaseline([], { purchases: [], revenue: [] }, 365, 365),
      /needs customers/,
    );
  });
});
