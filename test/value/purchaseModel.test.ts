import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/util/random.js";
import type { PurchaseModelVariant, PurchaseParameters } from "../../src/value/purchaseModel.js";
import {
  customerLogLikelihood,
  expectedPurchases,
  fitPurchaseModel,
  pAlive,
  purchaseLogLikelihood,
} from "../../src/value/purchaseModel.js";
import { purchasePatterns } from "../../src/value/purchasePatterns.js";
import { assertRelative, loadValueFixture } from "./helpers.js";
import { simulatePurchases } from "./simulate.js";

interface PurchaseCase {
  params: [number, number, number, number];
  variant: PurchaseModelVariant;
  x: number;
  tx: number;
  T: number;
  t: number;
  direct: { logLikelihood: number; pAlive: number; expected: number };
}
const { purchase } = loadValueFixture<{ purchase: PurchaseCase[] }>("models");
const asParams = ([r, alpha, a, b]: number[]): PurchaseParameters => ({ r, alpha, a, b });

describe("MBG/NBD and BG/NBD against the models' definitions (numerical integration, mpmath)", () => {
  it(`log-likelihood, P(alive) and expected purchases agree on ${purchase.length} cases`, () => {
    for (const c of purchase) {
      const p = asParams(c.params);
      const what = `${c.variant} ${c.params.join("/")} x=${c.x} tx=${c.tx} T=${c.T} t=${c.t}`;
      const ll = customerLogLikelihood(p, c.x, c.tx, c.T, c.variant);
      assert.ok(
        Math.abs(ll - c.direct.logLikelihood) <= 1e-11 * Math.max(1, Math.abs(ll)),
        `${what} ll ${ll}`,
      );
      assertRelative(
        pAlive(p, c.x, c.tx, c.T, c.variant),
        c.direct.pAlive,
        1e-11,
        `${what} pAlive`,
      );
      assertRelative(
        expectedPurchases(p, c.t, c.x, c.tx, c.T, c.variant),
        c.direct.expected,
        1e-10,
        `${what} expected`,
      );
    }
  });

  it("the pattern log-likelihood is the weighted sum of the customers' log-likelihoods", () => {
    const histories = {
      x: Float64Array.of(0, 0, 0, 2, 2, 5),
      tx: Float64Array.of(0, 0, 0, 40, 40, 300),
      T: Float64Array.of(100, 100, 365, 200, 200, 400),
    };
    const patterns = purchasePatterns(histories);
    assert.deepEqual([...patterns.weight], [2, 1, 2, 1]);
    const params = { r: 0.4, alpha: 60, a: 0.7, b: 1.9 };
    for (const variant of ["modified", "classic"] as const) {
      let direct = 0;
      for (let i = 0; i < 6; i++) {
        direct += customerLogLikelihood(
          params,
          histories.x[i],
          histories.tx[i],
          histories.T[i],
          variant,
        );
      }
      assertRelative(purchaseLogLikelihood(params, patterns, variant), direct, 1e-14, variant);
    }
  });
});

