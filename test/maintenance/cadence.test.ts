import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { recommendRetraining } from "../../src/maintenance/cadence.js";
import type { MaintenanceReport } from "../../src/maintenance/report.js";

/** A report reduced to what the recommendation reads, with a mean ARI curve by days. */
function report(curve: [number, number][]): MaintenanceReport {
  return {
    options: {
      threshold: 0.8,
      origins: ["2017-09-13T00:00:00.000Z", "2017-11-08T00:00:00.000Z"],
      seeds: [0, 1],
      stepDays: 7,
      end: "2018-09-01T00:00:00.000Z",
      k: 5,
      nInit: 10,
    },
    curve: curve.map(([days, mean]) => ({ days, mean })),
    retrain: { medianDays: 63, minDays: 42, maxDays: 70, runs: 4 },
    noiseFloor: { mean: 0.99, min: 0.97 },
  } as unknown as MaintenanceReport;
}

describe("recommendRetraining", () => {
  test("the longest usual cadence before the mean ARI falls below the threshold", () => {
    // Mean ARI: 1 at 0, 0.9 at 28 d, 0.83 at 56 d, 0.78 at 63 d → valid up to 56 d → 8 weeks = 56 d.
    const rec = recommendRetraining(
      report([
        [0, 1],
        [28, 0.9],
        [56, 0.83],
        [63, 0.78],
        [70, 0.7],
      ]),
    );
    assert.equal(rec.meanBelowAfterDays, 63);
    assert.equal(rec.meanValidDays, 56);
    assert.equal(rec.everyWeeks, 8);
    assert.equal(rec.everyDays, 56);
    assert.equal(rec.withinData, true);
    assert.equal(rec.medianDays, 63);
    assert.equal(rec.runs, 4);
    assert.equal(rec.noiseFloor, 0.99);
    assert.equal(
      rec.basis,
      "2 training dates × 2 seeds, evaluated every 7 days to 2018-09-01 (k = 5, 10 restarts per fit)",
    );
  });

  test("between cadences the shorter one is kept (49 days valid → 6 weeks)", () => {
    const rec = recommendRetraining(
      report([
        [0, 1],
        [49, 0.81],
        [56, 0.79],
      ]),
    );
    assert.equal(rec.everyWeeks, 6);
  });

  test("a curve that never falls gives the longest cadence within the horizon, flagged", () => {
    const rec = recommendRetraining(
      report([
        [0, 1],
        [100, 0.95],
      ]),
    );
    assert.equal(rec.meanBelowAfterDays, null);
    assert.equal(rec.meanValidDays, 100);
    assert.equal(rec.everyWeeks, 13);
    assert.equal(rec.withinData, false);
  });

  test("a fall in the first week still recommends weekly updates", () => {
    const rec = recommendRetraining(
      report([
        [0, 1],
        [7, 0.5],
      ]),
    );
    assert.equal(rec.everyWeeks, 1);
  });
});
