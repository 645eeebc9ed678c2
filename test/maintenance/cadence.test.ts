import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cadenceQuality, cadenceRuleText, chooseCadence } from "../../src/maintenance/cadence.js";
import { THREE_RUNS, weeklyRun } from "./handBuilt.js";

describe("cadence rule (worst run at the end of the interval)", () => {
  test("the worst run decides, not the mean: 4 weeks where the mean curve would allow 6", () => {
    const { weeks, satisfied, rows } = chooseCadence(THREE_RUNS, 0.8);
    assert.equal(weeks, 4);
    assert.equal(satisfied, true);
    assert.deepEqual(
      rows.map((r) => r.weeks),
      [1, 2, 4, 6, 8, 13, 26],
    );
    const six = rows[3];
    assert.equal(six.worstAri, 0.78);
    assert.equal(six.medianAri, 0.86);
    assert.equal(six.meetsRule, false);
    // The mean at 6 weeks is 0.84: a mean-curve rule would have kept it.
    assert.ok(Math.abs((0.78 + 0.86 + 0.88) / 3 - 0.84) < 1e-12);
    const four = rows[2];
    assert.deepEqual(
      [four.runs, four.worstAri, four.medianAri, four.lowestInCycle, four.meetsRule],
      [3, 0.81, 0.9, 0.81, true],
    );
    // Beyond the data (13 and 26 weeks) no run is evaluated: the rule cannot rest on them.
    assert.deepEqual([rows[5].runs, rows[5].worstAri, rows[5].meetsRule], [0, null, false]);
  });

  test("a dip inside the interval counts even when the end recovers", () => {
    const runs = [weeklyRun("2018-01-01T00:00:00.000Z", 0, [0.95, 0.79, 0.9, 0.9, 0.9, 0.9])];
    const q = cadenceQuality(runs, 4, 0.8);
    assert.equal(q.worstAri, 0.9);
    assert.equal(q.lowestInCycle, 0.79);
    assert.equal(q.meetsRule, false);
    assert.equal(chooseCadence(runs, 0.8).weeks, 1);
  });

  test("no cadence satisfies: the shortest, flagged", () => {
    const runs = [
      weeklyRun("2018-01-01T00:00:00.000Z", 0, [0.75, 0.7, 0.6, 0.5]),
      weeklyRun("2018-01-01T00:00:00.000Z", 1, [0.9, 0.85, 0.8, 0.8]),
    ];
    const { weeks, satisfied, rows } = chooseCadence(runs, 0.8);
    assert.equal(weeks, 1);
    assert.equal(satisfied, false);
    assert.equal(rows[0].worstAri, 0.75);
    assert.ok(rows.every((r) => !r.meetsRule));
  });

  test("a stated coverage below 1 lets the rule rest on a high quantile of the runs", () => {
    // Ten runs: nine stay at 0.9 for 6 weeks, one falls to 0.7 at week 6.
    const runs = Array.from({ length: 10 }, (_, s) =>
      weeklyRun(
        "2018-01-01T00:00:00.000Z",
        s,
        s === 0 ? [0.95, 0.9, 0.9, 0.9, 0.9, 0.7] : [0.95, 0.9, 0.9, 0.9, 0.9, 0.9],
      ),
    );
    assert.equal(chooseCadence(runs, 0.8).weeks, 4); // every run
    // 90 %: the 0.1 quantile of the lowest ARI per run is between 0.7 and 0.9: 0.7 + 0.9 × 0.2 = 0.88.
    const q = cadenceQuality(runs, 6, 0.8, 0.9);
    assert.ok(Math.abs((q.coveredAri ?? 0) - 0.88) < 1e-12);
    assert.equal(chooseCadence(runs, 0.8, [1, 2, 4, 6], 0.9).weeks, 6);
    assert.throws(() => cadenceQuality(runs, 6, 0.8, 0), /coverage must be in \(0, 1\]/);
  });

  test("the rule in words names the cadences, the runs and the threshold", () => {
    assert.equal(
      cadenceRuleText(0.8),
      "Retrain at the longest usual cadence (1, 2, 4, 6, 8, 13 or 26 weeks) at which every run of the " +
        "study (training date × seed) still agrees with a fresh refit at ARI ≥ 0.8 at every evaluation " +
        "up to the end of the interval; if none does, retrain at the shortest and say so.",
    );
    assert.match(
      cadenceRuleText(0.7, [2, 4], 0.95),
      /\(2 or 4 weeks\) at which at least 95 % of the runs/,
    );
  });
});
