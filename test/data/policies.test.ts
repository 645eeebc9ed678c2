/**
 * The value policies of the schema, applied at load: errors with file, line, column and value;
 * conflicting keys with their lines; exact repeats and out-of-window timestamps counted; the real
 * files' quirks (not_defined payments, zero payments and freight, 0 instalments, repeated
 * geolocation rows) load and are counted, never an error.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, beforeEach, describe, test } from "node:test";
import { Database } from "../../src/data/db.js";
import { openOlist } from "../../src/pipeline/openData.js";
import {
  plausibleWindow,
  WINDOW_FENCE_IQR,
  WINDOW_MIN_IQR_DAYS,
} from "../../src/data/plausibleWindow.js";
import { OLIST_TABLES, tableSpec } from "../../src/data/schema.js";
import type { TableName } from "../../src/data/schema.js";
import { createOlistTables } from "../../src/data/tables.js";
import { cleaningReport } from "../../src/features/cleaning.js";
import { parseCsv, readCsvObjects, readCsvText } from "../helpers/csv.js";
import { SHARED_OLIST, sharedSkipReason } from "../helpers/shared.js";

const quiet = { log: () => {}, generateTwin: false } as const;

/** One valid record per table (dates in 2018), as CSV fields. */
const VALID: Record<TableName, string[]> = {
  orders: ["o1", "c1", "delivered", "2018-01-10 10:00:00", "2018-01-10 11:00:00", "2018-01-11 09:00:00", "2018-01-15 10:00:00", "2018-01-20 00:00:00"],
  customers: ["c1", "u1", "01037", "sao paulo", "SP"],
  order_items: ["o1", "1", "p1", "s1", "2018-01-12 00:00:00", "100.00", "0.00"],
  order_payments: ["o1", "1", "not_defined", "0", "0.00"],
  order_reviews: ["r1", "o1", "5", "", "", "2018-01-16 00:00:00", "2018-01-17 10:00:00"],
  products: ["p1", "brinquedos", "", "", "", "0", "", "", ""],
  sellers: ["s1", "01001", "sao paulo", "SP"],
  geolocation: ["01037", "-23.5", "-46.6", "sao paulo", "SP"],
  category_translation: ["brinquedos", "toys"],
};

const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);

