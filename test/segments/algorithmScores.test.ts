import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { dbscan } from "../../src/cluster/dbscan.js";
import { wardMicroClusters, wardSample } from "../../src/cluster/ward.js";
import { algorithmScores } from "../../src/segments/algorithmScores.js";
import type { FeatureSet } from "../../src/segments/compare.js";
import { scorePartition } from "../../src/segments/compare.js";
import { compareAlgorithms, sweepFeatureSets } from "../../src/segments/comparisonTable.js";
import { createWorkerPool } from "../../src/util/workerPool.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

const set = (name: string): FeatureSet => ({ name, description: "", features: [], log1p: [] });

describe("compareAlgorithms: each feature set a task of the pool, its scores in the result cache", () => {
  const dir = mkdtempSync(join(tmpdir(), "olist-comparison-"));
  const pools = [0, 2].map((threads) => createWorkerPool({ threads }));
  after(async () => {
    await Promise.all(pools.map((p) => p.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const a = makeBlobs(1500, 2, { centers: 3, spread: 8, seed: 1 });
  const b = makeBlobs(1500, 3, { centers: 3, clusterStd: 2, seed: 2 });
  const sets = [set("A"), set("B")];
  const matrices = [a.matrix, b.matrix];
  const db = dbscan(a.matrix, { eps: 0.6, minSamples: 5 });
  const input = async () => ({
    sets,
    matrices,
    sweep: await sweepFeatureSets(sets, matrices, { ks: [3], nInit: 2, stabilityRows: 300 }),
    k: 3,
    chosenIndex: 0,
    ward: wardMicroClusters(a.matrix, 3, { microClusters: 300, seed: 0 }),
    dbscan: db,
    rfm: { labels: a.labels, segments: 3 },
  });

  test("the same rows for 0 and 2 threads, each the score of its partition", async () => {
    const data = await input();
    const [inline, threaded] = await Promise.all(
      pools.map((pool) => compareAlgorithms(data, { pool })),
    );
    assert.deepStrictEqual(threaded, inline);
    assert.equal(inline.length, 9);
    // B's Ward is computed in the task: the scores of wardMicroClusters' labels, computed directly.
    const wardB = wardMicroClusters(b.matrix, 3, { microClusters: 300, seed: 0 }).labels;
    const {
      seedStability: _s,
      bootstrapStability: _b,
      featureSet: _f,
      algorithm,
      ...wardRow
    } = inline[6];
    assert.equal(algorithm, "Ward (300 micro-clusters) k=3");
    assert.deepStrictEqual(wardRow, scorePartition(b.matrix, wardB));
    const sampleA = wardSample(a.matrix, 3, { sampleSize: 2000, seed: 0 }).labels;
    assert.equal(inline[2].silhouette, scorePartition(a.matrix, sampleA).silhouette);
    // The true blobs as "RFM" segments on their own space: well separated.
    assert.ok(inline[4].silhouette > 0.7, `silhouette ${inline[4].silhouette}`);
    assert.equal(inline[4].balance, 1);
    // The given Ward labels are used on the chosen set, not recomputed (same as computing them).
    const direct = algorithmScores({ matrix: a.matrix, k: 3, rfm: a.labels, dbscan: db.labels });
    assert.equal(inline[1].silhouette, direct.ward.silhouette);
    assert.equal(inline[3].silhouette, direct.dbscan?.silhouette);
  });

  test("a second call reads every set's scores from the cache: the same rows", async () => {
    const data = await input();
    const first = await compareAlgorithms(data, { pool: pools[1], cache: { dir } });
    const files = () => readdirSync(dir).filter((f) => f.startsWith("comparison-"));
    assert.equal(files().length, 2);
    const second = await compareAlgorithms(data, { pool: pools[1], cache: { dir } });
    assert.deepStrictEqual(second, first);
    assert.deepStrictEqual(second, await compareAlgorithms(data, { pool: pools[0] }));
    // Other RFM segments are another key: both sets computed again.
    const shifted = Int32Array.from(a.labels, (x) => (x + 1) % 3);
    const other = await compareAlgorithms(
      { ...data, rfm: { labels: shifted, segments: 3 } },
      { pool: pools[0], cache: { dir } },
    );
    assert.equal(files().length, 4);
    // Relabelled segments score the same, up to rounding (the scores do not depend on the codes).
    assert.ok(Math.abs(other[4].silhouette - first[4].silhouette) < 1e-12);
  });
});
