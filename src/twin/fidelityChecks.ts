/**
 * The fidelity report's checks as data: one row per compared statistic (the SQL measuring it on
 * the folder's CSV views, the calibration target, its source and tolerance), like the cleaning
 * rules. `calibrationChecks` holds the marginals of `calibration.ts`, `quirkChecks` (in
 * `fidelityQuirks.ts`) the real data's quirks.
 */
import type { TableName } from "../data/schema.js";
import {
  DELIVERY_DAYS,
  INSTALLMENTS_BY_VALUE,
  ITEM_VALUE_STATS,
  KAGGLE_SIZES,
  LATE_SHARE,
  ORDERS_BY_MONTH,
  ORDERS_PER_CUSTOMER,
  PAYMENT_TYPE_COUNTS,
  PAYMENT_VALUE_QUANTILES,
  REVIEW_SCORE_COUNTS,
  SCORE_BY_LATENESS,
  STATES,
  STATUS_COUNTS,
  WEEKDAY_COUNTS_MON_FIRST,
  HOUR_BLOCK_COUNTS,
  CATEGORIES,
  PRODUCT_ATTRIBUTE_QUANTILES,
} from "./calibration.js";

/** One statistic to compare: SQL over the views named like the tables, and its target. */
export interface FidelityCheck {
  section: string;
  metric: string;
  /** A query returning one number; table names are the view names (`orders`, …). */
  sql: string;
  /** Calibration target (scaled to the folder's size for counts). */
  target: number;
  /** Source tag of the target (see `calibration.ts`, `quirkRates.ts`). */
  source: string;
  /** Allowed gap: absolute (same unit as the value) or relative. */
  tolerance: number;
  kind: "abs" | "rel";
  /** Also measured on this real table when the real files are at hand. */
  real?: TableName;
}

/** What the checks depend on: the folder's size and the files present. */
export interface FidelityContext {
  /** Unique customers of the folder, and that divided by Kaggle's 96,096. */
  people: number;
  scale: number;
  found: ReadonlySet<TableName>;
}

const sumOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The calibration checks (marginals of orders, delivery, customers, items, payments, reviews…). */
export function calibrationChecks(ctx: FidelityContext): FidelityCheck[] {
  const { scale, found } = ctx;
  const checks: FidelityCheck[] = [];
  // Size (targets scaled by unique customers).
  const sizes: [string, string, number][] = [
    ["orders", "SELECT count(*) FROM orders", KAGGLE_SIZES.orders],
    ["order items", "SELECT count(*) FROM order_items", KAGGLE_SIZES.items],
    ["payment rows", "SELECT count(*) FROM order_payments", KAGGLE_SIZES.payments],
    ["review rows", "SELECT count(*) FROM order_reviews", KAGGLE_SIZES.reviews],
  ];
  for (const [m, sql, n] of sizes)
    checks.push({
      section: "size",
      metric: m,
      sql: sql,
      target: n * scale,
      source: "CAL §0",
      tolerance: 0.02,
      kind: "rel",
    });
  if (found.has("products")) {
    checks.push({
      section: "size",
      metric: "products",
      sql: "SELECT count(*) FROM products",
      target: KAGGLE_SIZES.products * scale,
      source: "CAL §0",
      tolerance: 0.02,
      kind: "rel",
    });
  }

  // Orders.
  for (const st of ["delivered", "shipped", "canceled", "unavailable", "invoiced", "processing"]) {
    checks.push({
      section: "orders",
      metric: `status ${st} %`,
      sql: `SELECT 100 * avg((order_status = '${st}')::INT) FROM orders`,
      target: (100 * STATUS_COUNTS[st]) / KAGGLE_SIZES.orders,
      source: "CAL §1.1",
      tolerance: st === "delivered" ? 0.6 : 0.3,
      kind: "abs",
    });
  }
  for (const m of ORDERS_BY_MONTH.filter((x) => x.orders > 1000)) {
    checks.push({
      section: "orders",
      metric: `orders in ${m.month} %`,
      sql: `SELECT 100 * avg((strftime(order_purchase_timestamp, '%Y-%m') = '${m.month}')::INT) FROM orders`,
      target: (100 * m.orders) / KAGGLE_SIZES.orders,
      source: "CAL §1.2",
      tolerance: 0.1 + 0.05 * ((100 * m.orders) / KAGGLE_SIZES.orders),
      kind: "abs",
    });
  }
  // The release's window: first purchase 2016-09-04 21:15:19, last 2018-10-17 17:30:18 [TH1].
  checks.push({
    section: "orders",
    metric: "orders outside 2016-09-04 … 2018-10-17 %",
    sql: `SELECT 100 * avg((order_purchase_timestamp < TIMESTAMP '2016-09-04 21:15:19'
       OR order_purchase_timestamp > TIMESTAMP '2018-10-17 17:30:18')::INT) FROM orders`,
    target: 0,
    source: "CAL §1.2",
    tolerance: 0,
    kind: "abs",
  });
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  const wdTotal = sumOf(WEEKDAY_COUNTS_MON_FIRST);
  for (let d = 0; d < 7; d++) {
    checks.push({
      section: "orders",
      metric: `weekday ${days[d]} %`,
      sql: `SELECT 100 * avg((isodow(order_purchase_timestamp) = ${d + 1})::INT) FROM orders`,
      target: (100 * WEEKDAY_COUNTS_MON_FIRST[d]) / wdTotal,
      source: "CAL §1.3",
      tolerance: 1,
      kind: "abs",
    });
  }
  const hTotal = sumOf(HOUR_BLOCK_COUNTS);
  for (let b = 0; b < 4; b++) {
    checks.push({
      section: "orders",
      metric: `hours ${String(6 * b).padStart(2, "0")}–${6 * b + 6} h %`,
      sql: `SELECT 100 * avg((hour(order_purchase_timestamp) // 6 = ${b})::INT) FROM orders`,
      target: (100 * HOUR_BLOCK_COUNTS[b]) / hTotal,
      source: "CAL §1.3",
      tolerance: 1,
      kind: "abs",
    });
  }
  const deliveredDays = `SELECT floor(epoch(order_delivered_customer_date - order_purchase_timestamp) / 86400) AS d
    FROM orders WHERE order_status = 'delivered' AND order_delivered_customer_date IS NOT NULL`;
  checks.push({
    section: "delivery",
    metric: "delivery days mean",
    sql: `SELECT avg(d) FROM (${deliveredDays})`,
    target: DELIVERY_DAYS.mean,
    source: "CAL §1.4",
    tolerance: 1.5,
    kind: "abs",
  });
  for (const [q, target] of [
    [0.25, DELIVERY_DAYS.q25],
    [0.5, DELIVERY_DAYS.median],
    [0.75, DELIVERY_DAYS.q75],
  ] as const) {
    checks.push({
      section: "delivery",
      metric: `delivery days p${q * 100}`,
      sql: `SELECT quantile_disc(d, ${q}) FROM (${deliveredDays})`,
      target: target,
      source: "CAL §1.4",
      tolerance: 1.5,
      kind: "abs",
    });
  }
  checks.push({
    section: "delivery",
    metric: "estimate window days mean",
    sql: `SELECT avg(epoch(order_estimated_delivery_date - order_purchase_timestamp) / 86400) FROM orders`,
    target: DELIVERY_DAYS.estimateMean,
    source: "CAL §1.4",
    tolerance: 2.5,
    kind: "abs",
  });
  checks.push({
    section: "delivery",
    metric: "late % (timestamp rule)",
    sql: `SELECT 100 * avg((order_delivered_customer_date > order_estimated_delivery_date)::INT)
     FROM orders WHERE order_status = 'delivered' AND order_delivered_customer_date IS NOT NULL`,
    target: 100 * LATE_SHARE,
    source: "CAL §1.5",
    tolerance: 1,
    kind: "abs",
  });

  // Customers.
  const totalPeople = sumOf(ORDERS_PER_CUSTOMER.map((r) => r[1]));
  const perPerson = `SELECT customer_unique_id, count(*) AS n FROM customers GROUP BY 1`;
  checks.push({
    section: "customers",
    metric: "single-order customers %",
    sql: `SELECT 100 * avg((n = 1)::INT) FROM (${perPerson})`,
    target: (100 * ORDERS_PER_CUSTOMER[0][1]) / totalPeople,
    source: "CAL §2.1",
    tolerance: 0.4,
    kind: "abs",
  });
  checks.push({
    section: "customers",
    metric: "two-order customers %",
    sql: `SELECT 100 * avg((n = 2)::INT) FROM (${perPerson})`,
    target: (100 * ORDERS_PER_CUSTOMER[1][1]) / totalPeople,
    source: "CAL §2.1",
    tolerance: 0.4,
    kind: "abs",
  });
  const custTotal = sumOf(STATES.map((s) => s.customers));
  for (const s of [...STATES].sort((a, b) => b.customers - a.customers).slice(0, 10)) {
    checks.push({
      section: "customers",
      metric: `state ${s.code} %`,
      sql: `SELECT 100 * avg((customer_state = '${s.code}')::INT) FROM customers`,
      target: (100 * s.customers) / custTotal,
      source: "CAL §2.2",
      tolerance: 0.3 + 0.03 * ((100 * s.customers) / custTotal),
      kind: "abs",
    });
  }

  // Items.
  checks.push({
    section: "items",
    metric: "orders with 1 item % (of orders with items)",
    sql: `SELECT 100 * avg((n = 1)::INT) FROM (SELECT order_id, count(*) n FROM order_items GROUP BY 1)`,
    target: 90.06,
    source: "CAL §3.1",
    tolerance: 1.5,
    kind: "abs",
  });
  checks.push({
    section: "items",
    metric: "orders without items %",
    sql: `SELECT 100 * avg((order_id NOT IN (SELECT order_id FROM order_items))::INT) FROM orders`,
    target: (100 * 775) / KAGGLE_SIZES.orders,
    source: "CAL §0",
    tolerance: 0.3,
    kind: "abs",
  });
  for (const [col, stats] of [
    ["price", ITEM_VALUE_STATS.price],
    ["freight_value", ITEM_VALUE_STATS.freight],
  ] as const) {
    checks.push({
      section: "items",
      metric: `${col} mean`,
      sql: `SELECT avg(${col}) FROM order_items`,
      target: stats.mean,
      source: "CAL §3.2",
      tolerance: 0.15,
      kind: "rel",
    });
    checks.push({
      section: "items",
      metric: `${col} p25`,
      sql: `SELECT quantile_cont(${col}, 0.25) FROM order_items`,
      target: stats.q25,
      source: "CAL §3.2",
      tolerance: 0.15,
      kind: "rel",
    });
    checks.push({
      section: "items",
      metric: `${col} median`,
      sql: `SELECT quantile_cont(${col}, 0.5) FROM order_items`,
      target: stats.median,
      source: "CAL §3.2",
      tolerance: 0.12,
      kind: "rel",
    });
    checks.push({
      section: "items",
      metric: `${col} p75`,
      sql: `SELECT quantile_cont(${col}, 0.75) FROM order_items`,
      target: stats.q75,
      source: "CAL §3.2",
      tolerance: 0.15,
      kind: "rel",
    });
  }

  // Payments (also measured on the real file when present).
  const payRows = sumOf(Object.values(PAYMENT_TYPE_COUNTS));
  for (const t of ["credit_card", "boleto", "voucher", "debit_card"]) {
    checks.push({
      section: "payments",
      metric: `type ${t} %`,
      sql: `SELECT 100 * avg((payment_type = '${t}')::INT) FROM order_payments`,
      target: (100 * PAYMENT_TYPE_COUNTS[t]) / payRows,
      source: "REAL payments",
      tolerance: 1.5,
      kind: "abs",
      real: "order_payments",
    });
  }
  for (const [k, q] of [
    ["p10", 0.1],
    ["p25", 0.25],
    ["p50", 0.5],
    ["p75", 0.75],
    ["p90", 0.9],
    ["p99", 0.99],
  ] as const) {
    checks.push({
      section: "payments",
      metric: `payment_value ${k}`,
      sql: `SELECT quantile_cont(payment_value, ${q}) FROM order_payments`,
      target: PAYMENT_VALUE_QUANTILES[k],
      source: "REAL payments",
      tolerance: k === "p99" ? 0.25 : 0.15,
      kind: "rel",
      real: "order_payments",
    });
  }
  checks.push({
    section: "payments",
    metric: "payment_value mean",
    sql: `SELECT avg(payment_value) FROM order_payments`,
    target: PAYMENT_VALUE_QUANTILES.mean,
    source: "REAL payments",
    tolerance: 0.15,
    kind: "rel",
    real: "order_payments",
  });
  const cc = INSTALLMENTS_BY_VALUE.flatMap((b) => b.counts.map((n, i) => [i, n] as const));
  const ccMean = sumOf(cc.map(([i, n]) => i * n)) / sumOf(cc.map(([, n]) => n));
  checks.push({
    section: "payments",
    metric: "card instalments mean",
    sql: `SELECT avg(payment_installments) FROM order_payments WHERE payment_type = 'credit_card' AND payment_sequential = 1`,
    target: ccMean,
    source: "REAL payments",
    tolerance: 0.15,
    kind: "rel",
    real: "order_payments",
  });
  checks.push({
    section: "payments",
    metric: "orders paying items + freight exactly %",
    sql: `WITH i AS (SELECT order_id, round(sum(price + freight_value), 2) v FROM order_items GROUP BY 1),
          p AS (SELECT order_id, round(sum(payment_value), 2) v FROM order_payments GROUP BY 1)
     SELECT 100 * avg((abs(i.v - p.v) < 0.015)::INT) FROM i JOIN p USING (order_id)`,
    target: (100 * 98_362) / 98_665,
    source: "CAL §3.2",
    tolerance: 1,
    kind: "abs",
  });

  // Reviews.
  const reviewTotal = sumOf(REVIEW_SCORE_COUNTS);
  for (let s = 5; s >= 1; s--) {
    checks.push({
      section: "reviews",
      metric: `score ${s} %`,
      sql: `SELECT 100 * avg((review_score = ${s})::INT) FROM order_reviews`,
      target: (100 * REVIEW_SCORE_COUNTS[s - 1]) / reviewTotal,
      source: "CAL §4.1",
      tolerance: 1.5,
      kind: "abs",
    });
  }
  checks.push({
    section: "reviews",
    metric: "with message %",
    sql: `SELECT 100 * avg((review_comment_message IS NOT NULL)::INT) FROM order_reviews`,
    target: 41.3,
    source: "CAL §4.2",
    tolerance: 2,
    kind: "abs",
  });
  checks.push({
    section: "reviews",
    metric: "with title %",
    sql: `SELECT 100 * avg((review_comment_title IS NOT NULL)::INT) FROM order_reviews`,
    target: 11.66,
    source: "CAL §4.2",
    tolerance: 1.5,
    kind: "abs",
  });
  const byLate = (
    late: boolean,
  ) => `SELECT avg(r.review_score) FROM order_reviews r JOIN orders o USING (order_id)
    WHERE o.order_status = 'delivered' AND o.order_delivered_customer_date IS NOT NULL
      AND (o.order_delivered_customer_date > o.order_estimated_delivery_date) = ${late}`;
  checks.push({
    section: "reviews",
    metric: "mean score on time",
    sql: byLate(false),
    target: SCORE_BY_LATENESS.onTime,
    source: "CAL §4.3",
    tolerance: 0.12,
    kind: "abs",
  });
  checks.push({
    section: "reviews",
    metric: "mean score late",
    sql: byLate(true),
    target: SCORE_BY_LATENESS.late,
    source: "CAL §4.3",
    tolerance: 0.2,
    kind: "abs",
  });

  // Products and sellers (also measured on the real files when present).
  if (found.has("products")) {
    const prodTotal = sumOf(CATEGORIES.map((c) => c.products));
    for (const c of [...CATEGORIES].sort((a, b) => b.products - a.products).slice(0, 6)) {
      const where =
        c.name === "" ? "product_category_name IS NULL" : `product_category_name = '${c.name}'`;
      checks.push({
        section: "products",
        metric: `category ${c.name || "(none)"} %`,
        sql: `SELECT 100 * avg((${where})::INT) FROM products`,
        target: (100 * c.products) / prodTotal,
        source: "REAL products",
        tolerance: 0.8,
        kind: "abs",
        real: "products",
      });
    }
    for (const col of ["product_weight_g", "product_length_cm", "product_description_lenght"]) {
      const q = PRODUCT_ATTRIBUTE_QUANTILES[col];
      checks.push({
        section: "products",
        metric: `${col} median`,
        sql: `SELECT quantile_cont(${col}, 0.5) FROM products`,
        target: q[3],
        source: "REAL products",
        tolerance: 0.2,
        kind: "rel",
        real: "products",
      });
    }
  }
  if (found.has("sellers")) {
    const sellTotal = sumOf(STATES.map((s) => s.sellers));
    for (const code of ["SP", "PR", "MG", "SC", "RJ"]) {
      const st = STATES.find((s) => s.code === code)!;
      checks.push({
        section: "sellers",
        metric: `seller state ${code} %`,
        sql: `SELECT 100 * avg((seller_state = '${code}')::INT) FROM sellers`,
        target: (100 * st.sellers) / sellTotal,
        source: "REAL sellers",
        tolerance: code === "SP" ? 3 : 1.5,
        kind: "abs",
        real: "sellers",
      });
    }
  }
  if (found.has("geolocation")) {
    checks.push({
      section: "geolocation",
      metric: "customer zip prefixes found in geolocation %",
      sql: `SELECT 100 * avg((customer_zip_code_prefix IN (SELECT geolocation_zip_code_prefix FROM geolocation))::INT) FROM customers`,
      target: 100 - (100 * 278) / KAGGLE_SIZES.orders,
      source: "CAL §5",
      tolerance: 0.5,
      kind: "abs",
    });
    checks.push({
      section: "geolocation",
      metric: "distinct zip prefixes",
      sql: `SELECT count(DISTINCT geolocation_zip_code_prefix) FROM geolocation`,
      target: KAGGLE_SIZES.geolocationPrefixes * scale,
      source: "CAL §5",
      tolerance: 0.15,
      kind: "rel",
    });
  }
  return checks;
}
