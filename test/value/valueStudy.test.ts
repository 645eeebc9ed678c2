import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import { openOlist } from "../../src/pipeline/openData.js";
import type { CustomerTable } from "../../src/features/index.js";
import { customerFeatures } from "../../src/features/index.js";
import { writeOlistTwin } from "../../src/twin/index.js";
import { pAlive } from "../../src/value/purchaseModel.js";
import type { ValueStudy } from "../../src/value/index.js";
import {
  customerValueCsv,
  valueBySegment,
  valueColumns,
  valueReport,
  valueStudy,
  writeValueFiles,
} from "../../src/value/index.js";
import { assertRelative } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "olist-value-"));
const data = path.join(dir, "twin");
let db: Database;
let table: CustomerTable;
let study: ValueStudy;

/** Any segmentation plugs in: here a rule on the customer table (repeat buyers, recent, the rest). */
const byRule = (t: CustomerTable) =>
  Int32Array.from(t.ids, (_, i) =>
    t.numeric.frequency[i] > 1 ? 2 : t.numeric.recency_days[i] < 180 ? 1 : 0,
  );

describe("the value study on a small twin (4,000 customers)", () => {
  before(async () => {
    await writeOlistTwin({ outDir: data, seed: 11, customers: 4000 });
    ({ db } = await openOlist({ dataDir: data, log: () => {} }));
    table = await customerFeatures(db);
    study = await valueStudy(db, { table, segmentLabels: byRule });
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has one row per customer of the customer table, with its orders and revenue", () => {
    assert.deepEqual(study.inputs.ids, table.ids);
    assert.deepEqual([...study.inputs.orders], [...table.numeric.frequency]);
    assert.deepEqual([...study.inputs.revenue], [...table.numeric.monetary]);
    assert.deepEqual([...study.labels], [...byRule(table)]);
  });

  it("gives one-time buyers P(active) < 1, falling with the days since their purchase", () => {
    const { params, variant } = study.model.purchase;
    assert.equal(variant, "modified");
    assert.ok(study.oneTimeBuyers.maxPActive < 1);
    assert.ok(study.oneTimeBuyers.share > 0.9);
    let previous = Infinity;
    for (const T of [1, 30, 180, 365, 700]) {
      const p = pAlive(params, 0, 0, T);
      assert.ok(p < previous, `T=${T}`);
      previous = p;
    }
    for (let i = 0; i < study.inputs.ids.length; i++) {
      assertRelative(
        study.predictions.expectedRevenue[i],
        study.predictions.expectedPurchases[i] * study.predictions.expectedSpend[i],
        1e-15,
      );
    }
  });

  it("validates on the year before: cohort at the cut, errors per segment, a verdict with its reason", () => {
    const v = study.validation;
    assert.ok(v, study.skipped ?? "");
    assert.equal(v.cut.getTime(), study.asOf.getTime() - 365 * 86_400_000);
    assert.equal(v.comparison.segments.length, study.segments);
    assert.equal(
      v.comparison.segments.reduce((s, r) => s + r.model.customers, 0),
      v.cohort,
    );
    assert.ok(["model", "baseline"].includes(study.verdict.shown));
    assert.equal(study.verdict, v.comparison.verdict);
    assert.ok(
      v.otherVariant && v.otherVariant.oneTimeBuyerMeanPActive === 1,
      "classic: P(alive) = 1",
    );
  });

  it("sums the per-segment summary to the total row, under both methods", () => {
    const rows = valueBySegment(study);
    const total = rows[rows.length - 1];
    assert.equal(total.segment, null);
    const segs = rows.slice(0, -1);
    assert.equal(
      segs.reduce((s, r) => s + r.customers, 0),
      study.inputs.ids.length,
    );
    for (const m of ["model", "baseline"] as const) {
      assertRelative(
        segs.reduce((s, r) => s + r[m].expectedRevenue, 0),
        total[m].expectedRevenue,
        1e-12,
        m,
      );
      assertRelative(
        segs.reduce((s, r) => s + r[m].expectedOrders, 0),
        total[m].expectedOrders,
        1e-12,
        m,
      );
    }
    const modelSum = study.predictions.expectedRevenue.reduce((s, v) => s + v, 0);
    assertRelative(total.model.expectedRevenue, modelSum, 1e-12);
    assert.equal(total.expectedRevenue, total[study.verdict.shown].expectedRevenue);
    assert.equal(total.validation, study.validation?.comparison.total[study.verdict.shown]);
  });

  it("aligns the value columns with any id order; unknown ids get NaN", () => {
    const ids = [table.ids[2], "nobody", table.ids[0]];
    const c = valueColumns(study, ids, "model");
    assert.equal(c.p_active[0], study.predictions.pActive[2]);
    assert.equal(c.expected_revenue_12m[2], study.predictions.expectedRevenue[0]);
    assert.ok(Number.isNaN(c.expected_orders_12m[1]));
    const b = valueColumns(study, ids, "baseline");
    assert.ok(Number.isNaN(b.p_active[0]));
    assert.equal(b.expected_orders_12m[0], study.baselinePredictions.purchases[2]);
  });

  it("without a year of history before the as-of date: no validation, so the baseline is shown", async () => {
    const early = await valueStudy(db, {
      asOf: "2017-07-01",
      segmentLabels: byRule,
      compareVariants: false,
    });
    assert.equal(early.validation, null);
    assert.match(early.skipped ?? "", /^No holdout validation: before 2016-07-01/);
    assert.equal(early.verdict.shown, "baseline");
    assert.match(early.verdict.reason, /The unvalidated model is not shown\.$/);
    // Too few customers half a year before for a last-period baseline on this small twin.
    assert.equal(early.baseline.kind, "lifetime rate");
    const c = valueColumns(early, early.inputs.ids);
    assert.ok(c.p_active.every(Number.isNaN));
    assert.deepEqual([...c.expected_revenue_12m], [...early.baselinePredictions.revenue]);
  });

  it("writes customer-value.csv and value.json atomically (no temporary files left)", () => {
    const out = path.join(dir, "out");
    const files = writeValueFiles(study, out);
    assert.deepEqual(readdirSync(out).sort(), ["customer-value.csv", "value.json"]);
    const lines = readFileSync(files.csv, "utf8").trimEnd().split("\n");
    assert.equal(lines[0], "customer_unique_id,p_active,expected_orders_12m,expected_revenue_12m");
    assert.equal(lines.length, study.inputs.ids.length + 1);
    assert.equal(readFileSync(files.csv, "utf8"), customerValueCsv(study));
    const json = JSON.parse(readFileSync(files.json, "utf8"));
    assert.equal(json.verdict.shown, study.verdict.shown);
    assert.equal(json.timeUnit, "day");
    assert.match(
      json.oneTimeBuyers.treatment,
      /drop out right after any purchase, the first included/,
    );
    assert.equal(json.segments.length, study.segments + 1);
    assert.deepEqual(Object.keys(valueReport(study)), Object.keys(json));
  });
});

describe("npm run value", () => {
  it("refuses a bad flag and an impossible as-of date in one line, exit 2", () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/value.ts", ...args], {
        encoding: "utf8",
      });
    const flag = run("--bogus");
    assert.equal(flag.status, 2);
    assert.match(flag.stderr.trim(), /^value: .*bogus.*\(--help lists the options\)$/);
    const date = run("--as-of", "2018-02-30");
    assert.equal(date.status, 2);
    assert.equal(date.stderr.trim().split("\n").length, 1);
    assert.match(date.stderr, /not a calendar date/);
  });
});
