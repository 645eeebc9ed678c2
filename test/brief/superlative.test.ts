import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { joinNames, leadersBy, superlativeText } from "../../src/brief/superlative.js";
import { formatShare } from "../../src/brief/format.js";

const S = [
  { name: "A", share: 0.244, z: 1.12 },
  { name: "B", share: 0.486, z: 1.08 },
  { name: "C", share: 0.12, z: -0.3 },
  { name: "D", share: NaN, z: 5 },
];

describe("superlatives with a basis and ties", () => {
  it("finds the leader by the measure it is given, largest or smallest", () => {
    const top = leadersBy(S, (s) => s.share, { shown: (v) => formatShare(v) });
    assert.deepEqual(
      top.leaders.map((s) => s.name),
      ["B"],
    );
    assert.equal(top.shown, "48.6%");
    assert.equal(top.tie, false);
    const low = leadersBy(S, (s) => s.share, { order: "min" });
    assert.deepEqual(
      low.leaders.map((s) => s.name),
      ["C"],
    );
  });

  it("ties items that read the same once written (within rounding)", () => {
    // 1.12 and 1.08 both read "1.1": neither spends more than the other as written.
    const r = leadersBy(S.slice(0, 3), (s) => s.z, { shown: (v) => v.toFixed(1) });
    assert.deepEqual(
      r.leaders.map((s) => s.name),
      ["A", "B"],
    );
    assert.equal(r.tie, true);
    assert.equal(r.value, 1.12);
    // With two decimals they no longer tie.
    const r2 = leadersBy(S.slice(0, 3), (s) => s.z, { shown: (v) => v.toFixed(2) });
    assert.deepEqual(
      r2.leaders.map((s) => s.name),
      ["A"],
    );
  });

  it("skips missing values and refuses a list without any", () => {
    assert.deepEqual(
      leadersBy(S, (s) => s.share).leaders.map((s) => s.name),
      ["B"],
    );
    assert.throws(() => leadersBy([{ v: NaN }], (s) => s.v), /no item has a finite value/);
    assert.throws(() => leadersBy([], () => 1), /no item/);
  });

  it("says a tie as a tie", () => {
    assert.equal(joinNames(["A"]), "A");
    assert.equal(joinNames(["A", "B", "C"]), "A, B and C");
    assert.equal(
      superlativeText(["A"], "spends the most", "spend the most, as much as each other"),
      "A spends the most",
    );
    assert.equal(
      superlativeText(["A", "B"], "spends the most", "spend the most, as much as each other"),
      "A and B spend the most, as much as each other",
    );
  });
});

describe("the brief's leaders sentence", () => {
  it("names the biggest and the richest segment with their basis, and every tied one", async () => {
    const { briefSegments } = await import("../../src/brief/briefSegments.js");
    const { leadersSentence } = await import("../../src/brief/summaryHtml.js");
    const { fixtureInput } = await import("./fixture.js");
    const input = fixtureInput();
    const plain = (s: string) => s.replace(/<[^>]+>/g, "");
    // Segment 0 is the biggest (10,000), segment 1 the richest (55.6% of revenue).
    assert.match(
      plain(leadersSentence(briefSegments(input))),
      /^The biggest segment by customers: Buyers of the last half-year \(50\.0% of customers\)\. .* brings the largest share of revenue to date: 55\.6% from 30\.0% of customers\.$/,
    );
    // Both at 46.3% as written (0.4630 and 0.4634): a tie, both named, "each".
    const tied = briefSegments({ ...input, revenueShare: [0.463, 0.4634, 0.0736] });
    assert.match(
      plain(leadersSentence(tied)),
      /Buyers of the last half-year and .* bring the largest share of revenue to date, as much as each other: 46\.3% each\.$/,
    );
    // One segment both biggest and richest: one sentence.
    const same = briefSegments({ ...input, revenueShare: [0.6, 0.3, 0.1] });
    assert.equal(
      plain(leadersSentence(same)),
      "The biggest segment by customers, Buyers of the last half-year, also brings the largest share of revenue to date: 50.0% of customers and 60.0% of revenue.",
    );
  });
});
