import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { daviesBouldinScore, silhouetteScore } from "../../src/metrics/index.js";
import { fitSegmentModel, loadSegmentModel } from "../../src/segments/model.js";
import {
  segmentAssignmentChunks,
  segmentAssignmentCsv,
  segmentationMetrics,
  writeSegmentation,
} from "../../src/segments/output.js";
import { parseCsv } from "../helpers/csv.js";
import { blobTable } from "../helpers/tables.js";

test("customers.csv carries raw and model-space features from which the metrics recompute", () => {
  const table = blobTable(
    [
      [10, 100],
      [200, 100],
      [10, 500],
    ],
    30,
    4,
  );
  const { model, labels, matrix } = fitSegmentModel(table, {
    features: ["recency_days", "monetary"],
    log1p: ["monetary"],
    k: 3,
    seed: 2,
    names: ["A", "B, with comma", "C"],
  });
  const source = { description: "test blobs", synthetic: true };
  const metrics = segmentationMetrics(model, table, matrix, labels, source);
  assert.equal(metrics.silhouetteMethod, "exact");
  assert.equal(metrics.customers, 90);
  assert.deepEqual(
    metrics.sizes.map((s) => s.customers),
    [30, 30, 30],
  );
  assert.equal(metrics.dataSource.synthetic, true);

  const dir = mkdtempSync(path.join(tmpdir(), "olist-seg-"));
  try {
    const files = writeSegmentation(dir, model, table, matrix, labels, metrics);
    const [header, ...rows] = parseCsv(readFileSync(files.customers, "utf8").trimEnd());
    assert.deepEqual(header, [
      "customer_unique_id",
      "recency_days",
      "monetary",
      "z_recency_days",
      "z_monetary",
      // The naming ladder's columns the model does not read (nameConditions.ts).
      "frequency",
      "mean_review_score",
      "segment",
      "segment_name",
    ]);
    assert.equal(rows.length, 90);
    assert.equal(rows[0][0], table.ids[0]);
    assert.equal(Number(rows[0][1]), table.numeric.recency_days[0]);
    // Recompute the metrics from the CSV's z columns and segment numbers.
    const z = {
      data: Float64Array.from(rows.flatMap((r) => [Number(r[3]), Number(r[4])])),
      rows: 90,
      cols: 2,
    };
    const seg = Int32Array.from(rows, (r) => Number(r[7]));
    assert.equal(silhouetteScore(z, seg), metrics.silhouette);
    assert.equal(daviesBouldinScore(z, seg), metrics.daviesBouldin);
    assert.ok(rows.some((r) => r[8] === "B, with comma"));
    assert.deepEqual(loadSegmentModel(files.model).toJSON(), model.toJSON());
    const written = JSON.parse(readFileSync(files.metrics, "utf8"));
    assert.equal(written.k, 3);
    assert.equal(written.silhouette, metrics.silhouette);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("customers.csv is written in chunks of whole lines, the same bytes as one string", () => {
  // 3 × 25,000 = 75,000 customers: two chunks of lines beyond the header (65,536 lines per chunk).
  const table = blobTable(
    [
      [10, 100],
      [200, 100],
      [10, 500],
    ],
    25_000,
    7,
  );
  const { model, labels, matrix } = fitSegmentModel(table, {
    features: ["recency_days", "monetary"],
    log1p: ["monetary"],
    k: 3,
    seed: 2,
    names: ["A", "B", "C"],
  });
  const chunks = Array.from(segmentAssignmentChunks(model, table, matrix, labels));
  assert.equal(chunks.length, 3);
  assert.ok(chunks.every((c) => c.endsWith("\n")));
  const whole = segmentAssignmentCsv(model, table, matrix, labels);
  assert.equal(chunks.join(""), whole);
  assert.equal(whole.split("\n").length, 75_000 + 2);
});
