/**
 * The customer table's columns, written once as data: names, what each one measures, and the
 * result type shared by the feature builder, the transforms, RFM scoring and the CSV writer.
 */

import { ORDER_STATUSES } from "../data/schema.js";

/** Order statuses of the Olist `orders` table (the known set lives in the schema). */
export { ORDER_STATUSES };

/** One value of `orders.order_status`. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Statuses whose orders count as purchases by default: only `delivered` (the order reached the
 * customer). Shipped, invoiced, … orders may still be canceled; canceled and unavailable ones never
 * produced revenue.
 */
export const DEFAULT_COUNTED_STATUSES: readonly OrderStatus[] = ["delivered"];

/**
 * The numeric features, in column order, each with what it measures. "Counted orders" are the
 * customer's orders counted at the as-of date (see `customerFeatures`).
 */
export const NUMERIC_FEATURE_DOCS = {
  recency_days: "Days (fractional) from the as-of date back to the last counted purchase.",
  frequency: "Number of distinct counted orders.",
  monetary: "Sum of payment_value over the counted orders (R$).",
  mean_order_value: "monetary / frequency (R$ per counted order).",
  n_items: "Number of item rows (units) in the counted orders.",
  n_categories: "Distinct known product categories bought ('unknown' is not counted).",
  mean_review_score:
    "Mean over counted orders reviewed before the as-of date of the order's mean review score: several reviews of one order (disagreeing or not) average to one score, a review_id shared by several orders scores each, a review dated D (00:00:00) counts after D 00:00 (NaN when none).",
  has_review:
    "1 when at least one counted order has a review created before the as-of date, else 0.",
  mean_delivery_days:
    "Mean days (fractional) from purchase to delivery over counted orders delivered before the as-of date (a delivered order without delivery date is not counted, so in no delivery feature; carrier and approval dates are not used).",
  late_delivery_share:
    "Share of counted orders delivered before the as-of date that arrived after order_estimated_delivery_date (timestamp rule).",
  mean_installments:
    "Mean over counted orders of the order's largest payment_installments (the instalments of its card payment).",
  share_credit_card:
    "Share of monetary paid by credit card. Payment-type shares: not_defined payments count in monetary and in no share (shares then sum below 1); zero payments add 0; NaN when monetary is 0.",
  share_boleto: "Share of monetary paid by boleto (bank slip).",
  share_voucher: "Share of monetary paid by voucher.",
  share_debit_card: "Share of monetary paid by debit card.",
  freight_share:
    "Freight / (price + freight) over the items of the counted orders (freight 0, free shipping, adds 0).",
  tenure_days: "Days (fractional) from the first counted purchase to the as-of date.",
} as const;

/** Name of a numeric feature column. */
export type NumericFeature = keyof typeof NUMERIC_FEATURE_DOCS;

/** The numeric feature names in column order. */
export const NUMERIC_FEATURES = Object.keys(NUMERIC_FEATURE_DOCS) as NumericFeature[];

/** The text features, each with what it holds. */
export const TEXT_FEATURE_DOCS = {
  favourite_category:
    "Category (English, via category_translation) with the largest item spend (price) over counted orders; ties → alphabetical first; no category → 'unknown'; a category without translation keeps its Portuguese name.",
  customer_state: "customer_state of the customer's latest counted order (ties → larger order_id).",
} as const;

/** Name of a text feature column. */
export type TextFeature = keyof typeof TEXT_FEATURE_DOCS;

/** The text feature names in column order. */
export const TEXT_FEATURES = Object.keys(TEXT_FEATURE_DOCS) as TextFeature[];

/** Why an order purchased before the as-of date is not counted. */
export type OrderExclusion =
  | "status_not_counted"
  | "not_yet_reached"
  | "no_status_timestamp"
  | "no_customer"
  | "delivered_before_purchase"
  | "no_payment"
  | "no_items";

/** How the orders purchased before the as-of date were used. */
export interface OrderAccounting {
  /** Orders purchased before the as-of date. */
  purchased: number;
  /** Orders counted (they make the table). */
  counted: number;
  /** Orders not counted, by reason (each order counted once, under its first reason in this order). */
  excluded: Record<OrderExclusion, number>;
}

/**
 * The customer table: one row per `customer_unique_id` with at least one counted order before
 * `asOf`, sorted by id. Columns come as typed arrays (NaN = missing), ready for clustering and charts.
 */
export interface CustomerTable {
  /** The as-of date: only facts strictly before it were used. */
  asOf: Date;
  /** Order statuses that were counted. */
  countedStatuses: readonly OrderStatus[];
  /** `customer_unique_id` of each row. */
  ids: string[];
  numeric: Record<NumericFeature, Float64Array>;
  text: Record<TextFeature, string[]>;
  /** How the orders purchased before `asOf` were used (nothing dropped silently). */
  orders: OrderAccounting;
}

/** The real data's quirks and the stated rule of each (see `quirkRules.ts`). */
export { QUIRK_RULES, normalCityName, normalCitySql, quirkSummary } from "./quirkRules.js";
export type { QuirkName, QuirkRule, QuirkSummaryRow } from "./quirkRules.js";
