import assert from "node:assert/strict";
import { test } from "node:test";
import { dbscan } from "../../src/cluster/dbscan.js";
import type { FeatureSet } from "../../src/segments/compare.js";
import {
  algorithmTableRows,
  compareAlgorithms,
  sweepFeatureSets,
  sweepTableRows,
} from "../../src/segments/comparisonTable.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

const set = (name: string): FeatureSet => ({ name, description: "", features: [], log1p: [] });

test("the comparison: k-means from the sweep, Ward, DBSCAN on the chosen set, RFM; stabilities as text", async () => {
  const a = makeBlobs(1200, 2, { centers: 3, seed: 1 });
  const b = makeBlobs(1200, 3, { centers: 3, seed: 2 });
  const sets = [set("A"), set("B")];
  const fits: string[] = [];
  const sweep = await sweepFeatureSets(sets, [a.matrix, b.matrix], {
    ks: [2, 3],
    nInit: 2,
    stabilityRows: 300,
    onFit: (done, total, detail) => fits.push(`${done}/${total} ${detail}`),
  });
  assert.deepEqual(fits, ["1/4 A, k = 2", "2/4 A, k = 3", "3/4 B, k = 2", "4/4 B, k = 3"]);
  const db = dbscan(a.matrix, { eps: 0.5, minSamples: 5 });
  const rows = await compareAlgorithms({
    sets,
    matrices: [a.matrix, b.matrix],
    sweep,
    k: 3,
    chosenIndex: 0,
    dbscan: db,
    rfm: { labels: a.labels, segments: 3 },
  });
  assert.deepEqual(
    rows.map((r) => `${r.featureSet}: ${r.algorithm.replace(/\(\d+ clusters.*\)/, "(…)")}`),
    [
      "A: k-means k=3",
      "A: Ward (300 micro-clusters) k=3",
      "A: Ward (2,000 sample) k=3",
      "A: DBSCAN (…)",
      "A: RFM scoring (3 segments)",
      "B: k-means k=3",
      "B: Ward (300 micro-clusters) k=3",
      "B: Ward (2,000 sample) k=3",
      "B: RFM scoring (3 segments)",
    ],
  );
  const kmeansA = sweep.find((r) => r.featureSet === "A" && r.k === 3)!;
  assert.equal(rows[0].silhouette, kmeansA.silhouette);
  const table = algorithmTableRows(rows);
  // 1,200 rows < a 10,000 sample: the silhouette is exact and says so, with no interval.
  assert.equal(table[0].silhouette_from, "exact, n = 1,200");
  assert.equal(table[0].silhouette_95ci, "");
  assert.equal(table[1].seed_stability, "n/a (deterministic)");
  assert.equal(table[1].bootstrap_stability, "n/a (not measured)");
  assert.match(table[0].seed_stability, /^\d\.\d{2,3}$/);
  const sweepRows = sweepTableRows(sweep);
  assert.equal(sweepRows.length, 4);
  assert.deepEqual(Object.keys(sweepRows[0]).slice(0, 5), [
    "feature_set",
    "k",
    "silhouette",
    "silhouette_from",
    "silhouette_95ci",
  ]);
});

test("a sampled silhouette row shows n and its 95 % interval", async () => {
  const a = makeBlobs(2500, 2, { centers: 3, clusterStd: 2, seed: 4 });
  const [row] = await sweepFeatureSets([set("A")], [a.matrix], {
    ks: [3],
    nInit: 1,
    stabilityRows: 200,
  });
  // kmeansSweep samples 10,000 rows by default; force a sample through scorePartition's option instead.
  assert.equal(row.silhouetteOf.method, "exact");
  const { scorePartition } = await import("../../src/segments/compare.js");
  const s = scorePartition(a.matrix, a.labels, { silhouetteSampleSize: 500 });
  const [shown] = algorithmTableRows([
    { featureSet: "A", algorithm: "truth", ...s, seedStability: 0.9972, bootstrapStability: NaN },
  ]);
  assert.equal(shown.silhouette_from, "sampled, n = 500");
  assert.match(shown.silhouette_95ci, /^0\.\d{3}–0\.\d{3}$/);
  assert.equal(shown.seed_stability, "0.997");
});
