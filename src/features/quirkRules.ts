/**
 * The real data's quirks (CALIBRATION.md of the Kaggle release) and the stated rule by which the
 * customer table, the exploration queries and the cleaning report treat each one, as data: every
 * quirk names the cleaning-report rules that count it, so a test can check that none goes uncounted.
 */

import type { CleaningRow } from "./cleaningTypes.js";

/** One quirk of the real files and how every stage treats it. */
export interface QuirkRule {
  /** Table where the quirk lives. */
  table: string;
  /** The quirk in words, with its count in the Kaggle release. */
  quirk: string;
  /** What the customer table and the exploration queries do with it. */
  treatment: string;
  /** Cleaning-report rules (`cleaning.csv`) that count it. */
  counted: readonly string[];
}

/** SQL of the normal form of a city name: accents removed, lower case, single inner spaces, trimmed. */
export function normalCitySql(column: string): string {
  return `trim(regexp_replace(lower(strip_accents(${column})), '\\s+', ' ', 'g'))`;
}

/** The normal form of a city name (same as {@link normalCitySql}): "  São  Paulo" → "sao paulo". */
export function normalCityName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Every quirk of the real data, keyed by a short name, with its treatment and counting rules. */
export const QUIRK_RULES = {
  delivered_without_delivery_date: {
    table: "orders",
    quirk: "Status delivered but no order_delivered_customer_date (8 in the release).",
    treatment:
      "Not counted (it never reached 'delivered' by a known date) and left out of delivery days, " +
      "late share and the delivery statistics of the exploration (counted there as unmeasured).",
    counted: ["no_status_timestamp", "missing_delivery_date"],
  },
  canceled_with_delivery_date: {
    table: "orders",
    quirk: "Status canceled with a delivery date (6).",
    treatment: "Not counted (status canceled); its delivery date is used nowhere.",
    counted: ["canceled_with_delivery_date", "status_not_counted"],
  },
  carrier_before_purchase: {
    table: "orders",
    quirk: "Carrier handover before the purchase (165 delivered orders).",
    treatment:
      "Kept and counted: the carrier date is no feature, delivery days run from the purchase.",
    counted: ["carrier_before_purchase"],
  },
  approved_after_carrier: {
    table: "orders",
    quirk: "Approved after the carrier handover (1,350 delivered orders).",
    treatment: "Kept: neither date is a feature of delivered orders.",
    counted: ["approved_after_carrier"],
  },
  delivered_before_carrier: {
    table: "orders",
    quirk: "Delivered to the customer before the carrier handover (23).",
    treatment: "Kept: delivery days run from the purchase to the delivery date.",
    counted: ["delivered_before_carrier"],
  },
  missing_order_timestamps: {
    table: "orders",
    quirk: "Empty approved (160), carrier (1,783) and delivery (2,965) timestamps.",
    treatment:
      "Kept as missing; an order of a counted status without the timestamp of that status is " +
      "excluded (no_status_timestamp).",
    counted: ["missing_approved_at", "missing_carrier_date", "missing_delivery_date"],
  },
  review_id_on_several_orders: {
    table: "order_reviews",
    quirk: "A review_id on 2 (764 ids) or 3 (25) orders with identical fields.",
    treatment: "The pair (review_id, order_id) is the key: each order keeps the review once.",
    counted: ["review_id_on_several_orders"],
  },
  several_reviews_disagreeing: {
    table: "order_reviews",
    quirk: "Orders with 2 (543) or 3 (4) reviews, 202 of them disagreeing on the score.",
    treatment:
      "The order's score is the mean of its reviews created before the as-of date; the customer's " +
      "mean_review_score is the mean of those order scores (exploration: mean per order too).",
    counted: ["several_reviews_per_order", "review_scores_disagree"],
  },
  review_of_undelivered_order: {
    table: "order_reviews",
    quirk: "Reviews of orders never delivered (2,865).",
    treatment:
      "Kept in the score distribution; no customer feature reads them (only counted orders' reviews).",
    counted: ["review_of_undelivered_order"],
  },
  review_answered_before_delivery: {
    table: "order_reviews",
    quirk: "Review answered before the delivery date (4,795).",
    treatment: "Kept: the review counts from its creation date, whatever the delivery date.",
    counted: ["review_answered_before_delivery"],
  },
  review_date_at_midnight: {
    table: "order_reviews",
    quirk: "review_creation_date always at 00:00:00 (a day, not a time).",
    treatment:
      "A review dated D is known from D 00:00: it counts at every as-of date after that instant.",
    counted: ["review_created_at_midnight"],
  },
  payment_not_defined: {
    table: "order_payments",
    quirk: "payment_type not_defined (3 rows).",
    treatment: "Accepted at load; adds to monetary, belongs to no payment-type share.",
    counted: ["payment_type_not_defined"],
  },
  zero_payment_value: {
    table: "order_payments",
    quirk: "payment_value 0 (exhausted vouchers).",
    treatment: "Accepted at load; adds 0 to monetary and to its type's share.",
    counted: ["zero_payment_value"],
  },
  order_without_payment: {
    table: "orders",
    quirk: "An order without any payment row (1).",
    treatment: "A counted-status order without payment is excluded (no_payment: no value).",
    counted: ["order_without_payment", "no_payment"],
  },
  zero_freight: {
    table: "order_items",
    quirk: "freight_value exactly 0 (383 rows).",
    treatment: "Kept: free shipping adds 0 freight to freight_share.",
    counted: ["zero_freight"],
  },
  order_without_items: {
    table: "orders",
    quirk: "Orders without items (775: 603 unavailable, 164 canceled, …).",
    treatment:
      "A counted-status order without items is excluded (no_items); others are not counted.",
    counted: ["order_without_items", "no_items"],
  },
  product_without_category: {
    table: "products",
    quirk: "Products without a category (610).",
    treatment: "Category 'unknown': not in n_categories, favourite_category 'unknown' if it wins.",
    counted: ["missing_category"],
  },
  category_without_translation: {
    table: "products",
    quirk: "Products in categories absent from the translation file (13 in 2 categories).",
    treatment: "The category keeps its Portuguese name.",
    counted: ["untranslated_category"],
  },
  geolocation_duplicates: {
    table: "geolocation",
    quirk: "Exact duplicate geolocation rows (261,831 of 1,000,163).",
    treatment: "Kept and counted; no feature reads geolocation; the map sample draws a point once.",
    counted: ["duplicate_row_geolocation"],
  },
  geolocation_outside_brazil: {
    table: "geolocation",
    quirk: "Points outside Brazil's bounding box (42 in 21 prefixes).",
    treatment: "Counted; left out of the map sample.",
    counted: ["geolocation_outside_brazil"],
  },
  city_spellings: {
    table: "geolocation, customers",
    quirk:
      "City spelling variants: accents, case, spaces (8,011 geolocation spellings; 4,119 customer cities).",
    treatment:
      "No feature or exploration query reads city names; the report counts names outside the " +
      "normal form (no accents, lower case, single spaces: normalCityName).",
    counted: ["geolocation_city_spelling", "customer_city_spelling"],
  },
} as const satisfies Record<string, QuirkRule>;

