import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { candidateSegmentation } from "../../src/segments/selectionCandidates.js";
import type { CustomerTable } from "../../src/features/definitions.js";
import { openOlist } from "../../src/pipeline/openData.js";
import { defaultAsOf } from "../../src/features/customers.js";
import { MAINTENANCE_STUDY, studyDesignReason } from "../../src/maintenance/policy.js";
import type { MaintenanceRecommendation } from "../../src/maintenance/recommend.js";
import type { MaintenanceReport } from "../../src/maintenance/report.js";
import { maintenanceReport } from "../../src/maintenance/report.js";
import { simulateMaintenance } from "../../src/maintenance/simulate.js";
import { writeOlistTwin } from "../../src/twin/index.js";
import { createRng } from "../../src/util/random.js";
import { blobTable, pickRows } from "../helpers/tables.js";
import { maxOf, minOf } from "../../src/util/arrayStats.js";

const DAY = 86_400_000;
const t0 = new Date("2017-09-01T00:00:00Z");
const end = new Date(t0.getTime() + 6 * 7 * DAY);
const features = ["recency_days", "monetary"];
const base = blobTable(
  [
    [10, 10],
    [10, 30],
    [30, 10],
    [30, 30],
  ],
  40,
  3,
);
const driftDate = new Date(t0.getTime() + 3 * 7 * DAY);
function drifted(date: Date): CustomerTable {
  const rng = createRng(date.getTime() / DAY);
  const t = pickRows(
    base,
    Int32Array.from({ length: base.ids.length }, () => rng.int(base.ids.length)),
    date,
  );
  if (date.getTime() < driftDate.getTime()) return t;
  const recency = t.numeric.recency_days.map((r) => (r < 20 ? r + 10 : r + 20));
  return { ...t, numeric: { ...t.numeric, recency_days: recency } };
}
const source = { description: "SYNTHETIC DATA: test twin", synthetic: true };

describe("maintenance report (maintenance.json)", () => {
  test("is plain JSON with every date, the band, drift, noise floor and the decision", async () => {
    const result = await simulateMaintenance(drifted, {
      features,
      k: 4,
      seeds: [0, 1],
      origins: [t0],
      end,
      nInit: 3,
      workers: 0,
    });
    const report = maintenanceReport(result, source);
    // A JSON round trip changes nothing: no Date, NaN, Infinity or typed array inside.
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
    assert.equal(report.kind, "olist-maintenance-report");
    assert.equal(report.version, 2);
    assert.equal(report.design, null); // an ad hoc run, not the study design
    assert.equal(report.synthetic, true);
    assert.equal(report.banner, "*** SYNTHETIC DATA: test twin ***");
    assert.deepEqual(report.options.origins, ["2017-09-01T00:00:00.000Z"]);
    assert.equal(report.options.end, end.toISOString());
    assert.deepEqual(report.options.seeds, [0, 1]);
    assert.equal(report.options.workers, 0);
    // Seven dates (days 0 … 42); six horizons after the origin, each with two runs.
    assert.equal(report.dates.length, 7);
    assert.deepEqual(
      report.curve.map((c) => c.days),
      [7, 14, 21, 28, 35, 42],
    );
    for (const c of report.curve) {
      assert.equal(c.runs, 2);
      assert.ok(c.min <= c.p10 && c.p10 <= c.mean && c.mean <= c.p90 && c.p90 <= c.max);
    }
    assert.deepEqual(report.dates[0].ari, []); // the origin itself is not compared with itself
    const day28 = report.dates[4];
    assert.equal(day28.date, "2017-09-29T00:00:00.000Z");
    assert.equal(day28.ari[0].days, 28);
    assert.equal(day28.ari[0].mean, result.curve[3].mean);
    assert.equal(report.noiseFloor.min, minOf(result.dates.map((d) => d.noise)));
    assert.deepEqual(Object.keys(report.drift[0].psi), features);
    assert.equal(report.drift.length, 6);
    // The drift is at day 21: the decision and its spread say so, 0.7 / 0.8 / 0.9 included.
    assert.equal(report.retrain.threshold, 0.8);
    assert.equal(report.retrain.medianDays, 21);
    assert.equal(report.retrain.minDays, 21);
    assert.equal(report.retrain.maxDays, 21);
    assert.equal(report.retrain.runs, 2);
    assert.equal(report.retrain.fell, 2);
    assert.deepEqual(
      report.retrain.perRun.map((r) => r.days),
      [21, 21],
    );
    assert.deepEqual(
      report.sensitivity.map((s) => s.threshold),
      [0.7, 0.8, 0.9],
    );
    assert.equal(report.sensitivity[1].medianDays, 21);
    assert.equal(report.migration.matrix.length, 4);
    // Every run's series, aligned with the curve's days, and the frozen model of the first run.
    assert.deepEqual(
      report.runs.map((r) => [r.origin, r.seed, r.days.length]),
      [
        ["2017-09-01T00:00:00.000Z", 0, 6],
        ["2017-09-01T00:00:00.000Z", 1, 6],
      ],
    );
    assert.deepEqual(
      report.runs[0].ari,
      result.points.filter((p) => p.seed === 0).map((p) => p.ari),
    );
    assert.equal(report.runs[0].psi[5], maxOf(Object.values(report.drift[5].psi).map(Number)));
    assert.equal(report.curve[0].median, (report.runs[0].ari[0] + report.runs[1].ari[0]) / 2);
    assert.equal(report.frozenModel.k, 4);
    assert.equal(
      JSON.stringify(report.frozenModel),
      JSON.stringify(result.frozenModels[0].toJSON()),
    );
  });

  test("NaN becomes null and the real data have no banner", async () => {
    const stable = (date: Date) => drifted(new Date(Math.min(date.getTime(), t0.getTime())));
    const result = await simulateMaintenance(stable, {
      features,
      k: 4,
      seeds: [0],
      origins: [t0],
      end,
      nInit: 3,
      workers: 0,
    });
    const report = maintenanceReport(result, { description: "Kaggle files", synthetic: false });
    assert.equal(report.synthetic, false);
    assert.equal(report.banner, null);
    assert.equal(report.source.banner, "Kaggle files");
    assert.equal(report.retrain.medianDays, null); // ARI never fell: no interval measured
    assert.equal(report.retrain.neverBelow, 1);
    assert.equal(report.noiseFloor.mean, 1); // one seed: nothing to disagree with
  });
});

