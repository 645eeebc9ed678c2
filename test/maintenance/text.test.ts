import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { recommendRetraining } from "../../src/maintenance/recommend.js";
import type { MaintenanceReport } from "../../src/maintenance/report.js";
import {
  centroidTakeaway,
  curveTakeaway,
  driftTakeaway,
  migrationTakeaway,
  psiAlarmDays,
  stayersNoiseTakeaway,
} from "../../src/maintenance/takeaways.js";
import {
  costText,
  crossingText,
  notStudiedText,
  ownerText,
  recommendationText,
  retrainingText,
  studySummaryLines,
  triggerText,
} from "../../src/maintenance/text.js";
import { handReport, THREE_RUNS, weeklyRun } from "./handBuilt.js";

const rec = recommendRetraining(handReport(THREE_RUNS));

describe("maintenance sentences (from the recommendation)", () => {
  test("the interval, its promise and the next cadence", () => {
    assert.equal(
      recommendationText(rec),
      "Retrain every 4 weeks (28 days). Up to the end of each 4-week interval, every one of the 3 runs " +
        "of the study still agrees with a fresh refit at ARI ≥ 0.8 (at the end: worst run 0.81, median " +
        "0.90). The next usual cadence, 6 weeks, would let the worst run fall to 0.78.",
    );
  });

  test("no cadence satisfies: the sentence says so", () => {
    const bad = recommendRetraining(
      handReport([weeklyRun("2018-01-01T00:00:00.000Z", 0, [0.75, 0.7])]),
    );
    assert.match(
      recommendationText(bad),
      /^Retrain every week \(7 days\)\. No usual cadence keeps the runs at ARI ≥ 0\.8: even within 1 week the worst run falls to 0\.75/,
    );
    assert.match(
      retrainingText(bad, 1, 7).summary,
      /the shortest usual cadence: even then the segments can be stale/,
    );
  });

  test("the crossing days", () => {
    assert.equal(
      crossingText(rec),
      "Over the 3 runs, the agreement fell below 0.8 after a median of 46 days (earliest 35 days, " +
        "latest 56 days); in 1 of 3 runs it never did.",
    );
  });

  test("the trigger, its cadence, level, lead time and the candidates it replaced", () => {
    assert.equal(
      triggerText(rec),
      "Between retrainings, run the agreement check every week: when the ARI of the live model against a quick " +
        "refit on a 20,000-customer sample is below 0.85, retrain within 7 days. In the study it warned " +
        "before the crossing in 2 of 2 runs that crossed, 7 days ahead. By contrast, the trigger " +
        '"largest PSI of a model feature since training above 0.25" warned in time in 0 of 2 runs; the ' +
        'trigger "largest PSI of a model feature since training above 0.1" warned in time in 0 of 2 runs.',
    );
  });

  test("the cost under the stated assumptions, against the next cadence", () => {
    assert.equal(
      costText(rec),
      "Retraining every 4 weeks costs R$ 6,001 a year: 13.0 retrainings × 5 h and 39.1 checks × 0.25 h " +
        "at R$ 80 per hour (assumptions; compute time is negligible). Every 6 weeks would cost R$ 4,348 " +
        "but let the worst run fall to 0.78.",
    );
  });

  test("who does what, from the steps", () => {
    assert.equal(
      ownerText(),
      "The data analyst retrains (steps 1, 2, 4 and 5) and runs the checks; the marketing lead does step 3.",
    );
    assert.equal(
      ownerText([
        { step: "a", owner: "x", command: null, input: "", output: "", check: "", hours: 1 },
      ]),
      "The x retrains (step 1) and runs the checks.",
    );
  });

  test("the brief's sentences all come from the same recommendation", () => {
    const t = retrainingText(rec, 3, 7);
    assert.equal(t.lead, "Retrain every 4 weeks (28 days).");
    assert.match(t.summary, /^Retrain the segmentation every 4 weeks: .*\(worst 0\.81\)\.$/);
    assert.match(
      t.study,
      /at 3 training dates and compared them every 7 days .*, 3 runs in all\.$/,
    );
    assert.equal(t.trigger, triggerText(rec));
    assert.equal(t.cost, costText(rec));
    assert.match(t.noise, /agree at 0\.99/);
    assert.match(
      notStudiedText(),
      /check every week .* below 0\.85, retrain; the segments are stale below 0\.8\.$/,
    );
  });

  test("the terminal summary", () => {
    const report = {
      ...handReport(THREE_RUNS),
      dates: [{}, {}],
      seconds: 12.34,
      tableSeconds: 5,
      source: { description: "x", synthetic: true, banner: "*** SYNTHETIC ***" },
    } as unknown as MaintenanceReport;
    const lines = studySummaryLines(report, rec, true);
    assert.equal(lines[0], "*** SYNTHETIC ***");
    assert.match(lines[1], /2 dates: read from the cache \(computed in 12\.3 s\)\.$/);
    assert.equal(lines[4], recommendationText(rec));
    // Computed beside other work: said with the time, cached or not.
    const beside = {
      ...report,
      options: { ...report.options, workers: 2 },
      ranBeside: "the other stages of npm start",
    };
    assert.match(
      studySummaryLines(beside, rec, true)[1],
      /read from the cache \(computed in 12\.3 s, beside the other stages of npm start\)\.$/,
    );
    assert.match(
      studySummaryLines(beside, rec, false)[1],
      /12\.3 s \(tables 5\.0 s, 2 worker\(s\), beside the other stages of npm start\)\.$/,
    );
  });
});

