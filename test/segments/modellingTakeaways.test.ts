import assert from "node:assert/strict";
import { test } from "node:test";
import {
  featureSummaryRows,
  rfmBaselineTakeaway,
  singleOrderTakeaway,
} from "../../src/segments/modellingTakeaways.js";
import { blobTable } from "../helpers/tables.js";

test("featureSummaryRows: median and 90th percentile of each feature, NaN left out", () => {
  const table = blobTable([[10, 100]], 11, 1);
  const recency = table.numeric.recency_days;
  for (let i = 0; i < 11; i++) recency[i] = i; // 0..10
  table.numeric.mean_review_score[0] = NaN;
  const rows = featureSummaryRows(table);
  const r = rows.find((x) => x.feature === "recency_days")!;
  assert.equal(r.median, 5);
  assert.equal(r.p90, 9);
  assert.match(r.meaning, /\w/);
  assert.equal(
    rows.find((x) => x.feature === "mean_review_score")!.median,
    table.numeric.mean_review_score[1],
  );
});

test("singleOrderTakeaway: the share of one-order customers decides the sentence", () => {
  const mostlyOne = Float64Array.from({ length: 100 }, (_, i) => (i < 97 ? 1 : 2));
  assert.equal(
    singleOrderTakeaway(mostlyOne),
    "97.0 % of customers have exactly one order: frequency only sets the 3 repeat buyers apart, so " +
      "recency, spend and satisfaction must carry the segmentation.",
  );
  const varied = Float64Array.from({ length: 10 }, (_, i) => 1 + (i % 3));
  assert.match(singleOrderTakeaway(varied), /^40\.0 % .*under 90 %.*axis of its own\.$/);
});

test("rfmBaselineTakeaway: the largest cell by count, its share of all customers", () => {
  const row = (segment: string, customers: number) => ({
    segment,
    customers,
    share: 0,
    mean_recency_days: 0,
    mean_frequency: 1,
    mean_monetary: 0,
  });
  assert.equal(
    rfmBaselineTakeaway([row("Champions", 10), row("Hibernating", 30), row("Lost", 10)]),
    'The RFM grid puts 60.0 % of customers in "Hibernating", the largest of its 3 segments; it scores ' +
      "recency, frequency and spend only, so it knows nothing about satisfaction.",
  );
  assert.throws(() => rfmBaselineTakeaway([]), /no RFM segment/);
});
