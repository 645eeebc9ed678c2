import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { kmeans } from "../../src/cluster/kmeans.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import {
  EXACT_SILHOUETTE_MAX_ROWS,
  estimateSilhouette,
  medianIntervalRank,
  silhouetteScore,
  stratifiedSample,
  stratumSizes,
} from "../../src/metrics/index.js";
import { createRng } from "../../src/util/random.js";
import { createWorkerPool } from "../../src/util/workerPool.js";

describe("medianIntervalRank: order statistics bracketing the median", () => {
  test("hand-computed ranks and coverages", () => {
    // 10 repeats: 1 − 2·P(X ≤ 1) = 1 − 2·11/1024; r = 3 would give 1 − 2·56/1024 = 0.89.
    assert.deepEqual(medianIntervalRank(10), { rank: 2, coverage: 1 - 22 / 1024 });
    assert.deepEqual(medianIntervalRank(6), { rank: 1, coverage: 1 - 2 / 64 });
    // 20 repeats: P(X ≤ 5) = 21,700 / 2²⁰ → 0.9586; P(X ≤ 6) = 60,460 / 2²⁰ → 0.885.
    assert.deepEqual(medianIntervalRank(20), { rank: 6, coverage: 1 - (2 * 21_700) / 2 ** 20 });
    assert.throws(() => medianIntervalRank(5), /5 repeats cannot give a 95 % interval.*at least 6/);
  });
});

describe("stratified samples keep the segment shares", () => {
  test("sizes by largest remainders, summing to the sample size", () => {
    assert.deepEqual(Array.from(stratumSizes([50, 30, 20], 10)), [5, 3, 2]);
    assert.deepEqual(Array.from(stratumSizes([3, 3, 3], 4)), [2, 1, 1]); // tie: lower stratum
    assert.deepEqual(Array.from(stratumSizes([1, 1, 98], 3)), [0, 0, 3]);
    assert.deepEqual(Array.from(stratumSizes([2, 5], 7)), [2, 5]); // everything
    assert.throws(() => stratumSizes([2, 5], 8), /sample size must be an integer in 0\.\.7/);
  });

  test("rows drawn within their stratum, no duplicates, shares exact, seeded", () => {
    const n = 10_000;
    const codes = Int32Array.from({ length: n }, (_, i) => (i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2));
    const sizes = stratumSizes([5000, 3000, 2000], 1000);
    const rows = stratifiedSample(codes, sizes, createRng(7));
    assert.equal(new Set(rows).size, 1000);
    const perStratum = [0, 0, 0];
    for (const r of rows) perStratum[codes[r]]++;
    assert.deepEqual(perStratum, [500, 300, 200]);
    // Grouped by stratum, as documented.
    assert.deepEqual(
      Array.from(rows.subarray(0, 500), (r) => codes[r]),
      new Array(500).fill(0),
    );
    assert.deepEqual(stratifiedSample(codes, sizes, createRng(7)), rows);
    assert.notDeepEqual(stratifiedSample(codes, sizes, createRng(8)), rows);
  });
});

