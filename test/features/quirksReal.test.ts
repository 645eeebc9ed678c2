/**
 * The quirk rules of the cleaning report on the real files (../shared/olist, read from a temporary
 * folder, never copied into the repository): on the four complete files the counts equal the
 * published figures (CALIBRATION.md) or an independent parse; on the heads of the five other files
 * they equal counts made here by a second reading of the CSV text. The loader's value policies
 * accept every record of both (the quirks are legal).
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import { openOlist } from "../../src/pipeline/openData.js";
import type { TableName } from "../../src/data/schema.js";
import { tableSpec } from "../../src/data/schema.js";
import type { CleaningRow } from "../../src/features/index.js";
import { BRAZIL_BOUNDING_BOX, cleaningReport, normalCityName } from "../../src/features/index.js";
import { readCsvObjects } from "../helpers/csv.js";
import { SHARED_OLIST, sharedSkipReason } from "../helpers/shared.js";

const skip = sharedSkipReason();
const COMPLETE: TableName[] = ["order_payments", "products", "sellers", "category_translation"];
const HEADS: TableName[] = ["orders", "customers", "order_items", "order_reviews", "geolocation"];
const completeFile = (t: TableName) => path.join(SHARED_OLIST, `${tableSpec(t).file}.csv.gz`);
const headFile = (t: TableName) => path.join(SHARED_OLIST, "head", `${tableSpec(t).file}.csv`);

describe("quirk rules on the real files", { skip }, () => {
  let dir: string;
  let db: Database;
  let report: CleaningRow[];
  const rows = (rule: string) => {
    const r = report.find((x) => x.rule === rule);
    assert.ok(r, `rule ${rule} missing from the report`);
    return r.rows;
  };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "olist-quirk-real-"));
    for (const t of COMPLETE)
      copyFileSync(completeFile(t), path.join(dir, `${tableSpec(t).file}.csv.gz`));
    for (const t of HEADS) copyFileSync(headFile(t), path.join(dir, `${tableSpec(t).file}.csv`));
    const data = await openOlist({ dataDir: dir, log: () => {} });
    db = data.db;
    // The value policies accept every real record: nothing excluded at load.
    assert.deepEqual(
      data.policyCounts.filter((c) => c.action === "excluded" && c.rows > 0),
      [],
    );
    report = await cleaningReport(db);
  });
  after(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("products: 610 without a category, 13 in categories absent from the translation (published)", async () => {
    assert.equal(rows("missing_category"), 610); // CALIBRATION.md §3.3
    assert.equal(rows("untranslated_category"), 13);
    const missing = await db.scalar<number>(
      `SELECT count(DISTINCT product_category_name) FROM products p
       WHERE product_category_name IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM category_translation t WHERE t.product_category_name = p.product_category_name)`,
    );
    assert.equal(missing, 2); // "in 2 categories"
  });

  it("payments: not_defined, zero values and zero instalments as an independent parse counts them", async () => {
    const payments = readCsvObjects(completeFile("order_payments"));
    const count = (f: (r: Record<string, string>) => boolean) => payments.filter(f).length;
    const notDefined = count((r) => r.payment_type === "not_defined");
    const zero = count((r) => Number(r.payment_value) === 0);
    assert.equal(notDefined, 3);
    assert.equal(rows("payment_type_not_defined"), notDefined);
    assert.equal(rows("zero_payment_value"), zero);
    assert.ok(zero > 0, "the release holds zero payments (vouchers)");
    assert.equal(rows("zero_installments"), 2); // the release's 2 rows with 0 instalments
    // 99,440 orders with a payment (CALIBRATION.md §0): of 99,441 orders, 1 has none.
    assert.equal(new Set(payments.map((r) => r.order_id)).size, 99_440);
  });

  it("order heads: timestamp quirks and missing dates as a second reading counts them", () => {
    const orders = readCsvObjects(headFile("orders"));
    // Timestamps are all 'YYYY-MM-DD HH:MM:SS': text order is time order; '' is missing.
    const lt = (a: string, b: string) => a !== "" && b !== "" && a < b;
    const n = (f: (r: Record<string, string>) => boolean) => orders.filter(f).length;
    const expected: Record<string, number> = {
      missing_approved_at: n((r) => r.order_approved_at === ""),
      missing_carrier_date: n((r) => r.order_delivered_carrier_date === ""),
      missing_delivery_date: n((r) => r.order_delivered_customer_date === ""),
      canceled_with_delivery_date: n(
        (r) => r.order_status === "canceled" && r.order_delivered_customer_date !== "",
      ),
      approved_after_carrier: n((r) => lt(r.order_delivered_carrier_date, r.order_approved_at)),
      carrier_before_purchase: n((r) =>
        lt(r.order_delivered_carrier_date, r.order_purchase_timestamp),
      ),
      delivered_before_carrier: n((r) =>
        lt(r.order_delivered_customer_date, r.order_delivered_carrier_date),
      ),
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, rows(k)])), expected);
    assert.ok(expected.missing_delivery_date > 0, "the head holds undelivered orders");
  });

  it("review head: every creation date at 00:00:00 (published), counted by the midnight rule", () => {
    const reviews = readCsvObjects(headFile("order_reviews"));
    assert.ok(reviews.every((r) => r.review_creation_date.endsWith(" 00:00:00")));
    assert.equal(rows("review_created_at_midnight"), reviews.length);
  });

  it("geolocation and customer heads: duplicates, outside points and city spellings", () => {
    const geo = readCsvObjects(headFile("geolocation"));
    const box = BRAZIL_BOUNDING_BOX;
    const key = (r: Record<string, string>) =>
      [
        r.geolocation_zip_code_prefix,
        Number(r.geolocation_lat),
        Number(r.geolocation_lng),
        r.geolocation_city,
        r.geolocation_state,
      ].join("|");
    assert.equal(rows("duplicate_row_geolocation"), geo.length - new Set(geo.map(key)).size);
    const outside = geo.filter((r) => {
      const lat = Number(r.geolocation_lat);
      const lng = Number(r.geolocation_lng);
      return lat < box.latMin || lat > box.latMax || lng < box.lngMin || lng > box.lngMax;
    });
    assert.equal(rows("geolocation_outside_brazil"), outside.length);
    const spelled = geo.filter((r) => normalCityName(r.geolocation_city) !== r.geolocation_city);
    assert.equal(rows("geolocation_city_spelling"), spelled.length);
    const customers = readCsvObjects(headFile("customers"));
    const cust = customers.filter((r) => normalCityName(r.customer_city) !== r.customer_city);
    assert.equal(rows("customer_city_spelling"), cust.length);
  });
});
