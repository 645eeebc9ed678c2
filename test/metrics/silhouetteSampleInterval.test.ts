import assert from "node:assert/strict";
import { test } from "node:test";
import { silhouetteSample, silhouetteScore } from "../../src/metrics/silhouette.js";
import { sampledSilhouette } from "../../src/metrics/silhouetteSampleInterval.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

test("sampledSilhouette: the value of silhouetteSample on the same seeded rows, with its interval", () => {
  const { matrix, labels } = makeBlobs(3000, 3, { centers: 4, clusterStd: 2.5, seed: 1 });
  const s = sampledSilhouette(matrix, labels, { sampleSize: 500, seed: 3 });
  assert.equal(s.value, silhouetteSample(matrix, labels, { sampleSize: 500, seed: 3 }));
  assert.equal(s.method, "sampled");
  assert.equal(s.rows, 500);
  assert.ok(s.interval && s.interval[0] < s.value && s.value < s.interval[1]);
});

test("sampledSilhouette: exact, with no interval, when the sample would hold every row", () => {
  const { matrix, labels } = makeBlobs(300, 2, { centers: 3, seed: 2 });
  const s = sampledSilhouette(matrix, labels, { sampleSize: 300 });
  assert.deepEqual(s, {
    value: silhouetteScore(matrix, labels),
    method: "exact",
    rows: 300,
    interval: null,
  });
});

test("sampledSilhouette: the 95 % interval covers the exact silhouette in most seeds", () => {
  const { matrix, labels } = makeBlobs(3000, 3, { centers: 4, clusterStd: 2.5, seed: 1 });
  const exact = silhouetteScore(matrix, labels);
  let covered = 0;
  const seeds = 20;
  for (let seed = 0; seed < seeds; seed++) {
    const { interval } = sampledSilhouette(matrix, labels, { sampleSize: 400, seed });
    if (interval![0] <= exact && exact <= interval![1]) covered++;
  }
  // Nominal 95 %: at least 16 of 20 (a binomial(20, 0.95) falls below 16 with probability < 0.3 %).
  assert.ok(covered >= 16, `${covered} of ${seeds}`);
});
