import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Database } from "../../src/data/db.js";
import { OLIST_TABLES, tableSpec } from "../../src/data/schema.js";
import type { TableName } from "../../src/data/schema.js";
import { csvSource } from "../../src/twin/fidelity.js";
import { TWIN_FILES, generateOlistTwin, writeOlistTwin } from "../../src/twin/index.js";
import { isTwinDir, readTwinMarker } from "../../src/data/twinMarker.js";

const SMALL = { seed: 42, customers: 3000, tidy: true };
/** sha256 over all files of the small twin (name, NUL, bytes, in name order). Update on purpose only. */
const SMALL_TWIN_SHA256 = "0ee7d61254fa89c4e7932e0d6087a1efb7391abbf28e0c149b3dc448a3804fa2";
const REAL = join(process.cwd(), "../shared/olist");

function folderHash(dir: string): string {
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) {
    h.update(f);
    h.update("\0");
    h.update(readFileSync(join(dir, f)));
  }
  return h.digest("hex");
}

const tmp = (tag: string) => mkdtempSync(join(tmpdir(), `olist-twin-${tag}-`));
const dirA = tmp("a");
const dirB = tmp("b");
const dirC = tmp("c");
const summaryA = await writeOlistTwin({ outDir: dirA, ...SMALL });
await writeOlistTwin({ outDir: dirB, ...SMALL });
await writeOlistTwin({ outDir: dirC, seed: 43, customers: SMALL.customers, tidy: true });
process.on("exit", () => {
  for (const d of [dirA, dirB, dirC]) rmSync(d, { recursive: true, force: true });
});

test("the same seed gives byte-identical files, equal to the committed hash", () => {
  assert.equal(folderHash(dirA), folderHash(dirB));
  assert.equal(folderHash(dirA), SMALL_TWIN_SHA256);
});

test("a different seed gives different files", () => {
  const a = readFileSync(join(dirA, "olist_orders_dataset.csv"));
  const c = readFileSync(join(dirC, "olist_orders_dataset.csv"));
  assert.notDeepEqual(a, c);
});

test("writes the nine Kaggle file names and the TWIN.json marker", () => {
  const files = readdirSync(dirA).sort();
  assert.deepEqual(files, [...TWIN_FILES, "TWIN.json"].sort());
  assert.deepEqual(readTwinMarker(dirA), {
    synthetic: true,
    generator: "olist-twin",
    version: 1,
    seed: 42,
    customers: 3000,
    createdBy: "npm run data:twin",
  });
  assert.equal(isTwinDir(dirA), true);
  assert.equal(isTwinDir(tmpdir()), false);
  assert.equal(summaryA.records["olist_order_items_dataset.csv"] > 3000, true);
  assert.equal(summaryA.records["product_category_name_translation.csv"], 71);
});

test("headers are byte-identical to the real files' first line", () => {
  for (const spec of OLIST_TABLES) {
    const text = readFileSync(join(dirA, `${spec.file}.csv`), "utf8");
    const sep = spec.table === "order_reviews" ? "\r\n" : "\n";
    const first = text.slice(0, text.indexOf(sep));
    const names = spec.columns.map((c) => c.name);
    const expected =
      spec.table === "category_translation"
        ? `\uFEFF${names.join(",")}`
        : names.map((n) => `"${n}"`).join(",");
    assert.equal(first, expected, spec.file);
    const headPath = join(REAL, "head", `${spec.file}.csv`);
    if (existsSync(headPath)) {
      const real = readFileSync(headPath, "utf8");
      assert.equal(first, real.slice(0, real.indexOf(sep)), `${spec.file} vs head/`);
    }
  }
});

