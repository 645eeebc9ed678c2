/**
 * The marketing play (action, channel, KPI) of a segment, from the rung that names it: the action
 * quotes the rung's own window or threshold, so only segments named for a purchase within
 * `NAMING_THRESHOLDS.recentDays` days are told "while the purchase is fresh".
 */
import type { NameRung, RungPlay } from "./nameConditions.js";

/** A marketing play for one kind of segment. */
export interface SegmentPlay {
  /** Recommended action, written for a marketing reader. */
  action: string;
  /** Channel(s). */
  channel: string;
  /** What to measure. */
  kpi: string;
}

/** Kind of segment: the play of the rung that names it, or `mixed` for a neutral name. */
export type SegmentKind = RungPlay | "mixed";

/** The play of each kind, given the naming rung's threshold (days, R$, orders or stars). */
export const SEGMENT_PLAYBOOK: Record<SegmentKind, (value: number) => SegmentPlay> = {
  repeat: () => ({
    action:
      "Reward and retain: loyalty points, early access to promotions, referral bonus; recommend categories they have not bought yet.",
    channel: "Email and app push, personalised",
    kpi: "Share with an order in the next 90 days, share of revenue",
  }),
  disappointed: () => ({
    action:
      "Service recovery first: apology and a voucher for the next order, ask what went wrong; flag their sellers and carriers for late deliveries. No promotional push until solved.",
    channel: "Customer-care email or SMS",
    kpi: "Second-order rate, review score after contact",
  }),
  bigSpend: (r) => ({
    action: `Keep them close (R$ ${r}+ spent): premium items and news in their favourite category, interest-free instalments; check how long ago each bought before choosing cross-sell or win-back.`,
    channel: "Email, retargeting ads",
    kpi: "Share with an order in the next 90 days, revenue per contacted customer",
  }),
  recent: (d) => ({
    action: `Grow the basket while the purchase is fresh (last order within ${d} days): bundles and add-ons in the categories they like; test a free-shipping threshold against a holdout.`,
    channel: "Email, social ads",
    kpi: "Second-order rate within 90 days, average order value",
  }),
  active: (d) => ({
    action: `Remind before they lapse (last order within ${d} days): recommendations in their favourite category and a modest welcome-back offer.`,
    channel: "Email",
    kpi: "Share with an order in the next 90 days",
  }),
  lapsed: (d) => ({
    action: `Low-cost win-back (no order in ${d}+ days): seasonal campaigns (Black Friday, Christmas) with a modest coupon; stop contacting those who never open.`,
    channel: "Email newsletters, seasonal campaigns",
    kpi: "Reactivation rate (an order within 90 days of contact), unsubscribe rate",
  }),
  happy: (s) => ({
    action: `Ask for referrals and reviews (mean review ≥ ${s}★): a referral bonus and a reminder of their favourite category.`,
    channel: "Email",
    kpi: "Share with an order in the next 90 days",
  }),
  mixed: () => ({
    action:
      "No condition of the naming ladder is true of most members and sets them apart: keep them in general campaigns and read the traits before any targeted play.",
    channel: "Email",
    kpi: "Share with an order in the next 90 days",
  }),
};

/** The play of a segment named by `rung` (the first rung of its definition), or the neutral play. */
export function segmentPlay(rung: NameRung | null): SegmentPlay & { kind: SegmentKind } {
  if (!rung) return { kind: "mixed", ...SEGMENT_PLAYBOOK.mixed(0) };
  return { kind: rung.play, ...SEGMENT_PLAYBOOK[rung.play](rung.value) };
}
