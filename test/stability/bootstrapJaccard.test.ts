import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Matrix } from "../../src/cluster/matrix.js";
import {
  bestJaccards,
  bootstrapJaccard,
  kmeansFitter,
  stabilityFlag,
} from "../../src/stability/bootstrapJaccard.js";
import { stabilityReport, stabilityTable } from "../../src/stability/stabilityTable.js";
import { createRng } from "../../src/util/random.js";
import { gaussianBlobs } from "../rules/blobs.js";

/** Splits the rows by x < 50: blob A (left) and blob B (right) — a fixed, deterministic "refit". */
const splitAt50 = (m: Matrix) =>
  Int32Array.from({ length: m.rows }, (_, r) => (m.data[r * m.cols] < 50 ? 0 : 1));

describe("bestJaccards", () => {
  test("is |A ∩ B| / |A ∪ B| of the best match, on the shared rows only", () => {
    const original = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const other = Int32Array.from([5, 5, 2, 2, 2, 9]);
    const all = new Uint8Array(6).fill(1);
    // Segment 0 {0,1,2}: with 5 {0,1} → 2/3; with 2 {2,3,4} → 1/5. Segment 1 {3,4,5}: with 2 → 2/4.
    assert.deepEqual(Array.from(bestJaccards(original, other, all, 2)), [2 / 3, 0.5]);
    // Without rows 2 and 5: segment 0 {0,1} = refit 5 → 1; segment 1 {3,4} = refit 2 {3,4} → 1.
    const shared = Uint8Array.from([1, 1, 0, 1, 1, 0]);
    assert.deepEqual(Array.from(bestJaccards(original, other, shared, 2)), [1, 1]);
    // A segment missing from the shared rows has no Jaccard.
    assert.ok(
      Number.isNaN(bestJaccards(original, other, Uint8Array.from([1, 1, 1, 0, 0, 0]), 2)[1]),
    );
  });
});

describe("bootstrapJaccard", () => {
  const { matrix, labels } = gaussianBlobs(
    [
      [0, 0],
      [100, 0],
      [0, 100],
    ],
    300,
    4,
  );

  test("perfectly separated clusters are recovered in every run (Jaccard 1)", () => {
    const result = bootstrapJaccard(matrix, labels, kmeansFitter(3, { nInit: 3 }), {
      runs: 10,
      sampleSize: 600,
      seed: 1,
    });
    for (const s of result.segments) {
      assert.equal(s.meanJaccard, 1);
      assert.equal(s.recovered, 10);
      assert.equal(s.flag, "stable");
    }
    assert.equal(result.jaccard.length, 30);
  });

  test("a cluster split arbitrarily in two is flagged: each half ≈ 0.5, not to be trusted", () => {
    // Blob B (x ≈ 100) split at random into segments 1 and 2; the refit sees one blob there.
    const rng = createRng(3);
    const { matrix: m, labels: blob } = gaussianBlobs(
      [
        [0, 0],
        [100, 0],
      ],
      1000,
      6,
    );
    const split = Int32Array.from(blob, (b) => (b === 0 ? 0 : 1 + rng.int(2)));
    const result = bootstrapJaccard(m, split, splitAt50, { runs: 20, seed: 2 });
    assert.equal(result.sampleSize, 2000);
    assert.equal(result.segments[0].meanJaccard, 1);
    for (const s of result.segments.slice(1)) {
      assert.ok(s.meanJaccard > 0.45 && s.meanJaccard < 0.55, String(s.meanJaccard));
      assert.equal(s.recovered, 0);
      assert.equal(s.flag, "unstable");
    }
    // And k-means, which splits blob B its own way, does not recover the random halves either.
    const km = bootstrapJaccard(m, split, kmeansFitter(3, { nInit: 2 }), { runs: 5, seed: 2 });
    for (const s of km.segments.slice(1)) assert.ok(s.meanJaccard < 0.6, String(s.meanJaccard));
  });

  test("same seed, same result; another seed, other draws", () => {
    const fit = kmeansFitter(3, { nInit: 1 });
    const noisy = gaussianBlobs(
      [
        [0, 0],
        [3, 0],
        [0, 3],
      ],
      100,
      9,
    );
    const a = bootstrapJaccard(noisy.matrix, noisy.labels, fit, { runs: 5, seed: 7 });
    const b = bootstrapJaccard(noisy.matrix, noisy.labels, fit, { runs: 5, seed: 7 });
    const c = bootstrapJaccard(noisy.matrix, noisy.labels, fit, { runs: 5, seed: 8 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.jaccard, c.jaccard);
  });

  test("hands the fit function a draw of sampleSize rows with a seed, and checks its answer", () => {
    const sizes: number[] = [];
    const seeds: number[] = [];
    bootstrapJaccard(
      matrix,
      labels,
      (m, seed) => {
        sizes.push(m.rows);
        seeds.push(seed);
        return splitAt50(m);
      },
      { runs: 3, sampleSize: 50 },
    );
    assert.deepEqual(sizes, [50, 50, 50]);
    assert.equal(new Set(seeds).size, 3);
    assert.throws(
      () => bootstrapJaccard(matrix, labels, () => new Int32Array(2), { runs: 1, sampleSize: 50 }),
      /fit returned 2 labels for 50 rows/,
    );
    assert.throws(
      () => bootstrapJaccard(matrix, labels, splitAt50, { runs: 0 }),
      /runs must be ≥ 1/,
    );
  });
});

describe("stability flags and table", () => {
  test("follow Hennig's thresholds: ≥ 0.75 stable, < 0.6 not to be trusted", () => {
    assert.equal(stabilityFlag(0.75), "stable");
    assert.equal(stabilityFlag(0.7499), "doubtful");
    assert.equal(stabilityFlag(0.6), "doubtful");
    assert.equal(stabilityFlag(0.5999), "unstable");
    assert.equal(stabilityFlag(NaN), "unstable");
  });

  test("the table and report state each segment's value and flag", () => {
    const result = {
      runs: 2,
      sampleSize: 10,
      seed: 0,
      jaccard: Float64Array.from([1, 0.5, 1, NaN]),
      segments: [
        {
          segment: 0,
          customers: 6,
          meanJaccard: 1,
          minJaccard: 1,
          dissolved: 0,
          recovered: 2,
          flag: "stable" as const,
        },
        {
          segment: 1,
          customers: 4,
          meanJaccard: 0.5,
          minJaccard: 0.5,
          dissolved: 1,
          recovered: 0,
          flag: "unstable" as const,
        },
      ],
    };
    const rows = stabilityTable(result, ["Loyal", "Dormant"]);
    assert.equal(rows[0].sentence, "Loyal: 1.00, stable (mean bootstrap Jaccard ≥ 0.75).");
    assert.equal(
      rows[1].sentence,
      "Dormant: 0.50, not to be trusted (mean bootstrap Jaccard below 0.6).",
    );
    const report = stabilityReport(result);
    assert.deepEqual(report.jaccard, [
      [1, 0.5],
      [1, null],
    ]);
    assert.deepEqual(report.design, { runs: 2, sampleSize: 10, seed: 0 });
    assert.match(report.method, /^2 bootstrap draws of 10 customers with replacement/);
  });
});
