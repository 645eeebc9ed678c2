/**
 * The fidelity checks of the real data's quirks (`quirkRates.ts`): each quirk's count in the
 * folder against the published count scaled to the folder's size, with a tolerance for sampling
 * noise (counts drawn at random: 3 standard deviations of a Poisson count, at least 2).
 */
import type { FidelityCheck, FidelityContext } from "./fidelityChecks.js";
import type { QuirkRate } from "./quirkRates.js";
import {
  BRAZIL_BOX,
  GEO_QUIRKS,
  ITEM_QUIRKS,
  ORDER_QUIRKS,
  PAYMENT_QUIRKS,
  REVIEW_QUIRKS,
  scaledQuirkCount,
} from "./quirkRates.js";

const DELIVERED = "FROM orders WHERE order_status = 'delivered'";
const outside = (lat: string, lng: string) =>
  `(${lat} < ${BRAZIL_BOX.latMin} OR ${lat} > ${BRAZIL_BOX.latMax} OR ` +
  `${lng} < ${BRAZIL_BOX.lngMin} OR ${lng} > ${BRAZIL_BOX.lngMax})`;
const reviewsPerId = "SELECT review_id, count(*) n FROM order_reviews GROUP BY 1";
const reviewsPerOrder = "SELECT order_id, count(*) n FROM order_reviews GROUP BY 1";

