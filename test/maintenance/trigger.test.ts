import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { TriggerCandidate } from "../../src/maintenance/policy.js";
import { TRIGGER_CANDIDATES } from "../../src/maintenance/policy.js";
import {
  checkCadenceWeeks,
  chooseTrigger,
  triggerRule,
  validateTrigger,
} from "../../src/maintenance/trigger.js";
import { weeklyRun } from "./handBuilt.js";

const O1 = "2018-01-01T00:00:00.000Z";
const O2 = "2018-02-01T00:00:00.000Z";
// ARI crosses 0.8 at day 35 (run 1) and day 49 (run 2); the check is 0.02 below the ARI; the
// PSI rises by 0.05 a week (above 0.25 from day 42 in both).
const psi = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
const runs = [
  weeklyRun(O1, 0, [0.95, 0.9, 0.86, 0.82, 0.79, 0.75, 0.7, 0.65], {
    sampledAri: [0.93, 0.88, 0.84, 0.8, 0.77, 0.73, 0.68, 0.63],
    psi,
  }),
  weeklyRun(O2, 0, [0.97, 0.94, 0.91, 0.88, 0.85, 0.82, 0.78, 0.74], {
    sampledAri: [0.95, 0.92, 0.89, 0.86, 0.83, 0.8, 0.76, 0.72],
    psi,
  }),
];
const warning: TriggerCandidate = {
  id: "check",
  signal: "sampledAri",
  direction: "below",
  level: 0.85,
};

describe("early-warning trigger validation", () => {
  test("lead time = crossing − first firing, per run", () => {
    const v = validateTrigger(runs, warning, 0.8, 20000);
    // Check below 0.85: run 1 at day 21 (0.84), run 2 at day 35 (0.83). Crossings: 35 and 49.
    assert.deepEqual(
      v.perRun.map((r) => [r.crossingDays, r.firedDays, r.leadDays, r.firedBefore]),
      [
        [35, 21, 14, true],
        [49, 35, 14, true],
      ],
    );
    assert.deepEqual(
      [v.crossed, v.firedBefore, v.share, v.medianLeadDays, v.minLeadDays, v.validated],
      [2, 2, 1, 14, 14, true],
    );
    assert.equal(
      v.rule,
      "ARI of the live model against a quick refit on a 20,000-customer sample below 0.85",
    );
  });

  test("a PSI that fires after the crossing is not validated; the check replaces it", () => {
    const { trigger, candidates } = chooseTrigger(runs, 0.8, 20000);
    const major = candidates[0];
    assert.equal(major.id, "psi-major");
    // PSI > 0.25 first at day 42: after the crossing of run 1 (35), before that of run 2 (49).
    assert.deepEqual(
      major.perRun.map((r) => r.leadDays),
      [-7, 7],
    );
    assert.deepEqual([major.firedBefore, major.share, major.validated], [1, 0.5, false]);
    // PSI > 0.1 fires at day 21 (0.15) in both: 14 and 28 days ahead; it is validated first.
    assert.equal(candidates[1].id, "psi-moderate");
    assert.deepEqual(
      candidates[1].perRun.map((r) => r.leadDays),
      [14, 28],
    );
    assert.equal(trigger.id, "psi-moderate");
    // Without the moderate level, the sampled check is the trigger.
    const withoutModerate = TRIGGER_CANDIDATES.filter((c) => c.id !== "psi-moderate");
    assert.equal(chooseTrigger(runs, 0.8, 20000, withoutModerate).trigger.id, "sampled-agreement");
  });

  test("when no candidate is validated, the best one is returned, flagged", () => {
    const late: TriggerCandidate = { id: "late", signal: "psi", direction: "above", level: 0.28 };
    const later: TriggerCandidate = { id: "later", signal: "psi", direction: "above", level: 0.5 };
    const { trigger } = chooseTrigger(runs, 0.8, 20000, [later, late]);
    // PSI > 0.28 first at day 42: in time for run 2 only (1 of 2 < 90 %); PSI > 0.5 never fires.
    assert.equal(trigger.id, "late");
    assert.equal(trigger.validated, false);
    assert.equal(trigger.share, 0.5);
    assert.equal(chooseTrigger(runs, 0.8, 20000, [later]).trigger.firedBefore, 0);
  });

  test("runs that never cross do not count in the share; firing there is counted apart", () => {
    const calm = weeklyRun(O1, 1, [0.95, 0.9, 0.9, 0.9], { sampledAri: [0.95, 0.84, 0.9, 0.9] });
    const v = validateTrigger([calm], warning, 0.8, 20000);
    assert.deepEqual(
      [v.crossed, v.share, v.firedWithoutCrossing, v.validated],
      [0, null, 1, false],
    );
  });

  test("the check runs at the longest cadence within the lead time and half the interval", () => {
    assert.equal(checkCadenceWeeks(14, 56), 2); // lead 14 days
    assert.equal(checkCadenceWeeks(28, 56), 4);
    assert.equal(checkCadenceWeeks(28, 42), 2); // half of 6 weeks is 3 weeks
    assert.equal(checkCadenceWeeks(5, 56), 1); // shorter than a week: weekly at the least
    assert.equal(checkCadenceWeeks(null, 56), 1);
    assert.equal(checkCadenceWeeks(28, 7), 0); // weekly retraining: no check in between
  });

  test("candidates in words", () => {
    assert.equal(
      triggerRule(TRIGGER_CANDIDATES[0], 20000),
      "largest PSI of a model feature since training above 0.25",
    );
  });
});
