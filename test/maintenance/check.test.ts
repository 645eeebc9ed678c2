import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sampledCheck, sampledRefit, sampleRows } from "../../src/maintenance/check.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import { blobTable } from "../helpers/tables.js";

const features = ["recency_days", "monetary"];
const table = blobTable(
  [
    [10, 10],
    [10, 30],
    [30, 10],
    [30, 30],
  ],
  500,
  3,
);

describe("sampled agreement check", () => {
  test("a seeded sample without replacement, in row order", () => {
    const rows = sampleRows(1000, 200, 7);
    assert.equal(rows.length, 200);
    assert.equal(new Set(rows).size, 200);
    assert.ok(rows.every((r, i) => r >= 0 && r < 1000 && (i === 0 || r > rows[i - 1])));
    assert.deepEqual(sampleRows(1000, 200, 7), rows);
    assert.notDeepEqual(sampleRows(1000, 200, 8), rows);
    assert.deepEqual(Array.from(sampleRows(3, 10, 0)), [0, 1, 2]);
    assert.throws(() => sampleRows(10, 0, 0), /sampleSize must be a whole number > 0/);
  });

  test("the live model agrees with a quick refit on a sample of the same data (ARI 1)", () => {
    const { model } = fitSegmentModel(table, { features, k: 4, seed: 0, nInit: 5 });
    const check = sampledCheck(model, table, { sampleSize: 400, seed: 1 });
    assert.equal(check.sampleSize, 400);
    assert.equal(check.ari, 1);
  });

  test("and disagrees once the data moved", () => {
    const { model } = fitSegmentModel(table, { features, k: 4, seed: 0, nInit: 5 });
    // The low-recency, low-spend blob moves next to the high-recency one: three groups remain.
    const r = table.numeric.recency_days;
    const m = table.numeric.monetary;
    const moved = {
      ...table,
      numeric: {
        ...table.numeric,
        recency_days: r.map((x, i) => (x < 20 && m[i] < 20 ? x + 18 : x)),
      },
    };
    assert.ok(sampledCheck(model, moved, { sampleSize: 400 }).ari < 0.85);
    // The quick refit on every customer is the full refit with the check's seed.
    const spec = { features, log1p: [], scaler: "standard" as const, k: 4, nInit: 5 };
    const quick = sampledRefit(moved, spec, { sampleSize: 10_000, seed: 2 });
    const full = fitSegmentModel(moved, { ...spec, seed: 2 });
    assert.deepEqual(quick.labels, full.labels);
  });
});
