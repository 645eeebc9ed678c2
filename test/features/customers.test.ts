import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import type { CustomerTable } from "../../src/features/index.js";
import {
  checkCustomerTable,
  customerFeatures,
  customerRows,
  customerTableToCsv,
  defaultAsOf,
  lastPurchaseAsOf,
  materializeCustomerFeatures,
  NUMERIC_FEATURES,
  parseAsOf,
  writeCustomerCsv,
} from "../../src/features/index.js";
import { microDatabase, T } from "./microData.js";
import { loadOlist } from "../../src/data/load.js";
import { customerFeaturesSql } from "../../src/features/customerSql.js";
import { DEFAULT_COUNTED_STATUSES, TEXT_FEATURES } from "../../src/features/definitions.js";
import { timestampLiteral } from "../../src/features/asOfDate.js";
import { generateOlistTwin, writeTwinFiles } from "../../src/twin/index.js";

/**
 * Every feature of the three customers counted at T = 2018-03-01, by hand from microData.ts.
 *
 * u1: o1 (2018-01-10 10:00, delivered after 5 d, on time, items bed 100+20 and toy 50+10, paid
 * credit card 150 ×3 + voucher 30, review 4) and o2 (2018-02-01 12:00, RJ, delivered 2018-02-11
 * after 9.5 d, estimate 2018-02-10 → late, bed 80+20, boleto 100, reviews 2 and 4 → 3). o3 is
 * delivered only on 2018-03-05: not counted, its review (03-06) neither.
 * u2: o4 (2018-02-10, 10.25 d, unknown-category 60+15 and auto 60+5, debit card 140); its only
 * review is created after T.
 * u4: o6 (2017-12-24 18:00, BA, delivered 2018-01-03 18:00 = 10 d, estimate 2018-01-03 00:00 →
 * late, pc_gamer 1000+100, credit card 1100 ×10, review 1); o9 is delivered before purchase.
 */
const EXPECTED = {
  u1: {
    recency_days: 27.5, // 2018-02-01 12:00 → 2018-03-01
    frequency: 2,
    monetary: 280, // 180 + 100
    mean_order_value: 140,
    n_items: 3,
    n_categories: 2, // bed_bath_table, toys
    mean_review_score: 3.5, // mean(4, mean(2, 4))
    has_review: 1,
    mean_delivery_days: 7.25, // mean(5, 9.5)
    late_delivery_share: 0.5,
    mean_installments: 2, // mean(max(3, 1), 1)
    share_credit_card: 150 / 280,
    share_boleto: 100 / 280,
    share_voucher: 30 / 280,
    share_debit_card: 0,
    freight_share: 50 / 280, // freight 20 + 10 + 20 over price 230 + freight 50
    tenure_days: 49 + 14 / 24, // 2018-01-10 10:00 → 2018-03-01
    favourite_category: "bed_bath_table", // spend 180 vs toys 50
    customer_state: "RJ", // of o2, the latest counted order
  },
  u2: {
    recency_days: 19,
    frequency: 1,
    monetary: 140,
    mean_order_value: 140,
    n_items: 2,
    n_categories: 1, // auto ('unknown' not counted)
    mean_review_score: NaN,
    has_review: 0,
    mean_delivery_days: 10.25,
    late_delivery_share: 0,
    mean_installments: 1,
    share_credit_card: 0,
    share_boleto: 0,
    share_voucher: 0,
    share_debit_card: 1,
    freight_share: 20 / 140,
    tenure_days: 19,
    favourite_category: "auto", // tie 60 vs 'unknown' 60 → alphabetical
    customer_state: "MG",
  },
  u4: {
    recency_days: 66.25, // 2017-12-24 18:00 → 2018-03-01
    frequency: 1,
    monetary: 1100,
    mean_order_value: 1100,
    n_items: 1,
    n_categories: 1,
    mean_review_score: 1,
    has_review: 1,
    mean_delivery_days: 10,
    late_delivery_share: 1, // delivered on the promised day, after its 00:00 timestamp
    mean_installments: 10,
    share_credit_card: 1,
    share_boleto: 0,
    share_voucher: 0,
    share_debit_card: 0,
    freight_share: 100 / 1100,
    tenure_days: 66.25,
    favourite_category: "pc_gamer", // untranslated: Portuguese name kept
    customer_state: "BA",
  },
} as const;

/** Asserts two numbers equal within 1e-12 (NaN equals NaN). */
function near(actual: number, expected: number, label: string): void {
  if (Number.isNaN(expected)) return assert.ok(Number.isNaN(actual), `${label}: ${actual} ≠ NaN`);
  assert.ok(Math.abs(actual - expected) <= 1e-12, `${label}: ${actual} ≠ ${expected}`);
}

