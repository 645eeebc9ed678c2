import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareOnHoldout, valueVerdict } from "../../src/value/holdoutComparison.js";
import { assertRelative } from "./helpers.js";

describe("holdout comparison, by hand", () => {
  const labels = [0, 0, 1, 1];
  const actual = { purchases: [1, 0, 0, 2], revenue: [100, 0, 0, 250] };
  const model = { purchases: [0.5, 0.25, 0.25, 1], revenue: [50, 25, 25, 150] };
  const baseline = { purchases: [0.5, 0.5, 1, 1], revenue: [40, 40, 100, 100] };
  const c = compareOnHoldout(actual, model, baseline, labels);

  it("per-segment and total errors", () => {
    const m0 = c.segments[0].model;
    assert.equal(m0.customers, 2);
    assert.equal(m0.actualRevenue, 100);
    assert.equal(m0.predictedRevenue, 75);
    assertRelative(m0.maePurchases, (0.5 + 0.25) / 2, 1e-15);
    assertRelative(m0.maeRevenue, (50 + 25) / 2, 1e-15);
    assertRelative(m0.rmseRevenue, Math.sqrt((50 ** 2 + 25 ** 2) / 2), 1e-15);
    assert.equal(m0.revenueTotalError, -25);
    assertRelative(m0.revenueTotalRelativeError, -0.25, 1e-15);
    const b1 = c.segments[1].baseline;
    assert.equal(b1.revenueTotalError, 200 - 250);
    assertRelative(b1.rmseRevenue, Math.sqrt((100 ** 2 + 150 ** 2) / 2), 1e-15);
    const total = c.total.model;
    assert.equal(total.customers, 4);
    assert.equal(total.actualPurchases, 3);
    assert.equal(total.predictedPurchases, 2);
    assertRelative(
      total.rmseRevenue,
      Math.sqrt((50 ** 2 + 25 ** 2 + 25 ** 2 + 100 ** 2) / 4),
      1e-15,
    );
  });

  it("segment-total error sums |predicted − actual| over segments; the verdict follows the rule", () => {
    // Model: |75 − 100| + |175 − 250| = 100. Baseline: |80 − 100| + |200 − 250| = 70.
    assert.deepEqual(c.segmentTotalsError, { model: 100, baseline: 70 });
    // Model RMSE √(13750/4) ≈ 58.6 vs baseline √((60² + 40² + 100² + 150²)/4) ≈ 95.9: mixed → baseline.
    assert.equal(c.verdict.shown, "baseline");
    assert.match(c.verdict.reason, /does not beat the baseline on the segment totals/);
    assert.match(c.verdict.rule, /both the error of the segment totals/);
  });

  it("verdict cases", () => {
    assert.equal(valueVerdict({ model: 1, baseline: 2 }, { model: 1, baseline: 2 }).shown, "model");
    assert.match(
      valueVerdict({ model: 3, baseline: 2 }, { model: 3, baseline: 2 }).reason,
      /on either error/,
    );
    assert.match(
      valueVerdict({ model: 1, baseline: 2 }, { model: 3, baseline: 2 }).reason,
      /per-customer RMSE/,
    );
    // Amounts with thousands separators and cents (the one money formatter).
    assert.match(
      valueVerdict({ model: 21326.61, baseline: 87628.77 }, { model: 43.79, baseline: 44.05 })
        .reason,
      /error R\$ 21,326\.61 \(model\) vs R\$ 87,628\.77 \(baseline\); per-customer revenue RMSE R\$ 43\.79 vs R\$ 44\.05/,
    );
    // A tie is not a win.
    assert.equal(
      valueVerdict({ model: 2, baseline: 2 }, { model: 1, baseline: 2 }).shown,
      "baseline",
    );
  });

  it("an empty segment has NaN per-customer errors and no revenue error", () => {
    const e = compareOnHoldout(actual, model, baseline, labels, 3).segments[2].model;
    assert.equal(e.customers, 0);
    assert.ok(Number.isNaN(e.maeRevenue) && Number.isNaN(e.revenueTotalRelativeError));
    assert.equal(e.revenueTotalError, 0);
  });
});
