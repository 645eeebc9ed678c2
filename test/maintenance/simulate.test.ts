import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CustomerTable } from "../../src/features/definitions.js";
import { TRIGGER_CANDIDATES } from "../../src/maintenance/policy.js";
import { recommendRetraining } from "../../src/maintenance/recommend.js";
import { maintenanceReport } from "../../src/maintenance/report.js";
import type { MaintenanceResult } from "../../src/maintenance/simulate.js";
import { simulateMaintenance } from "../../src/maintenance/simulate.js";
import { validateTrigger } from "../../src/maintenance/trigger.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import { createRng } from "../../src/util/random.js";
import { blobTable, pickRows } from "../helpers/tables.js";

const DAY = 86_400_000;
const t0 = new Date("2017-09-01T00:00:00Z");
const end = new Date(t0.getTime() + 10 * 7 * DAY);
const features = ["recency_days", "monetary"];
// Four blobs; the base population every date resamples.
const base = blobTable(
  [
    [10, 10],
    [10, 30],
    [30, 10],
    [30, 30],
  ],
  80,
  5,
);

/** A bootstrap resample of the base population, seeded by the date: no drift at all. */
function resampled(date: Date): CustomerTable {
  const rng = createRng(date.getTime() / DAY);
  const rows = Int32Array.from({ length: base.ids.length }, () => rng.int(base.ids.length));
  return pickRows(base, rows, date);
}

/** Drift from day 35: the two low-recency blobs move (see the injected-drift test). */
const driftDate = new Date(t0.getTime() + 5 * 7 * DAY);
function drifted(date: Date): CustomerTable {
  const t = resampled(date);
  if (date.getTime() < driftDate.getTime()) return t;
  const recency = t.numeric.recency_days.map((r) => (r < 20 ? r + 10 : r + 20));
  return { ...t, numeric: { ...t.numeric, recency_days: recency } };
}

/**
 * A drift in two stages without resampling: from day 21 the low-recency, low-spend blob moves by
 * +9 (a partial change: ARI 0.94), from day 42 by +16 (ARI 0.71).
 */
const everyone = Int32Array.from({ length: base.ids.length }, (_, i) => i);
function twoStages(date: Date): CustomerTable {
  const t = pickRows(base, everyone, date);
  const days = (date.getTime() - t0.getTime()) / DAY;
  const shift = days >= 42 ? 16 : days >= 21 ? 9 : 0;
  const { recency_days: r, monetary: m } = t.numeric;
  const recency = r.map((x, i) => (x < 20 && m[i] < 20 ? x + shift : x));
  return { ...t, numeric: { ...t.numeric, recency_days: recency } };
}
/** Two seeds, one origin, sequential. */
const twoSeeds = (provider: (date: Date) => CustomerTable) =>
  simulateMaintenance(provider, {
    features,
    k: 4,
    seeds: [0, 1],
    origins: [t0],
    end,
    nInit: 5,
    workers: 0,
  });
const sampledCheck = TRIGGER_CANDIDATES.find((c) => c.signal === "sampledAri")!;
const source = { description: "test", synthetic: false };

/** Everything a simulation measured, without its timings and thread count. */
function measured(r: MaintenanceResult) {
  return {
    options: r.options,
    points: r.points,
    dates: r.dates,
    curve: r.curve,
    drift: r.drift,
    migration: r.migration,
    decision: r.decision,
    sensitivity: r.sensitivity,
    frozenModels: r.frozenModels.map((m) => m.toJSON()),
  };
}

