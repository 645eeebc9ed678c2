/**
 * The rule card of a segment as text for the brief and the notebook: who is in it by the rules,
 * how many of the segment's customers the rules find, how many of those they select are in it,
 * and how missing values are read.
 */
import type { Condition } from "./featureUnits.js";
import { conditionWords, featureUnit } from "./featureUnits.js";
import type { SegmentRuleCard, SegmentRules } from "./segmentRules.js";

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "n/a");

/**
 * The card of one segment in words.
 *
 * @example
 * ruleCardText(rules.segments[4]);
 * // "Loyal repeat buyers: customers with 2 or more orders. The rules find 100.0 % of the segment's
 * //  customers; 100.0 % of the customers they select are in it."
 */
export function ruleCardText(card: SegmentRuleCard): string {
  if (card.conditions.length === 0) return `${card.name}: no rule leads to this segment.`;
  return (
    `${card.name}: customers with ${segmentRuleWords(card.conditions)}. The rules find ` +
    `${pct(card.fidelity)} of the segment's customers; ${pct(card.precision)} of the customers ` +
    "they select are in it."
  );
}

const same = (a: Condition, b: Condition) =>
  a.feature === b.feature && a.op === b.op && a.value === b.value;

/**
 * The rule of a segment with one or more leaves in words: the conditions every leaf shares first,
 * then "either (…) or (…)" for the rest.
 *
 * @example
 * segmentRuleWords([[a, b], [a, c]]); // "<a> and either (<b>) or (<c>)"
 */
export function segmentRuleWords(leaves: readonly (readonly Condition[])[]): string {
  if (leaves.length === 1) return conditionWords(leaves[0]);
  const shared = leaves[0].filter((c) => leaves.every((l) => l.some((d) => same(c, d))));
  const rest = leaves.map((l) => l.filter((c) => !shared.some((d) => same(c, d))));
  const either = `either ${rest.map((l) => `(${conditionWords(l)})`).join(" or ")}`;
  return shared.length > 0 ? `${conditionWords(shared)} and ${either}` : either;
}

/**
 * How the rules read missing values, one sentence per feature with any ("" when none).
 *
 * @example
 * missingValuesText(rules); // "679 customers without a mean_review_score count as 5 stars, the value the model imputes."
 */
export function missingValuesText(rules: Pick<SegmentRules, "missing">): string {
  return rules.missing
    .map((m) => {
      const unit = featureUnit(m.feature).unit;
      return (
        `${m.customers.toLocaleString("en-US")} customers without a ${m.feature} count as ` +
        `${m.readAs}${unit ? ` ${unit}` : ""}, the value the model imputes.`
      );
    })
    .join(" ");
}

/**
 * The whole tree in one sentence: fidelity, leaves, price of explainability.
 *
 * @example
 * rulesSummaryText(rules);
 * // "6 rules on raw features give 92.8 % of customers their model segment; the rules' segments cost 1.02 × the k-means cost."
 */
export function rulesSummaryText(rules: SegmentRules): string {
  return (
    `${rules.leaves.length} rules on raw features give ${pct(rules.fidelity)} of customers their ` +
    `model segment; the rules' segments cost ${rules.costRatio.toFixed(2)} × the k-means cost.`
  );
}
