/** A small hand-made brief: three segments with round numbers, so expected texts are obvious. */
import type { BriefInput, BriefMaintenance } from "../../src/brief/input.js";
import type { MarketingRow } from "../../src/segments/naming.js";
import { marketingTable } from "../../src/segments/naming.js";
import type { SegmentProfile } from "../../src/segments/profiles.js";

function profile(
  segment: number,
  size: number,
  median: Record<string, number>,
  mean: Record<string, number>,
  z: Record<string, number>,
  category: string,
  state: string,
): SegmentProfile {
  return {
    segment,
    name: `Segment ${segment}`,
    size,
    share: size / 20_000,
    median,
    mean,
    lift: {},
    z,
    topCategory: { value: category, share: 0.25 },
    topState: { value: state, share: 0.4 },
  };
}

/** Profiles: 10,000 / 6,000 / 4,000 customers; spend means 100 / 250 / 50 (revenue 1M, 1.5M, 0.2M). */
export const PROFILES: SegmentProfile[] = [
  profile(
    0,
    10_000,
    { recency_days: 120, frequency: 1, monetary: 90, mean_review_score: 5 },
    { recency_days: 130, frequency: 1, monetary: 100, mean_review_score: 4.6 },
    { recency_days: -0.8, frequency: -0.1, monetary: -0.2, mean_review_score: 0.4 },
    "health_beauty",
    "SP",
  ),
  profile(
    1,
    6_000,
    { recency_days: 200, frequency: 1, monetary: 240, mean_review_score: 5 },
    { recency_days: 210, frequency: 1.05, monetary: 250, mean_review_score: 4.5 },
    { recency_days: -0.2, frequency: 0.1, monetary: 1.1, mean_review_score: 0.3 },
    "watches_gifts",
    "RJ",
  ),
  profile(
    2,
    4_000,
    { recency_days: 300, frequency: 1, monetary: 45, mean_review_score: 1 },
    { recency_days: 290, frequency: 1, monetary: 50, mean_review_score: 1.4 },
    { recency_days: 0.6, frequency: -0.1, monetary: -0.3, mean_review_score: -2.2 },
    "bed_bath_table",
    "MG",
  ),
];

const BASE = { recency_days: 200, frequency: 1.03, monetary: 100, mean_review_score: 4.1 };

/** The marketing table of the profiles, the second segment renamed with characters to escape. */
export const ESCAPED_NAME = 'Big <spenders> & "friends"';
export const MARKETING: MarketingRow[] = marketingTable(PROFILES, BASE).map((r) =>
  r.segment === 1 ? { ...r, name: ESCAPED_NAME } : r,
);

export const MAINTENANCE: BriefMaintenance = {
  everyWeeks: 6,
  everyDays: 42,
  threshold: 0.8,
  medianDays: 63,
  minDays: 42,
  maxDays: 70,
  runs: 15,
  noiseFloor: 0.985,
  curve: Array.from({ length: 20 }, (_, i) => {
    const days = 7 * (i + 1);
    const mean = 1 - days / 320;
    return { days, mean, p10: mean - 0.05, p90: Math.min(1, mean + 0.04) };
  }),
};

/** A brief on the twin (synthetic) with maintenance. */
export function fixtureInput(overrides: Partial<BriefInput> = {}): BriefInput {
  return {
    dataSource: {
      description: "SYNTHETIC DATA: Olist twin (seed 7, 20,000 customers) in data/twin.",
      synthetic: true,
      banner: "*** SYNTHETIC DATA: Olist twin (seed 7) ***",
    },
    asOf: "2018-09-01T00:00:00.000Z",
    customers: 20_000,
    k: 3,
    scores: { silhouette: 0.3262, daviesBouldin: 0.8792, calinskiHarabasz: 49_535.87 },
    marketing: MARKETING,
    profiles: PROFILES,
    maintenance: MAINTENANCE,
    ...overrides,
  };
}
