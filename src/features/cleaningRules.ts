/**
 * The independent rules of the cleaning report, as data: each is one SQL count over the loaded
 * tables, with the action the customer table takes on the rows it matches. The exclusive order
 * exclusions and the load-time rules are assembled in `cleaning.ts`.
 */
import { QUIRK_COUNTED_RULES } from "./quirkCleaning.js";

import type { CountedRule } from "./cleaningTypes.js";

export type { CleaningAction, CountedRule } from "./cleaningTypes.js";

/**
 * Brazil's bounding box (its extreme points, degrees): geolocation points outside it are counted.
 * The release has 42 such points in 21 prefixes (CALIBRATION.md §5).
 */
export const BRAZIL_BOUNDING_BOX = {
  latMin: -33.7512,
  latMax: 5.2719,
  lngMin: -73.9828,
  lngMax: -34.7931,
};

/**
 * The independent rules of the cleaning report (each one SQL count), with `quantile` and
 * `tolerance` the outlier quantile and the payment tolerance of {@link CleaningOptions}.
 */
export function countedRules(quantile: number, tolerance: number): CountedRule[] {
  const box = BRAZIL_BOUNDING_BOX;
  const rules = baseRules(quantile, tolerance, box);
  // The real data's quirks (quirkRules.ts), each after the rules of its table.
  for (const q of QUIRK_COUNTED_RULES) {
    let at = -1;
    rules.forEach((r, i) => {
      if (r.table === q.table) at = i;
    });
    rules.splice(at + 1, 0, q);
  }
  return rules;
}

