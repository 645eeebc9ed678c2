import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/util/random.js";
import {
  expectedSpend,
  fitSpendModel,
  pearsonCorrelation,
  populationMeanSpend,
  spendLogLikelihood,
} from "../../src/value/spendModel.js";
import { assertRelative, loadValueFixture } from "./helpers.js";
import { simulateSpend } from "./simulate.js";

interface SpendCase {
  params: [number, number, number];
  mean: number;
  n: number;
  direct: { logLikelihood: number; expected: number };
}
const { spend } = loadValueFixture<{ spend: SpendCase[] }>("models");

describe("Gamma-Gamma spend model", () => {
  it(`log-likelihood and expected spend agree with numerical integration on ${spend.length} cases`, () => {
    for (const c of spend) {
      const [p, q, gamma] = c.params;
      const params = { p, q, gamma };
      const what = `${c.params.join("/")} mean=${c.mean} n=${c.n}`;
      const ll = spendLogLikelihood(params, [c.mean], [c.n]);
      assert.ok(
        Math.abs(ll - c.direct.logLikelihood) <= 1e-11 * Math.max(1, Math.abs(ll)),
        `${what}: ${ll}`,
      );
      assertRelative(expectedSpend(params, c.mean, c.n), c.direct.expected, 1e-11, what);
    }
  });

  it("summed log-likelihood is the sum over customers; expectations by hand", () => {
    const params = { p: 6, q: 4, gamma: 15 };
    const mean = [20, 55.5, 31];
    const count = [1, 3, 1];
    const each = mean.map((m, i) => spendLogLikelihood(params, [m], [count[i]]));
    assertRelative(spendLogLikelihood(params, mean, count), each[0] + each[1] + each[2], 1e-14);
    assert.equal(populationMeanSpend(params), 30);
    assert.equal(expectedSpend(params, 0, 0), 30); // no repeat purchase: the population mean
    // p(γ + n z̄)/(pn + q − 1) = 6 (15 + 3 · 55.5) / (18 + 3) = 6 · 181.5 / 21
    assertRelative(expectedSpend(params, 55.5, 3), (6 * 181.5) / 21, 1e-15);
    assert.ok(Number.isNaN(populationMeanSpend({ p: 1, q: 0.8, gamma: 3 })));
  });

  it("recovers its parameters from simulated spends (seeded), within 3 standard errors and 20 %", () => {
    const rng = createRng(5);
    const truth = { p: 6, q: 4, gamma: 15 };
    const count = Float64Array.from({ length: 4000 }, () => 1 + rng.int(4));
    const mean = simulateSpend(rng, truth, count);
    const fit = fitSpendModel(mean, count);
    assert.ok(fit.convergence.converged && fit.standardErrors);
    assert.equal(fit.customers, 4000);
    for (const k of ["p", "q", "gamma"] as const) {
      const error = Math.abs(fit.params[k] - truth[k]);
      assert.ok(
        error <= 3 * fit.standardErrors[k],
        `${k}: ${fit.params[k]} ± ${fit.standardErrors[k]}`,
      );
      assert.ok(error <= 0.2 * truth[k], `${k}: ${fit.params[k]}`);
    }
    // Spend is simulated independently of the count: no correlation to speak of.
    assert.ok(Math.abs(fit.countSpendCorrelation) < 0.05, `${fit.countSpendCorrelation}`);
  });

  it("leaves out one-time buyers and counts non-positive spends instead of failing on ln 0", () => {
    const fit = fitSpendModel([10, 12, 0, 30, 25, NaN, 14], [1, 2, 2, 1, 3, 0, 2]);
    assert.equal(fit.customers, 5);
    assert.equal(fit.excludedNonPositive, 1);
    assert.throws(() => fitSpendModel([10, 12], [1, 1]), /at least 3 repeat customers/);
  });

  it("pearsonCorrelation by hand", () => {
    assertRelative(pearsonCorrelation([1, 2, 3], [2, 4, 6]), 1, 1e-15);
    assertRelative(pearsonCorrelation([1, 2, 3, 4], [1, 3, 2, 4]), 0.8, 1e-15);
    assert.ok(Number.isNaN(pearsonCorrelation([1, 1], [2, 3])));
  });
});