/** Short name of a quirk of the real data. */
export type QuirkName = keyof typeof QUIRK_RULES;

/** One line of {@link quirkSummary}. */
export interface QuirkSummaryRow {
  quirk: QuirkName;
  table: string;
  /** The counting rules with their rows in this data, e.g. `zero_freight 379`. */
  counted: string;
  treatment: string;
}

/**
 * Each quirk of the real data with the rows its rules count in `report` (a cleaning report) and its
 * treatment, in the order of {@link QUIRK_RULES}; a rule missing from the report is an error.
 *
 * @example
 * showTable(quirkSummary(await cleaningReport(db)));
 */
export function quirkSummary(report: readonly CleaningRow[]): QuirkSummaryRow[] {
  const rows = new Map(report.map((r) => [r.rule, r.rows]));
  return (Object.entries(QUIRK_RULES) as [QuirkName, QuirkRule][]).map(([quirk, q]) => ({
    quirk,
    table: q.table,
    counted: q.counted
      .map((rule) => {
        const n = rows.get(rule);
        if (n === undefined)
          throw new Error(`Cleaning rule ${rule} of quirk ${quirk} is not in the report.`);
        return `${rule} ${n.toLocaleString("en-US")}`;
      })
      .join(", "),
    treatment: q.treatment,
  }));
}
