/**
 * From numbers to words marketing can use: each segment gets a name from stated, absolute conditions
 * ("last order within 90 days", "2+ orders", "mean review ≤ 2", `nameConditions.ts`) that more than
 * half of its members meet — else a neutral fallback — and the traits that set it apart from every
 * other segment, with a recommended action, channel and KPI written for that name. The rules and the
 * playbook are data, in one place, so the names follow the data (real or twin).
 */
import { MEAN_FEATURES } from "./meanFeatures.js";
import {
  NAME_CONDITIONS,
  NAME_MIN_SHARE,
  NAMING_THRESHOLDS,
  type NamedKind,
} from "./nameConditions.js";
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

const T = NAMING_THRESHOLDS;

/**
 * The playbook, keyed by the kind of segment. Actions and KPIs match the name's window: only the
 * segments whose members bought within {@link NAMING_THRESHOLDS.recentDays} days are told "while the
 * purchase is fresh".
 */
export const SEGMENT_PLAYBOOK = {
  repeat: {
    name: "Repeat buyers",
    action:
      "Reward and retain: loyalty points, early access to promotions, referral bonus; recommend categories they have not bought yet.",
    channel: "Email and app push, personalised",
    kpi: "Share with an order in the next 90 days, share of revenue",
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
    action: `Cross-sell complementary and premium items while the purchase is fresh (last order within ${T.recentDays} days); interest-free instalment offers.`,
    channel: "Email, retargeting ads",
    kpi: "Second-order rate within 90 days, basket size",
  },
  recentLow: {
    name: "Recent buyers",
    action: `Grow the basket while the purchase is fresh (last order within ${T.recentDays} days): bundles and low-price add-ons in the categories they like; test a free-shipping threshold against a holdout.`,
    channel: "Email, social ads",
    kpi: "Second-order rate within 90 days, average order value",
  },
  halfYearHigh: {
    name: "Big spenders of the last half-year",
    action: `Re-engage before they lapse (last order within ${T.halfYearDays} days): news and premium items in their favourite category, interest-free instalments.`,
    channel: "Email, retargeting ads",
    kpi: "Share with an order in the next 90 days, revenue per contacted customer",
  },
  bigSpend: {
    name: "Big spenders",
    action: `Keep them close (R$ ${T.bigSpend}+ spent): premium items and news in their favourite category, interest-free instalments; check how long ago each bought before choosing cross-sell or win-back.`,
    channel: "Email, retargeting ads",
    kpi: "Share with an order in the next 90 days, revenue per contacted customer",
  },
  halfYear: {
    name: "Buyers of the last half-year",
    action:
      "Remind before they lapse: recommendations in their favourite category and a modest welcome-back offer.",
    channel: "Email",
    kpi: "Share with an order in the next 90 days",
  },
  dormantHigh: {
    name: "Dormant big spenders",
    action: `Win back (no order in ${T.halfYearDays}+ days) with a time-limited, high-value coupon and news in their favourite category; worth a personal touch.`,
    channel: "Email, SMS, retargeting",
    kpi: "Reactivation rate (an order within 90 days of contact), revenue per contacted customer",
  },
  dormant: {
    name: "Dormant customers",
    action: `Low-cost win-back (no order in ${T.halfYearDays}+ days): seasonal campaigns (Black Friday, Christmas) with a modest coupon; stop contacting those who never open.`,
    channel: "Email newsletters, seasonal campaigns",
    kpi: "Reactivation rate (an order within 90 days of contact), unsubscribe rate",
  },
  mixed: {
    name: "Mixed customers",
    action:
      "No naming condition holds for most members: keep them in general campaigns and read the traits before any targeted play.",
    channel: "Email",
    kpi: "Share with an order in the next 90 days",
  },
} as const satisfies Record<NamedKind | "mixed", SegmentPlay>;

/** Kind of segment, a key of {@link SEGMENT_PLAYBOOK}. */
export type SegmentKind = keyof typeof SEGMENT_PLAYBOOK;

/** The naming rules in words, in priority order, with the fallback last (shown in the notebook). */
export const SEGMENT_RULES: readonly { kind: SegmentKind; when: string }[] = [
  ...NAME_CONDITIONS.map((c) => ({
    kind: c.kind as SegmentKind,
    when: `${c.when}, for > ${Math.round(NAME_MIN_SHARE * 100)} % of members`,
  })),
  { kind: "mixed", when: "otherwise" },
];

/**
 * The kind of a segment: the first condition of {@link NAME_CONDITIONS} met by more than
 * {@link NAME_MIN_SHARE} of its members, else `mixed`.
 */
export function segmentKind(profile: Pick<SegmentProfile, "nameShares">): SegmentKind {
  const hit = NAME_CONDITIONS.find((c) => (profile.nameShares[c.kind] ?? 0) > NAME_MIN_SHARE);
  return hit ? hit.kind : "mixed";
}

/** Words for a feature's deviation, used in the traits column. */
const FEATURE_WORDS: Record<string, [low: string, high: string, unit: string]> = {
  recency_days: ["bought more recently", "last bought longer ago", "days since last order"],
  frequency: ["fewer orders", "more orders", "orders"],
  monetary: ["spends less", "spends more", "R$ spent"],
  mean_order_value: ["smaller orders", "larger orders", "R$ per order"],
  mean_review_score: ["unhappier reviews", "happier reviews", "mean review score"],
  late_delivery_share: ["fewer late deliveries", "more late deliveries", "share delivered late"],
  mean_delivery_days: ["faster deliveries", "slower deliveries", "days to deliver"],
  mean_installments: ["fewer instalments", "more instalments", "instalments"],
  freight_share: ["lower freight share", "higher freight share", "freight share"],
  n_items: ["fewer items", "more items", "items"],
};

