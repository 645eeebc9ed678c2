import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  RFM_SEGMENTS,
  rankScores,
  rfmScores,
  rfmSegment,
  rfmSummary,
} from "../../src/features/index.js";

describe("rankScores", () => {
  it("gives quintile scores on distinct values", () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    assert.deepEqual(
      Array.from(rankScores(values, { higherIsBetter: true })),
      [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
    );
    assert.deepEqual(
      Array.from(rankScores(values, { higherIsBetter: false })),
      [5, 5, 4, 4, 3, 3, 2, 2, 1, 1],
    );
  });

  it("gives tied values the lower score of their group", () => {
    // 10 values, 6 tied at the bottom: all six get score 1; the rest start at ranks 6..9.
    const values = Float64Array.of(5, 5, 5, 5, 5, 5, 7, 8, 9, 10);
    assert.deepEqual(
      Array.from(rankScores(values, { higherIsBetter: true })),
      [1, 1, 1, 1, 1, 1, 4, 4, 5, 5],
    );
    // Ties at the top: the group of four best values starts at rank 6 → score 4, not 5.
    const top = Float64Array.of(1, 2, 3, 4, 5, 6, 9, 9, 9, 9);
    assert.deepEqual(
      Array.from(rankScores(top, { higherIsBetter: true })),
      [1, 1, 2, 2, 3, 3, 4, 4, 4, 4],
    );
    assert.throws(() => rankScores(Float64Array.of(NaN), { higherIsBetter: true }), /NaN/);
  });
});

describe("RFM segments", () => {
  it("the mapping table covers every (R, FM) cell exactly once", () => {
    for (let r = 1; r <= 5; r++) {
      for (let fm = 1; fm <= 5; fm++) {
        const matches = RFM_SEGMENTS.filter(
          (s) => r >= s.r[0] && r <= s.r[1] && fm >= s.fm[0] && fm <= s.fm[1],
        );
        assert.equal(matches.length, 1, `R=${r} FM=${fm}`);
      }
    }
    assert.equal(rfmSegment(5, 5), "Champions");
    assert.equal(rfmSegment(5, 1), "New customers");
    assert.equal(rfmSegment(1, 5), "Can't lose them");
    assert.equal(rfmSegment(1, 1), "Lost");
    assert.equal(rfmSegment(2, 2), "Hibernating");
    assert.equal(rfmSegment(3, 3), "Need attention");
    assert.throws(() => rfmSegment(0, 3), /No RFM segment/);
  });

  it("scores F by order count and names each customer's segment", () => {
    // Ten customers; recency 10..100 (first is most recent), frequency mostly 1, monetary 10..100.
    const n = 10;
    const table = {
      ids: Array.from({ length: n }, (_, i) => `c${i}`),
      numeric: {
        recency_days: Float64Array.from({ length: n }, (_, i) => 10 * (i + 1)),
        frequency: Float64Array.of(7, 5, 4, 3, 2, 1, 1, 1, 1, 1),
        monetary: Float64Array.from({ length: n }, (_, i) => 100 - 10 * i),
      },
    };
    const s = rfmScores(table as never);
    assert.deepEqual(Array.from(s.r), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    assert.deepEqual(Array.from(s.f), [5, 5, 4, 3, 2, 1, 1, 1, 1, 1]);
    assert.deepEqual(Array.from(s.m), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    assert.deepEqual(Array.from(s.fm), [5, 5, 4, 4, 3, 2, 2, 2, 1, 1]); // round half up
    assert.deepEqual(s.segment, [
      "Champions",
      "Champions",
      "Loyal",
      "Loyal",
      "Need attention",
      "About to sleep",
      "Hibernating",
      "Hibernating",
      "Lost",
      "Lost",
    ]);
    const summary = rfmSummary(table as never, s);
    assert.deepEqual(
      summary.map((r) => r.segment),
      RFM_SEGMENTS.map((r) => r.segment),
    );
    const champions = summary.find((r) => r.segment === "Champions")!;
    assert.deepEqual(champions, {
      segment: "Champions",
      customers: 2,
      share: 0.2,
      mean_recency_days: 15,
      mean_frequency: 6,
      mean_monetary: 95,
    });
    assert.equal(
      summary.reduce((a, r) => a + r.customers, 0),
      n,
    );
    assert.ok(Number.isNaN(summary.find((r) => r.segment === "At risk")!.mean_monetary));
  });

  it("takes custom frequency breaks", () => {
    const table = {
      ids: ["a", "b", "c"],
      numeric: {
        recency_days: Float64Array.of(1, 2, 3),
        frequency: Float64Array.of(1, 2, 10),
        monetary: Float64Array.of(1, 2, 3),
      },
    };
    const s = rfmScores(table as never, { frequencyBreaks: [2, 5, 10, 20] });
    assert.deepEqual(Array.from(s.f), [1, 2, 4]);
  });
});