/** A report with a known curve, drift and migration (two origins, first one shown). */
const REPORT = {
  options: {
    threshold: 0.8,
    features: ["recency_days", "monetary"],
    origins: ["2018-01-01T00:00:00.000Z", "2018-02-01T00:00:00.000Z"],
  },
  curve: [
    { days: 7, mean: 0.95, min: 0.9, meanStayers: 0.96 },
    { days: 14, mean: 0.85, min: 0.78, meanStayers: 0.8 },
    { days: 21, mean: 0.75, min: 0.7, meanStayers: 0.7 },
  ],
  noiseFloor: { mean: 0.9912, min: 0.9801 },
  drift: [
    {
      origin: "2018-01-01T00:00:00.000Z",
      days: 7,
      psi: { recency_days: 0.2, monetary: 0.01 },
      centroidShift: [0.1, 0.3],
      migratedShare: 0.1,
    },
    {
      origin: "2018-01-01T00:00:00.000Z",
      days: 14,
      psi: { recency_days: 0.3, monetary: 0.02 },
      centroidShift: [0.2, 0.5],
      migratedShare: 0.25,
    },
    {
      origin: "2018-02-01T00:00:00.000Z",
      days: 7,
      psi: { recency_days: 0.05, monetary: null },
      centroidShift: [0, 0],
      migratedShare: 0,
    },
  ],
  migration: {
    origin: "2018-01-01T00:00:00.000Z",
    date: "2018-01-15T00:00:00.000Z",
    matrix: [
      [60, 20],
      [5, 15],
    ],
  },
} as unknown as MaintenanceReport;

describe("notebook takeaways (from the report)", () => {
  test("the curve: mean and worst run", () => {
    assert.equal(
      curveTakeaway(REPORT),
      "The mean ARI over the runs falls below 0.8 after 21 days; the worst run is below it " +
        "from 14 days. After 21 days the mean is 0.75: a model left alone drifts away from a fresh fit " +
        "of today's customers.",
    );
  });

  test("customers present at the origin and noise floor at the first fall of the mean", () => {
    assert.equal(
      stayersNoiseTakeaway(REPORT),
      "Refits with different seeds agree at ARI 0.991 on average (never below 0.980): the decline is " +
        "real drift, not k-means noise. On customers already present at the origin the ARI is 0.70 at " +
        "21 days (all customers: 0.75), so existing customers changing segment drive the drift at least " +
        "as much as newcomers.",
    );
  });

  test("drift: the top feature and the PSI alarm per origin", () => {
    assert.deepEqual(psiAlarmDays(REPORT), [
      { origin: "2018-01-01T00:00:00.000Z", days: 14 },
      { origin: "2018-02-01T00:00:00.000Z", days: null },
    ]);
    assert.equal(
      driftTakeaway(REPORT),
      "The feature that moves most is recency_days (PSI 0.30 after 14 days). A PSI above 0.25 on a " +
        "model feature first appears after 14 days / never (training dates 2018-01-01 / 2018-02-01).",
    );
  });

  test("centroid shift and migration", () => {
    assert.equal(
      centroidTakeaway(REPORT, ["A", "B"]),
      'After 14 days the members of "B" sit 0.50 standard deviations from the centroid the frozen ' +
        "model gave them; 25.0 % of the customers present at training changed segment under the frozen model.",
    );
    // 75 of 100 stayed; inflow to B: 20, to A: 5.
    assert.equal(
      migrationTakeaway(REPORT, ["A", "B"]),
      "75.0 % of the 100 customers present at training are still in the same segment 14 days later; the " +
        'largest inflow goes to "B" (20 customers, 20.0 %): under a frozen model customers age out of ' +
        "their segment, while a refit redraws the segments around today's customers.",
    );
  });
});