/** The rules of the report before the quirk rules. */
function baseRules(
  quantile: number,
  tolerance: number,
  box: typeof BRAZIL_BOUNDING_BOX,
): CountedRule[] {
  const pct = `p${(quantile * 100).toFixed(1)}`;
  return [
    {
      rule: "approved_before_purchase",
      table: "orders",
      description:
        "order_approved_at earlier than order_purchase_timestamp; kept, timestamps unused.",
      action: "flagged",
      sql: "SELECT count(*) FROM orders WHERE order_approved_at < order_purchase_timestamp",
    },
    {
      rule: "carrier_before_purchase",
      table: "orders",
      description:
        "Handed to the carrier before the purchase; kept (carrier date is not a feature).",
      action: "flagged",
      sql: "SELECT count(*) FROM orders WHERE order_delivered_carrier_date < order_purchase_timestamp",
    },
    {
      rule: "delivered_before_carrier",
      table: "orders",
      description: "Delivered to the customer before the carrier handover; kept.",
      action: "flagged",
      sql: `SELECT count(*) FROM orders
            WHERE order_delivered_customer_date < order_delivered_carrier_date`,
    },
    {
      rule: "payment_items_mismatch",
      table: "orders",
      description:
        `Payment total differs from price + freight of the items by more than R$${tolerance}; ` +
        "kept, monetary uses the payments.",
      action: "flagged",
      sql: `WITH p AS (SELECT order_id, sum(payment_value) AS paid FROM order_payments GROUP BY 1),
                 i AS (SELECT order_id, sum(price + freight_value) AS billed FROM order_items GROUP BY 1)
            SELECT count(*) FROM p JOIN i USING (order_id) WHERE abs(paid - billed) > ${tolerance}`,
    },
    {
      rule: "order_value_outlier",
      table: "orders",
      description: `Payment total above the ${pct} of order payment totals; kept (real large orders).`,
      action: "flagged",
      sql: `WITH p AS (SELECT order_id, sum(payment_value) AS paid FROM order_payments GROUP BY 1)
            SELECT count(*) FROM p WHERE paid > (SELECT quantile_cont(paid, ${quantile}) FROM p)`,
    },
    {
      rule: "freight_outlier",
      table: "order_items",
      description: `freight_value above the ${pct} of item freight values; kept.`,
      action: "flagged",
      sql: `SELECT count(*) FROM order_items
            WHERE freight_value > (SELECT quantile_cont(freight_value, ${quantile}) FROM order_items)`,
    },
    {
      rule: "zero_freight",
      table: "order_items",
      description: "freight_value = 0 (free shipping); kept, counts in freight_share as 0.",
      action: "flagged",
      sql: "SELECT count(*) FROM order_items WHERE freight_value = 0",
    },
    {
      rule: "item_without_order",
      table: "order_items",
      description: "order_id absent from orders (or its order excluded at load); not used.",
      action: "excluded",
      sql: `SELECT count(*) FROM order_items i
            WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = i.order_id)`,
    },
    {
      rule: "item_product_unknown",
      table: "order_items",
      description: "product_id absent from products; kept, category 'unknown'.",
      action: "kept as missing",
      sql: `SELECT count(*) FROM order_items i
            WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = i.product_id)`,
    },
    {
      rule: "zero_payment_value",
      table: "order_payments",
      description: "payment_value = 0 (e.g. exhausted vouchers); kept, adds 0 to monetary.",
      action: "flagged",
      sql: "SELECT count(*) FROM order_payments WHERE payment_value = 0",
    },
    {
      rule: "payment_type_not_defined",
      table: "order_payments",
      description: "payment_type not_defined; kept in monetary, in no payment share.",
      action: "flagged",
      sql: "SELECT count(*) FROM order_payments WHERE payment_type = 'not_defined'",
    },
    {
      rule: "zero_installments",
      table: "order_payments",
      description: "payment_installments = 0; kept as 0 in mean_installments.",
      action: "flagged",
      sql: "SELECT count(*) FROM order_payments WHERE payment_installments = 0",
    },
    {
      rule: "payment_without_order",
      table: "order_payments",
      description: "order_id absent from orders (or its order excluded at load); not used.",
      action: "excluded",
      sql: `SELECT count(*) FROM order_payments p
            WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = p.order_id)`,
    },
    {
      rule: "review_id_on_several_orders",
      table: "order_reviews",
      description: "Rows whose review_id appears on several orders; kept, one review per order.",
      action: "flagged",
      sql: `SELECT count(*) FROM order_reviews
            WHERE review_id IN (SELECT review_id FROM order_reviews
                                GROUP BY review_id HAVING count(DISTINCT order_id) > 1)`,
    },
    {
      rule: "several_reviews_per_order",
      table: "order_reviews",
      description:
        "Rows of orders with several review_ids; kept, the order's score is the mean of its reviews " +
        "created before the as-of date.",
      action: "flagged",
      sql: `SELECT count(*) FROM order_reviews
            WHERE order_id IN (SELECT order_id FROM order_reviews
                               GROUP BY order_id HAVING count(DISTINCT review_id) > 1)`,
    },
    {
      rule: "review_without_order",
      table: "order_reviews",
      description: "order_id absent from orders (or its order excluded at load); not used.",
      action: "excluded",
      sql: `SELECT count(*) FROM order_reviews r
            WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = r.order_id)`,
    },
    {
      rule: "missing_category",
      table: "products",
      description: "product_category_name empty; kept, category 'unknown'.",
      action: "kept as missing",
      sql: `SELECT count(*) FROM products
            WHERE product_category_name IS NULL OR trim(product_category_name) = ''`,
    },
    {
      rule: "untranslated_category",
      table: "products",
      description: "Category absent from category_translation; kept under its Portuguese name.",
      action: "flagged",
      sql: `SELECT count(*) FROM products p
            WHERE trim(p.product_category_name) <> ''
              AND NOT EXISTS (SELECT 1 FROM category_translation t
                              WHERE t.product_category_name = p.product_category_name)`,
    },
    {
      rule: "missing_product_attributes",
      table: "products",
      description:
        "Any of name/description length, photos, weight or dimensions empty; kept (unused).",
      action: "kept as missing",
      sql: `SELECT count(*) FROM products
            WHERE product_name_lenght IS NULL OR product_description_lenght IS NULL
               OR product_photos_qty IS NULL OR product_weight_g IS NULL
               OR product_length_cm IS NULL OR product_height_cm IS NULL
               OR product_width_cm IS NULL`,
    },
    {
      rule: "customer_several_states",
      table: "customers",
      description:
        "Rows of a customer_unique_id seen in several states; kept, customer_state is that of " +
        "the latest counted order.",
      action: "flagged",
      sql: `SELECT count(*) FROM customers
            WHERE customer_unique_id IN (SELECT customer_unique_id FROM customers
                                         GROUP BY 1 HAVING count(DISTINCT customer_state) > 1)`,
    },
    {
      rule: "geolocation_outside_brazil",
      table: "geolocation",
      description:
        "Point outside Brazil's bounding box (latitude −33.75…5.27, longitude −73.98…−34.79); kept " +
        "(no feature reads geolocation; maps draw only points inside).",
      action: "flagged",
      sql: `SELECT count(*) FROM geolocation
            WHERE geolocation_lat NOT BETWEEN ${box.latMin} AND ${box.latMax}
               OR geolocation_lng NOT BETWEEN ${box.lngMin} AND ${box.lngMax}`,
    },
  ];
}
