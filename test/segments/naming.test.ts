import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  marketingTable,
  segmentKind,
  segmentTraits,
  SEGMENT_PLAYBOOK,
} from "../../src/segments/naming.js";
import type { SegmentProfile } from "../../src/segments/profiles.js";

function profile(segment: number, z: Record<string, number>, size = 10): SegmentProfile {
  const features = ["recency_days", "frequency", "monetary", "mean_review_score"];
  const values = Object.fromEntries(features.map((f) => [f, 100 + 10 * (z[f] ?? 0)]));
  return {
    segment,
    name: `Segment ${segment}`,
    size,
    share: size / 100,
    median: values,
    mean: values,
    lift: Object.fromEntries(features.map((f) => [f, 1])),
    z: Object.fromEntries(features.map((f) => [f, z[f] ?? 0])),
    topCategory: { value: "toys", share: 1 },
    topState: { value: "SP", share: 1 },
  };
}

describe("segment naming", () => {
  test("rules apply in priority order", () => {
    assert.equal(segmentKind(profile(0, { frequency: 3, mean_review_score: -2 })), "repeat");
    assert.equal(
      segmentKind(profile(0, { mean_review_score: -1.5, recency_days: -1 })),
      "disappointed",
    );
    assert.equal(segmentKind(profile(0, { recency_days: -0.5, monetary: 0.8 })), "recentHigh");
    assert.equal(segmentKind(profile(0, { recency_days: -0.5, monetary: -0.5 })), "recentLow");
    assert.equal(segmentKind(profile(0, { recency_days: 1.2, monetary: 0.5 })), "dormantHigh");
    assert.equal(segmentKind(profile(0, { recency_days: 1.2 })), "dormant");
    assert.equal(segmentKind(profile(0, { recency_days: 0.2 })), "regular");
  });

  test("the marketing table keeps names unique and carries the playbook", () => {
    const rows = marketingTable(
      [
        profile(0, { recency_days: 1 }, 50),
        profile(1, { recency_days: 2 }, 30),
        profile(2, { frequency: 2 }, 20),
      ],
      { recency_days: 100, frequency: 1, monetary: 100, mean_review_score: 4 },
    );
    assert.deepEqual(
      rows.map((r) => r.name),
      ["Dormant customers", "Dormant customers (2)", "Loyal repeat buyers"],
    );
    assert.equal(rows[2].action, SEGMENT_PLAYBOOK.repeat.action);
    assert.equal(rows[0].customers, 50);
    assert.equal(rows[0].share, 0.5);
  });

  test("traits name the strongest deviations with the segment and base values", () => {
    const p = profile(0, { recency_days: 1.5, monetary: -0.4, mean_review_score: 0.1 });
    assert.deepEqual(segmentTraits(p, { recency_days: 263, monetary: 105, mean_review_score: 5 }), [
      "last bought long ago (median 115 days since last order vs 263)",
      "spends little (median 96.0 R$ spent vs 105)",
    ]);
  });
});
