/**
 * How the rule cards speak of each customer-table feature: its unit, the finest step a readable
 * threshold uses (the grain), whether it only takes whole values, and the words of a bound
 * ("last order within 180 days", "spend ≥ R$ 150", "2 or more orders", "mean review under 3 stars").
 */
import type { NumericFeature } from "../features/definitions.js";

/** One bound of a rule: `feature op value`, value in the feature's raw units. */
export interface Condition {
  /** Customer-table column (as in `customers.csv`). */
  feature: string;
  op: "<" | ">=";
  value: number;
}

/** How a feature is spoken of. */
export interface FeatureUnit {
  /** Unit word: days, R$, orders, stars, items, … */
  unit: string;
  /** Finest step of a rounded threshold (1 day, R$ 1, 1 order, 0.1 star, 1 %). */
  grain: number;
  /** Takes whole values only (then `x < 2` is "at most 1"). */
  integer: boolean;
  /** Words of `lo ≤ x < hi` (either bound may be absent). */
  words: (lo: string | undefined, hi: string | undefined, hiMinusOne?: string) => string;
}

const num = (v: number, decimals = 2) =>
  v.toLocaleString("en-US", { maximumFractionDigits: decimals, minimumFractionDigits: 0 });

/** Generic words: `label ≥ lo`, `label under hi`, `label from lo to under hi`. */
function generic(label: string, unit: string): FeatureUnit["words"] {
  const u = unit ? ` ${unit}` : "";
  return (lo, hi) =>
    lo !== undefined && hi !== undefined
      ? `${label} from ${lo} to under ${hi}${u}`
      : lo !== undefined
        ? `${label} ≥ ${lo}${u}`
        : `${label} under ${hi}${u}`;
}

function counted(noun: string, plural: string): FeatureUnit["words"] {
  const of = (v: string) => `${v} ${v === "1" ? noun : plural}`;
  return (lo, hi, hiMinusOne) =>
    lo !== undefined && hiMinusOne !== undefined
      ? lo === hiMinusOne
        ? `exactly ${of(lo)}`
        : `${lo} to ${hiMinusOne} ${plural}`
      : lo !== undefined
        ? `${lo} or more ${plural}`
        : hiMinusOne !== undefined
          ? `at most ${of(hiMinusOne)}`
          : `fewer than ${hi} ${plural}`;
}

const days = (label: string): FeatureUnit => ({
  unit: "days",
  grain: 1,
  integer: false,
  words: generic(label, "days"),
});
const share = (label: string): FeatureUnit => ({
  unit: "share",
  grain: 0.01,
  integer: false,
  words: generic(label, ""),
});

/** The unit and words of every numeric feature of the customer table. */
export const FEATURE_UNITS: Record<NumericFeature, FeatureUnit> = {
  recency_days: {
    unit: "days",
    grain: 1,
    integer: false,
    words: (lo, hi) =>
      lo !== undefined && hi !== undefined
        ? `last order ${lo} to under ${hi} days ago`
        : lo !== undefined
          ? `last order ${lo} days ago or more`
          : `last order within ${hi} days`,
  },
  frequency: { unit: "orders", grain: 1, integer: true, words: counted("order", "orders") },
  monetary: {
    unit: "R$",
    grain: 1,
    integer: false,
    words: (lo, hi) =>
      lo !== undefined && hi !== undefined
        ? `spend from R$ ${lo} to under R$ ${hi}`
        : lo !== undefined
          ? `spend ≥ R$ ${lo}`
          : `spend under R$ ${hi}`,
  },
  mean_order_value: {
    unit: "R$",
    grain: 1,
    integer: false,
    words: generic("mean order value (R$)", ""),
  },
  n_items: { unit: "items", grain: 1, integer: true, words: counted("item", "items") },
  n_categories: {
    unit: "categories",
    grain: 1,
    integer: true,
    words: counted("category", "categories"),
  },
  mean_review_score: {
    unit: "stars",
    grain: 0.1,
    integer: false,
    words: generic("mean review", "stars"),
  },
  has_review: { unit: "", grain: 1, integer: true, words: generic("has a review (0/1)", "") },
  mean_delivery_days: days("mean delivery time"),
  late_delivery_share: share("share of late deliveries"),
  mean_installments: {
    unit: "instalments",
    grain: 1,
    integer: false,
    words: generic("mean instalments", ""),
  },
  share_credit_card: share("share paid by credit card"),
  share_boleto: share("share paid by boleto"),
  share_voucher: share("share paid by voucher"),
  share_debit_card: share("share paid by debit card"),
  freight_share: share("freight share"),
  tenure_days: days("first order"),
};

/** The unit of a feature; a column the table does not document gets generic words. */
export function featureUnit(feature: string): FeatureUnit {
  return (
    (FEATURE_UNITS as Record<string, FeatureUnit | undefined>)[feature] ?? {
      unit: "",
      grain: 0.01,
      integer: false,
      words: generic(feature, ""),
    }
  );
}

/**
 * The words of one feature's bounds `lo ≤ x < hi` (either may be absent).
 *
 * @example
 * boundWords("monetary", 150, undefined); // "spend ≥ R$ 150"
 * boundWords("frequency", undefined, 2); // "at most 1 order"
 */
export function boundWords(
  feature: string,
  lo: number | undefined,
  hi: number | undefined,
): string {
  const unit = featureUnit(feature);
  const fmt = (v: number) =>
    unit.unit === "R$" && !Number.isInteger(v)
      ? v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : num(v, unit.grain < 0.1 ? 2 : unit.grain < 1 ? 1 : 2);
  const hiMinusOne =
    hi !== undefined && unit.integer && Number.isInteger(hi) ? fmt(hi - 1) : undefined;
  return unit.words(
    lo === undefined ? undefined : fmt(lo),
    hi === undefined ? undefined : fmt(hi),
    hiMinusOne,
  );
}

/**
 * A leaf's conditions in words, joined by "and" (bounds of one feature together); "every customer"
 * when there is none.
 *
 * @example
 * conditionWords([{ feature: "recency_days", op: "<", value: 180 }, { feature: "monetary", op: ">=", value: 150 }]);
 * // "last order within 180 days and spend ≥ R$ 150"
 */
export function conditionWords(conditions: readonly Condition[]): string {
  const features: string[] = [];
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  for (const c of conditions) {
    if (!features.includes(c.feature)) features.push(c.feature);
    if (c.op === ">=") lo.set(c.feature, Math.max(lo.get(c.feature) ?? -Infinity, c.value));
    else hi.set(c.feature, Math.min(hi.get(c.feature) ?? Infinity, c.value));
  }
  if (features.length === 0) return "every customer";
  return features.map((f) => boundWords(f, lo.get(f), hi.get(f))).join(" and ");
}