describe("value policies at load", () => {
  let dir: string;
  const file = (t: TableName) => path.join(dir, `${tableSpec(t).file}.csv`);
  /** Writes a table's file from records (header added). */
  const write = (t: TableName, records: string[][], sep = "\n") =>
    writeFileSync(
      file(t),
      [tableSpec(t).columns.map((c) => `"${c.name}"`).join(","), ...records.map((r) => r.map(quote).join(","))].join(sep),
    );
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "olist-policies-"));
    for (const spec of OLIST_TABLES) write(spec.table, [VALID[spec.table]]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The message of the error openOlist throws (fails when it loads). */
  async function loadError(): Promise<string> {
    try {
      const data = await openOlist({ dataDir: dir, ...quiet });
      data.db.close();
    } catch (e) {
      return (e as Error).message.replace(/\n/g, " ");
    }
    throw new Error("the folder loaded");
  }

  test("the release's own quirks load: not_defined, zero payment, zero freight, 0 instalments, weight 0", async () => {
    const data = await openOlist({ dataDir: dir, ...quiet });
    const report = await cleaningReport(data.db);
    const rows = Object.fromEntries(report.map((r) => [r.rule, r.rows]));
    assert.deepEqual(
      [rows.payment_type_not_defined, rows.zero_payment_value, rows.zero_freight, rows.zero_installments],
      [1, 1, 1, 1],
    );
    data.db.close();
  });

  test("a value outside its domain names file, physical line, column and value, after a multi-line review", async () => {
    const multi = [...VALID.order_reviews];
    multi[4] = "muito bom\r\nrecomendo";
    const bad = [...VALID.order_reviews];
    bad[0] = "r2";
    bad[2] = "9";
    write("order_reviews", [multi, bad], "\r\n");
    assert.match(
      await loadError(),
      /^olist_order_reviews_dataset\.csv line 4, column "review_score": value "9" is not an integer from 1 to 5 \(rule review_score_outside_1_5\)\. Correct the file/,
    );
  });

  test("every error rule of the schema: its message, and the others broken in the same file", async () => {
    const cases: [TableName, number, string, RegExp][] = [
      ["order_items", 5, "-0.01", /column "price": value "-0.01" is not a number ≥ 0 \(rule negative_price\)/],
      ["order_items", 6, "-3", /column "freight_value": value "-3" is not a number ≥ 0 \(rule negative_freight\)/],
      ["order_items", 1, "0", /column "order_item_id": value "0" is not an integer ≥ 1/],
      ["order_payments", 4, "-460.65", /column "payment_value": value "-460.65" is not a number ≥ 0/],
      ["order_payments", 3, "25", /column "payment_installments": value "25" is not an integer from 0 to 24/],
      ["order_payments", 2, "pix", /column "payment_type": value "pix" is not one of credit_card, boleto, voucher, debit_card, not_defined/],
      ["orders", 2, "lost", /column "order_status": value "lost" is not one of created, approved/],
      ["orders", 0, "", /column "order_id": value \(empty\) is empty, and this column is never empty .*\(rule empty_order_id\)/],
      ["products", 5, "-1", /column "product_weight_g": value "-1" is not an integer ≥ 0/],
      ["order_reviews", 2, "0", /column "review_score": value "0" is not an integer from 1 to 5/],
    ];
    for (const [table, column, value, message] of cases) {
      const record = [...VALID[table]];
      record[column] = value;
      write(table, [VALID[table], record]);
      assert.match(await loadError(), new RegExp(`${tableSpec(table).file}\\.csv line 3, ${message.source}`));
      write(table, [VALID[table]]);
    }
    const both = [...VALID.order_items];
    both[5] = "-1.00";
    both[6] = "-2.00";
    write("order_items", [VALID.order_items, both]);
    assert.match(await loadError(), /\(also broken in this file: negative_freight on 1 row\)/);
  });

  test("a key held by rows that differ is an error with both lines and the differing column", async () => {
    const canceled = [...VALID.orders];
    canceled[2] = "canceled";
    write("orders", [VALID.orders, [...VALID.orders].map((f, i) => (i === 0 ? "o2" : f)), canceled]);
    assert.match(
      await loadError(),
      /^olist_orders_dataset\.csv lines 2, 4: order_id "o1" appears 2 times with different values \(order_status "(delivered|canceled)" vs "(canceled|delivered)"\)\. The file must hold one row per order_id/,
    );
  });

  test("a header repeated in an all-text file is an error with its line", async () => {
    write("customers", [VALID.customers, tableSpec("customers").columns.map((c) => c.name)]);
    assert.match(await loadError(), /^olist_customers_dataset\.csv line 3: the header line is repeated inside the file/);
  });

  test("exact repeats load and are counted; timestamps outside the window are excluded and counted", async () => {
    // Quartiles resist up to a quarter of wrong values: eight orders of 2018 and one typed as 2999.
    const order = (id: string, purchase: string) => VALID.orders.map((f, i) => (i === 0 ? id : i === 3 ? purchase : f));
    const others = Array.from({ length: 6 }, (_, k) => order(`o${k + 2}`, `2018-0${k + 2}-10 10:00:00`));
    write("orders", [VALID.orders, VALID.orders, ...others, order("o9", "2999-01-10 10:00:00")]);
    write("geolocation", [VALID.geolocation, VALID.geolocation, VALID.geolocation]);
    const lines: string[] = [];
    const data = await openOlist({ dataDir: dir, log: (l) => lines.push(l), generateTwin: false });
    const rows = Object.fromEntries((await cleaningReport(data.db)).map((r) => [r.rule, r]));
    assert.equal(rows.duplicate_row_orders.rows, 1);
    assert.equal(rows.duplicate_row_orders.action, "excluded");
    assert.equal(rows.duplicate_row_geolocation.rows, 2);
    assert.equal(rows.duplicate_row_geolocation.action, "flagged");
    assert.equal(rows.purchase_outside_window.rows, 1);
    assert.equal(rows.purchase_outside_window.share, 1 / 9); // of the file's 9 records
    assert.equal(data.tables.find((t) => t.table === "orders")?.records, 9);
    assert.equal(await data.db.scalar("SELECT count(*) FROM orders"), 8);
    assert.ok(lines.includes("Excluded at load (counted in the cleaning report): 1 orders row(s) purchase_outside_window"), lines.join("\n"));
    data.db.close();
  });
});

