/**
 * Fidelity report of an Olist folder (normally the twin): its marginals, measured with DuckDB SQL
 * over the CSV files themselves, side by side with the calibration targets and, when the real
 * files are at hand, with the same statistics of the four complete original files.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../data/db.js";
import { tableSpec } from "../data/schema.js";
import type { TableName } from "../data/schema.js";
import { SQL_TYPES } from "../data/tables.js";
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

/** One compared statistic. */
export interface FidelityLine {
  section: string;
  metric: string;
  /** Value measured on the folder's CSV files. */
  twin: number;
  /** Calibration target (scaled to the folder's size for counts). */
  target: number;
  /** Same statistic on the complete real files, when available. */
  real: number | null;
  /** Source tag of the target (see `calibration.ts`). */
  source: string;
  /** `(twin − target) / |target|`. */
  relDiff: number;
  /** Allowed gap: absolute (same unit as the value) or relative. */
  tolerance: number;
  toleranceKind: "abs" | "rel";
  pass: boolean;
}

/** Options of `fidelityReport`. */
export interface FidelityOptions {
  /** Folder with the nine CSV files to measure (`.csv` or `.csv.gz`). */
  dataDir: string;
  /** Folder with the complete real payments/products/sellers files (`.csv.gz`), optional. */
  realDir?: string;
}

/** `read_csv(...)` of one Olist file with the schema's column types, or `null` when absent. */
export function csvSource(dir: string, table: TableName): string | null {
  const spec = tableSpec(table);
  const path = [".csv", ".csv.gz"].map((ext) => join(dir, spec.file + ext)).find(existsSync);
  if (!path) return null;
  const cols = spec.columns.map((c) => `'${c.name}': '${SQL_TYPES[c.type]}'`).join(", ");
  return (
    `read_csv('${path.replace(/'/g, "''")}', header = true, delim = ',', quote = '"', ` +
    `escape = '"', columns = {${cols}}, timestampformat = '%Y-%m-%d %H:%M:%S')`
  );
}

/** Creates one view per Olist file found in `dir`, named `<prefix><table>`. */
async function createViews(db: Database, dir: string, prefix: string): Promise<Set<TableName>> {
  const found = new Set<TableName>();
  const tables: TableName[] = [
    "orders",
    "customers",
    "order_items",
    "order_payments",
    "order_reviews",
    "products",
    "sellers",
    "geolocation",
    "category_translation",
  ];
  for (const t of tables) {
    const src = csvSource(dir, t);
    if (src === null) continue;
    await db.run(`CREATE OR REPLACE VIEW ${prefix}${t} AS SELECT * FROM ${src}`);
    found.add(t);
  }
  return found;
}

const sumOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * Measures the folder and compares it with the calibration. Throws, naming the file, when one of
 * the nine files is missing in `dataDir`.
 *
 * @example
 * const lines = await fidelityReport({ dataDir: "data/twin", realDir: "../shared/olist" });
 * lines.filter((l) => !l.pass); // statistics out of tolerance
 */
