import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/util/random.js";
import type { CustomerValueModel } from "../../src/value/customerValue.js";
import {
  fitCustomerValueModel,
  oneTimeBuyerSummary,
  oneTimeSpendRule,
  predictCustomerValue,
} from "../../src/value/customerValue.js";
import { expectedPurchases, pAlive } from "../../src/value/purchaseModel.js";
import { assertRelative } from "./helpers.js";
import { simulatePurchases, simulateSpend } from "./simulate.js";

const purchaseParams = { r: 0.5, alpha: 90, a: 1.5, b: 0.6 };
const spendParams = { p: 6, q: 4, gamma: 15 };

/** A value model with known parameters (only the fields predictions read are meaningful). */
function knownModel(): CustomerValueModel {
  const report = {
    converged: true,
    iterations: 0,
    evaluations: 0,
    restarts: 0,
    atBounds: [],
    gradientNorm: 0,
  };
  return {
    purchase: {
      variant: "modified",
      params: purchaseParams,
      standardErrors: null,
      logLikelihood: NaN,
      customers: 0,
      patterns: 0,
      convergence: report,
    },
    spend: {
      params: spendParams,
      standardErrors: null,
      logLikelihood: NaN,
      customers: 0,
      excludedNonPositive: 0,
      populationMean: 30,
      countSpendCorrelation: NaN,
      convergence: report,
    },
    oneTimeSpend: { rule: "population mean", value: 30 },
  };
}

describe("customer value predictions", () => {
  const histories = {
    x: Float64Array.of(0, 0, 2, 0),
    tx: Float64Array.of(0, 0, 40, 0),
    T: Float64Array.of(100, 100, 200, 400),
    repeatMeanValue: Float64Array.of(NaN, NaN, 55.5, NaN),
  };
  const v = predictCustomerValue(knownModel(), histories, 365);

  it("revenue = expected purchases × expected spend, from the two models, per customer", () => {
    for (let i = 0; i < 4; i++) {
      const { x, tx, T } = { x: histories.x[i], tx: histories.tx[i], T: histories.T[i] };
      assertRelative(v.pActive[i], pAlive(purchaseParams, x, tx, T), 1e-15);
      assertRelative(
        v.expectedPurchases[i],
        expectedPurchases(purchaseParams, 365, x, tx, T),
        1e-15,
      );
      assertRelative(v.expectedRevenue[i], v.expectedPurchases[i] * v.expectedSpend[i], 1e-15);
    }
    // One-time buyers: the population mean; the repeat buyer: p(γ + n z̄)/(pn + q − 1).
    assert.deepEqual([v.expectedSpend[0], v.expectedSpend[1], v.expectedSpend[3]], [30, 30, 30]);
    assertRelative(v.expectedSpend[2], (6 * (15 + 2 * 55.5)) / (12 + 3), 1e-15);
    // The older one-time buyer is worth less.
    assert.ok(v.expectedRevenue[3] < v.expectedRevenue[0]);
  });

  it("summarises the one-time buyers", () => {
    const s = oneTimeBuyerSummary(histories, v);
    assert.equal(s.customers, 3);
    assertRelative(s.share, 0.75, 1e-15);
    assert.equal(s.minPActive, v.pActive[3]);
    assertRelative(s.meanPActive, (2 * v.pActive[0] + v.pActive[3]) / 3, 1e-15);
  });

  it("one-time spend: population mean, or the mean repeat purchase value when q ≤ 1", () => {
    assert.deepEqual(oneTimeSpendRule(30, histories), { rule: "population mean", value: 30 });
    const h = { x: Float64Array.of(0, 2, 1), repeatMeanValue: Float64Array.of(NaN, 50, 20) };
    assert.deepEqual(oneTimeSpendRule(NaN, h), { rule: "mean repeat purchase value", value: 40 });
  });

  it("fits both models on simulated customers and predicts what they buy next (seeded)", () => {
    const rng = createRng(9);
    const ages = Float64Array.from({ length: 15_000 }, () => 20 + rng.int(700));
    const sim = simulatePurchases(rng, purchaseParams, ages, "modified", 365);
    const repeatMeanValue = simulateSpend(rng, spendParams, sim.x);
    const model = fitCustomerValueModel({ ...sim, repeatMeanValue });
    assert.ok(model.purchase.convergence.converged && model.spend.convergence.converged);
    const predicted = predictCustomerValue(model, { ...sim, repeatMeanValue }).expectedPurchases;
    let total = 0;
    let actual = 0;
    for (let i = 0; i < predicted.length; i++) {
      total += predicted[i];
      actual += sim.future[i];
    }
    assertRelative(total, actual, 0.06, "fitted model: next-year purchases");
    assertRelative(model.oneTimeSpend.value, 30, 0.15, "population mean spend");
  });
});
