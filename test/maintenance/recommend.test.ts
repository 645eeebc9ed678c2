import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { recommendRetraining, retrainSummary } from "../../src/maintenance/recommend.js";
import { handReport, THREE_RUNS, weeklyRun } from "./handBuilt.js";

const close = (a: number | null, b: number) =>
  assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

describe("recommendRetraining", () => {
  const rec = recommendRetraining(handReport(THREE_RUNS));

  test("the interval of the worst-run rule, its worst and median ARI", () => {
    assert.deepEqual(
      [rec.intervalWeeks, rec.intervalDays, rec.satisfied, rec.worstAri, rec.medianAri],
      [4, 28, true, 0.81, 0.9],
    );
    assert.equal(rec.threshold, 0.8);
    assert.equal(rec.runs, 3);
    assert.equal(rec.note, null);
    assert.match(rec.rule, /^Retrain at the longest usual cadence/);
    assert.deepEqual(rec.crossing, { medianDays: 45.5, minDays: 35, maxDays: 56, fell: 2 });
  });

  test("the trade-off table: refits, checks and cost per year by hand, the recommended row marked", () => {
    assert.deepEqual(
      rec.tradeoff.map((r) => [r.weeks, r.recommended, r.checkEveryWeeks, r.checksPerCycle]),
      [
        [1, false, 0, 0],
        [2, false, 1, 1],
        [4, true, 1, 3],
        [6, false, 1, 5],
        [8, false, 1, 7],
        [13, false, 1, 12],
        [26, false, 1, 25],
      ],
    );
    const four = rec.tradeoff[2];
    close(four.refitsPerYear, 365.25 / 28);
    close(four.checksPerYear, (3 * 365.25) / 28);
    close(four.costPerYear, ((365.25 / 28) * 5 + ((3 * 365.25) / 28) * 0.25) * 80); // R$ 6,000.54
    close(rec.tradeoff[0].costPerYear, (365.25 / 7) * 5 * 80);
    assert.equal(rec.tradeoff[3].worstAri, 0.78);
  });

  test("the trigger: the sampled check, 7 days ahead, checked weekly", () => {
    const t = rec.trigger;
    assert.equal(t.id, "sampled-agreement");
    assert.equal(t.validated, true);
    assert.deepEqual(
      t.perRun.map((r) => [r.crossingDays, r.firedDays, r.leadDays]),
      [
        [35, 28, 7],
        [56, 49, 7],
        [null, 56, null],
      ],
    );
    assert.deepEqual(
      [t.medianLeadDays, t.checkEveryWeeks, t.checkEveryDays, t.actWithinDays, t.earlyRetrainings],
      [7, 1, 7, 7, 0],
    );
    assert.deepEqual(
      rec.triggerCandidates.map((c) => [c.id, c.firedBefore, c.crossed]),
      [
        ["psi-major", 0, 2],
        ["psi-moderate", 0, 2],
        ["sampled-agreement", 2, 2],
      ],
    );
  });

  test("no cadence keeps the promise: the shortest, said plainly", () => {
    const bad = recommendRetraining(
      handReport([weeklyRun("2018-01-01T00:00:00.000Z", 0, [0.75, 0.7, 0.65, 0.6])]),
    );
    assert.deepEqual([bad.intervalWeeks, bad.satisfied, bad.worstAri], [1, false, 0.75]);
    assert.match(
      bad.note ?? "",
      /^No usual cadence keeps the runs at ARI ≥ 0\.8: even within 1 week the worst run falls to 0\.75/,
    );
    // It crossed at day 7, the first evaluation: no trigger can warn before it.
    assert.equal(bad.trigger.validated, false);
    assert.match(
      bad.note ?? "",
      /No trigger candidate fires before the crossing in 90 % of the runs/,
    );
  });

  test("metrics.json carries the same interval", () => {
    const s = retrainSummary(rec);
    assert.deepEqual(
      [s.intervalWeeks, s.intervalDays, s.worstAri, s.trigger.id, s.trigger.checkEveryWeeks],
      [4, 28, 0.81, "sampled-agreement", 1],
    );
  });
});
