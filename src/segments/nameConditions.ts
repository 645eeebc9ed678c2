/**
 * The ladder of absolute conditions behind the segment names, on one customer's features: recency
 * (last order within 90 / 180 / 270 / 365 days, or none in the last 365 / 270 / 180 days), spend
 * (R$ 100 / 200 / 500 or more), 2+ orders, and mean review ≤ 2★ or ≥ 4★. Each condition is a rung;
 * a name is one rung or the conjunction of two rungs of different dimensions. The profiles count,
 * for each segment, the share of members meeting every rung and every pair (`conditionShares`);
 * `nameChoice.ts` picks the name from those shares.
 */

/** The thresholds of the ladder, in the units of the customer table. */
export const NAMING_THRESHOLDS = {
  /** Recency rungs: last order within this many days (tightest first). */
  withinDays: [90, 180, 270, 365],
  /** Lapsed rungs: no order in this many days or more (tightest first). */
  lapsedDays: [365, 270, 180],
  /** Spend rungs: at least this many R$ spent, payments of counted orders (tightest first). */
  spend: [500, 200, 100],
  /** "Repeat": at least this many counted orders. */
  repeatOrders: 2,
  /** "Disappointed": mean review score at most this. */
  unhappyReview: 2,
  /** "Happy": mean review score at least this. */
  happyReview: 4,
  /** The window the recent-purchase play ("while the purchase is fresh") is written for. */
  recentDays: 90,
} as const;

/** What a rung is about; the two rungs of a pair are of different dimensions. */
export type RungDimension = "orders" | "review" | "spend" | "recency";

/** Which play (action, channel, KPI) a rung calls for (see `namePlays.ts`). */
export type RungPlay =
  "repeat" | "disappointed" | "bigSpend" | "recent" | "active" | "lapsed" | "happy";

/** One rung of the ladder: an absolute condition on a customer. */
export interface NameRung {
  /** Stable id, the key of the rung's share in `SegmentProfile.nameShares`. */
  id: string;
  dimension: RungDimension;
  play: RungPlay;
  /** The threshold of the rung (days, R$, orders or stars). */
  value: number;
  /** The condition in words ("last order within 90 days"). */
  when: string;
  /** The segment name when this rung alone names it. */
  name: string;
  /** Features the rung reads. */
  features: readonly string[];
  /** True when the customer meets it; `x(feature)` is the customer's value (NaN when missing). */
  test: (x: (feature: string) => number) => boolean;
}

const T = NAMING_THRESHOLDS;

/**
 * The ladder in order of preference: a segment is named by the first rung that passes (see
 * `nameChoice.ts`). Orders and unhappy reviews first (they call for the most specific plays), then
 * spend, recency and lapse, each tightest first, and happy reviews last.
 */
export const NAME_RUNGS: readonly NameRung[] = [
  {
    id: "repeat",
    dimension: "orders",
    play: "repeat",
    value: T.repeatOrders,
    when: `${T.repeatOrders}+ orders`,
    name: `Repeat buyers (${T.repeatOrders}+ orders)`,
    features: ["frequency"],
    test: (x) => x("frequency") >= T.repeatOrders,
  },
  {
    id: "disappointed",
    dimension: "review",
    play: "disappointed",
    value: T.unhappyReview,
    when: `mean review ≤ ${T.unhappyReview}★`,
    name: `Disappointed customers (mean review ≤ ${T.unhappyReview}★)`,
    features: ["mean_review_score"],
    test: (x) => x("mean_review_score") <= T.unhappyReview,
  },
  ...T.spend.map((r): NameRung => ({
    id: `spend${r}`,
    dimension: "spend",
    play: "bigSpend",
    value: r,
    when: `R$ ${r}+ spent`,
    name: `Spent R$ ${r}+`,
    features: ["monetary"],
    test: (x) => x("monetary") >= r,
  })),
  ...T.withinDays.map((d): NameRung => ({
    id: `within${d}`,
    dimension: "recency",
    play: d <= T.recentDays ? "recent" : "active",
    value: d,
    when: `last order within ${d} days`,
    name: `Bought in the last ${d} days`,
    features: ["recency_days"],
    test: (x) => x("recency_days") <= d,
  })),
  ...T.lapsedDays.map((d): NameRung => ({
    id: `lapsed${d}`,
    dimension: "recency",
    play: "lapsed",
    value: d,
    when: `no order in the last ${d} days`,
    name: `No order in ${d}+ days`,
    features: ["recency_days"],
    test: (x) => x("recency_days") > d,
  })),
  {
    id: "happy",
    dimension: "review",
    play: "happy",
    value: T.happyReview,
    when: `mean review ≥ ${T.happyReview}★`,
    name: `Happy reviewers (mean review ≥ ${T.happyReview}★)`,
    features: ["mean_review_score"],
    test: (x) => x("mean_review_score") >= T.happyReview,
  },
];