describe("customerFeatures on the micro data at T", () => {
  let db: Database;
  let table: CustomerTable;
  before(async () => {
    db = await microDatabase();
    table = await customerFeatures(db, { asOf: T });
  });
  after(() => db.close());

  it("has one row per person with a counted order, sorted by customer_unique_id", () => {
    assert.deepEqual(table.ids, ["u1", "u2", "u4"]);
    assert.equal(table.asOf.toISOString(), "2018-03-01T00:00:00.000Z");
  });

  it("computes every feature as by hand", () => {
    const rows = customerRows(table);
    for (const row of rows) {
      const expected = EXPECTED[row.customer_unique_id as keyof typeof EXPECTED];
      for (const name of NUMERIC_FEATURES)
        near(row[name], expected[name], `${row.customer_unique_id}.${name}`);
      assert.equal(row.favourite_category, expected.favourite_category);
      assert.equal(row.customer_state, expected.customer_state);
    }
    // Every numeric feature of the table was checked above.
    assert.deepEqual(Object.keys(EXPECTED.u1).length, NUMERIC_FEATURES.length + 2);
  });

  it("accounts for every order purchased before T", () => {
    assert.deepEqual(table.orders, {
      purchased: 9,
      counted: 4, // o1, o2, o4, o6
      excluded: {
        status_not_counted: 2, // o5 canceled, o7 shipped
        not_yet_reached: 1, // o3 in transit at T
        no_status_timestamp: 0,
        no_customer: 0,
        delivered_before_purchase: 1, // o9
        no_payment: 1, // o8
        no_items: 0,
      },
    });
  });

  it("passes the invariant checks", async () => {
    const checks = await checkCustomerTable(db, table);
    assert.deepEqual(
      checks.filter((c) => !c.ok),
      [],
    );
    const monetary = checks.find((c) => c.check.startsWith("sum of monetary"));
    assert.equal(monetary?.expected, 1520);
    assert.equal(checks.find((c) => c.check.startsWith("sum of frequency"))?.expected, 4);
  });

  it("invariant checks catch a tampered table", async () => {
    const tampered: CustomerTable = {
      ...table,
      ids: table.ids.slice(),
      numeric: { ...table.numeric, monetary: table.numeric.monetary.map((x) => x + 1) },
    };
    const failed = (await checkCustomerTable(db, tampered)).filter((c) => !c.ok);
    assert.deepEqual(
      failed.map((c) => c.check),
      ["sum of monetary = payments of counted orders (±0.005 per order)"],
    );
  });

  it("defaults asOf to midnight after the last complete purchase day", async () => {
    // o7 (02-25) is only shipped, so 02-25 is not complete; o3 (02-20) is delivered → 02-21.
    assert.equal((await defaultAsOf(db)).toISOString(), "2018-02-21T00:00:00.000Z");
    assert.equal((await lastPurchaseAsOf(db)).toISOString(), "2018-02-26T00:00:00.000Z");
    const byDefault = await customerFeatures(db);
    assert.equal(byDefault.asOf.toISOString(), "2018-02-21T00:00:00.000Z");
    near(byDefault.numeric.recency_days[0], 19.5, "u1 recency at 02-21 (o2, 02-01 12:00)");
  });

  it("counts other statuses when asked, each from the time it reached them", async () => {
    const withShipped = await customerFeatures(db, {
      asOf: T,
      countedStatuses: ["delivered", "shipped"],
    });
    // o7 (shipped 2018-02-26 09:00) now counts for u5; it has no delivery facts.
    assert.deepEqual(withShipped.ids, ["u1", "u2", "u4", "u5"]);
    const i = 3;
    assert.equal(withShipped.numeric.frequency[i], 1);
    assert.equal(withShipped.numeric.monetary[i], 30);
    assert.ok(Number.isNaN(withShipped.numeric.mean_delivery_days[i]));
    assert.ok(Number.isNaN(withShipped.numeric.late_delivery_share[i]));
    assert.equal(withShipped.orders.excluded.status_not_counted, 1); // o5 only
  });

  it("returns an empty table when nothing is counted yet", async () => {
    const early = await customerFeatures(db, { asOf: "2017-12-25" });
    assert.deepEqual(early.ids, []);
    assert.equal(early.numeric.monetary.length, 0);
    assert.equal(early.orders.purchased, 1);
    assert.equal(early.orders.excluded.not_yet_reached, 1); // o6, delivered 2018-01-03
  });

  it("rejects bad options with clear messages", async () => {
    await assert.rejects(
      customerFeatures(db, { asOf: "2017-12-24" }),
      /not after the first purchase/,
    );
    await assert.rejects(
      customerFeatures(db, { asOf: "01/03/2018" }),
      /is not a date: use YYYY-MM-DD/,
    );
    await assert.rejects(customerFeatures(db, { asOf: "2018-02-30" }), /not a calendar date/);
    await assert.rejects(
      // @ts-expect-error: a status that does not exist
      customerFeatures(db, { asOf: T, countedStatuses: ["delivred"] }),
      /Unknown order status "delivred"/,
    );
  });

  it("materialises the same table in DuckDB", async () => {
    const result = await materializeCustomerFeatures(db, { asOf: T });
    assert.deepEqual(result, { tableName: "customer_features", rows: 3, asOf: T });
    const rows = await db.rows<{ id: string; monetary: number; fav: string }>(
      "SELECT customer_unique_id AS id, monetary, favourite_category AS fav FROM customer_features ORDER BY 1",
    );
    assert.deepEqual(rows, [
      { id: "u1", monetary: 280, fav: "bed_bath_table" },
      { id: "u2", monetary: 140, fav: "auto" },
      { id: "u4", monetary: 1100, fav: "pc_gamer" },
    ]);
  });

  it("writes CSV with the id first, every feature named, NaN as empty", async () => {
    const csv = customerTableToCsv(table);
    const [header, u1, u2] = csv.trimEnd().split("\n");
    assert.equal(
      header,
      "customer_unique_id,recency_days,frequency,monetary,mean_order_value,n_items,n_categories," +
        "mean_review_score,has_review,mean_delivery_days,late_delivery_share,mean_installments," +
        "share_credit_card,share_boleto,share_voucher,share_debit_card,freight_share,tenure_days," +
        "favourite_category,customer_state",
    );
    assert.ok(u1.startsWith("u1,27.5,2,280,140,3,2,3.5,1,7.25,0.5,2,"));
    assert.ok(u1.endsWith(",bed_bath_table,RJ"));
    assert.ok(u2.startsWith("u2,19,1,140,140,2,1,,0,10.25,0,1,0,0,0,1,"));
    const dir = await mkdtemp(path.join(tmpdir(), "features-"));
    const file = path.join(dir, "customers.csv");
    await writeCustomerCsv(table, file);
    assert.equal(await readFile(file, "utf8"), csv);
  });
});