describe("estimateSilhouette", () => {
  const pools = [0, 1, 2].map((threads) => createWorkerPool({ threads }));
  after(() => Promise.all(pools.map((p) => p.close())));
  const inline = pools[0];

  test("exact up to exactMaxRows: the exact value, labelled, nulls for the sampling fields", async () => {
    const { matrix, labels } = makeBlobs(600, 3, { centers: 4, seed: 3 });
    const { seconds, cached, ...e } = await estimateSilhouette(matrix, labels, { pool: inline });
    assert.ok(seconds > 0 && seconds < 60, `${seconds}`);
    assert.equal(cached, false);
    assert.deepEqual(e, {
      value: silhouetteScore(matrix, labels),
      method: "exact",
      sampleSize: null,
      interval: null,
      repeats: null,
    });
    assert.equal(EXACT_SILHOUETTE_MAX_ROWS, 100_000);
    // A sample as large as the table is the exact value too.
    const all = await estimateSilhouette(matrix, labels, { exactMaxRows: 0, sampleSize: 600 });
    assert.equal(all.method, "exact");
  });

  test("sampled above it: median of the repeats inside its interval; same for any thread count and seed", async () => {
    const { matrix, labels } = makeBlobs(3000, 4, { centers: 5, skew: 0.5, seed: 5 });
    const options = { exactMaxRows: 1000, sampleSize: 400, repeats: 10, seed: 9 };
    const [first, ...others] = await Promise.all(
      pools.map((pool) => estimateSilhouette(matrix, labels, { ...options, pool })),
    );
    assert.equal(first.method, "sampled");
    assert.equal(first.sampleSize, 400);
    assert.equal(first.repeats, 10);
    const [lo, hi] = first.interval as [number, number];
    assert.ok(lo < first.value && first.value < hi, `${lo} < ${first.value} < ${hi}`);
    const untimed = ({ seconds: _s, ...e }: typeof first) => e;
    for (const other of others) assert.deepEqual(untimed(other), untimed(first));
    const again = await estimateSilhouette(matrix, labels, { ...options, pool: inline });
    assert.deepEqual(untimed(again), untimed(first));
    const otherSeed = await estimateSilhouette(matrix, labels, { ...options, seed: 10 });
    assert.notEqual(otherSeed.value, first.value);
  });

  test("the interval contains the exact silhouette (tables small enough to compute both)", async () => {
    // Three tables (overlapping blobs with k = 6 and k = 2, separated blobs with k = 3), k-means
    // labels, samples of 1,000 of 6,000 rows, 20 seeds each. The interval is nominally 97.9 % for
    // the median of the estimator, whose bias is small but not zero (−8·10⁻⁴ here, 0.13 of its
    // spread, shrinking as 1/sampleSize): at least 90 % of the 60 intervals must hold the exact
    // value. An interval that ignored the spread between samples (mean ± standard error) would
    // hold it about 70 % of the time and fail.
    const overlapping = makeBlobs(6000, 4, { centers: 6, skew: 0.5, spread: 2, seed: 1 }).matrix;
    const separated = makeBlobs(6000, 2, { centers: 3, spread: 6, seed: 2 }).matrix;
    let contained = 0;
    let total = 0;
    for (const [matrix, k] of [
      [overlapping, 6],
      [overlapping, 2],
      [separated, 3],
    ] as const) {
      const labels = kmeans(matrix, k, { seed: 0, nInit: 3 }).labels;
      const exact = silhouetteScore(matrix, labels);
      for (let seed = 0; seed < 20; seed++) {
        const e = await estimateSilhouette(matrix, labels, {
          exactMaxRows: 0,
          sampleSize: 1000,
          seed,
          pool: inline,
        });
        const [lo, hi] = e.interval as [number, number];
        if (lo <= exact && exact <= hi) contained++;
        total++;
        assert.ok(hi - lo < 0.04, `k = ${k}: interval width ${hi - lo}`);
      }
    }
    assert.ok(
      contained >= 0.9 * total,
      `${contained} of ${total} intervals contain the exact value`,
    );
  });

  test("bad options and samples too small for two segments are explained", async () => {
    const { matrix, labels } = makeBlobs(300, 2, { centers: 3, seed: 1 });
    const sampled = { exactMaxRows: 0, sampleSize: 100, pool: inline };
    await assert.rejects(
      estimateSilhouette(matrix, labels, { ...sampled, repeats: 5 }),
      /at least 6/,
    );
    await assert.rejects(
      estimateSilhouette(matrix, labels, { ...sampled, sampleSize: 1 }),
      /sampleSize must be an integer ≥ 2/,
    );
    const tiny = Int32Array.from({ length: 300 }, (_, i) => (i < 3 ? 1 : 0));
    await assert.rejects(
      estimateSilhouette(matrix, tiny, { ...sampled, sampleSize: 20 }),
      /a sample of 20 rows holds 1 segment\(s\); raise sampleSize/,
    );
    await assert.rejects(
      estimateSilhouette(matrix, new Int32Array(300), sampled),
      /number of labels is 1/,
    );
  });

  test("cache: the second call on the same rows and labels reads the entry; other labels, another", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "silhouette-cache-"));
    try {
      const { matrix, labels } = makeBlobs(400, 2, { centers: 3, seed: 4 });
      const options = { pool: inline, cache: { dir } };
      const first = await estimateSilhouette(matrix, labels, options);
      assert.equal(first.value, silhouetteScore(matrix, labels));
      const [file] = readdirSync(dir);
      assert.match(file, /^silhouette-[0-9a-f]{32}\.json$/);
      // Tamper with the entry: a value only the cache can return proves it was read.
      const entry = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
      entry.value.value = 42;
      writeFileSync(path.join(dir, file), JSON.stringify(entry));
      const read = await estimateSilhouette(matrix, labels, options);
      assert.equal(read.value, 42);
      // A cached value says so and keeps the seconds its computation took.
      assert.equal(first.cached, false);
      assert.equal(read.cached, true);
      assert.equal(read.seconds, first.seconds);
      const other = Int32Array.from(labels, (l) => (l + 1) % 3);
      other[0] = (other[0] + 1) % 3;
      await estimateSilhouette(matrix, other, options);
      const sampled = await estimateSilhouette(matrix, labels, {
        ...options,
        exactMaxRows: 0,
        sampleSize: 100,
      });
      assert.equal(sampled.method, "sampled");
      assert.equal(readdirSync(dir).length, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
