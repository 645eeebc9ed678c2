import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Condition } from "../../src/rules/featureUnits.js";
import { boundWords, conditionWords, featureUnit } from "../../src/rules/featureUnits.js";
import { missingValuesText, ruleCardText, segmentRuleWords } from "../../src/rules/ruleCardText.js";

const c = (feature: string, op: "<" | ">=", value: number): Condition => ({ feature, op, value });

describe("rule words", () => {
  test("speak each feature in its unit", () => {
    assert.equal(
      conditionWords([c("recency_days", "<", 180), c("monetary", ">=", 150)]),
      "last order within 180 days and spend ≥ R$ 150",
    );
    assert.equal(boundWords("recency_days", 90, 180), "last order 90 to under 180 days ago");
    assert.equal(boundWords("recency_days", 344, undefined), "last order 344 days ago or more");
    assert.equal(boundWords("monetary", undefined, 134.5), "spend under R$ 134.50");
    assert.equal(boundWords("monetary", 50, 1500), "spend from R$ 50 to under R$ 1,500");
    assert.equal(boundWords("mean_review_score", undefined, 3), "mean review under 3 stars");
    assert.equal(boundWords("mean_review_score", 4.5, undefined), "mean review ≥ 4.5 stars");
  });

  test("count whole orders: x < 2 is at most 1", () => {
    assert.equal(boundWords("frequency", undefined, 2), "at most 1 order");
    assert.equal(boundWords("frequency", undefined, 4), "at most 3 orders");
    assert.equal(boundWords("frequency", 2, undefined), "2 or more orders");
    assert.equal(boundWords("frequency", 2, 3), "exactly 2 orders");
    assert.equal(boundWords("frequency", 2, 5), "2 to 4 orders");
    assert.equal(boundWords("frequency", undefined, 2.5), "fewer than 2.5 orders");
  });

  test("join the bounds of one feature and keep feature order", () => {
    assert.equal(
      conditionWords([
        c("monetary", ">=", 50),
        c("recency_days", ">=", 30),
        c("monetary", "<", 90),
      ]),
      "spend from R$ 50 to under R$ 90 and last order 30 days ago or more",
    );
    assert.equal(conditionWords([]), "every customer");
    assert.equal(featureUnit("not_a_column").unit, "");
  });

  test("a segment with several leaves states the shared conditions once", () => {
    const shared = c("frequency", "<", 2);
    assert.equal(
      segmentRuleWords([
        [shared, c("recency_days", "<", 344), c("monetary", ">=", 134.5)],
        [shared, c("recency_days", ">=", 344), c("monetary", ">=", 300)],
      ]),
      "at most 1 order and either (last order within 344 days and spend ≥ R$ 134.50) or " +
        "(last order 344 days ago or more and spend ≥ R$ 300)",
    );
    assert.equal(
      segmentRuleWords([[c("monetary", "<", 10)], [c("monetary", ">=", 90)]]),
      "either (spend under R$ 10) or (spend ≥ R$ 90)",
    );
  });

  test("rule cards state the rule, what it finds and what it selects", () => {
    const card = {
      segment: 4,
      name: "Loyal repeat buyers",
      customers: 10,
      fidelity: 0.9,
      precision: 0.75,
      ruleCustomers: 12,
      rules: ["2 or more orders"],
      conditions: [[c("frequency", ">=", 2)]],
    };
    assert.equal(
      ruleCardText(card),
      "Loyal repeat buyers: customers with 2 or more orders. The rules find 90.0 % of the " +
        "segment's customers; 75.0 % of the customers they select are in it.",
    );
    assert.equal(
      ruleCardText({ ...card, rules: [], conditions: [] }),
      "Loyal repeat buyers: no rule leads to this segment.",
    );
    assert.equal(
      missingValuesText({
        missing: [{ feature: "mean_review_score", customers: 1679, readAs: 5 }],
      }),
      "1,679 customers without a mean_review_score count as 5 stars, the value the model imputes.",
    );
  });
});
