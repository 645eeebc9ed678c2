/** A small hand-made brief: three segments with round numbers, so expected texts are obvious. */
import type { BriefInput, BriefMaintenance } from "../../src/brief/input.js";
import { briefMaintenance } from "../../src/brief/input.js";
import { recommendRetraining } from "../../src/maintenance/recommend.js";
import type { MaintenanceReport } from "../../src/maintenance/report.js";
import { handReport, THREE_RUNS } from "../maintenance/handBuilt.js";
import type { MarketingRow } from "../../src/segments/naming.js";
import { marketingTable } from "../../src/segments/naming.js";
import type { SegmentProfile } from "../../src/segments/profiles.js";

/** Shares of the naming definitions (`nameConditions.ts` ids); unlisted ones are 0. */
const NO_SHARES: SegmentProfile["nameShares"] = { repeat: 0, recentLow: 0 };

function profile(
  segment: number,
  size: number,
  median: Record<string, number>,
  mean: Record<string, number>,
  z: Record<string, number>,
  category: string,
  state: string,
  nameShares: Record<string, number>,
): SegmentProfile {
  return {
    segment,
    name: `Segment ${segment}`,
    size,
    share: size / 20_000,
    median,
    mean,
    sd: Object.fromEntries(Object.keys(mean).map((f) => [f, f === "frequency" ? 0.2 : 40])),
    nameShares: { ...NO_SHARES, ...nameShares },
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
    { recentLow: 0.3, within90: 0.3, within180: 0.8, lapsed180: 0.2 },
  ),
  profile(
    1,
    6_000,
    { recency_days: 200, frequency: 1, monetary: 240, mean_review_score: 5 },
    { recency_days: 210, frequency: 1.05, monetary: 250, mean_review_score: 4.5 },
    { recency_days: -0.2, frequency: 0.1, monetary: 1.1, mean_review_score: 0.3 },
    "watches_gifts",
    "RJ",
    { within180: 0.45, lapsed180: 0.55, spend200: 0.8 },
  ),
  profile(
    2,
    4_000,
    { recency_days: 300, frequency: 1, monetary: 45, mean_review_score: 1 },
    { recency_days: 290, frequency: 1, monetary: 50, mean_review_score: 1.4 },
    { recency_days: 0.6, frequency: -0.1, monetary: -0.3, mean_review_score: -2.2 },
    "bed_bath_table",
    "MG",
    { disappointed: 0.8, within180: 0.2, lapsed180: 0.8 },
  ),
];

const BASE = { recency_days: 200, frequency: 1.03, monetary: 100, mean_review_score: 4.1 };

/**
 * The marketing table of the profiles (named "Bought in the last 180 days", "Spent R$ 200+" and
 * "Disappointed customers (mean review ≤ 2★)"), renamed with the short names the brief tests
 * read, the second one with characters to escape.
 */
export const ESCAPED_NAME = 'Big <spenders> & "friends"';
const FIXTURE_NAMES = ["Buyers of the last half-year", ESCAPED_NAME, "Disappointed customers"];
export const MARKETING: MarketingRow[] = marketingTable(PROFILES, BASE).map((r) => ({
  ...r,
  name: FIXTURE_NAMES[r.segment],
}));

/** The maintenance report of three hand-built runs (4 weeks by the rule), with a mean curve. */
export const MAINTENANCE_REPORT: MaintenanceReport = {
  ...handReport(THREE_RUNS),
  curve: Array.from({ length: 8 }, (_, i) => {
    const days = 7 * (i + 1);
    const aris = THREE_RUNS.map((r) => r.ari[i]).sort((a, b) => a - b);
    const mean = aris.reduce((a, x) => a + x, 0) / aris.length;
    return { days, mean, median: aris[1], min: aris[0], max: aris[2], p10: aris[0], p90: aris[2] };
  }),
} as MaintenanceReport;

export const MAINTENANCE: BriefMaintenance = briefMaintenance(
  MAINTENANCE_REPORT,
  recommendRetraining(MAINTENANCE_REPORT),
);

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
