import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { COST_ASSUMPTIONS, MAINTENANCE_STEPS } from "../../src/maintenance/policy.js";
import { recommendRetraining } from "../../src/maintenance/recommend.js";
import {
  contractRows,
  costAssumptionRows,
  costChartData,
  runRows,
  tradeoffRows,
  triggerRows,
} from "../../src/maintenance/tables.js";
import { handReport, THREE_RUNS } from "./handBuilt.js";

const rec = recommendRetraining(handReport(THREE_RUNS));

describe("maintenance tables", () => {
  test("trade-off rows in increasing interval, the recommended one marked", () => {
    const rows = tradeoffRows(rec);
    assert.deepEqual(
      rows.map((r) => [r.interval, r.plan, r.keeps_the_rule, r.check_every]),
      [
        ["1 week", "", "yes", "none"],
        ["2 weeks", "", "yes", "week"],
        ["4 weeks", "◀ recommended", "yes", "week"],
        ["6 weeks", "", "no", "week"],
        ["8 weeks", "", "no", "week"],
        ["13 weeks", "", "no", "week"],
        ["26 weeks", "", "no", "week"],
      ],
    );
    assert.equal(rows[2].cost_per_year, "R$ 6,001");
    assert.equal(rows[2].worst_ari_at_end, 0.81);
  });

  test("runs with crossing, warning and lead; trigger candidates", () => {
    assert.deepEqual(runRows(rec)[0], {
      training_date: "2018-01-01",
      seed: 0,
      days_to_ari_below_threshold: 35,
      trigger_fired_after_days: 28,
      lead_days: 7,
      warned_in_time: "yes",
    });
    assert.deepEqual(
      triggerRows(rec).map((r) => [r.warned_before_crossing, r.chosen]),
      [
        ["0 of 2", ""],
        ["0 of 2", ""],
        ["2 of 2", "◀ trigger"],
      ],
    );
  });

  test("contract steps and cost assumptions come from the policy", () => {
    const steps = contractRows();
    assert.equal(steps.length, MAINTENANCE_STEPS.length);
    assert.deepEqual([steps[2]["#"], steps[2].owner, steps[2].hours], [3, "marketing lead", 2]);
    assert.equal(costAssumptionRows(COST_ASSUMPTIONS)[0].value, "R$ 80 per hour");
  });

  test("cost chart: bars by interval, the recommended apart, ARI in the labels", () => {
    const c = costChartData(rec);
    assert.deepEqual(c.categories.slice(0, 4), ["1 week", "2 weeks", "4 weeks ★", "6 weeks"]);
    assert.ok(Number.isNaN(c.recommended[0]) && Number.isNaN(c.others[2]));
    assert.equal(c.recommended[2], rec.tradeoff[2].costPerYear);
    assert.equal(c.labels[2], "R$ 6,001<br>worst 0.81<br>median 0.90");
    // 26 weeks: 365.25 / 182 retrainings × (5 h + 25 weekly checks × 0.25 h) × R$ 80 = R$ 1,806;
    // no run reaches 182 days, so no ARI.
    assert.equal(c.labels[6], "R$ 1,806<br>worst n/a<br>median n/a");
  });
});
