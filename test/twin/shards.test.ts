import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Database } from "../../src/data/db.js";
import { loadOlist } from "../../src/data/load.js";
import { OLIST_TABLES } from "../../src/data/schema.js";
import { readTwinMarker } from "../../src/data/twinMarker.js";
import { csvSource } from "../../src/twin/fidelity.js";
import { generateOlistTwin, writeOlistTwin } from "../../src/twin/index.js";
import { planTwinShards, TWIN_SHARD_CUSTOMERS } from "../../src/twin/shards.js";
import { MAX_TWIN_CUSTOMERS, resolveTwinOptions } from "../../src/twin/generate.js";
import { FLAG_LIMITS } from "../../src/util/cli.js";

/** sha256 over all files of a folder (name, NUL, bytes, in name order), as in twin.test.ts. */
function folderHash(dir: string): string {
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) {
    h.update(f);
    h.update("\0");
    h.update(readFileSync(join(dir, f)));
  }
  return h.digest("hex");
}

/**
 * The quirky twin of seed 7, 2,000 customers, as main wrote it before sharding existed (commit
 * 12b56d8); the unsharded path must keep it byte for byte. Update on purpose only.
 */
const QUIRKY_2000_SHA256 = "19f1177c61cc5587f0d8205137cc9266288d7a85feb3ede97c59c078e4cdc8ac";

const SHARDED = { seed: 11, customers: 900, shardCustomers: 300 };
const tmp = (tag: string) => mkdtempSync(join(tmpdir(), `olist-shards-${tag}-`));
const dirA = tmp("a");
const dirB = tmp("b");
const dirOne = tmp("one");
const summary = await writeOlistTwin({ outDir: dirA, ...SHARDED });
await writeOlistTwin({ outDir: dirB, ...SHARDED });
await writeOlistTwin({ outDir: dirOne, seed: 7, customers: 2000, shardCustomers: 2000 });
process.on("exit", () => {
  for (const d of [dirA, dirB, dirOne]) rmSync(d, { recursive: true, force: true });
});
const plan = planTwinShards(SHARDED.seed, SHARDED.customers, SHARDED.shardCustomers);
const shardTwins = plan.map((s) => generateOlistTwin({ ...s, sharedGeography: plan[0] }));
const total = (f: (t: (typeof shardTwins)[number]) => number) =>
  shardTwins.reduce((a, t) => a + f(t), 0);

test("the shard plan: equal shards adding up to the size, distinct seeds, one shard up to the limit", () => {
  assert.equal(TWIN_SHARD_CUSTOMERS, 1_000_000);
  assert.deepEqual(planTwinShards(5, 960_960), [{ seed: 5, customers: 960_960 }]);
  assert.deepEqual(planTwinShards(5, 1_000_000), [{ seed: 5, customers: 1_000_000 }]);
  const big = planTwinShards(5, 9_609_600);
  assert.equal(big.length, 10);
  assert.ok(big.every((s) => s.customers === 960_960));
  assert.equal(new Set(big.map((s) => s.seed)).size, 10);
  assert.deepEqual(planTwinShards(5, 9_609_600), big);
  const odd = planTwinShards(5, 1001, 500);
  assert.deepEqual(
    odd.map((s) => s.customers),
    [334, 334, 333],
  );
  assert.ok(planTwinShards(5, 401, 200).every((s) => s.customers >= 100));
  assert.throws(() => planTwinShards(5, 1000, 199), /at least 200/);
  assert.deepEqual(
    plan.map((s) => s.customers),
    [300, 300, 300],
  );
});

test("the size limit is 20,000,000, the same for the generator and the --customers flag", () => {
  assert.equal(MAX_TWIN_CUSTOMERS, 20_000_000);
  assert.equal(FLAG_LIMITS.customers, MAX_TWIN_CUSTOMERS);
  assert.equal(resolveTwinOptions({ customers: 20_000_000 }).customers, 20_000_000);
  assert.throws(
    () => resolveTwinOptions({ customers: 20_000_001 }),
    /^Error: Twin size --customers must be an integer between 100 and 20,000,000, got 20000001$/,
  );
});

test("the unsharded path is unchanged: main's bytes, also with the shard size equal to the twin", () => {
  assert.equal(folderHash(dirOne), QUIRKY_2000_SHA256);
  assert.equal(readTwinMarker(dirOne)?.shards, undefined);
});

