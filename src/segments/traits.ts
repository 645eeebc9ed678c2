/**
 * The traits of a segment: the features on which it stands apart from every other segment (not only
 * from the base), in words, with the segment's value, the base value and the nearest other segment's.
 */
import { MEAN_FEATURES } from "./meanFeatures.js";
import type { SegmentProfile } from "./profiles.js";

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

/** The trait rule in words (shown in the notebook). */
export const TRAIT_RULE =
  `A trait is shown only when the segment is above (or below) every other segment on the feature by ` +
  `at least ${TRAIT_MIN_SEPARATION} pooled standard deviations and its shown median (or mean) is beyond ` +
  `every other segment's: it must set the segment apart from the others, not only from the base.`;

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