/** The quirk checks (rows whose table is absent from the folder are left out). */
export function quirkChecks(ctx: FidelityContext): FidelityCheck[] {
  const count = (
    section: string,
    metric: string,
    rate: QuirkRate,
    sql: string,
    real?: FidelityCheck["real"],
  ): FidelityCheck => {
    const target = scaledQuirkCount(rate, ctx.people);
    return {
      section: `quirk ${section}`,
      metric,
      sql,
      target,
      source: rate.source,
      tolerance: Math.max(2, 3 * Math.sqrt(target)),
      kind: "abs",
      ...(real ? { real } : {}),
    };
  };
  const O = ORDER_QUIRKS;
  const R = REVIEW_QUIRKS;
  const P = PAYMENT_QUIRKS;
  const I = ITEM_QUIRKS;
  const G = GEO_QUIRKS;
  const checks: FidelityCheck[] = [
    count(
      "orders",
      "delivered without delivery date",
      O.deliveredWithoutDate,
      `SELECT count(*) ${DELIVERED} AND order_delivered_customer_date IS NULL`,
    ),
    count(
      "orders",
      "canceled with delivery date",
      O.canceledWithDate,
      `SELECT count(*) FROM orders WHERE order_status = 'canceled' AND order_delivered_customer_date IS NOT NULL`,
    ),
    count(
      "orders",
      "delivered: carrier before purchase",
      O.carrierBeforePurchase,
      `SELECT count(*) ${DELIVERED} AND order_delivered_carrier_date < order_purchase_timestamp`,
    ),
    count(
      "orders",
      "delivered: approved after carrier",
      O.approvedAfterCarrier,
      `SELECT count(*) ${DELIVERED} AND order_approved_at > order_delivered_carrier_date`,
    ),
    count(
      "orders",
      "delivered: delivered before carrier",
      O.deliveredBeforeCarrier,
      `SELECT count(*) ${DELIVERED} AND order_delivered_customer_date < order_delivered_carrier_date`,
    ),
    count(
      "orders",
      "approved_at missing",
      O.approvedNull,
      "SELECT count(*) FROM orders WHERE order_approved_at IS NULL",
    ),
    count(
      "orders",
      "carrier date missing",
      O.carrierNull,
      "SELECT count(*) FROM orders WHERE order_delivered_carrier_date IS NULL",
    ),
    count(
      "orders",
      "delivery date missing",
      O.deliveredNull,
      "SELECT count(*) FROM orders WHERE order_delivered_customer_date IS NULL",
    ),
    count(
      "reviews",
      "review ids on 2 orders",
      R.idsOnTwoOrders,
      `SELECT count(*) FROM (${reviewsPerId}) WHERE n = 2`,
    ),
    count(
      "reviews",
      "review ids on 3 orders",
      R.idsOnThreeOrders,
      `SELECT count(*) FROM (${reviewsPerId}) WHERE n = 3`,
    ),
    count(
      "reviews",
      "shared ids whose rows differ",
      { count: 0, unit: "ids", source: "CAL §4.2" },
      `SELECT count(*) FROM (SELECT review_id FROM order_reviews GROUP BY 1 HAVING count(DISTINCT (review_score, review_comment_title, review_comment_message, review_creation_date, review_answer_timestamp)) > 1)`,
    ),
    count(
      "reviews",
      "orders with 2 reviews",
      R.ordersWithTwo,
      `SELECT count(*) FROM (${reviewsPerOrder}) WHERE n = 2`,
    ),
    count(
      "reviews",
      "orders with 3 reviews",
      R.ordersWithThree,
      `SELECT count(*) FROM (${reviewsPerOrder}) WHERE n = 3`,
    ),
    count(
      "reviews",
      "multi-review orders disagreeing on score",
      R.disagreeing,
      `SELECT count(*) FROM (SELECT order_id FROM order_reviews GROUP BY 1 HAVING count(*) > 1 AND min(review_score) <> max(review_score))`,
    ),
    count(
      "reviews",
      "reviews of orders never delivered",
      R.ofUndelivered,
      `SELECT count(*) FROM order_reviews r JOIN orders o USING (order_id) WHERE o.order_delivered_customer_date IS NULL`,
    ),
    count(
      "reviews",
      "answered before delivery",
      R.answeredBeforeDelivery,
      `SELECT count(*) FROM order_reviews r JOIN orders o USING (order_id) WHERE r.review_answer_timestamp < o.order_delivered_customer_date`,
    ),
    count(
      "reviews",
      "creation dates not at 00:00:00",
      { count: 0, unit: "reviews", source: "CAL §4.2" },
      `SELECT count(*) FROM order_reviews WHERE strftime(review_creation_date, '%H:%M:%S') <> '00:00:00'`,
    ),
    count(
      "payments",
      "not_defined rows",
      P.notDefined,
      "SELECT count(*) FROM order_payments WHERE payment_type = 'not_defined'",
      "order_payments",
    ),
    count(
      "payments",
      "voucher rows of value 0",
      P.zeroVouchers,
      "SELECT count(*) FROM order_payments WHERE payment_type = 'voucher' AND payment_value = 0",
      "order_payments",
    ),
    count(
      "payments",
      "card rows with 0 instalments",
      P.zeroInstallments,
      "SELECT count(*) FROM order_payments WHERE payment_type = 'credit_card' AND payment_installments = 0",
      "order_payments",
    ),
    count(
      "payments",
      "orders without payment",
      P.ordersWithoutPayment,
      "SELECT count(*) FROM orders WHERE order_id NOT IN (SELECT order_id FROM order_payments)",
    ),
    count(
      "items",
      "item rows with freight 0",
      I.zeroFreight,
      "SELECT count(*) FROM order_items WHERE freight_value = 0",
    ),
    count(
      "items",
      "orders without items",
      I.ordersWithoutItems,
      "SELECT count(*) FROM orders WHERE order_id NOT IN (SELECT order_id FROM order_items)",
    ),
    ...(
      [
        ["unavailable", 603],
        ["canceled", 164],
        ["created", 5],
      ] as const
    ).map(([st, n]) =>
      count(
        "items",
        `${st} orders without items`,
        { count: n, unit: "orders", source: "CAL §0" },
        `SELECT count(*) FROM orders WHERE order_status = '${st}' AND order_id NOT IN (SELECT order_id FROM order_items)`,
      ),
    ),
  ];
  if (ctx.found.has("products")) {
    checks.push(
      count(
        "products",
        "products without category",
        I.productsWithoutCategory,
        "SELECT count(*) FROM products WHERE product_category_name IS NULL",
        "products",
      ),
    );
    if (ctx.found.has("category_translation")) {
      checks.push(
        count(
          "products",
          "products in untranslated categories",
          I.productsUntranslated,
          "SELECT count(*) FROM products WHERE product_category_name IS NOT NULL AND product_category_name NOT IN (SELECT product_category_name FROM category_translation)",
        ),
      );
    }
  }
  checks.push(
    count(
      "customers",
      "distinct customer cities",
      G.customerCities,
      "SELECT count(DISTINCT customer_city) FROM customers",
    ),
  );
  if (ctx.found.has("geolocation")) {
    const geo = "FROM geolocation";
    checks.push(
      count("geolocation", "rows", G.rows, `SELECT count(*) ${geo}`),
      count(
        "geolocation",
        "exact duplicate rows",
        G.exactDuplicates,
        `SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * ${geo})) ${geo}`,
      ),
      count(
        "geolocation",
        "prefixes with a single row",
        G.singleRowPrefixes,
        `SELECT count(*) FROM (SELECT geolocation_zip_code_prefix ${geo} GROUP BY 1 HAVING count(*) = 1)`,
      ),
      count(
        "geolocation",
        "points outside Brazil's box",
        G.outsidePoints,
        `SELECT count(*) ${geo} WHERE ${outside("geolocation_lat", "geolocation_lng")}`,
      ),
      count(
        "geolocation",
        "prefixes with outside points",
        G.outsidePrefixes,
        `SELECT count(DISTINCT geolocation_zip_code_prefix) ${geo} WHERE ${outside("geolocation_lat", "geolocation_lng")}`,
      ),
      count(
        "geolocation",
        "city spellings",
        G.citySpellings,
        `SELECT count(DISTINCT geolocation_city) ${geo}`,
      ),
      count(
        "geolocation",
        "prefixes with several city spellings",
        G.prefixesWithSeveralSpellings,
        `SELECT count(*) FROM (SELECT geolocation_zip_code_prefix ${geo} GROUP BY 1 HAVING count(DISTINCT geolocation_city) > 1)`,
      ),
    );
  }
  return checks;
}
