import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/data/db.js";
import { openOlist } from "../../src/pipeline/openData.js";
import type { SegmentWorth } from "../../src/pipeline/segmentWorth.js";
import {
  segmentValue,
  segmentWorth,
  WORTH_STAGES,
  withStability,
  worthColumns,
  writeSegmentWorth,
} from "../../src/pipeline/segmentWorth.js";
import type { Segmentation } from "../../src/pipeline/segmentRun.js";
import { segmentCustomers } from "../../src/pipeline/segmentRun.js";
import { writeSegmentation } from "../../src/segments/output.js";
import { writeOlistTwin } from "../../src/twin/index.js";
import { valueBySegment } from "../../src/value/index.js";
import { parseCsv } from "../helpers/csv.js";

const dir = mkdtempSync(path.join(tmpdir(), "segment-worth-"));
const data = path.join(dir, "twin");
const out = path.join(dir, "reports");
let db: Database;
let segmentation: Segmentation;
let worth: SegmentWorth;
const stages: string[] = [];

describe("the worth stages of npm start on a small twin (3,000 customers)", () => {
  before(async () => {
    await writeOlistTwin({ outDir: data, seed: 7, customers: 3000 });
    let source;
    ({ db, source } = await openOlist({ dataDir: data, log: () => {} }));
    segmentation = await segmentCustomers(db, source, { exactSilhouette: false });
    worth = await segmentWorth(db, segmentation, {
      stability: { runs: 5 },
      onStage: (s) => stages.push(s),
    });
    writeSegmentation(
      out,
      segmentation.model,
      segmentation.table,
      segmentation.matrix,
      segmentation.labels,
      withStability(segmentation.metrics, worth),
      worthColumns(worth, segmentation.table.ids),
    );
    writeSegmentWorth(out, worth);
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("runs the four stages in order and times each", () => {
    assert.deepEqual(stages, [...WORTH_STAGES]);
    for (const s of WORTH_STAGES) assert.ok(worth.seconds[s] >= 0, s);
    assert.ok(worth.value, "the small twin has enough repeat customers for the value model");
  });

  test("customers.csv gains p_active, expected_orders_12m, expected_revenue_12m before the segment", () => {
    const rows = parseCsv(readFileSync(path.join(out, "customers.csv"), "utf8"));
    const header = rows[0];
    assert.deepEqual(header.slice(-5), [
      "p_active",
      "expected_orders_12m",
      "expected_revenue_12m",
      "segment",
      "segment_name",
    ]);
    const col = (name: string) => rows.slice(1).map((r) => Number(r[header.indexOf(name)]));
    const revenue = col("expected_revenue_12m");
    const orders = col("expected_orders_12m");
    const pActive = col("p_active");
    const segment = col("segment");
    assert.equal(revenue.length, segmentation.table.ids.length);
    const study = worth.value!;
    // The file's columns are the shown method's figures: their sums per segment are valueBySegment's.
    const bySegment = valueBySegment(study);
    for (const row of bySegment) {
      let sum = 0;
      for (let i = 0; i < revenue.length; i++)
        if (row.segment === null || segment[i] === row.segment) sum += revenue[i];
      assert.ok(
        Math.abs(sum - row.expectedRevenue) <= 1e-6 * Math.max(1, row.expectedRevenue),
        `segment ${row.segment}: ${sum} vs ${row.expectedRevenue}`,
      );
    }
    for (let i = 0; i < revenue.length; i++) {
      assert.ok(orders[i] >= 0 && revenue[i] >= 0, `row ${i}`);
      if (study.verdict.shown === "model") assert.ok(pActive[i] > 0 && pActive[i] <= 1, `row ${i}`);
    }
  });

  test("segment-rules.json: the issue's format, and its fidelity equals a direct count on customers.csv", () => {
    const json = JSON.parse(readFileSync(path.join(out, "segment-rules.json"), "utf8"));
    assert.deepEqual(Object.keys(json).slice(0, 2), ["fidelity", "leaves"]);
    const rows = parseCsv(readFileSync(path.join(out, "customers.csv"), "utf8"));
    const header = rows[0];
    const readAs = new Map<string, number>(
      worth.rules.missing.map((m) => [m.feature, m.readAs] as [string, number]),
    );
    let same = 0;
    for (const r of rows.slice(1)) {
      const value = (f: string) => {
        const text = r[header.indexOf(f)];
        return text === "" ? readAs.get(f)! : Number(text);
      };
      const hits = (
        json.leaves as {
          segment: number;
          conditions: { feature: string; op: string; value: number }[];
        }[]
      ).filter((leaf) =>
        leaf.conditions.every((c) => {
          assert.ok(header.includes(c.feature), `${c.feature} is a customers.csv column`);
          assert.ok(c.op === "<" || c.op === ">=", c.op);
          return c.op === "<" ? value(c.feature) < c.value : value(c.feature) >= c.value;
        }),
      );
      assert.equal(hits.length, 1, "exactly one leaf holds for each customer");
      if (hits[0].segment === Number(r[header.indexOf("segment")])) same++;
    }
    assert.equal(json.fidelity, same / (rows.length - 1));
  });

  test("metrics.json and segment-stability.json carry each segment's mean bootstrap Jaccard", () => {
    const metrics = JSON.parse(readFileSync(path.join(out, "metrics.json"), "utf8"));
    const stability = JSON.parse(readFileSync(path.join(out, "segment-stability.json"), "utf8"));
    assert.equal(stability.design.runs, 5);
    for (const size of metrics.sizes) {
      const row = stability.segments.find((s: { segment: number }) => s.segment === size.segment);
      assert.equal(size.jaccard, row.meanJaccard);
      assert.ok(size.jaccard > 0 && size.jaccard <= 1);
    }
  });

  test("value.json holds the validation (model vs baseline, per segment and total) and the verdict", () => {
    const value = JSON.parse(readFileSync(path.join(out, "value.json"), "utf8"));
    assert.ok(["model", "baseline"].includes(value.verdict.shown));
    if (value.validation) {
      assert.ok(value.validation.total.model.customers > 0);
      assert.equal(
        value.validation.total.model.customers,
        value.validation.total.baseline.customers,
      );
    } else assert.match(value.validationSkipped, /No holdout validation/);
    const revenue = JSON.parse(readFileSync(path.join(out, "revenue-concentration.json"), "utf8"));
    assert.ok(revenue.overall.top20 > 0.2 && revenue.overall.top20 <= 1);
  });
});

describe("the value stage on tiny data", () => {
  const tinyDir = mkdtempSync(path.join(tmpdir(), "segment-worth-tiny-"));
  after(() => rmSync(tinyDir, { recursive: true, force: true }));

  test("skips the value study with a note instead of throwing, and writes the note to value.json", async () => {
    await writeOlistTwin({ outDir: path.join(tinyDir, "twin"), seed: 2, customers: 100 });
    const { db: tiny, source } = await openOlist({
      dataDir: path.join(tinyDir, "twin"),
      log: () => {},
    });
    try {
      const s = await segmentCustomers(tiny, source, { exactSilhouette: false, k: 3 });
      const repeat = Array.from(s.table.numeric.frequency).filter((f) => f > 1).length;
      assert.ok(repeat < 3, `this tiny twin has ${repeat} repeat customers`);
      const { study, skipped } = await segmentValue(tiny, s);
      assert.equal(study, null);
      assert.match(skipped!, /Customer value not computed: .* the value model needs at least 3/);
      const w = await segmentWorth(tiny, s, { stability: { runs: 3 } });
      const files = writeSegmentWorth(path.join(tinyDir, "out"), w);
      const json = JSON.parse(readFileSync(files.value, "utf8"));
      assert.equal(json.verdict, null);
      assert.equal(json.validationSkipped, skipped);
      const columns = worthColumns(w, s.table.ids);
      assert.ok(columns.expected_revenue_12m.every((v) => Number.isNaN(v)));
    } finally {
      tiny.close();
    }
  });
});
