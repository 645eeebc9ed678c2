import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CleaningRow } from "../../src/features/cleaning.js";
import type { RfmSummaryRow } from "../../src/features/rfm.js";
import {
  cleaningTakeaway,
  correlationMatrix,
  correlationTakeaway,
  rfmSegmentsTakeaway,
  summaryTakeaway,
} from "../../src/explore/index.js";

const NAMES = [
  "recency_days",
  "monetary",
  "mean_review_score",
  "late_delivery_share",
  "tenure_days",
  "mean_order_value",
];

/** A symmetric matrix over NAMES from the listed pairs (1 on the diagonal, 0 elsewhere). */
function matrix(pairs: Record<string, number>): number[][] {
  const m = NAMES.map((_, i) => NAMES.map((__, j): number => (i === j ? 1 : 0)));
  for (const [key, r] of Object.entries(pairs)) {
    const [a, b] = key.split("|").map((n) => NAMES.indexOf(n));
    m[a][b] = r;
    m[b][a] = r;
  }
  return m;
}

describe("takeaways of the customer features", () => {
  it("correlationTakeaway words the coefficients by stated thresholds", () => {
    const corr = matrix({
      "recency_days|monetary": 0.05,
      "recency_days|mean_review_score": -0.03,
      "monetary|mean_review_score": 0.12,
      "late_delivery_share|mean_review_score": -0.3,
      "tenure_days|recency_days": 0.95,
      "mean_order_value|monetary": 0.8,
    });
    assert.equal(
      correlationTakeaway(corr, NAMES),
      "Recency and monetary are nearly uncorrelated (ρ = 0.05, |ρ| < 0.1); a higher late-delivery share goes " +
        "with a lower review score (ρ = −0.30); recency, monetary and review score have |ρ| ≤ 0.12 between " +
        "them. Tenure ranks customers almost like recency (ρ = 0.95) and mean order value differs from " +
        "monetary (ρ = 0.80).",
    );
    assert.match(
      correlationTakeaway(
        matrix({
          "recency_days|monetary": 0.4,
          "mean_order_value|monetary": 0.99,
          "tenure_days|recency_days": 0.99,
        }),
        NAMES,
      ),
      /^Recency and monetary are correlated \(ρ = 0\.40\); .* \|ρ\| ≤ 0\.40 .*: with \|ρ\| ≥ 0\.9, one of each pair is enough\.$/,
    );
    assert.throws(() => correlationTakeaway(corr, NAMES.slice(1)), /needs the features/);
  });

  it("correlationTakeaway reads a matrix computed from columns", () => {
    // recency and tenure move together; monetary and mean order value too; late share against score.
    const cols = [
      [1, 2, 3, 4, 5, 6],
      [10, 30, 20, 60, 40, 50],
      [5, 4, 5, 1, 3, 2],
      [0, 0, 0, 1, 0.5, 1],
      [2, 3, 4, 5, 6, 7],
      [10, 30, 20, 60, 40, 50],
    ];
    const text = correlationTakeaway(correlationMatrix(cols, "spearman"), NAMES);
    assert.match(text, /Tenure ranks customers almost like recency \(ρ = 1\.00\)/);
    assert.match(text, /mean order value ranks customers almost like monetary \(ρ = 1\.00\)/);
    assert.match(
      text,
      /a higher late-delivery share goes with a lower review score \(ρ = −0\.9\d\)/,
    );
  });

  it("rfmSegmentsTakeaway states the top segments, the largest one and the share with F = 1", () => {
    const row = (segment: string, share: number): RfmSummaryRow => ({
      segment,
      customers: share * 100,
      share,
      mean_recency_days: 0,
      mean_frequency: 1,
      mean_monetary: 0,
    });
    const rows = [
      row("Champions", 0.02),
      row("Loyal", 0.03),
      row("Potential loyalists", 0.4),
      row("Lost", 0.55),
    ];
    assert.equal(
      rfmSegmentsTakeaway(rows, { f: Uint8Array.from([1, 1, 1, 2]) }),
      "Champions and Loyal together are 5.0 % of customers; the largest RFM segment is Lost (55.0 %). 75.0 % " +
        "of customers have F = 1 (one order), so for them FM is set by spend alone and the grid sorts " +
        "one-time buyers by recency and spend.",
    );
  });

  it("cleaningTakeaway sums the excluded orders and counts the flagging rules that matched", () => {
    const rule = (
      rule: string,
      table: string,
      action: CleaningRow["action"],
      rows: number,
    ): CleaningRow => ({
      rule,
      table,
      description: "",
      rows,
      share: 0,
      action,
    });
    const cleaning = [
      rule("duplicate_key_orders", "orders", "excluded", 0),
      rule("status_not_counted", "orders", "excluded", 30),
      rule("no_items", "orders", "excluded", 2),
      rule("duplicate_key_order_items", "order_items", "excluded", 7),
      rule("zero_freight", "order_items", "flagged", 5),
      rule("freight_outlier", "order_items", "flagged", 0),
      rule("missing_category", "products", "kept as missing", 4),
    ];
    assert.equal(
      cleaningTakeaway(cleaning, 1000),
      "32 orders (3.2 %) are left out of the customer table, 30 of them because their status is not counted " +
        "(not delivered); 1 flagging rule marks rows that stay in.",
    );
  });

  it("summaryTakeaway repeats the three deciding figures", () => {
    const scores = [
      { score: 1, reviews: 10, share: 0.1 },
      { score: 2, reviews: 5, share: 0.05 },
      { score: 5, reviews: 85, share: 0.85 },
    ];
    const perCustomer = [
      { orders: "1", customers: 97, share: 0.97 },
      { orders: "2+", customers: 3, share: 0.03 },
    ];
    assert.equal(
      summaryTakeaway(perCustomer, { late_share: 0.081 }, scores),
      "97.0 % single-order customers, 8.1 % late deliveries, 15.0 % 1–2 star reviews: segment on recency, " +
        "value and satisfaction, not on frequency.",
    );
    assert.equal(
      summaryTakeaway([{ orders: "1", customers: 1, share: 0.5 }], { late_share: 0 }, scores),
      "50.0 % single-order customers, 0.0 % late deliveries, 15.0 % 1–2 star reviews: segment on recency, " +
        "value and satisfaction.",
    );
  });
});