/** The customer-table columns the ladder reads, in ladder order (each once). */
export const NAME_FEATURES: readonly string[] = Array.from(
  new Set(NAME_RUNGS.flatMap((r) => r.features)),
);

/** A name's definition: one rung, or two rungs of different dimensions, all to be met. */
export type NameDefinition = readonly NameRung[];

/** The key of a definition's share in `nameShares`: the rung ids joined by "+". */
export const definitionId = (d: NameDefinition): string => d.map((r) => r.id).join("+");

/** The definition in words ("R$ 100+ spent and last order within 270 days"). */
export const definitionWhen = (d: NameDefinition): string => d.map((r) => r.when).join(" and ");

/**
 * Every definition a name can have, in order of preference: the single rungs in ladder order, then
 * the pairs of rungs of different dimensions, by the ladder order of their first, then second rung.
 */
export const NAME_DEFINITIONS: readonly NameDefinition[] = [
  ...NAME_RUNGS.map((r) => [r]),
  ...NAME_RUNGS.flatMap((a, i) =>
    NAME_RUNGS.slice(i + 1)
      .filter((b) => b.dimension !== a.dimension)
      .map((b) => [a, b]),
  ),
];

/**
 * Share of the members meeting each definition, keyed by {@link definitionId}; `repeat` is the
 * share with 2+ orders and `recentLow` (kept for the brief's KPI baselines) the share within 90 days.
 */
export type NameShares = Record<string, number> & { repeat: number; recentLow: number };

/**
 * Share of the members (`rows` of the columns) meeting each definition of
 * {@link NAME_DEFINITIONS}. A definition reading a feature absent from the columns gets share 0.
 */
export function conditionShares(
  numeric: Readonly<Record<string, ArrayLike<number>>>,
  rows: readonly number[],
): NameShares {
  const hits = new Float64Array(NAME_DEFINITIONS.length);
  const present = NAME_DEFINITIONS.map((d) =>
    d.every((r) => r.features.every((f) => f in numeric)),
  );
  const first = Int32Array.from(NAME_DEFINITIONS, (d) => NAME_RUNGS.indexOf(d[0]));
  const second = Int32Array.from(NAME_DEFINITIONS, (d) => (d[1] ? NAME_RUNGS.indexOf(d[1]) : -1));
  const met = new Uint8Array(NAME_RUNGS.length);
  let row = 0;
  const x = (f: string) => numeric[f]?.[row] ?? NaN;
  for (const i of rows) {
    row = i;
    for (let j = 0; j < NAME_RUNGS.length; j++) met[j] = NAME_RUNGS[j].test(x) ? 1 : 0;
    for (let j = 0; j < first.length; j++)
      if (met[first[j]] === 1 && (second[j] < 0 || met[second[j]] === 1)) hits[j]++;
  }
  const out: Record<string, number> = {};
  NAME_DEFINITIONS.forEach((d, j) => {
    out[definitionId(d)] = present[j] && rows.length > 0 ? hits[j] / rows.length : 0;
  });
  return { ...out, recentLow: out[`within${T.recentDays}`] } as NameShares;
}
