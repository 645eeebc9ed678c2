import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { chooseNames, NAME_MIN_GAP, NAME_MIN_SHARE } from "../../src/segments/nameChoice.js";
import { NAME_DEFINITIONS, NAME_RUNGS } from "../../src/segments/nameConditions.js";
import {
  marketingTable,
  pooledSeparation,
  SEGMENT_PLAYBOOK,
  TRAIT_MIN_SEPARATION,
  withNameShares,
  withSavedNames,
} from "../../src/segments/naming.js";
import { checkNaming } from "../../src/segments/namingChecks.js";
import { baseValues, segmentProfiles } from "../../src/segments/profiles.js";

/** One hand-built segment of 100 customers: each column a function of the member's index j. */
interface Spec {
  recency: (j: number) => number;
  monetary?: (j: number) => number;
  frequency?: (j: number) => number;
  review?: (j: number) => number;
}

/** A customer table of 100 customers per spec, segment s = spec s. */
function table(specs: readonly Spec[]) {
  const n = specs.length * 100;
  const cols = {
    recency_days: new Float64Array(n),
    monetary: new Float64Array(n),
    frequency: new Float64Array(n),
    mean_review_score: new Float64Array(n),
  };
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / 100);
    const j = i % 100;
    const spec = specs[s];
    labels[i] = s;
    cols.recency_days[i] = spec.recency(j);
    cols.monetary[i] = spec.monetary?.(j) ?? 50 + (j % 5);
    cols.frequency[i] = spec.frequency?.(j) ?? 1;
    cols.mean_review_score[i] = spec.review?.(j) ?? 5;
  }
  const t = {
    numeric: cols,
    text: {
      favourite_category: Array.from({ length: n }, () => "toys"),
      customer_state: Array.from({ length: n }, () => "SP"),
    },
  };
  return { table: t, labels };
}

function named(specs: readonly Spec[]) {
  const { table: t, labels } = table(specs);
  const rows = marketingTable(segmentProfiles(t as never, labels), baseValues(t as never));
  return { table: t, labels, rows };
}

const dormant: Spec = { recency: (j) => 500 + j };