export async function fidelityReport(options: FidelityOptions): Promise<FidelityLine[]> {
  const db = await Database.open();
  try {
    const found = await createViews(db, options.dataDir, "");
    for (const t of ["orders", "customers", "order_items", "order_payments", "order_reviews"]) {
      if (!found.has(t as TableName)) {
        throw new Error(
          `${tableSpec(t as TableName).file}.csv not found in ${options.dataDir}; generate it with npm run data:twin`,
        );
      }
    }
    const real = options.realDir ? await createViews(db, options.realDir, "real_") : new Set();
    const lines: FidelityLine[] = [];
    const num = async (sql: string) => Number(await db.scalar(sql));
    const add = async (
      section: string,
      metric: string,
      sql: string,
      target: number,
      source: string,
      tolerance: number,
      toleranceKind: "abs" | "rel",
      realTable?: TableName,
    ) => {
      const twin = await num(sql);
      let realValue: number | null = null;
      if (realTable && real.has(realTable)) {
        realValue = await num(sql.replaceAll(`FROM ${realTable}`, `FROM real_${realTable}`));
      }
      const gap = Math.abs(twin - target);
      const pass = toleranceKind === "abs" ? gap <= tolerance : gap <= tolerance * Math.abs(target);
      lines.push({
        section,
        metric,
        twin,
        target,
        real: realValue,
        source,
        relDiff: target === 0 ? NaN : (twin - target) / Math.abs(target),
        tolerance: Math.round(tolerance * 100) / 100,
        toleranceKind,
        pass,
      });
    };

    // Size (targets scaled by unique customers).
    const people = await num("SELECT count(DISTINCT customer_unique_id) FROM customers");
    const scale = people / KAGGLE_SIZES.uniqueCustomers;
    const sizes: [string, string, number][] = [
      ["orders", "SELECT count(*) FROM orders", KAGGLE_SIZES.orders],
      ["order items", "SELECT count(*) FROM order_items", KAGGLE_SIZES.items],
      ["payment rows", "SELECT count(*) FROM order_payments", KAGGLE_SIZES.payments],
      ["review rows", "SELECT count(*) FROM order_reviews", KAGGLE_SIZES.reviews],
    ];
    for (const [m, sql, n] of sizes) await add("size", m, sql, n * scale, "CAL §0", 0.02, "rel");
    if (found.has("products")) {
      await add(
        "size",
        "products",
        "SELECT count(*) FROM products",
        KAGGLE_SIZES.products * scale,
        "CAL §0",
        0.02,
        "rel",
      );
    }

    // Orders.
    for (const st of [
      "delivered",
      "shipped",
      "canceled",
      "unavailable",
      "invoiced",
      "processing",
    ]) {
      await add(
        "orders",
        `status ${st} %`,
        `SELECT 100 * avg((order_status = '${st}')::INT) FROM orders`,
        (100 * STATUS_COUNTS[st]) / KAGGLE_SIZES.orders,
        "CAL §1.1",
        st === "delivered" ? 0.6 : 0.3,
        "abs",
      );
    }
    for (const m of ORDERS_BY_MONTH.filter((x) => x.orders > 1000)) {
      await add(
        "orders",
        `orders in ${m.month} %`,
        `SELECT 100 * avg((strftime(order_purchase_timestamp, '%Y-%m') = '${m.month}')::INT) FROM orders`,
        (100 * m.orders) / KAGGLE_SIZES.orders,
        "CAL §1.2",
        0.1 + 0.05 * ((100 * m.orders) / KAGGLE_SIZES.orders),
        "abs",
      );
    }
    // The release's window: first purchase 2016-09-04 21:15:19, last 2018-10-17 17:30:18 [TH1].
    await add(
      "orders",
      "orders outside 2016-09-04 … 2018-10-17 %",
      `SELECT 100 * avg((order_purchase_timestamp < TIMESTAMP '2016-09-04 21:15:19'
         OR order_purchase_timestamp > TIMESTAMP '2018-10-17 17:30:18')::INT) FROM orders`,
      0,
      "CAL §1.2",
      0,
      "abs",
    );
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const wdTotal = sumOf(WEEKDAY_COUNTS_MON_FIRST);
    for (let d = 0; d < 7; d++) {
      await add(
        "orders",
        `weekday ${days[d]} %`,
        `SELECT 100 * avg((isodow(order_purchase_timestamp) = ${d + 1})::INT) FROM orders`,
        (100 * WEEKDAY_COUNTS_MON_FIRST[d]) / wdTotal,
        "CAL §1.3",
        1,
        "abs",
      );
    }
    const hTotal = sumOf(HOUR_BLOCK_COUNTS);
    for (let b = 0; b < 4; b++) {
      await add(
        "orders",
        `hours ${String(6 * b).padStart(2, "0")}–${6 * b + 6} h %`,
        `SELECT 100 * avg((hour(order_purchase_timestamp) // 6 = ${b})::INT) FROM orders`,
        (100 * HOUR_BLOCK_COUNTS[b]) / hTotal,
        "CAL §1.3",
        1,
        "abs",
      );
    }
    const deliveredDays = `SELECT floor(epoch(order_delivered_customer_date - order_purchase_timestamp) / 86400) AS d
      FROM orders WHERE order_status = 'delivered' AND order_delivered_customer_date IS NOT NULL`;
    await add(
      "delivery",
      "delivery days mean",
      `SELECT avg(d) FROM (${deliveredDays})`,
      DELIVERY_DAYS.mean,
      "CAL §1.4",
      1.5,
      "abs",
    );
    for (const [q, target] of [
      [0.25, DELIVERY_DAYS.q25],
      [0.5, DELIVERY_DAYS.median],
      [0.75, DELIVERY_DAYS.q75],
    ] as const) {
      await add(
        "delivery",
        `delivery days p${q * 100}`,
        `SELECT quantile_disc(d, ${q}) FROM (${deliveredDays})`,
        target,
        "CAL §1.4",
        1.5,
        "abs",
      );
    }
    await add(
      "delivery",
      "estimate window days mean",
      `SELECT avg(epoch(order_estimated_delivery_date - order_purchase_timestamp) / 86400) FROM orders`,
      DELIVERY_DAYS.estimateMean,
      "CAL §1.4",
      2.5,
      "abs",
    );
    await add(
      "delivery",
      "late % (timestamp rule)",
      `SELECT 100 * avg((order_delivered_customer_date > order_estimated_delivery_date)::INT)
       FROM orders WHERE order_status = 'delivered' AND order_delivered_customer_date IS NOT NULL`,
      100 * LATE_SHARE,
      "CAL §1.5",
      1,
      "abs",
    );

    // Customers.
    const totalPeople = sumOf(ORDERS_PER_CUSTOMER.map((r) => r[1]));
    const perPerson = `SELECT customer_unique_id, count(*) AS n FROM customers GROUP BY 1`;
    await add(
      "customers",
      "single-order customers %",
      `SELECT 100 * avg((n = 1)::INT) FROM (${perPerson})`,
      (100 * ORDERS_PER_CUSTOMER[0][1]) / totalPeople,
      "CAL §2.1",
      0.4,
      "abs",
    );
    await add(
      "customers",
      "two-order customers %",
      `SELECT 100 * avg((n = 2)::INT) FROM (${perPerson})`,
      (100 * ORDERS_PER_CUSTOMER[1][1]) / totalPeople,
      "CAL §2.1",
      0.4,
      "abs",
    );
    const custTotal = sumOf(STATES.map((s) => s.customers));
    for (const s of [...STATES].sort((a, b) => b.customers - a.customers).slice(0, 10)) {
      await add(
        "customers",
        `state ${s.code} %`,
        `SELECT 100 * avg((customer_state = '${s.code}')::INT) FROM customers`,
        (100 * s.customers) / custTotal,
        "CAL §2.2",
        0.3 + 0.03 * ((100 * s.customers) / custTotal),
        "abs",
      );
    }

    // Items.
    await add(
      "items",
      "orders with 1 item % (of orders with items)",
      `SELECT 100 * avg((n = 1)::INT) FROM (SELECT order_id, count(*) n FROM order_items GROUP BY 1)`,
      90.06,
      "CAL §3.1",
      1.5,
      "abs",
    );
    await add(
      "items",
      "orders without items %",
      `SELECT 100 * avg((order_id NOT IN (SELECT order_id FROM order_items))::INT) FROM orders`,
      (100 * 775) / KAGGLE_SIZES.orders,
      "CAL §0",
      0.3,
      "abs",
    );
    for (const [col, stats] of [
      ["price", ITEM_VALUE_STATS.price],
      ["freight_value", ITEM_VALUE_STATS.freight],
    ] as const) {
      await add(
        "items",
        `${col} mean`,
        `SELECT avg(${col}) FROM order_items`,
        stats.mean,
        "CAL §3.2",
        0.15,
        "rel",
      );
      await add(
        "items",
        `${col} p25`,
        `SELECT quantile_cont(${col}, 0.25) FROM order_items`,
        stats.q25,
        "CAL §3.2",
        0.15,
        "rel",
      );
      await add(
        "items",
        `${col} median`,
        `SELECT quantile_cont(${col}, 0.5) FROM order_items`,
        stats.median,
        "CAL §3.2",
        0.12,
        "rel",
      );
      await add(
        "items",
        `${col} p75`,
        `SELECT quantile_cont(${col}, 0.75) FROM order_items`,
        stats.q75,
        "CAL §3.2",
        0.15,
        "rel",
      );
    }

    // Payments (also measured on the real file when present).
    const payRows = sumOf(Object.values(PAYMENT_TYPE_COUNTS));
    for (const t of ["credit_card", "boleto", "voucher", "debit_card"]) {
      await add(
        "payments",
        `type ${t} %`,
        `SELECT 100 * avg((payment_type = '${t}')::INT) FROM order_payments`,
        (100 * PAYMENT_TYPE_COUNTS[t]) / payRows,
        "REAL payments",
        1.5,
        "abs",
        "order_payments",
      );
    }
    for (const [k, q] of [
      ["p10", 0.1],
      ["p25", 0.25],
      ["p50", 0.5],
      ["p75", 0.75],
      ["p90", 0.9],
      ["p99", 0.99],
    ] as const) {
      await add(
        "payments",
        `payment_value ${k}`,
        `SELECT quantile_cont(payment_value, ${q}) FROM order_payments`,
        PAYMENT_VALUE_QUANTILES[k],
        "REAL payments",
        k === "p99" ? 0.25 : 0.15,
        "rel",
        "order_payments",
      );
    }
    await add(
      "payments",
      "payment_value mean",
      `SELECT avg(payment_value) FROM order_payments`,
      PAYMENT_VALUE_QUANTILES.mean,
      "REAL payments",
      0.15,
      "rel",
      "order_payments",
    );
    const cc = INSTALLMENTS_BY_VALUE.flatMap((b) => b.counts.map((n, i) => [i, n] as const));
    const ccMean = sumOf(cc.map(([i, n]) => i * n)) / sumOf(cc.map(([, n]) => n));
    await add(
      "payments",
      "card instalments mean",
      `SELECT avg(payment_installments) FROM order_payments WHERE payment_type = 'credit_card' AND payment_sequential = 1`,
      ccMean,
      "REAL payments",
      0.15,
      "rel",
      "order_payments",
    );
    await add(
      "payments",
      "orders paying items + freight exactly %",
      `WITH i AS (SELECT order_id, round(sum(price + freight_value), 2) v FROM order_items GROUP BY 1),
            p AS (SELECT order_id, round(sum(payment_value), 2) v FROM order_payments GROUP BY 1)
       SELECT 100 * avg((abs(i.v - p.v) < 0.015)::INT) FROM i JOIN p USING (order_id)`,
      (100 * 98_362) / 98_665,
      "CAL §3.2",
      1,
      "abs",
    );

    // Reviews.
    const reviewTotal = sumOf(REVIEW_SCORE_COUNTS);
    for (let s = 5; s >= 1; s--) {
      await add(
        "reviews",
        `score ${s} %`,
        `SELECT 100 * avg((review_score = ${s})::INT) FROM order_reviews`,
        (100 * REVIEW_SCORE_COUNTS[s - 1]) / reviewTotal,
        "CAL §4.1",
        1.5,
        "abs",
      );
    }
    await add(
      "reviews",
      "with message %",
      `SELECT 100 * avg((review_comment_message IS NOT NULL)::INT) FROM order_reviews`,
      41.3,
      "CAL §4.2",
      2,
      "abs",
    );
    await add(
      "reviews",
      "with title %",
      `SELECT 100 * avg((review_comment_title IS NOT NULL)::INT) FROM order_reviews`,
      11.66,
      "CAL §4.2",
      1.5,
      "abs",
    );
    const byLate = (
      late: boolean,
    ) => `SELECT avg(r.review_score) FROM order_reviews r JOIN orders o USING (order_id)
      WHERE o.order_status = 'delivered' AND o.order_delivered_customer_date IS NOT NULL
        AND (o.order_delivered_customer_date > o.order_estimated_delivery_date) = ${late}`;
    await add(
      "reviews",
      "mean score on time",
      byLate(false),
      SCORE_BY_LATENESS.onTime,
      "CAL §4.3",
      0.12,
      "abs",
    );
    await add(
      "reviews",
      "mean score late",
      byLate(true),
      SCORE_BY_LATENESS.late,
      "CAL §4.3",
      0.2,
      "abs",
    );

    // Products and sellers (also measured on the real files when present).
    if (found.has("products")) {
      const prodTotal = sumOf(CATEGORIES.map((c) => c.products));
      for (const c of [...CATEGORIES].sort((a, b) => b.products - a.products).slice(0, 6)) {
        const where =
          c.name === "" ? "product_category_name IS NULL" : `product_category_name = '${c.name}'`;
        await add(
          "products",
          `category ${c.name || "(none)"} %`,
          `SELECT 100 * avg((${where})::INT) FROM products`,
          (100 * c.products) / prodTotal,
          "REAL products",
          0.8,
          "abs",
          "products",
        );
      }
      for (const col of ["product_weight_g", "product_length_cm", "product_description_lenght"]) {
        const q = PRODUCT_ATTRIBUTE_QUANTILES[col];
        await add(
          "products",
          `${col} median`,
          `SELECT quantile_cont(${col}, 0.5) FROM products`,
          q[3],
          "REAL products",
          0.2,
          "rel",
          "products",
        );
      }
    }
    if (found.has("sellers")) {
      const sellTotal = sumOf(STATES.map((s) => s.sellers));
      for (const code of ["SP", "PR", "MG", "SC", "RJ"]) {
        const st = STATES.find((s) => s.code === code)!;
        await add(
          "sellers",
          `seller state ${code} %`,
          `SELECT 100 * avg((seller_state = '${code}')::INT) FROM sellers`,
          (100 * st.sellers) / sellTotal,
          "REAL sellers",
          code === "SP" ? 3 : 1.5,
          "abs",
          "sellers",
        );
      }
    }
    if (found.has("geolocation")) {
      await add(
        "geolocation",
        "customer zip prefixes found in geolocation %",
        `SELECT 100 * avg((customer_zip_code_prefix IN (SELECT geolocation_zip_code_prefix FROM geolocation))::INT) FROM customers`,
        100 - (100 * 278) / KAGGLE_SIZES.orders,
        "CAL §5",
        0.5,
        "abs",
      );
      await add(
        "geolocation",
        "distinct zip prefixes",
        `SELECT count(DISTINCT geolocation_zip_code_prefix) FROM geolocation`,
        KAGGLE_SIZES.geolocationPrefixes * scale,
        "CAL §5",
        0.15,
        "rel",
      );
    }
    return lines;
  } finally {
    db.close();
  }
}

/** The report as a fixed-width text table (one line per statistic, failures marked). */
export function formatFidelity(lines: readonly FidelityLine[]): string {
  const fmt = (x: number | null) =>
    x === null || Number.isNaN(x) ? "" : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toFixed(2);
  const head = `${"section".padEnd(12)}${"metric".padEnd(46)}${"twin".padStart(11)}${"target".padStart(11)}${"real".padStart(11)}${"rel.diff".padStart(10)}${"tolerance".padStart(11)}  source`;
  const rows = lines.map(
    (l) =>
      `${l.section.padEnd(12)}${l.metric.padEnd(46)}${fmt(l.twin).padStart(11)}${fmt(l.target).padStart(11)}` +
      `${fmt(l.real).padStart(11)}${(Number.isNaN(l.relDiff) ? "" : `${(100 * l.relDiff).toFixed(1)}%`).padStart(10)}` +
      `${(l.toleranceKind === "abs" ? `±${l.tolerance}` : `±${100 * l.tolerance}%`).padStart(11)}  ${l.source}${l.pass ? "" : "  << OUT"}`,
  );
  return [head, ...rows].join("\n");
}
