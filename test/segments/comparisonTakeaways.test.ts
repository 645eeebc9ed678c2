import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PartitionScores } from "../../src/segments/compare.js";
import {
  compareSilhouettes,
  comparisonTakeaway,
  dbscanTakeaway,
  seedAgreementWords,
  sweepTakeaway,
} from "../../src/segments/comparisonTakeaways.js";

/** Scores with a sampled silhouette (n = 10,000) and its interval. */
const scores = (silhouette: number, half = 0.004): PartitionScores => ({
  silhouette,
  silhouetteOf: {
    method: "sampled",
    rows: 10_000,
    interval: [silhouette - half, silhouette + half],
  },
  daviesBouldin: 0.9,
  calinskiHarabasz: 1000,
  balance: 0.8,
  smallestShare: 0.05,
});

describe("comparison takeaways", () => {
  test("silhouettes compare by their intervals: overlapping ones are about the same", () => {
    assert.equal(compareSilhouettes(scores(0.33), scores(0.2)), "higher");
    assert.equal(compareSilhouettes(scores(0.2), scores(0.33)), "lower");
    assert.equal(compareSilhouettes(scores(0.328), scores(0.324)), "about the same");
  });

  test("seed agreement in words, by the ARI", () => {
    assert.equal(seedAgreementWords(1), "identical");
    assert.equal(seedAgreementWords(0.997), "nearly identical");
    assert.equal(seedAgreementWords(0.93), "very similar");
    assert.equal(seedAgreementWords(0.666), "different");
  });

  test("sweep: both silhouettes labelled; the cause is a hypothesis only when the richer set is lower", () => {
    const lower = sweepTakeaway(
      { k: 5, name: "RFM + satisfaction", row: scores(0.328) },
      { name: "RFM + more", row: scores(0.201) },
    );
    assert.equal(
      lower,
      "At k = 5, the silhouette with RFM + satisfaction is 0.328 (sampled, n = 10,000; 95 % interval 0.324–0.332); " +
        "with RFM + more it is lower, 0.201 (sampled, n = 10,000; 95 % interval 0.197–0.205). Silhouettes of spaces " +
        "of different dimension are not directly comparable, so this alone does not rank the feature sets; that the " +
        "extra features blur the segments is a hypothesis, not a measurement.",
    );
    const higher = sweepTakeaway(
      { k: 5, name: "A", row: scores(0.2) },
      { name: "B", row: scores(0.4) },
    );
    assert.match(higher, /with B it is higher, 0\.400/);
    assert.doesNotMatch(higher, /blur/);
  });

  test("algorithm table: k-means against the RFM grid, ARI with 3 decimals near 1", () => {
    assert.equal(
      comparisonTakeaway("RFM + satisfaction", scores(0.328), scores(0.038), 0.997),
      "On the same features (RFM + satisfaction), k-means has a higher silhouette than the RFM grid: " +
        "0.328 (sampled, n = 10,000; 95 % interval 0.324–0.332) against 0.038 (sampled, n = 10,000; " +
        "95 % interval 0.034–0.042); its segments come back nearly identical across seeds (mean ARI 0.997).",
    );
    assert.match(
      comparisonTakeaway("X", scores(0.1), scores(0.3), 0.7),
      /a lower silhouette than the RFM grid.*come back different across seeds \(mean ARI 0\.70\)/,
    );
  });

  test("DBSCAN: verdict by the stated rule, from the labels", () => {
    const result = (labels: Int32Array, nClusters: number) => ({
      labels,
      core: new Uint8Array(labels.length),
      nClusters,
      noiseShare: 0, // recounted from the labels
    });
    // 100 customers: one group of 90, one of 1, 9 noise.
    const oneCloud = Int32Array.from({ length: 100 }, (_, i) => (i < 90 ? 0 : i === 90 ? 1 : -1));
    assert.equal(
      dbscanTakeaway(result(oneCloud, 2), { eps: 0.4123, minSamples: 10 }),
      "DBSCAN (eps = 0.412, 10 neighbours) finds 2 dense groups and 9.0 % noise; the largest holds 90.0 % " +
        "of customers, 1 holds at least 2 %, and noise plus the smaller groups leave out 10.0 %. By the rule " +
        "(usable: two or more groups of at least 2 %, none over 50 %, at most 10 % left out) density-based " +
        "clustering does not give usable segments here: fewer than two groups reach 2 % of customers, and " +
        "one group holds more than 50 %.",
    );
    // Two groups of 48, 4 noise → candidate segments.
    const two = Int32Array.from({ length: 100 }, (_, i) => (i < 48 ? 0 : i < 96 ? 1 : -1));
    assert.match(
      dbscanTakeaway(result(two, 2), { eps: 1, minSamples: 5 }),
      /2 hold at least 2 %, and noise plus the smaller groups leave out 4\.0 %\. By the rule .* these are candidate segments/,
    );
    // Groups of 40 and 30, and 30 groups of 1: 30 % left out in fragments.
    const fragments = Int32Array.from({ length: 100 }, (_, i) =>
      i < 40 ? 0 : i < 70 ? 1 : i - 68,
    );
    assert.match(
      dbscanTakeaway(result(fragments, 32), { eps: 1, minSamples: 5 }),
      /0\.0 % noise.*does not give usable segments here: more than 10 % are left out\.$/,
    );
  });
});
