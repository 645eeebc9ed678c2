/**
 * The segments as the brief shows them (marketing row, profile, revenue share, colour), and the
 * brief's two superlatives with their stated basis: the biggest segment by customers and the
 * segment with the largest share of revenue to date, ties read as written (see superlative.ts).
 */
import { segmentColor } from "../charts/theme.js";
import type { MarketingRow } from "../segments/naming.js";
import type { SegmentProfile } from "../segments/profiles.js";
import { formatCount, formatShare } from "./format.js";
import type { BriefInput } from "./input.js";
import { revenueShares } from "./input.js";
import type { Leaders } from "./superlative.js";
import { leadersBy } from "./superlative.js";

/** One segment with everything the brief shows about it. */
export interface BriefSegment {
  row: MarketingRow;
  profile: SegmentProfile;
  revenueShare: number;
  color: string;
}

/** Pairs marketing rows with profiles and revenue shares; largest segment first (ties: lower number). */
export function briefSegments(input: BriefInput): BriefSegment[] {
  const { profiles, marketing } = input;
  if (profiles.length === 0) throw new Error("The brief needs at least one segment profile");
  const revenue = input.revenueShare ?? revenueShares(profiles);
  if (revenue.length !== profiles.length) {
    throw new Error(
      `revenueShare has ${revenue.length} values for ${profiles.length} profiles (one per profile, same order)`,
    );
  }
  if (input.k !== profiles.length) {
    throw new Error(`k is ${input.k} but there are ${profiles.length} segment profiles`);
  }
  if (marketing.length !== profiles.length) {
    throw new Error(`${marketing.length} marketing rows for ${profiles.length} profiles`);
  }
  return profiles
    .map((profile, i) => {
      const row = marketing.find((r) => r.segment === profile.segment);
      if (!row) throw new Error(`No marketing row for segment ${profile.segment}`);
      return { row, profile, revenueShare: revenue[i], color: segmentColor(profile.segment) };
    })
    .sort((a, b) => b.row.customers - a.row.customers || a.row.segment - b.row.segment);
}

/** The basis of the revenue superlative, in words. */
export const REVENUE_BASIS = "the largest share of revenue to date";

/** The segments with the largest share of revenue to date (ties: equal as written, one decimal). */
export function revenueLeaders(segs: readonly BriefSegment[]): Leaders<BriefSegment> {
  return leadersBy(segs, (s) => s.revenueShare, { shown: (v) => formatShare(v) });
}

/** The biggest segments by customers (ties: the same count). */
export function sizeLeaders(segs: readonly BriefSegment[]): Leaders<BriefSegment> {
  return leadersBy(segs, (s) => s.row.customers, { shown: (v) => formatCount(v) });
}