describe("npm run maintenance (scripts/maintenance.ts)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "maintenance-cli-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cache = path.join(dir, "cache");
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/maintenance.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, OLIST_CACHE_DIR: cache },
    });

  test("rejects bad flags with a clear message and exit code 2", () => {
    const unknown = run("--nope");
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown option '--nope'/);
    assert.match(unknown.stderr, /^maintenance: .*--help lists the options\)\n$/);
    const workers = run("--workers", "two");
    assert.equal(workers.status, 2);
    assert.match(workers.stderr, /--workers "two" must be an integer from 0 to 64/);
    const file = path.join(dir, "file.txt");
    writeFileSync(file, "x");
    const out = run("--out", file);
    assert.equal(out.status, 2);
    assert.match(out.stderr, /is a file; give a folder/);
    const data = run("--data", path.join(dir, "missing"));
    assert.equal(data.status, 2);
    assert.match(data.stderr, /--data ".*missing" does not exist/);
    const k = run("--k", "1");
    assert.equal(k.status, 2);
    assert.match(k.stderr, /--k "1" must be an integer from 2 to 50/);
    const help = run("--help");
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: npm run maintenance/);
  });

  test("runs the study on a small twin, writes maintenance.json, then reads it from the cache", async () => {
    const data = path.join(dir, "twin");
    await writeOlistTwin({ outDir: data, seed: 11, customers: 3000 });
    const out = path.join(dir, "out");
    const done = run("--data", data, "--out", out, "--workers", "1");
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /^Retrain every (\d+ weeks|week) \(\d+ days\)\./m);
    assert.match(done.stdout, /Wrote .*maintenance\.json/);
    const file = path.join(out, "maintenance.json");
    const report = JSON.parse(readFileSync(file, "utf8")) as MaintenanceReport & {
      recommendation: MaintenanceRecommendation;
    };
    assert.equal(report.kind, "olist-maintenance-report");
    assert.equal(report.synthetic, true);
    assert.match(report.banner ?? "", /SYNTHETIC DATA: Olist twin \(seed 11, 3,000 customers\)/);
    // The study design: the segmentation this data uses (the selection rule's pick on these files,
    // said on stdout), 6 origins 4 weeks apart × 2 seeds, weekly.
    const studied = /^segmentation studied: (\S+) \(the selection rule's pick\)$/m.exec(
      done.stdout,
    );
    assert.ok(studied, done.stdout);
    const pick = candidateSegmentation(studied[1]);
    assert.deepEqual(report.options.features, pick.features);
    assert.deepEqual([report.options.k, report.options.nInit], [pick.k, 10]);
    assert.deepEqual(report.options.seeds, [...MAINTENANCE_STUDY.seeds]);
    assert.deepEqual(report.design, {
      ...MAINTENANCE_STUDY,
      reason: studyDesignReason(MAINTENANCE_STUDY),
    });
    assert.equal(report.options.origins.length, 6);
    const origins = report.options.origins.map((d) => Date.parse(d));
    assert.ok(origins.slice(1).every((o, i) => (o - origins[i]) / DAY === 28));
    // It ends at the customer table's default as-of date; the latest origin 26 weeks before.
    const { db } = await openOlist({ dataDir: data, log: () => {} });
    const asOf = await defaultAsOf(db);
    db.close();
    assert.equal(report.options.end, asOf.toISOString());
    assert.equal((asOf.getTime() - origins[5]) / DAY, 182);
    assert.equal(report.options.stepDays, 7);
    assert.equal(report.options.workers, 1);
    assert.equal(report.runs.length, 12);
    assert.equal(report.dates.length, 47);
    assert.equal(report.dates[0].date, report.options.origins[0]);
    assert.equal(report.curve[0].runs, 12);
    // The recommendation: interval from the rule, its trade-off row, the trigger.
    const rec = report.recommendation;
    assert.equal(rec.intervalDays, 7 * rec.intervalWeeks);
    const row = rec.tradeoff.find((r) => r.recommended)!;
    assert.deepEqual([row.weeks, row.worstAri], [rec.intervalWeeks, rec.worstAri]);
    assert.ok(!rec.satisfied || (rec.worstAri ?? 0) >= rec.threshold);
    assert.ok(rec.trigger.perRun.length === 12 && typeof rec.trigger.rule === "string");
    // Second run: the same file content from the cache.
    const again = run("--data", data, "--out", out, "--workers", "1");
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /read from the cache/);
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), report);
  });
});
