/**
 * A small RFM + satisfaction customer table with four groups (recent small, dormant small, recent
 * big spenders, disappointed), a few repeat buyers and some customers without a review (NaN), fitted
 * with the chosen segmentation's transform (log1p on frequency and monetary, standard scaling).
 */
import type { CustomerTable } from "../../src/features/definitions.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import { createRng } from "../../src/util/random.js";
import { blobTable } from "../helpers/tables.js";

export const RFM_FEATURES = ["recency_days", "frequency", "monetary", "mean_review_score"];

export function rfmTable(perGroup: number, seed: number): CustomerTable {
  const groups = [
    { recency: 40, spend: 60, review: 4.8 },
    { recency: 420, spend: 70, review: 4.7 },
    { recency: 60, spend: 600, review: 4.6 },
    { recency: 200, spend: 120, review: 1.4 },
  ];
  const table = blobTable(
    groups.map(() => [0, 0] as [number, number]),
    perGroup,
    seed,
  );
  const rng = createRng(seed + 1);
  const { numeric } = table;
  for (let r = 0; r < table.ids.length; r++) {
    const g = groups[Math.floor(r / perGroup)];
    numeric.recency_days[r] = Math.max(0.5, g.recency * Math.exp(0.5 * rng.normal()));
    numeric.monetary[r] = Math.round(100 * g.spend * Math.exp(0.6 * rng.normal())) / 100;
    numeric.frequency[r] = rng.next() < 0.03 ? 2 + rng.int(2) : 1;
    const review = g.review + 0.8 * rng.normal();
    numeric.mean_review_score[r] = rng.next() < 0.05 ? NaN : Math.min(5, Math.max(1, review));
  }
  return table;
}

export function fitRfm(table: CustomerTable, k = 5) {
  return fitSegmentModel(table, {
    features: RFM_FEATURES,
    log1p: ["frequency", "monetary"],
    scaler: "standard",
    k,
    seed: 0,
  });
}