describe("hand-computed cases", () => {
  it("likelihood and P(alive) of a one-time buyer (r = 1, α = 10, a = b = 1, T = 10)", () => {
    const p = { r: 1, alpha: 10, a: 1, b: 1 };
    // Alive: (1 − p) e^{−λT} → E = 1/2 · α/(α + T) = 1/4; dead right after the first purchase: 1/2.
    assertRelative(customerLogLikelihood(p, 0, 0, 10), Math.log(0.75), 1e-15);
    assertRelative(pAlive(p, 0, 0, 10), 1 / 3, 1e-15);
    // The classic model cannot lose a customer who never bought again.
    assert.equal(pAlive(p, 0, 0, 10, "classic"), 1);
    assertRelative(customerLogLikelihood(p, 0, 0, 10, "classic"), Math.log(0.5), 1e-15);
  });

  it("classic BG/NBD, r = 2, a = 2, b = 1, new customer: E[X(t)] = 2t/(α + t)", () => {
    const p = { r: 2, alpha: 50, a: 2, b: 1 };
    for (const t of [1, 30, 365, 5000]) {
      assertRelative(
        expectedPurchases(p, t, 0, 0, 0, "classic"),
        (2 * t) / (50 + t),
        1e-13,
        `t=${t}`,
      );
    }
  });

  it("MBG/NBD at the pole a = 1 (r = 1, b = 1): E = α/(2α+T) · [2(α+T+t)/t · ln(1 + t/(α+T)) − 2]", () => {
    const alpha = 40;
    const p = { r: 1, alpha, a: 1, b: 1 };
    for (const T of [0, 30, 700]) {
      for (const t of [7, 365]) {
        const u = alpha + T;
        const expected = (alpha / (2 * alpha + T)) * (((2 * (u + t)) / t) * Math.log1p(t / u) - 2);
        assertRelative(expectedPurchases(p, t, 0, 0, T), expected, 1e-13, `T=${T} t=${t}`);
      }
    }
    // Continuous in a across the pole.
    const near = expectedPurchases({ ...p, a: 1 + 1e-9 }, 365, 0, 0, 30);
    assertRelative(near, expectedPurchases(p, 365, 0, 0, 30), 1e-8);
  });

  it("a one-time buyer's P(alive) is below 1 and falls with the time since the purchase", () => {
    const p = { r: 0.3, alpha: 80, a: 0.9, b: 2.5 };
    let previous = 1;
    for (const T of [0, 1, 30, 90, 365, 730]) {
      const value = pAlive(p, 0, 0, T);
      assert.ok(value < previous || (T === 0 && value < 1), `T=${T}: ${value} after ${previous}`);
      previous = value;
    }
    assertRelative(pAlive(p, 0, 0, 0), 2.5 / 3.4, 1e-15); // b / (a + b) right after the purchase
    // The same holds for the expected purchases of the next year.
    assert.ok(expectedPurchases(p, 365, 0, 0, 30) > expectedPurchases(p, 365, 0, 0, 400));
  });
});

describe("parameter recovery on data simulated from the model (seeded)", () => {
  const truth = { r: 0.6, alpha: 120, a: 0.9, b: 2.2 };
  for (const variant of ["modified", "classic"] as const) {
    it(`${variant}: each parameter within 3 standard errors and 30 % of the truth`, () => {
      const rng = createRng(variant === "modified" ? 17 : 18);
      const ages = Float64Array.from({ length: 20_000 }, () => 30 + rng.int(700));
      const sim = simulatePurchases(rng, truth, ages, variant, 365);
      const fit = fitPurchaseModel(purchasePatterns(sim), { variant });
      assert.ok(fit.convergence.converged, "optimiser converged");
      assert.deepEqual(fit.convergence.atBounds, []);
      assert.ok(fit.convergence.gradientNorm < 1e-5, `gradient ${fit.convergence.gradientNorm}`);
      assert.ok(fit.standardErrors, "Hessian invertible");
      for (const k of ["r", "alpha", "a", "b"] as const) {
        const error = Math.abs(fit.params[k] - truth[k]);
        assert.ok(
          error <= 3 * fit.standardErrors[k],
          `${k}: ${fit.params[k]} ± ${fit.standardErrors[k]}`,
        );
        assert.ok(error <= 0.3 * truth[k], `${k}: ${fit.params[k]} vs ${truth[k]}`);
      }
      assert.ok(fit.logLikelihood >= purchaseLogLikelihood(truth, purchasePatterns(sim), variant));

      // With the true parameters, the predictions match what the simulated customers did next.
      let predicted = 0;
      let actual = 0;
      let aliveOneTime = 0;
      let pAliveOneTime = 0;
      for (let i = 0; i < ages.length; i++) {
        predicted += expectedPurchases(truth, 365, sim.x[i], sim.tx[i], sim.T[i], variant);
        actual += sim.future[i];
        if (sim.x[i] === 0) {
          aliveOneTime += sim.alive[i];
          pAliveOneTime += pAlive(truth, 0, 0, sim.T[i], variant);
        }
      }
      // Totals over 20,000 customers: a few percent of sampling noise.
      assertRelative(predicted, actual, 0.06, "expected vs simulated purchases of the next year");
      if (variant === "modified")
        assertRelative(pAliveOneTime, aliveOneTime, 0.06, "P(alive) of one-time buyers");
    });
  }
});