describe("maintenance simulation", () => {
  test("no drift (the same data resampled): ARI stays near 1 at every date", async () => {
    const result = await simulateMaintenance(resampled, {
      features,
      k: 4,
      seeds: [0, 1],
      origins: [t0],
      end,
      nInit: 5,
    });
    assert.equal(result.curve.length, 10);
    for (const p of result.curve) {
      assert.ok(p.mean > 0.95, `ARI ${p.mean} at day ${p.days}`);
      assert.ok(p.noise > 0.95);
    }
    assert.equal(result.decision.neverBelow, 2);
    assert.ok(Number.isNaN(result.decision.median));
    // Resampling 320 customers moves PSI by sampling noise only: never a major shift (0.25).
    for (const d of result.drift)
      for (const f of features) assert.ok(d.psi[f] < 0.25, `PSI ${d.psi[f]}`);
  });

  test("injected drift at a known date: ARI falls below the threshold after it and not before", async () => {
    // From the drift date, customers of the two low-recency blobs move: recency rises to 20, so the
    // four blobs become three columns of points, a different partition for a refit.
    const result = await simulateMaintenance(drifted, {
      features,
      k: 4,
      seeds: [0, 1, 2],
      origins: [t0],
      end,
      nInit: 5,
    });
    for (const p of result.curve) {
      if (p.days < 35) assert.ok(p.min >= 0.8, `before drift, day ${p.days}: ARI ${p.min}`);
      else assert.ok(p.max < 0.8, `after drift, day ${p.days}: ARI ${p.max}`);
    }
    assert.equal(result.decision.median, 35);
    assert.equal(result.decision.min, 35);
    assert.equal(result.decision.neverBelow, 0);
    const last = result.drift[result.drift.length - 1];
    assert.ok(last.psi.recency_days > 0.25, `PSI ${last.psi.recency_days}`);
    assert.ok(last.migratedShare > 0.2);
    // The migration matrix covers every customer present at both dates.
    const moved = result.migration.matrix.flat().reduce((a, x) => a + x, 0);
    assert.ok(moved > 0);
  });

  test("M0 is never refitted: its JSON equals a fresh fit at T0 after the whole simulation", async () => {
    const result = await simulateMaintenance(resampled, {
      features,
      k: 4,
      seeds: [3],
      origins: [t0],
      end,
      nInit: 5,
    });
    const fresh = fitSegmentModel(resampled(t0), { features, k: 4, seed: 3, nInit: 5 }).model;
    assert.equal(JSON.stringify(result.frozenModels[0].toJSON()), JSON.stringify(fresh.toJSON()));
  });

  test("worker threads give exactly the results of the sequential path", async () => {
    const options = {
      features,
      k: 4,
      seeds: [0, 1, 2],
      origins: [t0, new Date(t0.getTime() + 2 * 7 * DAY)],
      end,
      nInit: 3,
    };
    const sequential = await simulateMaintenance(drifted, { ...options, workers: 0 });
    const threaded = await simulateMaintenance(drifted, { ...options, workers: 2 });
    assert.equal(sequential.workers, 0);
    assert.equal(threaded.workers, 2);
    assert.deepEqual(measured(threaded), measured(sequential));
    // The comparison is not vacuous: both runs saw the drift (day 35), i.e. 35 days after the
    // first origin and 21 days after the second one, for every seed.
    assert.deepEqual(
      sequential.decision.perRun.map((r) => [(r.origin.getTime() - t0.getTime()) / DAY, r.days]),
      [
        [0, 35],
        [0, 35],
        [0, 35],
        [14, 21],
        [14, 21],
        [14, 21],
      ],
    );
  });

  test("every grid date is reported once with its customers and noise floor", async () => {
    const result = await simulateMaintenance(drifted, {
      features,
      k: 4,
      seeds: [0, 1],
      origins: [t0],
      end,
      nInit: 3,
      workers: 0,
    });
    assert.deepEqual(
      result.dates.map((d) => (d.date.getTime() - t0.getTime()) / DAY),
      [0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70],
    );
    for (const d of result.dates) {
      assert.equal(d.customers, base.ids.length);
      assert.ok(d.noise > 0.95, `noise ${d.noise}`);
    }
    assert.ok(result.tableSeconds >= 0 && result.tableSeconds <= result.seconds);
  });

  test("the check on a sample holding every customer, with the run's seed, equals the ARI", async () => {
    const result = await twoSeeds(drifted);
    assert.equal(result.options.checkSeed, 0);
    assert.ok(result.options.checkSampleSize > base.ids.length);
    const seed0 = result.points.filter((p) => p.seed === 0);
    assert.equal(seed0.length, 10);
    for (const p of seed0) assert.equal(p.sampledAri, p.ari, `day ${p.days}`);
    // A sudden drift (day 35) gives no warning: the check fires at the crossing, lead 0.
    const report = maintenanceReport(result, source);
    const v = validateTrigger(report.runs, sampledCheck, 0.8, result.options.checkSampleSize);
    assert.deepEqual(
      v.perRun.map((r) => [r.crossingDays, r.firedDays, r.leadDays, r.firedBefore]),
      [
        [35, 35, 0, false],
        [35, 35, 0, false],
      ],
    );
    assert.equal(v.validated, false);
  });

  test("a drift in two stages: the PSI warns at the first, 21 days before the ARI crosses", async () => {
    const result = await twoSeeds(twoStages);
    const ari = (days: number) => result.curve.find((c) => c.days === days)!;
    assert.ok(ari(14).min === 1 && ari(21).max < 0.95 && ari(35).min > 0.8 && ari(42).max < 0.8);
    const rec = recommendRetraining(maintenanceReport(result, source));
    // Stages at days 21 and 42: the longest usual cadence before 42 days is 4 weeks.
    assert.deepEqual([rec.intervalWeeks, rec.satisfied], [4, true]);
    // PSI > 0.25 fires at the partial change (day 21), the ARI crosses at 42: lead 21 days in
    // both runs; it is the first validated candidate. The check at 0.85 only fires at the crossing.
    assert.equal(rec.trigger.id, "psi-major");
    assert.deepEqual(
      rec.trigger.perRun.map((r) => [r.firedDays, r.crossingDays, r.leadDays]),
      [
        [21, 42, 21],
        [21, 42, 21],
      ],
    );
    // Checked every 2 weeks, a check may see the warning a week after it started: 14 days are left.
    assert.deepEqual(
      [rec.trigger.minLeadDays, rec.trigger.checkEveryWeeks, rec.trigger.actWithinDays],
      [21, 2, 14],
    );
    const check = rec.triggerCandidates.find((c) => c.id === "sampled-agreement")!;
    assert.deepEqual([check.firedBefore, check.validated], [0, false]);
  });

  test("the number of evaluation dates is bounded: an absurd end is an error naming it", async () => {
    await assert.rejects(
      simulateMaintenance(resampled, {
        features,
        k: 4,
        origins: [t0],
        end: new Date("2100-01-01T00:00:00Z"),
      }),
      /from 2017-09-01 to 2100-01-01 every 7 days would evaluate 4297 dates, more than the limit of 120: check the end date \(2100-01-01\)/,
    );
    await assert.rejects(
      simulateMaintenance(resampled, { features, k: 4, origins: [t0], end, stepDays: 0.5 }),
      /stepDays must be a whole number of days > 0, got 0\.5/,
    );
  });

  test("a table provider needs explicit origins and end", async () => {
    await assert.rejects(
      simulateMaintenance(resampled, { features, k: 4 }),
      /needs options\.origins and options\.end/,
    );
  });
});