test("line endings: LF and no final newline; reviews CR LF everywhere", () => {
  for (const spec of OLIST_TABLES) {
    const buf = readFileSync(join(dirA, `${spec.file}.csv`));
    assert.notEqual(buf[buf.length - 1], 0x0a, `${spec.file} ends with a newline`);
    const text = buf.toString("utf8");
    if (spec.table === "order_reviews") {
      assert.equal(/[^\r]\n/.test(text), false, "bare LF in reviews");
      assert.match(text, /"[^"]*\r\n[^"]*"/, "no multi-line message in reviews");
    } else {
      assert.equal(text.includes("\r"), false, `CR in ${spec.file}`);
    }
  }
});

test("the translation file equals the real one byte for byte", (t) => {
  const real = join(REAL, "product_category_name_translation.csv.gz");
  if (!existsSync(real)) return t.skip(`real files not found in ${REAL}`);
  const ours = readFileSync(join(dirA, "product_category_name_translation.csv"));
  assert.deepEqual(ours, gunzipSync(readFileSync(real)));
});

test("value formats: quoting by first character, money with two decimals, timestamps", () => {
  const lines = readFileSync(join(dirA, "olist_order_items_dataset.csv"), "utf8").split("\n");
  for (const line of lines.slice(1, 400)) {
    const f = line.split(",");
    assert.equal(f.length, 7, line);
    for (const id of [f[0], f[2], f[3]]) {
      assert.match(id, /^("[0-9][0-9a-f]{31}"|[a-f][0-9a-f]{31})$/, line);
    }
    assert.match(f[4], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.match(f[5], /^\d+\.\d{2}$/);
    assert.match(f[6], /^\d+\.\d{2}$/);
  }
  const customers = readFileSync(join(dirA, "olist_customers_dataset.csv"), "utf8").split("\n");
  for (const line of customers.slice(1, 400)) {
    assert.match(line, /^[^,]+,[^,]+,"\d{5}",[a-z][a-z -]*,[A-Z]{2}$/, line);
  }
});

async function withViews<T>(dir: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open();
  try {
    for (const spec of OLIST_TABLES) {
      await db.run(`CREATE VIEW ${spec.table} AS SELECT * FROM ${csvSource(dir, spec.table)}`);
    }
    return await fn(db);
  } finally {
    db.close();
  }
}

test("DuckDB reads every file with the schema's types and record counts", async () => {
  await withViews(dirA, async (db) => {
    for (const spec of OLIST_TABLES) {
      const n = await db.scalar<number>(`SELECT count(*) FROM ${spec.table}`);
      assert.equal(n, summaryA.records[`${spec.file}.csv`], spec.file);
      for (const c of spec.columns.filter((c) => !c.nullable)) {
        const nulls = await db.scalar<number>(
          `SELECT count(*) FROM ${spec.table} WHERE "${c.name}" IS NULL`,
        );
        assert.equal(nulls, 0, `${spec.file}.${c.name} has empty fields`);
      }
    }
  });
});

test("referential integrity as in the release", async () => {
  await withViews(dirA, async (db) => {
    const orphans = async (sql: string) => db.scalar<number>(`SELECT count(*) FROM (${sql})`);
    assert.equal(
      await orphans("SELECT customer_id FROM orders EXCEPT SELECT customer_id FROM customers"),
      0,
    );
    assert.equal(
      await orphans("SELECT customer_id FROM customers EXCEPT SELECT customer_id FROM orders"),
      0,
    );
    assert.equal(
      await orphans("SELECT order_id FROM order_items EXCEPT SELECT order_id FROM orders"),
      0,
    );
    assert.equal(
      await orphans("SELECT product_id FROM order_items EXCEPT SELECT product_id FROM products"),
      0,
    );
    assert.equal(
      await orphans("SELECT product_id FROM products EXCEPT SELECT product_id FROM order_items"),
      0,
    );
    assert.equal(
      await orphans("SELECT seller_id FROM order_items EXCEPT SELECT seller_id FROM sellers"),
      0,
    );
    assert.equal(
      await orphans("SELECT seller_id FROM sellers EXCEPT SELECT seller_id FROM order_items"),
      0,
    );
    assert.equal(
      await orphans("SELECT order_id FROM order_payments EXCEPT SELECT order_id FROM orders"),
      0,
    );
    assert.equal(
      await orphans("SELECT order_id FROM order_reviews EXCEPT SELECT order_id FROM orders"),
      0,
    );
    assert.equal(
      await orphans(
        "SELECT customer_zip_code_prefix FROM customers EXCEPT SELECT geolocation_zip_code_prefix FROM geolocation",
      ),
      0,
    );
    assert.equal(
      await orphans(
        "SELECT seller_zip_code_prefix FROM sellers EXCEPT SELECT geolocation_zip_code_prefix FROM geolocation",
      ),
      0,
    );
    const dupKeys = await db.scalar<number>(
      "SELECT count(*) - count(DISTINCT (order_id, order_item_id)) FROM order_items",
    );
    assert.equal(dupKeys, 0);
    // Several customer_id per person for repeat buyers.
    const people = await db.scalar<number>(
      "SELECT count(DISTINCT customer_unique_id) FROM customers",
    );
    const orders = await db.scalar<number>("SELECT count(*) FROM orders");
    assert.ok(people === 3000 && orders > people, `${people} people, ${orders} orders`);
    // Item numbers run 1..k inside each order.
    const badNumbering = await db.scalar<number>(
      "SELECT count(*) FROM (SELECT order_id FROM order_items GROUP BY 1 HAVING max(order_item_id) <> count(*))",
    );
    assert.equal(badNumbering, 0);
  });
});

test("timestamps are ordered and missing exactly where the status says", async () => {
  await withViews(dirA, async (db) => {
    const bad = await db.scalar<number>(`SELECT count(*) FROM orders WHERE
      order_approved_at < order_purchase_timestamp
      OR order_delivered_carrier_date > order_delivered_customer_date
      OR order_delivered_customer_date < order_purchase_timestamp
      OR order_estimated_delivery_date < order_purchase_timestamp
      OR (order_status IN ('shipped', 'invoiced', 'processing', 'created', 'approved', 'unavailable')
          AND order_delivered_customer_date IS NOT NULL)
      OR (order_status = 'created' AND order_approved_at IS NOT NULL)
      OR strftime(order_estimated_delivery_date, '%H:%M:%S') <> '00:00:00'`);
    assert.equal(bad, 0);
    const reviewBad = await db.scalar<number>(`SELECT count(*) FROM order_reviews WHERE
      review_answer_timestamp <= review_creation_date
      OR strftime(review_creation_date, '%H:%M:%S') <> '00:00:00' OR review_score NOT BETWEEN 1 AND 5`);
    assert.equal(reviewBad, 0);
    // Every purchase lies in the release's window (repeat buyers' later orders included).
    const outside = await db.scalar<number>(`SELECT count(*) FROM orders WHERE
      order_purchase_timestamp < TIMESTAMP '2016-09-04 21:15:19'
      OR order_purchase_timestamp > TIMESTAMP '2018-10-17 17:30:18'`);
    assert.equal(outside, 0);
  });
});

test("the in-memory generator is deterministic and validates its options", () => {
  const a = generateOlistTwin({ seed: 5, customers: 300 });
  const b = generateOlistTwin({ seed: 5, customers: 300 });
  assert.deepEqual(a.orders.purchase, b.orders.purchase);
  assert.deepEqual(a.reviews.message, b.reviews.message);
  assert.equal(a.people.id.length, 300);
  assert.throws(() => generateOlistTwin({ customers: 10 }), /between 100 and 20,000,000/);
  assert.throws(() => generateOlistTwin({ seed: 1.5 }), /seed must be an integer/);
});

test("schema columns the twin leaves empty are declared nullable", () => {
  const products = tableSpec("products" as TableName);
  assert.ok(products.columns.slice(1).every((c) => c.nullable));
});
