import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { silhouetteScore } from "../../src/metrics/index.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import {
  measureSegmentationMetrics,
  METRICS_KEYS,
  sampledSilhouetteFields,
} from "../../src/segments/metricsFile.js";
import { blobTable } from "../helpers/tables.js";

const source = { description: "test blobs", synthetic: true };

function blobs() {
  const table = blobTable(
    [
      [10, 100],
      [200, 100],
      [10, 500],
    ],
    400,
    4,
  );
  return {
    table,
    ...fitSegmentModel(table, {
      features: ["recency_days", "monetary"],
      log1p: ["monetary"],
      k: 3,
      seed: 2,
      names: ["A", "B", "C"],
    }),
  };
}

test("sampled silhouette fields name the sample size, repeats, population and interval", () => {
  const f = sampledSilhouetteFields(
    { value: 0.33, method: "sampled", sampleSize: 20_000, repeats: 10, interval: [0.3212, 0.3389] },
    960_960,
  );
  const what =
    "median of 10 stratified samples of 20,000 of 960,960 customers, seeded; 95 % interval 0.3212–0.3389";
  assert.equal(f.silhouetteMethod, `sampled (${what})`);
  assert.equal(f.silhouetteLabel, `sampled silhouette (${what})`);
});

test("metrics: exact at or below exactMaxRows, sampled and labelled above, DB/CH/inertia exact; cached", async () => {
  const { table, model, labels, matrix } = blobs();
  const cache = mkdtempSync(path.join(tmpdir(), "olist-metrics-cache-"));
  const previous = process.env.OLIST_CACHE_DIR;
  process.env.OLIST_CACHE_DIR = cache;
  try {
    const exact = await measureSegmentationMetrics(model, table, matrix, labels, source, {
      workers: 0,
    });
    assert.deepEqual(Object.keys(exact), [...METRICS_KEYS]);
    assert.equal(exact.silhouetteMethod, "exact");
    assert.ok(Math.abs(exact.silhouette - silhouetteScore(matrix, labels)) < 1e-12);
    assert.equal(readdirSync(cache).filter((f) => f.startsWith("silhouette-")).length, 1);

    const sampled = await measureSegmentationMetrics(model, table, matrix, labels, source, {
      workers: 0,
      exactMaxRows: 1000,
      silhouetteSampleSize: 300,
    });
    assert.deepEqual(Object.keys(sampled), [...METRICS_KEYS]);
    assert.match(
      sampled.silhouetteMethod,
      /^sampled \(median of 10 stratified samples of 300 of 1,200 customers, seeded; 95 % interval 0\.\d{4}–0\.\d{4}\)$/,
    );
    assert.match(sampled.silhouetteLabel, /^sampled silhouette \(median of 10 /);
    assert.notEqual(sampled.silhouette, exact.silhouette);
    assert.ok(Math.abs(sampled.silhouette - exact.silhouette) < 0.05);
    // Davies–Bouldin, Calinski–Harabasz and the inertia stay exact.
    assert.equal(sampled.daviesBouldin, exact.daviesBouldin);
    assert.equal(sampled.calinskiHarabasz, exact.calinskiHarabasz);
    assert.equal(sampled.inertia, exact.inertia);
    assert.equal(readdirSync(cache).filter((f) => f.startsWith("silhouette-")).length, 2);

    // A rerun on the same rows and labels reads the entry: same value, no new entry.
    const again = await measureSegmentationMetrics(model, table, matrix, labels, source, {
      workers: 0,
      exactMaxRows: 1000,
      silhouetteSampleSize: 300,
    });
    assert.equal(again.silhouette, sampled.silhouette);
    assert.equal(again.silhouetteMethod, sampled.silhouetteMethod);
  } finally {
    if (previous === undefined) delete process.env.OLIST_CACHE_DIR;
    else process.env.OLIST_CACHE_DIR = previous;
    rmSync(cache, { recursive: true, force: true });
  }
});