describe("the plausible window", () => {
  test("Tukey's far-out fences of the purchase timestamps, with the IQR floor", async () => {
    const db = await Database.open();
    await createOlistTables(db);
    // Purchases on days 0, 100, 200, 300, 400 of 2017 and one typo in 2999: quartiles at days 100 and 400
    // (quantile_cont of 6 values: 0.25 → 1.25th gap, 0.75 → 3.75th gap).
    const days = [0, 100, 200, 300, 400];
    const base = Date.UTC(2017, 0, 1);
    const stamps = days.map((d) => new Date(base + d * 86_400_000)).concat([new Date(Date.UTC(2999, 0, 1))]);
    for (const [i, t] of stamps.entries()) {
      await db.run("INSERT INTO orders (order_id, order_purchase_timestamp) VALUES ($1, $2::TIMESTAMP)", [
        `o${i}`,
        t.toISOString().replace("T", " ").slice(0, 19),
      ]);
    }
    const w = (await plausibleWindow(db))!;
    const s = stamps.map((t) => t.getTime() / 1000).sort((a, b) => a - b);
    const q1 = s[1] + 0.25 * (s[2] - s[1]);
    const q3 = s[3] + 0.75 * (s[4] - s[3]);
    const iqr = Math.max(q3 - q1, WINDOW_MIN_IQR_DAYS * 86_400);
    assert.equal(w.from.getTime(), Math.round(q1 - WINDOW_FENCE_IQR * iqr) * 1000);
    assert.equal(w.to.getTime(), Math.round(q3 + WINDOW_FENCE_IQR * iqr) * 1000);
    assert.ok(w.to.getUTCFullYear() < 2025 && w.from.getUTCFullYear() > 2010);
    db.close();
  });
});

describe("the real files' quirks", { skip: sharedSkipReason() }, () => {
  test("load through the policies and are counted by the cleaning report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "olist-real-policies-"));
    try {
      for (const t of ["order_payments", "products", "sellers", "category_translation"] as const) {
        const f = tableSpec(t).file;
        copyFileSync(path.join(SHARED_OLIST, `${f}.csv.gz`), path.join(dir, `${f}.csv.gz`));
      }
      for (const t of ["orders", "customers", "order_items", "order_reviews", "geolocation"] as const) {
        const f = tableSpec(t).file;
        copyFileSync(path.join(SHARED_OLIST, "head", `${f}.csv`), path.join(dir, `${f}.csv`));
      }
      const data = await openOlist({ dataDir: dir, log: () => {} });
      const rows = Object.fromEntries((await cleaningReport(data.db)).map((r) => [r.rule, r.rows]));
      data.db.close();
      // Expected counts from a second, independent parse of the same files.
      const payments = readCsvObjects(path.join(dir, "olist_order_payments_dataset.csv.gz"));
      assert.equal(rows.payment_type_not_defined, payments.filter((p) => p.payment_type === "not_defined").length);
      assert.equal(rows.payment_type_not_defined, 3);
      assert.equal(rows.zero_payment_value, payments.filter((p) => Number(p.payment_value) === 0).length);
      assert.equal(rows.zero_installments, payments.filter((p) => p.payment_installments === "0").length);
      const products = readCsvObjects(path.join(dir, "olist_products_dataset.csv.gz"));
      assert.equal(rows.missing_category, products.filter((p) => p.product_category_name === "").length);
      const geo = parseCsv(readCsvText(path.join(dir, "olist_geolocation_dataset.csv"))).slice(1);
      assert.equal(rows.duplicate_row_geolocation, geo.length - new Set(geo.map((r) => r.join("\u0001"))).size);
      for (const rule of ["purchase_outside_window", "review_created_outside_window", "review_answered_outside_window"]) {
        assert.equal(rows[rule], 0, rule);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
