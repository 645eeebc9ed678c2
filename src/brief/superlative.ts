/**
 * Superlatives that say what they rest on: the leaders of a list by one stated measure, where a tie
 * is whatever reads the same once written (two shares both shown as "48.6%" tie), so a sentence
 * never crowns one segment over another it equals within rounding.
 */

/** Options of {@link leadersBy}. */
export interface LeadersOptions {
  /** "max" (default): the largest value leads; "min": the smallest. */
  order?: "max" | "min";
  /** How the value is written where the superlative is stated; equal texts tie. Default `String`. */
  shown?: (value: number) => string;
}

/** The leaders of a list by one measure. */
export interface Leaders<T> {
  /** The leading items (more than one on a tie), in the list's order. */
  leaders: T[];
  /** The leader's value, and as written. */
  value: number;
  shown: string;
  /** True when more than one item leads. */
  tie: boolean;
}

/**
 * The items with the largest (or smallest) value; items whose value is written the same as the
 * leader's tie with it. Items with a missing value (NaN) never lead; throws on an empty list or
 * when no item has a value.
 *
 * @example
 * leadersBy([{ n: "A", v: 0.4861 }, { n: "B", v: 0.4858 }], (s) => s.v, { shown: (v) => v.toFixed(3) });
 * // { leaders: [A, B], value: 0.4861, shown: "0.486", tie: true }
 */
export function leadersBy<T>(
  items: readonly T[],
  value: (item: T) => number,
  options: LeadersOptions = {},
): Leaders<T> {
  const { order = "max", shown = String } = options;
  const sign = order === "max" ? 1 : -1;
  let best: T | undefined;
  let bestValue = NaN;
  for (const item of items) {
    const v = value(item);
    if (!Number.isFinite(v)) continue;
    if (best === undefined || sign * v > sign * bestValue) {
      best = item;
      bestValue = v;
    }
  }
  if (best === undefined) throw new Error("leadersBy: no item has a finite value");
  const text = shown(bestValue);
  const leaders = items.filter((item) => {
    const v = value(item);
    return Number.isFinite(v) && shown(v) === text;
  });
  return { leaders, value: bestValue, shown: text, tie: leaders.length > 1 };
}

/**
 * Names joined for a sentence: "A", "A and B", "A, B and C".
 *
 * @example
 * joinNames(["Big spenders", "Repeat buyers"]); // "Big spenders and Repeat buyers"
 */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * A superlative in words over leaders: one name with `one`, or every tied name with `tied`
 * ("spend the most" vs "spend as much as each other, the most").
 *
 * @example
 * superlativeText(["Big spenders"], "brings the most revenue", "bring the most revenue, as much as each other");
 * // "Big spenders brings the most revenue"
 */
export function superlativeText(names: readonly string[], one: string, tied: string): string {
  if (names.length === 0) throw new Error("superlativeText: no leader");
  return `${joinNames(names)} ${names.length === 1 ? one : tied}`;
}
