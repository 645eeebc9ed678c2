/**
 * From numbers to words marketing can use: each segment gets a short name derived from how its
 * profile stands out from the whole base (z-scores of its means), the traits that define it, and a
 * recommended action and channel. The rules and the action playbook are data, in one place, so the
 * names follow the data (real or twin) instead of being hard-coded per cluster number.
 */
import type { SegmentProfile } from "./profiles.js";

/** A marketing play for one kind of segment. */
export interface SegmentPlay {
  /** Short name stem. */
  name: string;
  /** Recommended action, written for a marketing reader. */
  action: string;
  /** Channel(s). */
  channel: string;
  /** What to measure. */
  kpi: string;
}

/**
 * The playbook, keyed by the kind of segment. The first rule of {@link SEGMENT_RULES} that a profile
 * matches decides its kind.
 */
export const SEGMENT_PLAYBOOK = {
  repeat: {
    name: "Loyal repeat buyers",
    action:
      "Reward and retain: loyalty points, early access to promotions, referral bonus; recommend categories they have not bought yet.",
    channel: "Email and app push, personalised",
    kpi: "Repeat-purchase rate, share of revenue",
  },
  disappointed: {
    name: "Disappointed customers",
    action:
      "Service recovery first: apology and a voucher for the next order, ask what went wrong; flag their sellers and carriers for late deliveries. No promotional push until solved.",
    channel: "Customer-care email or SMS",
    kpi: "Second-order rate, review score after contact",
  },
  recentHigh: {
    name: "Recent big spenders",
    action:
      "Cross-sell complementary and premium items while the purchase is fresh; interest-free instalment offers.",
    channel: "Email, retargeting ads",
    kpi: "Second-order rate within 90 days, basket size",
  },
  recentLow: {
    name: "Recent small baskets",
    action:
      "Grow the basket: bundles, free shipping above a threshold, low-price add-ons in the categories they like.",
    channel: "Email, social ads",
    kpi: "Second-order rate, average order value",
  },
  dormantHigh: {
    name: "Dormant big spenders",
    action:
      "Win back with a time-limited, high-value coupon and news in their favourite category; worth a personal touch.",
    channel: "Email, SMS, retargeting",
    kpi: "Reactivation rate, revenue per contacted customer",
  },
  dormant: {
    name: "Dormant customers",
    action:
      "Low-cost win-back: seasonal campaigns (Black Friday, Christmas) with a modest coupon; stop contacting those who never open.",
    channel: "Email newsletters, seasonal campaigns",
    kpi: "Reactivation rate, unsubscribe rate",
  },
  regular: {
    name: "Satisfied one-time buyers",
    action: "Nurture toward a second order: recommendations and a welcome-back offer.",
    channel: "Email",
    kpi: "Second-order rate",
  },
} as const satisfies Record<string, SegmentPlay>;

/** Kind of segment, a key of {@link SEGMENT_PLAYBOOK}. */
export type SegmentKind = keyof typeof SEGMENT_PLAYBOOK;

/** One naming rule: a test on a profile's z-scores (missing features count as 0). */
export interface SegmentRule {
  kind: SegmentKind;
  /** When the rule applies, in words (shown in the notebook). */
  when: string;
  test: (z: (feature: string) => number) => boolean;
}

/** The rules, in priority order (first match wins). */
export const SEGMENT_RULES: readonly SegmentRule[] = [
  { kind: "repeat", when: "frequency ≥ 1 sd above the base", test: (z) => z("frequency") >= 1 },
  {
    kind: "disappointed",
    when: "mean review score ≥ 1 sd below the base",
    test: (z) => z("mean_review_score") <= -1,
  },
  {
    kind: "recentHigh",
    when: "recency below the base mean and monetary ≥ 0.3 sd above",
    test: (z) => z("recency_days") < 0 && z("monetary") >= 0.3,
  },
  { kind: "recentLow", when: "recency below the base mean", test: (z) => z("recency_days") < 0 },
  {
    kind: "dormantHigh",
    when: "recency above the base mean and monetary ≥ 0.3 sd above",
    test: (z) => z("recency_days") >= 0 && z("monetary") >= 0.3,
  },
  {
    kind: "dormant",
    when: "recency ≥ 0.5 sd above the base mean",
    test: (z) => z("recency_days") >= 0.5,
  },
  { kind: "regular", when: "otherwise", test: () => true },
];