/** Least separation (difference of means / pooled sd) from every other segment for a trait. */
export const TRAIT_MIN_SEPARATION = 0.25;

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString("en-US");
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/**
 * Standardised difference of two segments' means on a feature: (mean a − mean b) / pooled sd, the
 * pooled sd from the population sds and sizes. ±Infinity when both are constant but differ.
 */
export function pooledSeparation(
  a: Pick<SegmentProfile, "mean" | "sd" | "size">,
  b: Pick<SegmentProfile, "mean" | "sd" | "size">,
  feature: string,
): number {
  const diff = a.mean[feature] - b.mean[feature];
  const df = a.size + b.size - 2;
  const pooled =
    df > 0 ? Math.sqrt((a.size * a.sd[feature] ** 2 + b.size * b.sd[feature] ** 2) / df) : NaN;
  if (!(pooled > 0)) return diff === 0 || Number.isNaN(diff) ? 0 : diff * Infinity;
  return diff / pooled;
}

/** One defining trait of a segment. */
export interface SegmentTrait {
  feature: string;
  /** +1 when the segment is above every other, −1 when below. */
  direction: 1 | -1;
  /** Smallest |separation| from another segment (pooled sd). */
  separation: number;
  text: string;
}

/**
 * The defining traits of a segment: the features on which it is above (or below) every other segment
 * by ≥ {@link TRAIT_MIN_SEPARATION} pooled sd and whose shown statistic (median, or mean for the
 * features of `MEAN_FEATURES`) is also beyond every other segment's; strongest first, with the
 * segment's value, the base value and the nearest other segment's value.
 */
export function segmentTraits(
  profile: SegmentProfile,
  base: Record<string, number>,
  others: readonly SegmentProfile[],
  features: readonly string[] = Object.keys(FEATURE_WORDS),
  max = 3,
): SegmentTrait[] {
  if (others.length === 0) return [];
  const out: SegmentTrait[] = [];
  for (const f of features) {
    if (!(f in FEATURE_WORDS) || !(f in profile.mean)) continue;
    const seps = others.map((o) => pooledSeparation(profile, o, f));
    const direction = seps[0] > 0 ? 1 : -1;
    if (!seps.every((d) => d * direction >= TRAIT_MIN_SEPARATION)) continue;
    const stat = (p: SegmentProfile) => (MEAN_FEATURES.has(f) ? p.mean[f] : p.median[f]);
    const seg = stat(profile);
    const otherStats = others.map(stat);
    if (!otherStats.every((v) => (seg - v) * direction > 0)) continue;
    let nearest = otherStats[0];
    for (const v of otherStats) if (Math.abs(seg - v) < Math.abs(seg - nearest)) nearest = v;
    const [low, high, unit] = FEATURE_WORDS[f];
    const word = MEAN_FEATURES.has(f) ? "mean" : "median";
    out.push({
      feature: f,
      direction,
      separation: seps.reduce((m, d) => Math.min(m, Math.abs(d)), Infinity),
      text:
        `${direction > 0 ? high : low} (${word} ${formatNumber(seg)} ${unit} vs ` +
        `${formatNumber(base[f])} overall, other segments ${direction > 0 ? "≤" : "≥"} ${formatNumber(nearest)})`,
    });
  }
  return out.sort((a, b) => b.separation - a.separation).slice(0, max);
}

/** One row of the marketing table. */
export interface MarketingRow {
  segment: number;
  name: string;
  kind: SegmentKind;
  customers: number;
  share: number;
  /** The name's condition and the share of members meeting it, in words. */
  definition: string;
  /** Share of the members meeting the name's condition (for `mixed`: the best condition's share). */
  nameShare: number;
  traits: string;
  /** Features of the traits, in the order shown. */
  traitFeatures: string[];
  action: string;
  channel: string;
  kpi: string;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The definition sentence of a segment's name. */
export function nameDefinition(kind: SegmentKind, shares: Record<string, number>): string {
  const cond = NAME_CONDITIONS.find((c) => c.kind === kind);
  if (cond) return `${cond.when}: true of ${pct(shares[kind] ?? 0)} of members`;
  let best = NAME_CONDITIONS[0];
  for (const c of NAME_CONDITIONS) if ((shares[c.kind] ?? 0) > (shares[best.kind] ?? 0)) best = c;
  return `no naming condition holds for > ${pct(NAME_MIN_SHARE)} of members (closest: ${best.when}, ${pct(shares[best.kind] ?? 0)})`;
}

/**
 * Names the segments and writes the marketing table: for each segment its name, size and share, the
 * name's definition and how many members meet it, the traits that set it apart from every other
 * segment, and the recommended action, channel and KPI. Two segments of the same kind get a
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
    const traits = segmentTraits(
      p,
      base,
      profiles.filter((o) => o.segment !== p.segment),
    );
    const shares = p.nameShares as Record<string, number>;
    return {
      segment: p.segment,
      name: n === 1 ? play.name : `${play.name} (${n})`,
      kind,
      customers: p.size,
      share: p.share,
      definition: nameDefinition(kind, shares),
      nameShare:
        kind === "mixed"
          ? NAME_CONDITIONS.reduce((m, c) => Math.max(m, shares[c.kind] ?? 0), 0)
          : (shares[kind] ?? 0),
      traits: traits.map((t) => t.text).join("; "),
      traitFeatures: traits.map((t) => t.feature),
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
