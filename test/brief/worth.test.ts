import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { briefHtml } from "../../src/brief/html.js";
import { briefWorth, historyOf } from "../../src/brief/worth.js";
import {
  formatMoneyCents,
  formatSignedShare,
  paretoText,
  ruleCardHtml,
  rulesLeadText,
  stabilityWords,
  valueErrorText,
  valueMethodText,
  worthHtml,
} from "../../src/brief/worthHtml.js";
import { methodErrors, valueComparisonText } from "../../src/brief/valueComparison.js";
import { closeRenderer } from "../../src/charts/render.js";
import { segmentConcentration } from "../../src/revenue/concentration.js";
import type { SegmentRules } from "../../src/rules/segmentRules.js";
import type { BootstrapJaccardResult } from "../../src/stability/bootstrapJaccard.js";
import { fixtureInput } from "./fixture.js";
import { WORTH } from "./worthFixture.js";

/** Visible text outside SVGs and styles, whitespace collapsed. */
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\u00a0/g, " ");

describe("model against baseline per segment", () => {
  it("takes each method's error, the closer one, and names where the model loses", () => {
    const v = WORTH.segments[0].value!;
    assert.deepEqual(methodErrors(v, "model"), { model: 0.626, baseline: 1.377, closer: "model" });
    // Shown baseline: its error is `error`, the model's `otherError`.
    assert.deepEqual(methodErrors(v, "baseline"), {
      model: 1.377,
      baseline: 0.626,
      closer: "baseline",
    });
    // Within rounding (both |errors| read 10.0%): a tie.
    const tie = { ...v, error: 0.1001, otherError: -0.0999 };
    assert.equal(methodErrors(tie, "model").closer, "tie");
    assert.equal(methodErrors(WORTH.segments[2].value, "model").closer, null);
    assert.equal(methodErrors(null, "model").closer, null);
    // Segment 1: the baseline is closer; segment 2 ties; segment 0 the model wins; total the model.
    const worth = {
      ...WORTH,
      segments: [
        WORTH.segments[0],
        {
          ...WORTH.segments[1],
          value: { ...WORTH.segments[1].value!, error: -0.3, otherError: 0.1 },
        },
        { ...WORTH.segments[2], value: tie },
      ],
    };
    assert.equal(
      valueComparisonText(worth),
      "On the holdout year the model's revenue error is smaller than the baseline's in 1 of 3 segments compared and in total; it is larger in Segment 1; both are as close in Segment 2.",
    );
    assert.equal(valueComparisonText({ ...worth, value: { ...worth.value, shown: null } }), "");
  });
});

describe("rule cards in the brief", () => {
  it("reads either … / or … when a segment has several leaves, the sentence otherwise", () => {
    const one = { ...WORTH.segments[0], ruleLeaves: ["at most 1 order"] };
    assert.equal(
      ruleCardHtml(one).replace(/<span[^>]*><\/span>/, ""),
      "<li>Segment 0: customers with at most 1 order.</li>",
    );
    const two = { ...WORTH.segments[1], ruleLeaves: ["a and b", "c"] };
    const html = ruleCardHtml(two);
    assert.match(
      html,
      /Segment 1: customers with<ul class="either"><li>either a and b<\/li><li>or c<\/li><\/ul>/,
    );
    assert.match(
      html,
      /The rules find 89\.8% of the segment's customers; 92\.5% of the customers they select are in it\./,
    );
  });
});