describe("segment names from the ladder", () => {
  test("the rule's constants are the stated ones", () => {
    assert.equal(NAME_MIN_SHARE, 0.75);
    assert.equal(NAME_MIN_GAP, 0.1);
    // 13 rungs; pairs only across dimensions (no "within 90 days and no order in 180 days").
    assert.equal(NAME_RUNGS.length, 13);
    assert.ok(NAME_DEFINITIONS.every((d) => d.length === 1 || d[0].dimension !== d[1].dimension));
  });

  test("80 % within 90 days gets the 90-day name", () => {
    const { rows } = named([{ recency: (j) => (j < 80 ? 10 + j : 100 + j) }, dormant]);
    assert.equal(rows[0].name, "Bought in the last 90 days");
    assert.equal(rows[0].kind, "recent");
    assert.equal(rows[0].nameShare, 0.8);
    assert.deepEqual(rows[0].nameRungs, ["within90"]);
    assert.equal(
      rows[0].definition,
      "last order within 90 days: true of 80 % of members, at most 0 % in any other segment",
    );
    assert.match(rows[0].action, /while the purchase is fresh \(last order within 90 days\)/);
    // The dormant segment: none in the last 365 days, against 0 % of segment 0.
    assert.equal(rows[1].name, "No order in 365+ days");
    assert.equal(rows[1].nameShare, 1);
  });

  test("70 % within 90 days falls to the next rung that 75 % meet", () => {
    // 70 within 90 days, 15 within 180, 15 at 400+: 90 days fails (70 %), 180 days passes (85 %).
    const { rows } = named([
      { recency: (j) => (j < 70 ? 10 + j : j < 85 ? 120 : 400 + j) },
      dormant,
    ]);
    assert.equal(rows[0].name, "Bought in the last 180 days");
    assert.equal(rows[0].kind, "active");
    assert.equal(rows[0].nameShare, 0.85);
    assert.doesNotMatch(rows[0].action, /fresh/);
  });

  test("70 % within 90 days and the rest dormant: no rung passes → neutral name", () => {
    const { rows } = named([{ recency: (j) => (j < 70 ? 10 + j : 400 + j) }, dormant]);
    assert.equal(rows[0].name, "Segment 0 — mixed");
    assert.equal(rows[0].kind, "mixed");
    assert.deepEqual(rows[0].nameRungs, []);
    // Closest single rung: the largest lead, 70 points (within 90 days, first of the ties at 70 %).
    assert.equal(rows[0].nameShare, 0.7);
    assert.match(
      rows[0].definition,
      /^no definition .* \(closest: last order within 90 days, 70 % of members, 70 points ahead\)$/,
    );
  });

  test("a rung true of two segments names neither; a pair tells them apart", () => {
    const recent = (j: number) => (j < 80 ? 10 + j : 120);
    const {
      table: t,
      labels,
      rows,
    } = named([
      { recency: recent },
      { recency: recent, monetary: () => 300 },
      { recency: (j) => 500 + j },
      { recency: (j) => 500 + j, monetary: () => 300, review: () => 3 },
    ]);
    assert.deepEqual(
      rows.map((r) => r.name),
      [
        // 80 % within 90 days, like segment 1, R$ 50 and 5★ like segment 2: nothing sets it apart.
        "Segment 0 — mixed",
        "Spent R$ 200+, last order within 90 days",
        "No order in 365+ days, mean review ≥ 4★",
        "Spent R$ 200+, no order in the last 365 days",
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.nameShare),
      [1, 0.8, 1, 1],
    );
    // Segment 0's closest rung leads by nothing: within 180 days, true of all, as of segment 1.
    assert.match(
      rows[0].definition,
      /closest: last order within 180 days, 100 % of members, 0 points ahead/,
    );
    assert.equal(rows[1].kind, "bigSpend");
    // A trait shared by two segments is not shown: segments 0 and 1 both bought recently.
    assert.ok(!rows[0].traitFeatures.includes("recency_days"));
    assert.ok(!rows[1].traitFeatures.includes("recency_days"));
    // Segment 0 reviews 5★ like 1 and 2 (above the base mean 4.5, but not apart) → no review trait;
    // segment 3 is the only one at 3★ → its trait.
    assert.ok(!rows[0].traitFeatures.includes("mean_review_score"));
    assert.ok(rows[3].traitFeatures.includes("mean_review_score"));
    assert.match(
      rows[3].traits,
      /^Named for: R\$ 200\+ spent and no order in the last 365 days: true of 100 % of members, at most 0 % in any other segment; unhappier reviews \(mean 3\.00/,
    );
    const checks = checkNaming(t as never, labels, rows);
    assert.deepEqual(
      checks.filter((c) => !c.ok),
      [],
    );
    // Two checks (share, lead) per named segment.
    assert.equal(checks.filter((c) => c.check.startsWith("name")).length, 6);
  });

  test("metrics list each name's condition and share; a neutral name gets null", () => {
    const { rows } = named([{ recency: (j) => (j < 70 ? 10 + j : 400 + j) }, dormant]);
    const m = withNameShares({ k: 2, sizes: [{ segment: 0 }, { segment: 1 }] }, rows);
    assert.deepEqual(m, {
      k: 2,
      sizes: [
        { segment: 0, nameCondition: null, nameShare: null },
        { segment: 1, nameCondition: "no order in the last 365 days", nameShare: 1 },
      ],
    });
  });

  test("a saved model's different name is kept without today's condition as its claim", () => {
    const { rows } = named([{ recency: (j) => (j < 80 ? 10 + j : 120) }, dormant]);
    const kept = withSavedNames(rows, ["Recent buyers", "No order in 365+ days"]);
    assert.equal(kept[0].name, "Recent buyers");
    assert.deepEqual(kept[0].nameRungs, []);
    assert.equal(kept[0].nameCondition, null);
    assert.match(
      kept[0].definition,
      /^name kept from the saved model; today's rule would name it "Bought in the last 90 days" \(last order within 90 days: true of 80 %/,
    );
    assert.equal(kept[1], rows[1]);
  });

  test("the checker catches a false name, a name that does not set apart, and a false trait", () => {
    const {
      table: t,
      labels,
      rows,
    } = named([
      { recency: (j) => (j < 80 ? 10 + j : 120) },
      { recency: (j) => (j < 90 ? j : 120), review: (j) => (j < 10 ? 1 : 5) },
      dormant,
    ]);
    const wrong = rows.map((r) =>
      r.segment === 2
        ? {
            ...r,
            nameRungs: ["within90"],
            nameCondition: "last order within 90 days",
            traitFeatures: ["frequency"],
            traitTexts: ["more orders"],
          }
        : r.segment === 0
          ? { ...r, nameRungs: ["within180"], nameCondition: "last order within 180 days" }
          : r,
    );
    const failed = checkNaming(t as never, labels, wrong).filter((c) => !c.ok);
    assert.deepEqual(
      failed.map((c) => [c.segment, c.check, c.value]),
      [
        [0, "name sets apart: last order within 180 days, lead over every other segment", 0],
        [2, "name: last order within 90 days", 0],
        [2, "name sets apart: last order within 90 days, lead over every other segment", -0.9],
        [2, "trait: more orders", 0],
      ],
    );
  });
});

describe("the naming rule on hand-made shares", () => {
  const seg = (segment: number, nameShares: Record<string, number>) => ({ segment, nameShares });

  test("75 % passes, 74 % does not; a lead of 10 points passes, 9 does not", () => {
    const pick = (a: number, b: number) =>
      chooseNames([seg(0, { within90: a }), seg(1, { within90: b })])[0].definition?.[0].id ?? null;
    assert.equal(pick(0.75, 0.65), "within90");
    assert.equal(pick(0.74, 0.0), null);
    assert.equal(pick(0.8, 0.7), "within90");
    assert.equal(pick(0.8, 0.71), null);
  });

  test("the first passing definition of the ladder wins: a single rung before a pair", () => {
    const [c] = chooseNames([
      seg(0, { repeat: 0.8, within90: 0.9, "repeat+within90": 0.78 }),
      seg(1, {}),
    ]);
    assert.equal(c.definition?.map((r) => r.id).join("+"), "repeat");
    // Within a dimension the tightest rung first: 500 before 200 before 100.
    const [d] = chooseNames([seg(0, { spend500: 0.76, spend200: 0.9, spend100: 1 }), seg(1, {})]);
    assert.equal(d.definition?.[0].id, "spend500");
  });

  test("pooled separation is the difference of means over the pooled sd", () => {
    const a = { mean: { x: 1 }, sd: { x: 1 }, size: 11 };
    const b = { mean: { x: 0 }, sd: { x: 1 }, size: 11 };
    // pooled = sqrt((11 + 11) / 20) = 1.0488
    assert.ok(Math.abs(pooledSeparation(a, b, "x") - 1 / Math.sqrt(22 / 20)) < 1e-12);
    assert.equal(pooledSeparation({ ...a, sd: { x: 0 } }, { ...b, sd: { x: 0 } }, "x"), Infinity);
    assert.equal(TRAIT_MIN_SEPARATION, 0.25);
  });

  test("only the recent play promises a fresh purchase, with its own window", () => {
    for (const [kind, play] of Object.entries(SEGMENT_PLAYBOOK)) {
      const action = play(90).action;
      assert.equal(/fresh/.test(action), kind === "recent", kind);
    }
    assert.match(SEGMENT_PLAYBOOK.lapsed(270).action, /no order in 270\+ days/);
  });
});
