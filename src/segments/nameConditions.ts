/**
 * The conditions behind the segment names, on one customer's features, with stated absolute windows
 * and thresholds ("last order within 90 days", "2+ orders", "mean review ≤ 2"). A segment gets a name
 * only if most of its members meet the name's condition (see `naming.ts`); the profiles count, for
 * each segment, the share of members meeting each condition.
 */

/** The thresholds of the names, in the units of the customer table. */
export const NAMING_THRESHOLDS = {
  /** "Recent": last order within this many days. */
  recentDays: 90,
  /** "Last 6 months": last order within this many days; "dormant": longer ago. */
  halfYearDays: 180,
  /** "Repeat": at least this many counted orders. */
  repeatOrders: 2,
  /** "Disappointed": mean review score at most this. */
  unhappyReview: 2,
  /** "Big spender": at least this many R$ spent (payments of counted orders). */
  bigSpend: 200,
} as const;

/** Kinds of segment with a condition, in priority order; `mixed` is the neutral fallback. */
export type NamedKind =
  | "repeat"
  | "disappointed"
  | "recentHigh"
  | "recentLow"
  | "halfYearHigh"
  | "dormantHigh"
  | "bigSpend"
  | "halfYear"
  | "dormant";

/** One naming condition on a customer. */
export interface NameCondition {
  kind: NamedKind;
  /** The condition, in words (shown in the notebook and the brief). */
  when: string;
  /** Features the condition reads. */
  features: readonly string[];
  /** True when the customer meets it; `x(feature)` is the customer's value (NaN when missing). */
  test: (x: (feature: string) => number) => boolean;
}

const t = NAMING_THRESHOLDS;
const recent = (x: (f: string) => number) => x("recency_days") <= t.recentDays;
const halfYear = (x: (f: string) => number) => x("recency_days") <= t.halfYearDays;
const big = (x: (f: string) => number) => x("monetary") >= t.bigSpend;

/** The conditions, in priority order: a segment is named by the first one most of its members meet. */
export const NAME_CONDITIONS: readonly NameCondition[] = [
  {
    kind: "repeat",
    when: `${t.repeatOrders}+ orders`,
    features: ["frequency"],
    test: (x) => x("frequency") >= t.repeatOrders,
  },
  {
    kind: "disappointed",
    when: `mean review ≤ ${t.unhappyReview}`,
    features: ["mean_review_score"],
    test: (x) => x("mean_review_score") <= t.unhappyReview,
  },
  {
    kind: "recentHigh",
    when: `last order within ${t.recentDays} days and R$ ${t.bigSpend}+ spent`,
    features: ["recency_days", "monetary"],
    test: (x) => recent(x) && big(x),
  },
  {
    kind: "recentLow",
    when: `last order within ${t.recentDays} days`,
    features: ["recency_days"],
    test: recent,
  },
  {
    kind: "halfYearHigh",
    when: `last order within ${t.halfYearDays} days and R$ ${t.bigSpend}+ spent`,
    features: ["recency_days", "monetary"],
    test: (x) => halfYear(x) && big(x),
  },
  {
    kind: "dormantHigh",
    when: `last order more than ${t.halfYearDays} days ago and R$ ${t.bigSpend}+ spent`,
    features: ["recency_days", "monetary"],
    test: (x) => x("recency_days") > t.halfYearDays && big(x),
  },
  {
    kind: "bigSpend",
    when: `R$ ${t.bigSpend}+ spent`,
    features: ["monetary"],
    test: big,
  },
  {
    kind: "halfYear",
    when: `last order within ${t.halfYearDays} days`,
    features: ["recency_days"],
    test: halfYear,
  },
  {
    kind: "dormant",
    when: `last order more than ${t.halfYearDays} days ago`,
    features: ["recency_days"],
    test: (x) => x("recency_days") > t.halfYearDays,
  },
];

/** Least share of a segment's members that must meet a name's condition for the name to be given. */
export const NAME_MIN_SHARE = 0.5;

/**
 * Share of the members (`rows` of the columns) meeting each condition. A condition whose feature is
 * absent from the columns gets share 0.
 */
export function conditionShares(
  numeric: Readonly<Record<string, ArrayLike<number>>>,
  rows: readonly number[],
): Record<NamedKind, number> {
  const out = {} as Record<NamedKind, number>;
  for (const c of NAME_CONDITIONS) {
    if (rows.length === 0 || c.features.some((f) => !(f in numeric))) {
      out[c.kind] = 0;
      continue;
    }
    let hits = 0;
    for (const i of rows) if (c.test((f) => numeric[f][i])) hits++;
    out[c.kind] = hits / rows.length;
  }
  return out;
}
