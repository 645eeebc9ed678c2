import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import type { ComparisonRow, FeatureSet } from "../../src/segments/compare.js";
import { kmeansSweep } from "../../src/segments/compare.js";
import {
  sweepFeatureSets,
  sweepTableCaption,
  type SweepRow,
} from "../../src/segments/comparisonTable.js";
import { decodeSweepRow, encodeSweepRow } from "../../src/segments/sweepFit.js";
import { createWorkerPool } from "../../src/util/workerPool.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

const set = (name: string): FeatureSet => ({ name, description: "", features: [], log1p: [] });
/** A row without what depends on the run (its seconds, whether it was cached). */
const scores = ({ seconds: _s, cached: _c, ...rest }: SweepRow) => rest;

describe("sweepFeatureSets: fits on the worker pool, rows in the result cache", () => {
  const dir = mkdtempSync(join(tmpdir(), "olist-sweep-"));
  const pools = [0, 2].map((threads) => createWorkerPool({ threads }));
  after(async () => {
    await Promise.all(pools.map((p) => p.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const a = makeBlobs(1500, 2, { centers: 3, spread: 8, seed: 1 }).matrix;
  const b = makeBlobs(1500, 3, { centers: 4, clusterStd: 2, seed: 2 }).matrix;
  const sets = [set("A"), set("B")];
  const design = { ks: [2, 3, 4], nInit: 3, stabilityRows: 400 };

  test("the rows of kmeansSweep, identical for 0 and 2 threads", async () => {
    const [inline, threaded] = await Promise.all(
      pools.map((pool) => sweepFeatureSets(sets, [a, b], { ...design, pool })),
    );
    assert.deepStrictEqual(threaded.map(scores), inline.map(scores));
    const expected: ComparisonRow[] = [
      ...kmeansSweep(a, "A", { ...design, stabilityRows: 400 }),
      ...kmeansSweep(b, "B", { ...design, stabilityRows: 400 }),
    ];
    assert.deepStrictEqual(
      inline.map(scores),
      expected.map(({ seconds: _s, ...rest }) => rest),
    );
    assert.deepEqual(
      inline.map((r) => `${r.featureSet} ${r.k}`),
      ["A 2", "A 3", "A 4", "B 2", "B 3", "B 4"],
    );
    // Three well-separated blobs: k = 3 separates them and every seed finds the same partition.
    const a3 = inline[1];
    assert.ok(a3.silhouette > 0.7, `silhouette ${a3.silhouette}`);
    assert.equal(a3.seedStability, 1);
    assert.ok(inline.every((r) => !r.cached && r.seconds > 0));
  });

  test("a second call reads every row from the cache: the same rows, seconds included", async () => {
    const ticks: string[] = [];
    const first = await sweepFeatureSets(sets, [a, b], {
      ...design,
      pool: pools[1],
      cache: { dir },
    });
    assert.equal(readdirSync(dir).filter((f) => f.startsWith("sweep-")).length, 6);
    const second = await sweepFeatureSets(sets, [a, b], {
      ...design,
      pool: pools[1],
      cache: { dir },
      onFit: (done, total, detail) => ticks.push(`${done}/${total} ${detail}`),
    });
    assert.ok(first.every((r) => !r.cached));
    assert.ok(second.every((r) => r.cached));
    assert.deepStrictEqual(
      second.map(({ cached: _c, ...r }) => r),
      first.map(({ cached: _c, ...r }) => r),
    );
    assert.equal(ticks.length, 6);
    assert.equal(ticks[5], "6/6 B, k = 4");
    assert.match(sweepTableCaption(second), /6 of 6 rows read from the cache/);
    assert.match(sweepTableCaption(first), /every row computed in this run/);
  });

  test("another matrix or design is computed, not read; cached and computed rows keep their order", async () => {
    const c = makeBlobs(1500, 2, { centers: 3, spread: 8, seed: 3 }).matrix;
    const ticks: string[] = [];
    const rows = await sweepFeatureSets([set("A"), set("C")], [a, c], {
      ...design,
      pool: pools[1],
      cache: { dir },
      onFit: (done, _total, detail) => ticks.push(`${done} ${detail}`),
    });
    assert.deepEqual(
      rows.map((r) => r.cached),
      [true, true, true, false, false, false],
    );
    assert.deepEqual(ticks, [
      "1 A, k = 2",
      "2 A, k = 3",
      "3 A, k = 4",
      "4 C, k = 2",
      "5 C, k = 3",
      "6 C, k = 4",
    ]);
    const other = await sweepFeatureSets([set("A")], [a], {
      ...design,
      nInit: 2,
      cache: { dir },
      pool: pools[0],
    });
    assert.ok(other.every((r) => !r.cached));
  });

  test("a stored row keeps NaN and infinite scores", () => {
    const row = kmeansSweep(a, "A", { ks: [2], nInit: 1, stability: false })[0];
    assert.ok(Number.isNaN(row.seedStability));
    const stored = JSON.parse(
      JSON.stringify(encodeSweepRow({ ...row, calinskiHarabasz: Infinity })),
    );
    assert.deepStrictEqual(decodeSweepRow(stored), { ...row, calinskiHarabasz: Infinity });
  });
});
