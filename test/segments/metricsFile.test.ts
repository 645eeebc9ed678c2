import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { silhouetteScore } from "../../src/metrics/silhouette.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import { marketingTable } from "../../src/segments/naming.js";
import { baseValues, segmentProfiles } from "../../src/segments/profiles.js";
import { segmentationMetrics } from "../../src/segments/output.js";
import {
  completeMetrics,
  measureSegmentationMetrics,
  METRICS_KEYS,
  metricsRows,
} from "../../src/segments/metricsFile.js";
import { blobTable } from "../helpers/tables.js";

const source = { description: "test blobs", synthetic: true };
const fitBlobs = (perBlob: number) => {
  const table = blobTable(
    [
      [10, 100],
      [14, 104],
      [10, 500],
    ],
    perBlob,
    4,
  );
  const fit = fitSegmentModel(table, {
    features: ["recency_days", "monetary"],
    log1p: [],
    k: 3,
    seed: 2,
    names: ["A", "B", "C"],
  });
  return { table, ...fit };
};
const checksum = { table: "orders", file: "orders.csv", bytes: 10, sha256: "a".repeat(64) };

test("completeMetrics: keys in METRICS_KEYS order, checksums and retrain set", () => {
  const { table, model, matrix, labels } = fitBlobs(30);
  const m = segmentationMetrics(model, table, matrix, labels, source);
  const reversed = Object.fromEntries(Object.entries(m).reverse()) as typeof m;
  const done = completeMetrics(reversed, { checksums: [checksum] });
  assert.deepEqual(Object.keys(done), [...METRICS_KEYS]);
  assert.deepEqual(done.dataSource.files, [checksum]);
  assert.equal(done.retrain, null);
  assert.equal(done.silhouette, m.silhouette);
});

test("completeMetrics: a key outside the schema, or a missing one, is an error naming it", () => {
  const { table, model, matrix, labels } = fitBlobs(30);
  const m = segmentationMetrics(model, table, matrix, labels, source);
  assert.throws(
    () => completeMetrics({ ...m, extraScore: 1 } as typeof m),
    /not in METRICS_KEYS extraScore/,
  );
  const { inertia: _dropped, ...without } = m;
  assert.throws(() => completeMetrics(without as typeof m), /missing inertia/);
});

test("measureSegmentationMetrics: the exact silhouette, timed, labelled with n", async () => {
  const { table, model, matrix, labels } = fitBlobs(30);
  const m = await measureSegmentationMetrics(model, table, matrix, labels, source, { workers: 0 });
  assert.ok(Math.abs(m.silhouette - silhouetteScore(matrix, labels)) < 1e-12);
  assert.equal(m.silhouetteMethod, "exact");
  assert.equal(m.silhouetteLabel, `silhouette ${m.silhouette.toFixed(3)} (exact, n = 90)`);
  assert.equal(m.silhouetteSample, null);
  assert.ok(m.seconds.silhouette !== null && m.seconds.silhouette > 0);
  assert.deepEqual(Object.keys(m), [...METRICS_KEYS]);
});

test("a table no larger than a sample is labelled exact even when sampling was asked", async () => {
  const { table, model, matrix, labels } = fitBlobs(30);
  const m = await measureSegmentationMetrics(model, table, matrix, labels, source, {
    exactSilhouette: false,
    workers: 0,
  });
  assert.equal(m.silhouetteMethod, "exact");
  assert.equal(m.silhouetteSample, null);
  const direct = segmentationMetrics(model, table, matrix, labels, source, {
    exactSilhouette: false,
  });
  assert.equal(direct.silhouetteMethod, "exact");
});

test("a sampled silhouette carries n and a 95 % interval that brackets the exact value", () => {
  const { table, model, matrix, labels } = fitBlobs(4000); // 12,000 customers > a 10,000 sample
  const m = segmentationMetrics(model, table, matrix, labels, source, { exactSilhouette: false });
  assert.equal(m.silhouetteMethod, "sampled, n = 10,000");
  assert.ok(m.silhouetteSample);
  const [lo, hi] = m.silhouetteSample.interval;
  assert.equal(m.silhouetteSample.rows, 10_000);
  assert.ok(lo < m.silhouette && m.silhouette < hi);
  const exact = silhouetteScore(matrix, labels);
  assert.ok(lo <= exact && exact <= hi, `${exact} in [${lo}, ${hi}]`);
  assert.equal(
    m.silhouetteLabel,
    `silhouette ${m.silhouette.toFixed(3)} (sampled, n = 10,000; 95 % interval ${lo.toFixed(3)}–${hi.toFixed(3)})`,
  );
});

