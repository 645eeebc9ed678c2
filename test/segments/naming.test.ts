import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  marketingTable,
  pooledSeparation,
  SEGMENT_PLAYBOOK,
  segmentKind,
  TRAIT_MIN_SEPARATION,
} from "../../src/segments/naming.js";
import { checkNaming } from "../../src/segments/namingChecks.js";
import { NAMING_THRESHOLDS } from "../../src/segments/nameConditions.js";
import { baseValues, segmentProfiles } from "../../src/segments/profiles.js";

/**
 * A synthetic customer table of four segments of 100 customers, each built so its name is known:
 * - 0: recency 21…120 (70 % within 90 days), R$ 50, 1 order, review 5 → "Recent buyers";
 * - 1: 70 with 2 orders, recency 200, R$ 120, review 5 → "Repeat buyers";
 * - 2: 80 with review 1, recency 300, R$ 80 → "Disappointed customers";
 * - 3: recency 100 or 400 half and half, R$ 150 → no condition for > 50 % → "Mixed customers".
 */
function synthetic() {
  const n = 400;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const review = new Float64Array(n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / 100);
    const j = i % 100;
    labels[i] = s;
    frequency[i] = s === 1 && j < 70 ? 2 : 1;
    review[i] = s === 2 && j < 80 ? 1 : 5;
    if (s === 0) {
      recency[i] = 21 + j; // 21..90 within 90 days: 70 of 100
      monetary[i] = 50 + (j % 5);
    } else if (s === 1) {
      recency[i] = 200 + (j % 7);
      monetary[i] = 120 + (j % 5);
    } else if (s === 2) {
      recency[i] = 300 + (j % 7);
      monetary[i] = 80 + (j % 5);
    } else {
      recency[i] = j < 50 ? 100 : 400;
      monetary[i] = 150 + (j % 5);
    }
  }
  const table = {
    numeric: { recency_days: recency, frequency, monetary, mean_review_score: review },
    text: {
      favourite_category: Array.from({ length: n }, () => "toys"),
      customer_state: Array.from({ length: n }, () => "SP"),
    },
  };
  return { table, labels };
}

describe("segment naming", () => {
  const { table, labels } = synthetic();
  const profiles = segmentProfiles(table as never, labels);
  const rows = marketingTable(profiles, baseValues(table as never));

  test("a name is given only when most members meet its condition", () => {
    assert.deepEqual(
      rows.map((r) => r.name),
      ["Recent buyers", "Repeat buyers", "Disappointed customers", "Mixed customers"],
    );
    assert.equal(rows[0].nameShare, 0.7);
    assert.equal(rows[0].definition, "last order within 90 days: true of 70 % of members");
    assert.equal(rows[1].nameShare, 0.7);
    assert.equal(rows[2].nameShare, 0.8);
    // Segment 3: half within 180 days (R$ 150, under the R$ 200 of a big spender) → 50 % is not > 50 %.
    assert.equal(rows[3].kind, "mixed");
    assert.equal(rows[3].nameShare, 0.5);
    assert.match(rows[3].definition, /^no naming condition holds for > 50 % of members \(closest:/);
  });

  test("every name and trait is true of its members (checker)", () => {
    const checks = checkNaming(table as never, labels, rows);
    assert.deepEqual(
      checks.filter((c) => !c.ok),
      [],
    );
    assert.equal(checks.filter((c) => c.check.startsWith("name:")).length, 3);
    assert.ok(checks.some((c) => c.check.startsWith("trait:")));
  });

  test("the checker catches a false name and a false trait", () => {
    const wrong = rows.map((r) =>
      r.segment === 2
        ? { ...r, kind: "recentLow" as const, traitFeatures: ["frequency"], traits: "more orders" }
        : r,
    );
    const failed = checkNaming(table as never, labels, wrong).filter((c) => !c.ok);
    assert.deepEqual(
      failed.map((c) => [c.segment, c.check, c.value]),
      [
        [2, "name: last order within 90 days", 0],
        [2, "trait: more orders", 0],
      ],
    );
  });

  test("a trait must separate the segment from every other segment, not only from the base", () => {
    // Segment 0 reviews 5 like segments 1 and 3: above the base mean (4.2) but not apart → no trait.
    assert.ok(!rows[0].traitFeatures.includes("mean_review_score"));
    assert.ok(rows[0].traitFeatures.includes("recency_days"));
    assert.match(rows[0].traits, /bought more recently \(median 70\.5 days since last order/);
    // Segment 2 is the only one with low reviews.
    assert.deepEqual(rows[2].traitFeatures.includes("mean_review_score"), true);
    assert.match(
      rows[2].traits,
      /unhappier reviews \(mean 1\.80 mean review score vs 4\.20 overall/,
    );
    // Segment 3 spends most: R$ 152 against ≤ 122 elsewhere.
    assert.ok(rows[3].traitFeatures.includes("monetary"));
  });

  test("pooled separation is the difference of means over the pooled sd", () => {
    const a = { mean: { x: 1 }, sd: { x: 1 }, size: 11 };
    const b = { mean: { x: 0 }, sd: { x: 1 }, size: 11 };
    // pooled = sqrt((11 + 11) / 20) = 1.0488
    assert.ok(Math.abs(pooledSeparation(a, b, "x") - 1 / Math.sqrt(22 / 20)) < 1e-12);
    assert.equal(pooledSeparation({ ...a, sd: { x: 0 } }, { ...b, sd: { x: 0 } }, "x"), Infinity);
    assert.ok(TRAIT_MIN_SEPARATION === 0.25);
  });

  test("rules apply in priority order", () => {
    const shares = (s: Partial<Record<string, number>>) =>
      ({
        repeat: 0,
        disappointed: 0,
        recentHigh: 0,
        recentLow: 0,
        halfYearHigh: 0,
        halfYear: 0,
        dormantHigh: 0,
        bigSpend: 0,
        dormant: 0,
        ...s,
      }) as never;
    assert.equal(segmentKind({ nameShares: shares({ repeat: 0.6, disappointed: 0.9 }) }), "repeat");
    assert.equal(
      segmentKind({ nameShares: shares({ recentHigh: 0.51, recentLow: 0.9 }) }),
      "recentHigh",
    );
    assert.equal(
      segmentKind({ nameShares: shares({ recentHigh: 0.5, recentLow: 0.9 }) }),
      "recentLow",
    );
    assert.equal(segmentKind({ nameShares: shares({ halfYear: 0.6, dormant: 0.4 }) }), "halfYear");
    assert.equal(segmentKind({ nameShares: shares({ dormant: 0.5 }) }), "mixed");
  });

  test("only names whose window is the recent one promise a fresh purchase", () => {
    for (const [kind, play] of Object.entries(SEGMENT_PLAYBOOK)) {
      const fresh = /fresh/.test(play.action);
      assert.equal(fresh, kind === "recentHigh" || kind === "recentLow", kind);
      if (fresh) assert.ok(play.action.includes(`${NAMING_THRESHOLDS.recentDays} days`), kind);
    }
  });
});