describe("parseAsOf", () => {
  it("reads dates and timestamps as UTC", () => {
    assert.equal(parseAsOf("2018-03-01").toISOString(), "2018-03-01T00:00:00.000Z");
    assert.equal(parseAsOf("2018-03-01T12:30:05").toISOString(), "2018-03-01T12:30:05.000Z");
    assert.equal(parseAsOf("2018-03-01 12:30:05.5").toISOString(), "2018-03-01T12:30:05.500Z");
  });
  it("rejects impossible dates and times", () => {
    assert.throws(() => parseAsOf("2018-13-01"), /not a calendar date/);
    assert.throws(() => parseAsOf("2018-03-01T25:00"), /impossible time/);
    assert.throws(() => parseAsOf(new Date("nope")), /invalid Date/);
  });
});

describe("customerFeatures on a twin", () => {
  it("reads the same table chunk by chunk as the whole result read at once (bit for bit)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "olist-custchunks-"));
    writeTwinFiles(generateOlistTwin({ seed: 3, customers: 6000 }), dir);
    const { db } = await loadOlist({ dataDir: dir, log: () => {} });
    try {
      const table = await customerFeatures(db);
      assert.ok(table.ids.length > 4096, `${table.ids.length} customers: more than two chunks`);
      // The former reading: every row at once through getColumnsJS.
      const reader = await db.reader(customerFeaturesSql(DEFAULT_COUNTED_STATUSES), {
        asOf: timestampLiteral(table.asOf),
      });
      const names = reader.columnNames();
      const all = reader.getColumnsJS();
      const col = (n: string) => all[names.indexOf(n)];
      assert.deepEqual(table.ids, col("customer_unique_id"));
      for (const n of TEXT_FEATURES) assert.deepEqual(table.text[n], col(n), n);
      for (const n of NUMERIC_FEATURES) {
        const expected = Float64Array.from(col(n), (v) => (v ?? NaN) as number);
        assert.deepEqual(table.numeric[n], expected, n);
      }
    } finally {
      db.close();
    }
  });
});