test("a sharded twin: same seed, same bytes; TWIN.json states the size and the shards", () => {
  assert.equal(folderHash(dirA), folderHash(dirB));
  assert.equal(summary.shards, 3);
  const marker = readTwinMarker(dirA);
  assert.equal(marker?.customers, 900);
  assert.equal(marker?.quirks, true);
  assert.deepEqual(marker?.shards?.customers, [300, 300, 300]);
  assert.deepEqual(
    marker?.shards?.seeds,
    plan.map((s) => s.seed),
  );
  assert.equal(marker?.shards?.count, 3);
});

test("record counts add up over the shards; geolocation is shard 0's, written once", () => {
  const r = summary.records;
  assert.equal(
    r["olist_orders_dataset.csv"],
    total((t) => t.orders.id.length),
  );
  assert.equal(
    r["olist_customers_dataset.csv"],
    total((t) => t.orders.id.length),
  );
  assert.equal(
    r["olist_order_items_dataset.csv"],
    total((t) => t.items.order.length),
  );
  assert.equal(
    r["olist_order_payments_dataset.csv"],
    total((t) => t.payments.order.length),
  );
  assert.equal(
    r["olist_order_reviews_dataset.csv"],
    total((t) => t.reviews.order.length),
  );
  assert.equal(
    r["olist_products_dataset.csv"],
    total((t) => t.products.id.length),
  );
  assert.equal(
    r["olist_sellers_dataset.csv"],
    total((t) => t.sellers.id.length),
  );
  assert.equal(r["olist_geolocation_dataset.csv"], shardTwins[0].geolocation.prefix.length);
  assert.equal(r["product_category_name_translation.csv"], 71);
  // Every shard has the same geolocation table (one geography), so writing shard 0's loses nothing.
  for (const t of shardTwins.slice(1)) {
    assert.deepEqual(t.geolocation, shardTwins[0].geolocation);
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

test("ids are unique across shards in every id column", async () => {
  await withViews(dirA, async (db) => {
    const distinct = (sql: string) => db.scalar<number>(`SELECT count(DISTINCT x) FROM (${sql})`);
    const rows = (table: string) => db.scalar<number>(`SELECT count(*) FROM ${table}`);
    assert.equal(await distinct("SELECT order_id AS x FROM orders"), await rows("orders"));
    assert.equal(await distinct("SELECT customer_id AS x FROM customers"), await rows("customers"));
    assert.equal(await distinct("SELECT customer_unique_id AS x FROM customers"), 900);
    assert.equal(await distinct("SELECT product_id AS x FROM products"), await rows("products"));
    assert.equal(await distinct("SELECT seller_id AS x FROM sellers"), await rows("sellers"));
    // Review ids repeat within a shard (a quirk of the release), never across shards.
    assert.equal(
      await distinct("SELECT review_id AS x FROM order_reviews"),
      total((t) => new Set(t.reviews.id).size),
    );
  });
});

test("foreign keys resolve across the appended shards", async () => {
  await withViews(dirA, async (db) => {
    const orphans = (sql: string) => db.scalar<number>(`SELECT count(*) FROM (${sql})`);
    for (const sql of [
      "SELECT customer_id FROM orders EXCEPT SELECT customer_id FROM customers",
      "SELECT customer_id FROM customers EXCEPT SELECT customer_id FROM orders",
      "SELECT order_id FROM order_items EXCEPT SELECT order_id FROM orders",
      "SELECT product_id FROM order_items EXCEPT SELECT product_id FROM products",
      "SELECT seller_id FROM order_items EXCEPT SELECT seller_id FROM sellers",
      "SELECT order_id FROM order_payments EXCEPT SELECT order_id FROM orders",
      "SELECT order_id FROM order_reviews EXCEPT SELECT order_id FROM orders",
      "SELECT customer_zip_code_prefix FROM customers EXCEPT SELECT geolocation_zip_code_prefix FROM geolocation",
      "SELECT seller_zip_code_prefix FROM sellers EXCEPT SELECT geolocation_zip_code_prefix FROM geolocation",
    ]) {
      assert.equal(await orphans(sql), 0, sql);
    }
  });
});

test("the sharded CSVs load through the project's loader", async () => {
  const data = await loadOlist({ dataDir: dirA, log: () => {} });
  try {
    assert.equal(data.source.synthetic, true);
    for (const t of data.tables) {
      const file = OLIST_TABLES.find((s) => s.table === t.table)?.file;
      assert.equal(t.records, summary.records[`${file}.csv`], t.table);
    }
  } finally {
    data.db.close();
  }
});
