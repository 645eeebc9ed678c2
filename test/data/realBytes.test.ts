/**
 * The loader on the real bytes of the Kaggle release (../shared/olist): the four complete files with
 * their exact record counts and aggregates computed independently, and the heads of the five other
 * files, including reviews with quoted multi-line messages, checked against a second parser.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { Database } from "../../src/data/db.js";
import { loadTable } from "../../src/data/load.js";
import { openOlist } from "../../src/pipeline/openData.js";
import { tableSpec } from "../../src/data/schema.js";
import type { TableName } from "../../src/data/schema.js";
import { parseCsv, readCsvObjects, readCsvText } from "../helpers/csv.js";
import { SHARED_OLIST, sharedSkipReason } from "../helpers/shared.js";

const skip = sharedSkipReason();
const complete = (f: string) => path.join(SHARED_OLIST, `${f}.csv.gz`);
const head = (f: string) => path.join(SHARED_OLIST, "head", `${f}.csv`);

/** Record counts and sha256 of the uncompressed originals, from ../shared/olist/SOURCE.md. */
const COMPLETE: { table: TableName; records: number; sha256: string }[] = [
  {
    table: "order_payments",
    records: 103_886,
    sha256: "4f713964f2815dbbaa40b9488268c55aac3627bfce5aa96cf58d1f3616de3cc0",
  },
  {
    table: "products",
    records: 32_951,
    sha256: "3e6569628a17fbc75fd206ee357b59e20364b9afa90f5b6cd5b4d624c58aa9cc",
  },
  {
    table: "sellers",
    records: 3_095,
    sha256: "1f643d2b950373b85735e7794b20986f528d7a000432e7c6f9bcbb44d0846a0e",
  },
  {
    table: "category_translation",
    records: 71,
    sha256: "9da093e114e517534d7a6903b253b0d24a582830b99ea9e8ef48a90b79d60967",
  },
];

/** Record counts of the head files, from ../shared/olist/head/README.md. */
const HEADS: { table: TableName; records: number }[] = [
  { table: "orders", records: 269 },
  { table: "customers", records: 521 },
  { table: "order_items", records: 347 },
  { table: "order_reviews", records: 330 },
  { table: "geolocation", records: 801 },
];