describe("the worth texts of the brief", () => {
  it("writes signed errors, stability flags and the Pareto view from the values", () => {
    assert.equal(formatSignedShare(0.626), "+62.6%");
    assert.equal(formatSignedShare(-0.154), "−15.4%");
    assert.equal(formatSignedShare(null), "n/a");
    const t = WORTH.stability;
    assert.equal(stabilityWords(0.981, "stable", t), "0.98: stable (≥ 0.75)");
    assert.equal(stabilityWords(0.55, "unstable", t), "0.55: not to be trusted (below 0.6)");
    assert.match(stabilityWords(0.7, "doubtful", t), /^0\.70: .*0\.6 to under 0\.75/);
    assert.equal(
      paretoText(WORTH.segments[1]),
      "Segment 1: 30.0% of customers bring 55.6% of revenue; the top 20% of its customers by spend bring 44% of its revenue.",
    );
    assert.equal(valueErrorText(WORTH.segments[0].value, "model"), "+62.6% (baseline +137.7%)");
    assert.equal(valueErrorText(WORTH.segments[1].value, "baseline"), "−15.4% (model −61.3%)");
    assert.equal(valueErrorText(WORTH.segments[2].value, "model"), "not validated");
    // Nothing bought in the holdout year: no relative error, the amounts instead.
    const none = {
      ...WORTH.segments[0].value!,
      error: NaN,
      holdoutPredicted: 150,
      holdoutActual: 0,
    };
    assert.equal(
      valueErrorText(none, "model").replace(/\u00a0/g, " "),
      "predicted R$ 150 vs actual R$ 0",
    );
    assert.equal(formatMoneyCents(1.456).replace(/\u00a0/g, " "), "R$ 1.46");
    assert.match(rulesLeadText(WORTH), /^4 threshold rules .* give 92\.8% of customers .* 1\.03 ×/);
  });

  it("says which figures are shown: the model when it beats the baseline, else the baseline", () => {
    assert.match(valueMethodText(WORTH), /next 12 months from the customer-value model/);
    const baseline = { value: { ...WORTH.value, shown: "baseline" as const, reason: "R." } };
    assert.match(
      valueMethodText(baseline),
      /did not beat it on a holdout year, so the baseline is shown\. R\.$/,
    );
    const skipped = { value: { ...WORTH.value, shown: null, reason: "Too few repeat customers." } };
    assert.equal(valueMethodText(skipped), "No expected revenue: Too few repeat customers.");
  });
});

describe("briefWorth from the toolbox's results", () => {
  it("scales the last period's baseline to 90 days, per segment", () => {
    const baseline = {
      kind: "last period" as const,
      horizonDays: 365,
      windowDays: 365,
      segments: 2,
      customers: Float64Array.from([1000, 50]),
      purchasesPerCustomer: Float64Array.from([0.073, 0.5]),
      revenuePerCustomer: Float64Array.from([36.5, 73]),
      fallback: [false, true],
    };
    const h = historyOf({ baseline }, 0);
    assert.ok(h);
    assert.equal(h.windowDays, 365);
    assert.equal(h.customers, 1000);
    assert.ok(Math.abs(h.ordersPer90Days - 0.018) < 1e-12);
    assert.ok(Math.abs(h.revenuePer90Days - 9) < 1e-12);
    // A segment that borrowed all customers' figures has no history of its own.
    assert.equal(historyOf({ baseline }, 1), null);
    assert.equal(historyOf({ baseline }, 2), null);
  });

  it("takes fidelity, Jaccard, flag and Pareto shares of each segment, and the skip note", () => {
    // Spend 1, 1, 2 in segment 0 and 6 in segment 1: segment 1 has 25% of customers, 60% of revenue.
    const concentration = segmentConcentration(
      Float64Array.from([1, 1, 2, 6]),
      Int32Array.from([0, 0, 0, 1]),
      ["A", "B"],
    );
    const card = (segment: number, fidelity: number) => ({
      segment,
      name: ["A", "B"][segment],
      customers: 2,
      fidelity,
      precision: 1,
      ruleCustomers: 2,
      rules: [],
      conditions: [[{ feature: "frequency", op: ">=" as const, value: 2 }]],
    });
    const rules = {
      fidelity: 0.75,
      leaves: [{}, {}],
      segments: [card(0, 2 / 3), card(1, 1)],
      costRatio: 1.1,
    } as unknown as SegmentRules;
    const stability: BootstrapJaccardResult = {
      runs: 2,
      sampleSize: 4,
      seed: 0,
      jaccard: Float64Array.from([0.5, 1, 0.6, 1]),
      segments: [
        {
          segment: 0,
          customers: 3,
          meanJaccard: 0.55,
          minJaccard: 0.5,
          dissolved: 1,
          recovered: 0,
          flag: "unstable",
        },
        {
          segment: 1,
          customers: 1,
          meanJaccard: 1,
          minJaccard: 1,
          dissolved: 0,
          recovered: 2,
          flag: "stable",
        },
      ],
    };
    const w = briefWorth({
      value: null,
      valueSkipped: "Customer value not computed: too few.",
      rules,
      stability,
      concentration,
      names: ["A", "B"],
    });
    assert.equal(w.value.shown, null);
    assert.equal(w.value.total, null);
    assert.equal(w.value.reason, "Customer value not computed: too few.");
    assert.equal(w.rules.fidelity, 0.75);
    assert.equal(w.rules.leaves, 2);
    assert.deepEqual(
      w.segments.map((s) => [
        s.segment,
        s.fidelity,
        s.jaccard,
        s.flag,
        s.customerShare,
        s.revenueShare,
      ]),
      [
        [0, 2 / 3, 0.55, "unstable", 0.75, 0.4],
        [1, 1, 1, "stable", 0.25, 0.6],
      ],
    );
    assert.match(
      w.segments[1].rule,
      /^B: customers with 2 or more orders\. The rules find 100\.0 %/,
    );
    assert.equal(w.revenue.top20, concentration.overall.top20);
  });
});