/** The kind of a segment from its profile. */
export function segmentKind(profile: Pick<SegmentProfile, "z">): SegmentKind {
  const z = (f: string) => profile.z[f] ?? 0;
  return SEGMENT_RULES.find((r) => r.test(z))!.kind;
}

/** Words for a feature's deviation, used in the traits column. */
const FEATURE_WORDS: Record<string, [low: string, high: string, unit: string]> = {
  recency_days: ["bought recently", "last bought long ago", "days since last order"],
  frequency: ["one order", "several orders", "orders"],
  monetary: ["spends little", "spends a lot", "R$ spent"],
  mean_order_value: ["small orders", "large orders", "R$ per order"],
  mean_review_score: ["unhappy reviews", "very happy reviews", "mean review score"],
  late_delivery_share: ["on-time deliveries", "late deliveries", "share delivered late"],
  mean_delivery_days: ["fast deliveries", "slow deliveries", "days to deliver"],
  mean_installments: ["pays at once", "pays in instalments", "instalments"],
  freight_share: ["low freight", "high freight share", "freight share"],
  n_items: ["few items", "many items", "items"],
};

/**
 * Features described by their mean rather than their median: nearly everyone has frequency 1, no late
 * delivery and a review score of 5, so the medians would hide the differences.
 */
export const MEAN_FEATURES: ReadonlySet<string> = new Set([
  "frequency",
  "late_delivery_share",
  "mean_review_score",
]);

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString("en-US");
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/**
 * The defining traits of a segment, in words and numbers: the features that stand out most from
 * the base (|z| ≥ 0.3), strongest first, with the segment median against the base median.
 */
export function segmentTraits(
  profile: SegmentProfile,
  base: Record<string, number>,
  features: readonly string[] = Object.keys(FEATURE_WORDS),
  max = 3,
): string[] {
  return features
    .filter((f) => f in profile.z && f in FEATURE_WORDS && Math.abs(profile.z[f]) >= 0.3)
    .sort((a, b) => Math.abs(profile.z[b]) - Math.abs(profile.z[a]))
    .slice(0, max)
    .map((f) => {
      const [low, high, unit] = FEATURE_WORDS[f];
      const useMean = MEAN_FEATURES.has(f);
      const seg = useMean ? profile.mean[f] : profile.median[f];
      const all = base[f];
      return `${profile.z[f] > 0 ? high : low} (${useMean ? "mean" : "median"} ${formatNumber(seg)} ${unit} vs ${formatNumber(all)})`;
    });
}

/** One row of the marketing table. */
export interface MarketingRow {
  segment: number;
  name: string;
  kind: SegmentKind;
  customers: number;
  share: number;
  traits: string;
  action: string;
  channel: string;
  kpi: string;
}

/**
 * Names the segments and writes the marketing table: for each segment its name, size and share,
 * defining traits, recommended action, channel and KPI. Two segments of the same kind get a
 * distinguishing suffix ("(2)") so names stay unique.
 *
 * @param base Base values of the features for the traits (e.g. medians over all customers; for
 *   `frequency` and `late_delivery_share` the mean).
 */
export function marketingTable(
  profiles: readonly SegmentProfile[],
  base: Record<string, number>,
): MarketingRow[] {
  const seen = new Map<string, number>();
  return profiles.map((p) => {
    const kind = segmentKind(p);
    const play = SEGMENT_PLAYBOOK[kind];
    const n = (seen.get(play.name) ?? 0) + 1;
    seen.set(play.name, n);
    return {
      segment: p.segment,
      name: n === 1 ? play.name : `${play.name} (${n})`,
      kind,
      customers: p.size,
      share: p.share,
      traits: segmentTraits(p, base).join("; "),
      action: play.action,
      channel: play.channel,
      kpi: play.kpi,
    };
  });
}

/** Segment names in segment order, from the marketing table. */
export function segmentNames(
  profiles: readonly SegmentProfile[],
  base: Record<string, number>,
): string[] {
  return marketingTable(profiles, base).map((r) => r.name);
}