test("metricsRows: the silhouette row names its method and n; retrain and hashes shown", () => {
  const { table, model, matrix, labels } = fitBlobs(30);
  const m = completeMetrics(segmentationMetrics(model, table, matrix, labels, source), {
    checksums: [checksum],
  });
  const rows = metricsRows(m);
  assert.deepEqual(rows[1], { metric: "silhouette (exact, n = 90)", value: m.silhouette });
  assert.deepEqual(rows.at(-2), {
    metric: "retrain every (days)",
    value: "not computed (too little history)",
  });
  assert.deepEqual(rows.at(-1), { metric: "data files hashed (SHA-256)", value: 1 });
});

test("measureSegmentationMetrics with the marketing table: each size carries its name condition and share", async () => {
  const { table, model, matrix, labels } = fitBlobs(30);
  const marketing = marketingTable(segmentProfiles(table, labels), baseValues(table));
  const m = await measureSegmentationMetrics(model, table, matrix, labels, source, {
    workers: 0,
    marketing,
  });
  assert.deepEqual(Object.keys(m), [...METRICS_KEYS]);
  for (const s of m.sizes) {
    const row = marketing.find((r) => r.segment === s.segment)!;
    const named = row.nameRungs.length > 0;
    assert.deepEqual(
      [(s as { nameCondition?: unknown }).nameCondition, (s as { nameShare?: unknown }).nameShare],
      named ? [row.nameCondition, row.nameShare] : [null, null],
    );
  }
});

test("exactMaxRows: exact up to it, sampled and labelled above, DB/CH/inertia exact; cached", async () => {
  const { table, model, matrix, labels } = fitBlobs(400);
  const cache = mkdtempSync(path.join(tmpdir(), "olist-metrics-cache-"));
  const previous = process.env.OLIST_CACHE_DIR;
  process.env.OLIST_CACHE_DIR = cache;
  const entries = () => readdirSync(cache).filter((f) => f.startsWith("silhouette-")).length;
  try {
    const exact = await measureSegmentationMetrics(model, table, matrix, labels, source, {
      workers: 0,
    });
    assert.equal(exact.silhouetteMethod, "exact");
    assert.ok(Math.abs(exact.silhouette - silhouetteScore(matrix, labels)) < 1e-12);
    assert.equal(entries(), 1);
    const sampled = await measureSegmentationMetrics(model, table, matrix, labels, source, {
      workers: 0,
      exactMaxRows: 1000, // 1,200 customers: above it, sampled
      silhouetteSampleSize: 300,
    });
    assert.deepEqual(Object.keys(sampled), [...METRICS_KEYS]);
    assert.equal(entries(), 2);
    assert.notEqual(sampled.silhouetteMethod, "exact");
    assert.ok(sampled.silhouetteSample);
    assert.equal(sampled.silhouetteSample.rows, 300);
    assert.equal(sampled.silhouetteSample.repeats, 10);
    const [lo, hi] = sampled.silhouetteSample.interval;
    assert.ok(lo <= sampled.silhouette && sampled.silhouette <= hi);
    assert.ok(Math.abs(sampled.silhouette - exact.silhouette) < 0.05);
    assert.equal(sampled.daviesBouldin, exact.daviesBouldin);
    assert.equal(sampled.calinskiHarabasz, exact.calinskiHarabasz);
    assert.equal(sampled.inertia, exact.inertia);
    const again = await measureSegmentationMetrics(model, table, matrix, labels, source, {
      workers: 0,
    });
    assert.equal(again.silhouette, exact.silhouette);
    assert.equal(entries(), 2); // read from the cache, no new entry
  } finally {
    if (previous === undefined) delete process.env.OLIST_CACHE_DIR;
    else process.env.OLIST_CACHE_DIR = previous;
    rmSync(cache, { recursive: true, force: true });
  }
});