describe("the worth section through Chromium", () => {
  after(() => closeRenderer());

  it("shows value with its error, rule cards, stability flags and the Pareto view per segment", async () => {
    const html = await worthHtml(WORTH);
    const t = text(html);
    assert.match(t, /What each segment is worth/);
    // Segment 0's rows: R$ 120,000, R$ 12 per customer, +62.6% (baseline +137.7%); fidelity 97.3%,
    // Jaccard 0.98 stable, 50% of customers, 37% of revenue, top 20% 33%.
    assert.match(t, /Segment 0 R\$ 120,000 R\$ 12\.00 \+62\.6% \+137\.7%/);
    assert.match(t, /Segment 0 97\.3% 0\.98 stable 50\.0% 37\.0% 33%/);
    assert.match(t, /Segment 1 R\$ 150,000 R\$ 25\.00 −15\.4% −61\.3%/);
    assert.match(t, /Segment 2 R\$ 30,000 R\$ 7\.50 not validated not validated/);
    assert.match(
      t,
      /in 2 of 2 segments compared and in total\. Not compared \(no relative holdout error\): Segment 2\./,
    );
    assert.match(t, /Segment 1 89\.8% 0\.70 doubtful 30\.0% 55\.6% 44%/);
    assert.match(t, /Segment 2 85\.3% 0\.55 not to be trusted/);
    assert.match(t, /All customers R\$ 300,000 R\$ 15\.00 \+25\.0% \+84\.3%/);
    assert.match(t, /All customers 92\.8% 100\.0% 100\.0% 53%/);
    assert.match(t, /Not to be trusted: Segment 2 \(mean bootstrap Jaccard below 0\.6\)/);
    assert.ok(!/Not to be trusted: [^(]*Segment 1/.test(t), "a doubtful segment is not flagged");
    for (const s of WORTH.segments) assert.ok(t.includes(s.rule), s.rule);
    assert.match(
      t,
      /Segment 2: 20\.0% of customers bring 7\.4% of revenue; the top 20% of its customers by spend bring 50% of its revenue\./,
    );
    assert.match(t, /overall \(top 20%: 53% of revenue\)/);
    assert.equal((html.match(/<svg/g) ?? []).length, 1, "one Pareto chart");
  });

  it("goes into the brief when the input has it, and not otherwise", async () => {
    const input = fixtureInput();
    assert.ok(!(await briefHtml(input)).includes("What each segment is worth"));
    const html = await briefHtml({ ...input, worth: WORTH });
    assert.ok(html.includes("What each segment is worth"));
    assert.ok(
      html.indexOf('<section class="worth">') < html.indexOf('<section class="maintenance">'),
    );
  });
});