describe("real Olist files", { skip }, () => {
  let db: Database;
  before(async () => {
    db = await Database.open();
  });
  after(() => db.close());

  for (const { table, records, sha256 } of COMPLETE) {
    test(`${table}: the original bytes, all ${records} records loaded`, async () => {
      const spec = tableSpec(table);
      const file = complete(spec.file);
      const bytes = gunzipSync(readFileSync(file));
      assert.equal(createHash("sha256").update(bytes).digest("hex"), sha256);
      assert.equal(await loadTable(db, spec, file), records);
      assert.equal(parseCsv(readCsvText(file)).length - 1, records);
    });
  }

  test("payments: sum of payment_value and counts per payment_type match an independent parse", async () => {
    await loadTable(db, tableSpec("order_payments"), complete("olist_order_payments_dataset"));
    const rows = readCsvObjects(complete("olist_order_payments_dataset"));
    const cents = rows.reduce((s, r) => s + Math.round(Number(r.payment_value) * 100), 0);
    assert.equal(cents, 1_600_887_212); // R$ 16,008,872.12, also summed with awk over the raw file
    const dbCents = await db.scalar<number>(
      "SELECT sum(round(payment_value * 100)) FROM order_payments",
    );
    assert.equal(dbCents, cents);
    const byType = await db.rows<{ payment_type: string; n: number }>(
      "SELECT payment_type, count(*) AS n FROM order_payments GROUP BY 1 ORDER BY 1",
    );
    assert.deepEqual(byType, [
      { payment_type: "boleto", n: 19_784 },
      { payment_type: "credit_card", n: 76_795 },
      { payment_type: "debit_card", n: 1_529 },
      { payment_type: "not_defined", n: 3 },
      { payment_type: "voucher", n: 5_775 },
    ]);
    const maxSeq = await db.scalar<number>("SELECT max(payment_sequential) FROM order_payments");
    assert.equal(maxSeq, 29); // CALIBRATION.md §0
  });

  test("products: missing categories stay missing (NULL), not dropped", async () => {
    await loadTable(db, tableSpec("products"), complete("olist_products_dataset"));
    assert.equal(
      await db.scalar("SELECT count(*) FROM products WHERE product_category_name IS NULL"),
      610,
    );
    assert.equal(await db.scalar("SELECT count(DISTINCT product_id) FROM products"), 32_951);
  });

  test("sellers: zip prefixes keep their leading zero; states counted", async () => {
    await loadTable(db, tableSpec("sellers"), complete("olist_sellers_dataset"));
    const sp = await db.scalar<number>("SELECT count(*) FROM sellers WHERE seller_state = 'SP'");
    assert.equal(sp, 1_849);
    const zip = await db.scalar<string>(
      "SELECT seller_zip_code_prefix FROM sellers WHERE seller_id = '3442f8959a84dea7ee197c632cb2df15'",
    );
    assert.equal(zip, "13023");
    assert.equal(await db.scalar("SELECT min(length(seller_zip_code_prefix)) FROM sellers"), 5);
  });

  test("translation: the UTF-8 BOM does not leak into the first column name", async () => {
    await loadTable(
      db,
      tableSpec("category_translation"),
      complete("product_category_name_translation"),
    );
    const v = await db.scalar<string>(
      "SELECT product_category_name_english FROM category_translation WHERE product_category_name = 'beleza_saude'",
    );
    assert.equal(v, "health_beauty");
  });

  for (const { table, records } of HEADS) {
    test(`head of ${table}: ${records} records, as a second parser counts`, async () => {
      const spec = tableSpec(table);
      const file = head(spec.file);
      assert.equal(await loadTable(db, spec, file), records);
      assert.equal(parseCsv(readCsvText(file)).length - 1, records);
    });
  }

  test("reviews: quoted multi-line messages keep their CR LF and their text", async () => {
    const file = head("olist_order_reviews_dataset");
    await loadTable(db, tableSpec("order_reviews"), file);
    const independent = readCsvObjects(file);
    const multi = independent.filter(
      (r) => r.review_comment_message.includes("\r\n") || r.review_comment_title.includes("\r\n"),
    );
    assert.equal(multi.length, 14); // head/README.md: 14 of the 330 records contain such breaks
    const dbMulti = await db.scalar<number>(
      "SELECT count(*) FROM order_reviews WHERE contains(review_comment_message, chr(13) || chr(10)) OR contains(review_comment_title, chr(13) || chr(10))",
    );
    assert.equal(dbMulti, 14);
    const messages = await db.rows<{ review_id: string; order_id: string; m: string | null }>(
      "SELECT review_id, order_id, review_comment_message AS m FROM order_reviews",
    );
    const byKey = new Map(messages.map((r) => [`${r.review_id}/${r.order_id}`, r.m]));
    for (const r of independent) {
      const expected = r.review_comment_message === "" ? null : r.review_comment_message;
      assert.equal(byKey.get(`${r.review_id}/${r.order_id}`), expected);
    }
  });

  test("openOlist loads a mixed .csv/.csv.gz folder and warns on record counts that differ from Kaggle", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "olist-real-"));
    try {
      for (const { table } of COMPLETE) {
        const f = tableSpec(table).file;
        copyFileSync(complete(f), path.join(dir, `${f}.csv.gz`));
      }
      for (const { table } of HEADS) {
        const f = tableSpec(table).file;
        copyFileSync(head(f), path.join(dir, `${f}.csv`));
      }
      const lines: string[] = [];
      const data = await openOlist({ dataDir: dir, log: (l) => lines.push(l) });
      try {
        assert.equal(data.source.kind, "real");
        assert.equal(data.source.synthetic, false);
        assert.match(lines[0], /^Data source: Real Olist data/);
        assert.equal(data.tables.length, 9);
        assert.equal(data.warnings.length, 5); // the five head files are shorter than the release
        const w = data.warnings.find((x) => x.startsWith("olist_orders_dataset.csv"));
        assert.equal(
          w,
          "olist_orders_dataset.csv: 269 records, the Kaggle release has 99,441. Results may differ from published analyses.",
        );
        assert.equal(await data.db.scalar("SELECT count(*) FROM order_payments"), 103_886);
      } finally {
        data.db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
