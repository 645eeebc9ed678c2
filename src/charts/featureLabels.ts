/**
 * The customer features in words, with their unit, for chart axes and tooltips: readers of a
 * defence see "Days since last order", not `recency_days`.
 */
import type { NumericFeature } from "../features/definitions.js";
import type { NumberStyle } from "./hover.js";
import { formatNumber } from "./hover.js";

/** How a feature's values read: days, money, a share (0–1), or a plain number. */
export type FeatureUnit = "days" | "R$" | "share" | "number";

/** A feature's label and unit. */
export interface FeatureLabel {
  label: string;
  unit: FeatureUnit;
}

/** Every numeric customer feature in words. */
export const FEATURE_LABELS: Readonly<Record<NumericFeature, FeatureLabel>> = Object.freeze({
  recency_days: { label: "Days since last order", unit: "days" },
  frequency: { label: "Orders", unit: "number" },
  monetary: { label: "Total spend", unit: "R$" },
  mean_order_value: { label: "Mean order value", unit: "R$" },
  n_items: { label: "Items bought", unit: "number" },
  n_categories: { label: "Categories bought", unit: "number" },
  mean_review_score: { label: "Mean review score", unit: "number" },
  has_review: { label: "Left a review", unit: "share" },
  mean_delivery_days: { label: "Delivery time", unit: "days" },
  late_delivery_share: { label: "Orders delivered late", unit: "share" },
  mean_installments: { label: "Instalments per order", unit: "number" },
  share_credit_card: { label: "Paid by credit card", unit: "share" },
  share_boleto: { label: "Paid by boleto", unit: "share" },
  share_voucher: { label: "Paid by voucher", unit: "share" },
  share_debit_card: { label: "Paid by debit card", unit: "share" },
  freight_share: { label: "Freight share of the bill", unit: "share" },
  tenure_days: { label: "Days since first order", unit: "days" },
});

/**
 * A feature's label and unit; an unknown feature (e.g. a derived one) reads as its name with
 * spaces and a plain-number unit.
 *
 * @example
 * featureLabel("recency_days").label; // "Days since last order"
 * featureLabel("clv_12m").label; // "clv 12m"
 */
export function featureLabel(feature: string): FeatureLabel {
  return (
    (FEATURE_LABELS as Record<string, FeatureLabel>)[feature] ?? {
      label: feature.replace(/_/g, " "),
      unit: "number",
    }
  );
}

const UNIT_STYLES: Readonly<Record<FeatureUnit, NumberStyle>> = {
  days: { prefix: "", format: ",.0f", suffix: " days" },
  R$: { prefix: "R$ ", format: ",.2f", suffix: "" },
  share: { prefix: "", format: ".1%", suffix: "" },
  number: { prefix: "", format: ",.2f", suffix: "" },
};

/**
 * A feature value written in its unit.
 *
 * @example
 * formatFeatureValue("monetary", 1234.5); // "R$ 1,234.50"
 * formatFeatureValue("late_delivery_share", 0.081); // "8.1%"
 */
export function formatFeatureValue(feature: string, value: number): string {
  return formatNumber(value, UNIT_STYLES[featureLabel(feature).unit]);
}
