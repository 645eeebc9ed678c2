import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  imputationCounts,
  imputationCsv,
  imputationSentence,
} from "../../src/segments/imputation.js";

const table = {
  numeric: {
    recency_days: Float64Array.from([10, 20, 30, 40]),
    mean_review_score: Float64Array.from([5, NaN, 3, NaN]),
    mean_delivery_days: Float64Array.from([NaN, 2, 3, 4]),
    monetary: Float64Array.from([1, 2, 3, 4]),
  },
};
const transform = {
  features: ["recency_days", "mean_review_score"],
  missing: "median" as const,
  impute: [25, 4],
};

describe("imputation counts", () => {
  const rows = imputationCounts(table as never, transform);

  it("counts missing values of model features and of other columns", () => {
    assert.deepEqual(
      rows.map((r) => [r.feature, r.inModel, r.missing, r.share, r.treatment, r.value]),
      [
        ["recency_days", true, 0, 0, "median", 25],
        ["mean_review_score", true, 2, 0.5, "median", 4],
        ["mean_delivery_days", false, 1, 0.25, "left missing", null],
      ],
    );
  });

  it("writes the counts file", () => {
    assert.equal(
      imputationCsv(rows),
      "feature,in_model,missing,share,treatment,value,why\n" +
        "recency_days,true,0,0.000000,median,25,\n" +
        "mean_review_score,true,2,0.500000,median,4,no review of a counted order created before the as-of date\n" +
        "mean_delivery_days,false,1,0.250000,left missing,,\n",
    );
  });

  it("says how many are imputed and with what", () => {
    assert.equal(
      imputationSentence(rows),
      "2 customers (50.0 %) have no mean review score (no review of a counted order created before " +
        'the as-of date) and are given the training median, 4 (model.json: missing: "median"); ' +
        "no other model feature is missing. Counts in imputation.csv (written by npm start and npm run segment). Missing values of other " +
        "columns (mean_delivery_days 1) are left missing: they do not enter the model, and profiles skip them.",
    );
    assert.equal(
      imputationSentence(
        imputationCounts(
          { numeric: { recency_days: table.numeric.recency_days } } as never,
          transform,
        ),
      ),
      "No customer misses a model feature: nothing is imputed.",
    );
  });
});
