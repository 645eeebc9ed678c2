import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluationGrid, studyOrigins } from "../../src/maintenance/grid.js";
import { MAINTENANCE_STUDY, studyDesignReason } from "../../src/maintenance/policy.js";

const day = (d: Date) => d.toISOString().slice(0, 10);

describe("study dates", () => {
  test("origins anchored at the end: the latest 26 weeks before it, then every 4 weeks back", () => {
    const origins = studyOrigins(
      new Date("2016-09-04T17:00:00Z"),
      new Date("2018-09-01T00:00:00Z"),
      MAINTENANCE_STUDY,
    );
    assert.deepEqual(origins.map(day), [
      "2017-10-14",
      "2017-11-11",
      "2017-12-09",
      "2018-01-06",
      "2018-02-03",
      "2018-03-03",
    ]);
    // 2018-03-03 + 182 days = 2018-09-01: the latest run reaches the longest cadence (26 weeks).
    const grid = evaluationGrid(origins, new Date("2018-09-01T00:00:00Z"), 7);
    assert.equal(grid.length, 47);
    assert.equal(day(grid[grid.length - 1]), "2018-09-01");
  });

  test("a short history keeps fewer origins; none is an error naming the dates", () => {
    const origins = studyOrigins(
      new Date("2017-01-01T00:00:00Z"),
      new Date("2018-09-01T00:00:00Z"),
      MAINTENANCE_STUDY,
    );
    // The earliest origin needs 365 days of history: from 2018-01-01 on.
    assert.deepEqual(origins.map(day), ["2018-01-06", "2018-02-03", "2018-03-03"]);
    assert.throws(
      () =>
        studyOrigins(
          new Date("2018-01-01T00:00:00Z"),
          new Date("2018-09-01T00:00:00Z"),
          MAINTENANCE_STUDY,
        ),
      /needs 365 days of history before a training date and 182 days after it, and the data run from 2018-01-01 to 2018-09-01/,
    );
  });

  test("the grid holds every origin, shared, in date order; bad ranges are errors", () => {
    const a = new Date("2018-01-01T00:00:00Z");
    const b = new Date("2018-01-10T00:00:00Z"); // off the weekly grid of a
    const grid = evaluationGrid([b, a], new Date("2018-01-22T00:00:00Z"), 7);
    assert.deepEqual(grid.map(day), [
      "2018-01-01",
      "2018-01-08",
      "2018-01-10",
      "2018-01-15",
      "2018-01-22",
    ]);
    assert.throws(() => evaluationGrid([a], a, 7), /must be after every origin/);
    assert.throws(
      () => evaluationGrid([a], new Date("2018-03-01"), 7, 5),
      /would evaluate 9 dates, more than the limit of 5/,
    );
    assert.throws(() => evaluationGrid([], a, 7), /at least one origin/);
  });

  test("the design's reason is rendered from the design", () => {
    assert.equal(
      studyDesignReason(MAINTENANCE_STUDY, 3),
      "3 training dates 28 days apart (the latest 182 days before the end of the data, so every run " +
        "reaches the longest usual cadence) × 2 seeds, evaluated every 7 days: refits with different " +
        "seeds agree closely (the noise floor), so the spread comes from the training dates; the worst " +
        "of the 6 runs is what the cadence rule rests on.",
    );
  });
});
