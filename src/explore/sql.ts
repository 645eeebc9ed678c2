/**
 * SQL fragments of the exploration queries, each written once: the delivered orders with their
 * delivery times and delay, the payment total of each order, each product's category and each
 * order's review score. Every query of `src/explore/` that needs one of them uses the constant, so
 * "delivered", "late" and "order value" mean the same thing in every chart and sentence.
 */

/**
 * Delivered orders whose delivery can be measured, one row per order: status `delivered`, purchase,
 * delivery and estimated dates present, and not delivered before the purchase (impossible; the
 * cleaning rules exclude it). Columns: `order_id`, `customer_id`, `purchased_at`, `delivered_at`,
 * `estimated_at`, `actual_days` (purchase → delivery), `promised_days` (purchase → estimated date),
 * `delay_days` (delivery − estimated date, > 0 is late; fractional days) and `is_late` (delivered
 * after the estimated timestamp, the timestamp rule of the customer features: the estimate is
 * stored at 00:00, so a delivery on the promised day counts as late).
 *
 * @example
 * db.rows(`SELECT avg(is_late::INT) FROM (${DELIVERED_ORDERS_SQL})`);
 */
export const DELIVERED_ORDERS_SQL = `
  SELECT order_id, customer_id,
         order_purchase_timestamp AS purchased_at,
         order_delivered_customer_date AS delivered_at,
         order_estimated_delivery_date AS estimated_at,
         (epoch(order_delivered_customer_date) - epoch(order_purchase_timestamp)) / 86400
           AS actual_days,
         (epoch(order_estimated_delivery_date) - epoch(order_purchase_timestamp)) / 86400
           AS promised_days,
         (epoch(order_delivered_customer_date) - epoch(order_estimated_delivery_date)) / 86400
           AS delay_days,
         order_delivered_customer_date > order_estimated_delivery_date AS is_late
  FROM orders
  WHERE order_status = 'delivered'
    AND order_purchase_timestamp IS NOT NULL
    AND order_delivered_customer_date IS NOT NULL
    AND order_estimated_delivery_date IS NOT NULL
    AND order_delivered_customer_date >= order_purchase_timestamp`;

/**
 * One row per order with a payment: `order_id`, `value` (sum of payment_value, R$) and
 * `installments` (the order's largest payment_installments; 0 or missing counts as 1).
 */
export const ORDER_PAYMENTS_SQL = `
  SELECT order_id, sum(payment_value) AS value,
         greatest(coalesce(max(payment_installments), 1), 1) AS installments
  FROM order_payments GROUP BY order_id`;

/** The category of products without one (or of order items whose product is missing). */
export const UNKNOWN_CATEGORY = "unknown";

/**
 * One row per product_id: `category`, its English name from category_translation, the Portuguese
 * name when the translation lacks it, NULL when the product has no category (blank counts as
 * none). A product or a translation listed twice counts once (the smallest name).
 */
export const PRODUCT_CATEGORIES_SQL = `
  SELECT p.product_id, coalesce(t.en, p.pt) AS category
  FROM (SELECT product_id, min(nullif(trim(product_category_name), '')) AS pt
        FROM products GROUP BY 1) p
  LEFT JOIN (SELECT product_category_name AS pt, min(product_category_name_english) AS en
             FROM category_translation GROUP BY 1) t ON t.pt = p.pt`;

/**
 * One row per reviewed order: `order_id` and `score`, the mean of its review scores (the rule of
 * the customer features): an order with several reviews gets their mean, a review row repeated
 * exactly counts once, a review_id shared by several orders counts for each of them.
 */
export const ORDER_REVIEW_SCORES_SQL = `
  SELECT order_id, avg(review_score) AS score
  FROM (SELECT DISTINCT review_id, order_id, review_score FROM order_reviews
        WHERE review_score IS NOT NULL)
  GROUP BY order_id`;

/** A SQL string literal (single quotes doubled). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
