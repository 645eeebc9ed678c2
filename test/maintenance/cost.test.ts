import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { planCost } from "../../src/maintenance/cost.js";
import { COST_ASSUMPTIONS, MAINTENANCE_STEPS } from "../../src/maintenance/policy.js";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

describe("maintenance cost", () => {
  test("the assumptions: 5 h per retraining (the steps), 0.25 h per check, R$ 80 per hour", () => {
    assert.equal(COST_ASSUMPTIONS.hoursPerRetraining, 5);
    assert.equal(
      MAINTENANCE_STEPS.reduce((a, s) => a + s.hours, 0),
      COST_ASSUMPTIONS.hoursPerRetraining,
    );
    assert.equal(COST_ASSUMPTIONS.ratePerHour, 80);
  });

  test("every 8 weeks with a check every 2 weeks, by hand", () => {
    const c = planCost(56, 14);
    close(c.refitsPerYear, 365.25 / 56); // 6.5223
    assert.equal(c.checksPerCycle, 3); // days 14, 28, 42 (56 is the retraining)
    close(c.checksPerYear, (3 * 365.25) / 56);
    close(c.hoursPerYear, (365.25 / 56) * 5 + ((3 * 365.25) / 56) * 0.25); // 37.50
    close(c.costPerYear, c.hoursPerYear * 80); // R$ 3,000.27
    close(c.costPerYear, 3000.267857142857);
  });

  test("no check, and checks that do not divide the interval", () => {
    const weekly = planCost(7, 0);
    assert.equal(weekly.checksPerCycle, 0);
    close(weekly.costPerYear, (365.25 / 7) * 5 * 80);
    assert.equal(planCost(91, 14).checksPerCycle, 6); // 14 … 84
    assert.equal(planCost(42, 14).checksPerCycle, 2);
    assert.throws(() => planCost(0, 7), /intervalDays must be > 0/);
    assert.throws(() => planCost(7, -1), /checkDays must be ≥ 0/);
  });
});
