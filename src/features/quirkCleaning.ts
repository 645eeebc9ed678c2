/**
 * The cleaning-report rules that count the real data's quirks not covered by the base rules
 * (`cleaningRules.ts`); each quirk of `QUIRK_RULES` names the rules that count it.
 */
import type { CountedRule } from "./cleaningTypes.js";
import { normalCitySql } from "./quirkRules.js";

/** Rows of `table` whose `column` is outside the normal form (normalised once per distinct name). */
function spellingCountSql(table: string, column: string): string {
  return `SELECT count(*) FROM ${table}
          WHERE ${column} IN (SELECT name FROM (SELECT DISTINCT ${column} AS name FROM ${table})
                              WHERE name <> ${normalCitySql("name")})`;
}

/** Quirk rules, one SQL count each; `countedRules` places each after the rules of its table. */
export const QUIRK_COUNTED_RULES: readonly CountedRule[] = [
  {
    rule: "canceled_with_delivery_date",
    table: "orders",
    description: "Status canceled with an order_delivered_customer_date; not counted, date unused.",
    action: "flagged",
    sql: `SELECT count(*) FROM orders
          WHERE order_status = 'canceled' AND order_delivered_customer_date IS NOT NULL`,
  },
  {
    rule: "approved_after_carrier",
    table: "orders",
    description:
      "order_approved_at later than order_delivered_carrier_date (any status); kept, neither is a feature.",
    action: "flagged",
    sql: "SELECT count(*) FROM orders WHERE order_approved_at > order_delivered_carrier_date",
  },
  {
    rule: "missing_approved_at",
    table: "orders",
    description: "order_approved_at empty; kept (not a feature of delivered orders).",
    action: "kept as missing",
    sql: "SELECT count(*) FROM orders WHERE order_approved_at IS NULL",
  },
  {
    rule: "missing_carrier_date",
    table: "orders",
    description: "order_delivered_carrier_date empty; kept (not a feature of delivered orders).",
    action: "kept as missing",
    sql: "SELECT count(*) FROM orders WHERE order_delivered_carrier_date IS NULL",
  },
  {
    rule: "missing_delivery_date",
    table: "orders",
    description:
      "order_delivered_customer_date empty (any status); a delivered one is excluded as " +
      "no_status_timestamp and left out of delivery features and statistics.",
    action: "kept as missing",
    sql: "SELECT count(*) FROM orders WHERE order_delivered_customer_date IS NULL",
  },
  {
    rule: "order_without_payment",
    table: "orders",
    description:
      "No order_payments row (any status); one of a counted status is excluded as no_payment.",
    action: "flagged",
    sql: `SELECT count(*) FROM orders o
          WHERE NOT EXISTS (SELECT 1 FROM order_payments p WHERE p.order_id = o.order_id)`,
  },
  {
    rule: "order_without_items",
    table: "orders",
    description:
      "No order_items row (any status); one of a counted status is excluded as no_items.",
    action: "flagged",
    sql: `SELECT count(*) FROM orders o
          WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id)`,
  },
  {
    rule: "review_scores_disagree",
    table: "order_reviews",
    description:
      "Rows of orders whose reviews give different scores; kept, the order's score is their mean.",
    action: "flagged",
    sql: `SELECT count(*) FROM order_reviews
          WHERE order_id IN (SELECT order_id FROM order_reviews
                             GROUP BY order_id HAVING count(DISTINCT review_score) > 1)`,
  },
  {
    rule: "review_of_undelivered_order",
    table: "order_reviews",
    description:
      "Review of an order whose status is not delivered; kept in the score distribution, " +
      "no customer feature reads it.",
    action: "flagged",
    sql: `SELECT count(*) FROM order_reviews r JOIN orders o USING (order_id)
          WHERE o.order_status <> 'delivered'`,
  },
  {
    rule: "review_answered_before_delivery",
    table: "order_reviews",
    description:
      "review_answer_timestamp before the order's delivery date; kept, the review counts from its creation date.",
    action: "flagged",
    sql: `SELECT count(*) FROM order_reviews r JOIN orders o USING (order_id)
          WHERE r.review_answer_timestamp < o.order_delivered_customer_date`,
  },
  {
    rule: "review_created_at_midnight",
    table: "order_reviews",
    description:
      "review_creation_date at 00:00:00 (a day, not a time); kept, known from that instant on.",
    action: "flagged",
    sql: `SELECT count(*) FROM order_reviews
          WHERE review_creation_date = date_trunc('day', review_creation_date)`,
  },
  {
    rule: "customer_city_spelling",
    table: "customers",
    description:
      "customer_city outside the normal form (no accents, lower case, single spaces); kept, no feature reads cities.",
    action: "flagged",
    sql: spellingCountSql("customers", "customer_city"),
  },
  {
    rule: "geolocation_city_spelling",
    table: "geolocation",
    description:
      "geolocation_city outside the normal form (no accents, lower case, single spaces); kept, no feature reads cities.",
    action: "flagged",
    sql: spellingCountSql("geolocation", "geolocation_city"),
  },
];
