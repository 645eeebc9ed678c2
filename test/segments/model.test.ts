import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { adjustedRandIndex } from "../../src/metrics/adjustedRandIndex.js";
import {
  assignSegments,
  fitSegmentModel,
  fitSegmentModelOnPool,
  loadSegmentModel,
  saveSegmentModel,
  SegmentModel,
} from "../../src/segments/model.js";
import { segmentProfiles } from "../../src/segments/profiles.js";
import { closeSharedWorkerPool } from "../../src/util/sharedWorkerPool.js";
import { median } from "../../src/util/stats.js";
import { blobTable } from "../helpers/tables.js";

const features = ["recency_days", "monetary"];

describe("segment model", () => {
  // Three blobs of different sizes: 0 → 60 customers, 1 → 40, 2 → 20 once sorted by size.
  const big = blobTable([[50, 100]], 60, 1, { idPrefix: "a" });
  const mid = blobTable([[300, 100]], 40, 2, { idPrefix: "b" });
  const small = blobTable([[50, 400]], 20, 3, { idPrefix: "c" });
  const table = {
    ...big,
    ids: [...small.ids, ...big.ids, ...mid.ids],
    numeric: Object.fromEntries(
      Object.keys(big.numeric).map((f) => [
        f,
        Float64Array.from([
          ...small.numeric[f as "frequency"],
          ...big.numeric[f as "frequency"],
          ...mid.numeric[f as "frequency"],
        ]),
      ]),
    ) as typeof big.numeric,
    text: {
      favourite_category: [
        ...small.text.favourite_category,
        ...big.text.favourite_category,
        ...mid.text.favourite_category,
      ],
      customer_state: [
        ...small.text.customer_state,
        ...big.text.customer_state,
        ...mid.text.customer_state,
      ],
    },
  };

  test("numbers segments by decreasing size and finds the blobs", () => {
    const { labels, model } = fitSegmentModel(table, { features, k: 3, seed: 7 });
    const truth = Int32Array.from([
      ...Array(20).fill(2),
      ...Array(60).fill(0),
      ...Array(40).fill(1),
    ]);
    assert.deepEqual(labels, truth);
    assert.equal(model.k, 3);
    assert.deepEqual(model.names, ["Segment 0", "Segment 1", "Segment 2"]);
    assert.deepEqual(model.assign(table), labels);
  });

  test("on the worker pool: the same model, labels and k-means result on 0 and 2 threads", async () => {
    const options = { features, log1p: ["monetary"], k: 3, seed: 4, nInit: 5 };
    const expected = fitSegmentModel(table, options);
    for (const workers of [0, 2]) {
      process.env.OLIST_WORKERS = String(workers);
      try {
        await closeSharedWorkerPool(); // the next shared pool has OLIST_WORKERS threads
        const got = await fitSegmentModelOnPool(table, options);
        assert.deepStrictEqual(got.model.toJSON(), expected.model.toJSON());
        assert.deepStrictEqual(got.labels, expected.labels);
        assert.deepStrictEqual(got.kmeans, expected.kmeans);
      } finally {
        delete process.env.OLIST_WORKERS;
        await closeSharedWorkerPool();
      }
    }
  });

  test("JSON round trip gives identical assignments; names can be replaced", () => {
    const { model } = fitSegmentModel(table, {
      features,
      log1p: ["monetary"],
      k: 3,
      seed: 7,
      source: { description: "test blobs", synthetic: true },
    });
    const copy = SegmentModel.fromJSON(JSON.parse(JSON.stringify(model)));
    assert.deepEqual(copy.toJSON(), model.toJSON());
    assert.deepEqual(copy.assign(table), model.assign(table));
    const named = copy.withNames(["Regulars", "Dormant", "Big spenders"]);
    const { names } = assignSegments(named, table);
    assert.equal(names[0], "Big spenders");
    assert.equal(model.toJSON().trainedOn.synthetic, true);
  });

  test("same seed, same model; save and load", () => {
    const a = fitSegmentModel(table, { features, k: 3, seed: 11 }).model;
    const b = fitSegmentModel(table, { features, k: 3, seed: 11 }).model;
    assert.deepEqual(a.toJSON(), b.toJSON());
    const dir = mkdtempSync(path.join(tmpdir(), "olist-model-"));
    try {
      const file = path.join(dir, "model.json");
      saveSegmentModel(a, file);
      assert.deepEqual(loadSegmentModel(file).toJSON(), a.toJSON());
      writeFileSync(file, '{"kind":"other"}');
      assert.throws(
        () => loadSegmentModel(file),
        new RegExp(`${file.replaceAll("/", "\\/")}: Not a segment model`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a frozen model labels later data without refitting: shifted customers change segment", () => {
    const { model, labels } = fitSegmentModel(table, { features, k: 3, seed: 7 });
    const later = {
      ...table,
      numeric: { ...table.numeric, recency_days: table.numeric.recency_days.map((r) => r + 250) },
    };
    const after = model.assign(later);
    assert.ok(adjustedRandIndex(labels, after) < 0.8);
  });
});

describe("segment profiles", () => {
  test("sizes, shares, medians and lifts by hand", () => {
    const t = blobTable([[0, 0]], 4, 1);
    t.numeric.monetary.set([10, 20, 30, 100]);
    t.numeric.recency_days.set([1, 2, 3, 4]);
    const profiles = segmentProfiles(t, [0, 0, 0, 1], {
      names: ["low", "high"],
      features: ["monetary", "recency_days"],
    });
    assert.equal(profiles.length, 2);
    assert.equal(profiles[0].size, 3);
    assert.equal(profiles[0].share, 0.75);
    assert.equal(profiles[0].median.monetary, 20);
    assert.equal(profiles[1].mean.monetary, 100);
    assert.equal(profiles[1].lift.monetary, 100 / 40); // base mean 40
    const sd = Math.sqrt(((10 - 40) ** 2 + (20 - 40) ** 2 + (30 - 40) ** 2 + 60 ** 2) / 4);
    assert.ok(Math.abs(profiles[1].z.monetary - 60 / sd) < 1e-12);
    assert.equal(profiles[0].topState.value, "SP");
    assert.equal(profiles[0].topCategory.share, 2 / 3);
  });

  test("median interpolates and ignores NaN", () => {
    assert.equal(median([3, 1, NaN, 2, 10]), 2.5);
    assert.ok(Number.isNaN(median([NaN])));
  });
});
