/**
 * A hand-made results folder for the deck: the brief's fixture input, small metrics, model,
 * cleaning and customer files with round numbers, a partial maintenance.json, and (optionally) the
 * files other steps add (selection, rules, value, stability).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BriefInput } from "../../src/brief/input.js";
import { revenueShares } from "../../src/brief/input.js";
import { fixtureInput, PROFILES } from "../brief/fixture.js";

/** 20 customers: 4 repeat buyers (20.0%), spend 500 + 400 + 18 × 10 (top tenth 83.3%), 3 of 19 reviews ≤ 2. */
export function customersCsv(): string {
  const lines = [
    "customer_unique_id,recency_days,frequency,monetary,mean_review_score,z_recency_days,segment,segment_name",
  ];
  for (let i = 0; i < 20; i++) {
    const frequency = i < 16 ? 1 : i < 18 ? 2 : i === 18 ? 3 : 5;
    const monetary = i === 0 ? 500 : i === 1 ? 400 : 10;
    const review = i === 2 ? "1" : i === 3 ? "2" : i === 4 ? "1.5" : i === 5 ? "" : "5";
    const name = i % 2 === 0 ? '"Big, ""quoted"" name"' : "Plain";
    lines.push(`c${i},${100 + 15 * i},${frequency},${monetary},${review},0.1,${i % 3},${name}`);
  }
  return lines.join("\n") + "\n";
}

export const CLEANING_CSV = [
  "rule,table,rows,action,share,description",
  "duplicate_row_orders,orders,0,excluded,0,Exact repeats.",
  "status_not_counted,orders,2848,excluded,0.0287,order_status not counted (delivered).",
  "no_payment,orders,1,excluded,0.00001,No order_payments row.",
  'zero_freight,order_items,379,flagged,0.0034,"freight_value = 0 (free shipping); kept, counts as 0."',
].join("\n");

export const METRICS = {
  k: 3,
  seed: 0,
  features: ["recency_days", "frequency", "monetary", "mean_review_score"],
  log1p: ["frequency", "monetary"],
  customers: 20_000,
  asOf: "2018-09-01T00:00:00.000Z",
  silhouette: 0.3262,
  daviesBouldin: 0.8792,
  calinskiHarabasz: 49_535.87,
  dataSource: {
    description: "SYNTHETIC DATA: Olist twin (seed 7)",
    synthetic: true,
    files: [
      { table: "orders", file: "olist_orders_dataset.csv", bytes: 17_640_837, sha256: "a" },
      { table: "customers", file: "olist_customers_dataset.csv", bytes: 9_053_599, sha256: "b" },
    ],
  },
};

export const MODEL = {
  kind: "olist-segment-model",
  transform: {
    features: ["recency_days", "frequency", "monetary", "mean_review_score"],
    log1p: ["frequency", "monetary"],
    scaler: "standard",
    missing: "median",
    impute: [263.18, 1, 105.27, 5],
  },
};

export const MAINTENANCE_JSON = {
  recommendation: {
    noiseFloor: 0.991,
    crossing: { medianDays: 46 },
    trigger: { checkEveryWeeks: 1, level: 0.85, actWithinDays: 7, firedBefore: 3, crossed: 3 },
    cost: { ratePerHour: 80 },
    tradeoff: [
      { weeks: 2, recommended: false, costPerYear: 11_000 },
      {
        weeks: 4,
        recommended: true,
        costPerYear: 6001.2,
        refitsPerYear: 13.04,
        checksPerYear: 39.13,
        hoursPerYear: 75.02,
      },
    ],
  },
};

/** The optional files, as other steps write them. */
export const OPTIONAL = {
  "selection.json": {
    rule: "Highest silhouette among candidates with seed stability of at least 0.9.",
    candidates: [
      {
        id: "km5",
        label: "k-means, k = 3",
        silhouette: 0.3262,
        daviesBouldin: 0.8792,
        calinskiHarabasz: 49_535.9,
        seedStability: 0.99,
        picked: true,
      },
      {
        id: "km4",
        label: "k-means, k = 4",
        silhouette: 0.301,
        daviesBouldin: 0.95,
        calinskiHarabasz: 45_000,
        seedStability: 0.97,
        picked: false,
      },
      {
        id: "gmm",
        label: "Gaussian mixture, 3",
        silhouette: 0.21,
        daviesBouldin: 1.3,
        calinskiHarabasz: 30_000,
        seedStability: 0.8,
        picked: false,
      },
    ],
    pick: "km5",
    reason: "k-means with k = 3 separates best among the stable candidates.",
  },
  "segment-rules.json": {
    fidelity: 0.913,
    leaves: [
      { segment: 0, conditions: [{ feature: "recency_days", op: "<", value: 180 }] },
      {
        segment: 1,
        conditions: [
          { feature: "recency_days", op: ">=", value: 180 },
          { feature: "monetary", op: ">=", value: 150.5 },
        ],
      },
      { segment: 2, conditions: [{ feature: "mean_review_score", op: "<", value: 2.5 }] },
      { segment: 1, conditions: [{ feature: "frequency", op: ">=", value: 2 }] },
    ],
  },
  "value.json": {
    segments: [
      { segment: 0, expectedRevenue: 120_000.4 },
      { segment: 1, expectedRevenue: 310_000 },
      { segment: 2, expectedRevenue: 20_500 },
      { segment: null, expectedRevenue: 450_500.4 },
    ],
    validation: {
      segments: [
        {
          segment: 0,
          model: { revenueTotalRelativeError: 0.441 },
          baseline: { revenueTotalRelativeError: 2.288 },
        },
        {
          segment: 1,
          model: { revenueTotalRelativeError: -0.291 },
          baseline: { revenueTotalRelativeError: -0.186 },
        },
      ],
    },
  },
  "segment-stability.json": {
    thresholds: { stable: 0.75, untrusted: 0.6 },
    segments: [
      { segment: 0, meanJaccard: 0.93, flag: "stable" },
      { segment: 1, meanJaccard: 0.81, flag: "stable" },
      { segment: 2, meanJaccard: 0.66, flag: "doubtful" },
    ],
  },
} as const;

/** Writes a results folder; `optional` adds the files of other steps, `brief` overrides the input. */
export function writeResults(
  dir: string,
  options: { optional?: boolean; brief?: Partial<BriefInput>; maintenance?: boolean } = {},
): string {
  mkdirSync(dir, { recursive: true });
  const json = (file: string, v: unknown) =>
    writeFileSync(path.join(dir, file), JSON.stringify(v, null, 2) + "\n");
  const withMaintenance = options.maintenance ?? true;
  json(
    "brief-input.json",
    fixtureInput({
      revenueShare: revenueShares(PROFILES),
      ...(withMaintenance ? {} : { maintenance: null }),
      ...options.brief,
    }),
  );
  json("metrics.json", METRICS);
  json("model.json", MODEL);
  if (withMaintenance) json("maintenance.json", MAINTENANCE_JSON);
  writeFileSync(path.join(dir, "cleaning.csv"), CLEANING_CSV + "\n");
  writeFileSync(path.join(dir, "customers.csv"), customersCsv());
  if (options.optional) for (const [f, v] of Object.entries(OPTIONAL)) json(f, v);
  return dir;
}
