/**
 * Every quirk of the real data (QUIRK_RULES) on a micro-dataset that carries it, loaded from CSV
 * by the loader: the cleaning report counts it by name — and no other count moves from the clean
 * base — the excluded orders still add up, and the customer features and exploration queries
 * follow the stated rule (expected values hand-computed from test/helpers/quirkData.ts).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import { deliverySummary } from "../../src/explore/delivery.js";
import { geolocationSample } from "../../src/explore/geography.js";
import { paymentTypes } from "../../src/explore/payments.js";
import { reviewScores, reviewScoreSplit } from "../../src/explore/reviews.js";
import type { CustomerTable, NumericFeature, QuirkName } from "../../src/features/index.js";
import {
  assertCustomerTable,
  cleaningReport,
  customerFeatures,
  normalCityName,
  QUIRK_RULES,
  quirkSummary,
} from "../../src/features/index.js";
import type { QuirkTables } from "../helpers/quirkData.js";
import { addOrder, baseTables, geo, openQuirkData, product, review } from "../helpers/quirkData.js";

/** A date after every base fact. */
const LATER = "2018-06-01";

/** Rule → rows of the cleaning report. */
async function counts(db: Database): Promise<Record<string, number>> {
  return Object.fromEntries((await cleaningReport(db)).map((r) => [r.rule, r.rows]));
}

/** A numeric feature of one person (throws when the person is not in the table). */
function feature(table: CustomerTable, person: string, name: NumericFeature): number {
  const i = table.ids.indexOf(person);
  assert.ok(i >= 0, `${person} not in the customer table`);
  return table.numeric[name][i];
}

/** A favourite_category of one person. */
function favourite(table: CustomerTable, person: string): string {
  return table.text.favourite_category[table.ids.indexOf(person)];
}

/** One quirk's micro-dataset and what must follow from it. */
interface QuirkCase {
  /** Puts the quirk into the base tables. */
  edit: (t: QuirkTables) => void;
  /** Report counts that differ from the base (every other count must equal the base's). */
  expect: Record<string, number>;
  /** Features and exploration results on the quirky set. */
  check: (db: Database) => Promise<void>;
}

/** An extra person u4 with order o4 (customer c4), purchased 2018-02-15 12:00. */
const o4 = (
  status: string,
  dates: { approved?: string; carrier?: string; delivered?: string },
) => ({
  id: "o4",
  customer: "c4",
  person: "u4",
  status,
  purchase: "2018-02-15 12:00:00",
  estimated: "2018-03-01 00:00:00",
  ...dates,
});

const CASES: Record<QuirkName, QuirkCase> = {
  delivered_without_delivery_date: {
    edit: (t) =>
      addOrder(
        t,
        o4("delivered", { approved: "2018-02-15 13:00:00", carrier: "2018-02-16 09:00:00" }),
      ),
    expect: { no_status_timestamp: 1, missing_delivery_date: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.deepEqual(table.ids, ["u1", "u2", "u3"]);
      assert.equal(table.orders.excluded.no_status_timestamp, 1);
      const d = await deliverySummary(db);
      assert.equal(d.orders, 3); // the three measurable deliveries
      assert.equal(d.unmeasured, 1); // o4, counted, not measured
      assert.equal(d.median_actual_days, 4); // of 5, 4, 2 days
    },
  },
  canceled_with_delivery_date: {
    edit: (t) =>
      addOrder(
        t,
        o4("canceled", {
          approved: "2018-02-15 13:00:00",
          carrier: "2018-02-16 09:00:00",
          delivered: "2018-02-20 09:00:00",
        }),
      ),
    expect: { canceled_with_delivery_date: 1, status_not_counted: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.deepEqual(table.ids, ["u1", "u2", "u3"]);
      assert.equal((await deliverySummary(db)).orders, 3); // its delivery date is not measured
    },
  },
  carrier_before_purchase: {
    edit: (t) => {
      t.orders[0].order_delivered_carrier_date = "2018-01-09 09:00:00";
    },
    // Approved 2018-01-10 10:30, after that carrier date: the real data shows both together.
    expect: { carrier_before_purchase: 1, approved_after_carrier: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "mean_delivery_days"), 5); // from the purchase
    },
  },
  approved_after_carrier: {
    edit: (t) => {
      t.orders[0].order_approved_at = "2018-01-11 10:00:00";
    },
    expect: { approved_after_carrier: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "frequency"), 1);
      assert.equal(feature(table, "u1", "mean_delivery_days"), 5);
    },
  },
  delivered_before_carrier: {
    edit: (t) => {
      t.orders[0].order_delivered_carrier_date = "2018-01-16 09:00:00";
    },
    expect: { delivered_before_carrier: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "mean_delivery_days"), 5);
      assert.equal(feature(table, "u1", "late_delivery_share"), 0);
    },
  },
  missing_order_timestamps: {
    edit: (t) => {
      t.orders[0].order_approved_at = "";
      t.orders[0].order_delivered_carrier_date = "";
      addOrder(
        t,
        o4("shipped", { approved: "2018-02-15 13:00:00", carrier: "2018-02-16 09:00:00" }),
      );
    },
    expect: {
      missing_approved_at: 1,
      missing_carrier_date: 1,
      missing_delivery_date: 1, // o4 shipped
      status_not_counted: 1,
    },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "mean_delivery_days"), 5); // o1 still counted
      assert.ok(!table.ids.includes("u4"));
      // Counting shipped orders, o4 counts from its carrier date.
      const shipped = await customerFeatures(db, {
        asOf: LATER,
        countedStatuses: ["delivered", "shipped"],
      });
      assert.equal(feature(shipped, "u4", "frequency"), 1);
      assert.ok(Number.isNaN(feature(shipped, "u4", "mean_delivery_days")));
    },
  },
  review_id_on_several_orders: {
    edit: (t) => {
      // u1's second order o4, bought with o1, shares review rv1 (identical fields).
      addOrder(t, {
        id: "o4",
        customer: "c4",
        person: "u1",
        status: "delivered",
        purchase: "2018-01-10 10:00:00",
        approved: "2018-01-10 10:30:00",
        carrier: "2018-01-11 09:00:00",
        delivered: "2018-01-15 10:00:00",
        estimated: "2018-01-20 00:00:00",
      });
      t.order_reviews.push(review("rv1", "o4", 5, "2018-01-16 00:00:00", "2018-01-17 10:00:00"));
      // And an exact repeat of rv1's row on o1: kept once everywhere.
      t.order_reviews.push({ ...t.order_reviews[0] });
    },
    expect: {
      review_id_on_several_orders: 3,
      review_created_at_midnight: 5,
      duplicate_row_order_reviews: 1,
    },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "frequency"), 2);
      assert.equal(feature(table, "u1", "mean_review_score"), 5);
      assert.deepEqual(
        (await reviewScores(db)).map((r) => r.reviews),
        [0, 0, 1, 1, 2], // one review row per order, the repeat once
      );
    },
  },
  several_reviews_disagreeing: {
    edit: (t) => {
      t.order_reviews.push(
        review("rv1b", "o1", 2, "2018-01-18 00:00:00", "2018-01-19 10:00:00"), // disagrees
        review("rv2b", "o2", 4, "2018-02-07 00:00:00", "2018-02-08 10:00:00"), // agrees
      );
    },
    expect: {
      several_reviews_per_order: 4,
      review_scores_disagree: 2,
      review_created_at_midnight: 5,
    },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "mean_review_score"), 3.5); // mean of 5 and 2
      assert.equal(feature(table, "u2", "mean_review_score"), 4);
      // Before the second review exists only the first counts.
      const early = await customerFeatures(db, { asOf: "2018-01-17" });
      assert.equal(feature(early, "u1", "mean_review_score"), 5);
      // The exploration scores each order once, by the same mean: 3.5, 4 and 3, all on time.
      const split = await reviewScoreSplit(db);
      assert.equal(split.others.orders, 3);
      assert.equal(split.others.mean_score, (3.5 + 4 + 3) / 3);
    },
  },
  review_of_undelivered_order: {
    edit: (t) => {
      addOrder(t, o4("canceled", { approved: "2018-02-15 13:00:00" }));
      t.order_reviews.push(review("rv4", "o4", 1, "2018-02-20 00:00:00", "2018-02-21 10:00:00"));
    },
    expect: {
      review_of_undelivered_order: 1,
      review_created_at_midnight: 4,
      status_not_counted: 1,
      missing_carrier_date: 1,
      missing_delivery_date: 1,
    },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.deepEqual(table.ids, ["u1", "u2", "u3"]);
      assert.equal((await reviewScores(db))[0].reviews, 1); // kept in the distribution
      assert.equal((await reviewScoreSplit(db)).others.orders, 3); // not a delivered order
    },
  },
  review_answered_before_delivery: {
    edit: (t) => {
      t.order_reviews[0] = review("rv1", "o1", 5, "2018-01-13 00:00:00", "2018-01-14 10:00:00");
    },
    expect: { review_answered_before_delivery: 1 },
    check: async (db) => {
      // At 2018-01-16 o1 is delivered (01-15 10:00) and its review, created 01-13, counts.
      const table = await customerFeatures(db, { asOf: "2018-01-16" });
      assert.equal(feature(table, "u1", "mean_review_score"), 5);
    },
  },
  review_date_at_midnight: {
    edit: (t) => {
      t.order_reviews[1].review_creation_date = "2018-02-06 15:00:00"; // one review with a time
    },
    expect: { review_created_at_midnight: 2 },
    check: async (db) => {
      // rv1 is dated 2018-01-16 00:00:00: known from that instant on, not before.
      const at = await customerFeatures(db, { asOf: "2018-01-16T00:00:00" });
      assert.equal(feature(at, "u1", "has_review"), 0);
      const after = await customerFeatures(db, { asOf: "2018-01-16T00:00:01" });
      assert.equal(feature(after, "u1", "has_review"), 1);
      assert.equal(feature(after, "u1", "mean_review_score"), 5);
    },
  },
  payment_not_defined: {
    edit: (t) => {
      t.order_payments[0].payment_value = 96;
      t.order_payments.splice(1, 0, {
        order_id: "o1",
        payment_sequential: 2,
        payment_type: "not_defined",
        payment_installments: 1,
        payment_value: 24,
      });
    },
    expect: { payment_type_not_defined: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "monetary"), 120);
      assert.equal(feature(table, "u1", "share_credit_card"), 0.8);
      for (const f of ["share_boleto", "share_voucher", "share_debit_card"] as const)
        assert.equal(feature(table, "u1", f), 0);
      const types = await paymentTypes(db);
      assert.equal(types.find((r) => r.type === "not_defined")?.payments, 1);
    },
  },
  zero_payment_value: {
    edit: (t) => {
      t.order_payments.splice(1, 0, {
        order_id: "o1",
        payment_sequential: 2,
        payment_type: "voucher",
        payment_installments: 1,
        payment_value: 0,
      });
    },
    expect: { zero_payment_value: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "monetary"), 120);
      assert.equal(feature(table, "u1", "share_voucher"), 0);
      assert.equal(feature(table, "u1", "share_credit_card"), 1);
      assert.equal(feature(table, "u1", "mean_installments"), 1);
    },
  },
  order_without_payment: {
    edit: (t) => {
      addOrder(t, {
        ...o4("delivered", {
          approved: "2018-02-15 13:00:00",
          carrier: "2018-02-16 09:00:00",
          delivered: "2018-02-20 12:00:00",
        }),
        payments: [],
      });
      addOrder(t, {
        id: "o5",
        customer: "c5",
        person: "u5",
        status: "unavailable",
        purchase: "2018-02-16 12:00:00",
        approved: "2018-02-16 13:00:00",
        estimated: "2018-03-01 00:00:00",
        items: [],
        payments: [],
      });
    },
    expect: {
      no_payment: 1, // o4 delivered
      order_without_payment: 2, // o4 and o5, any status
      order_without_items: 1, // o5
      status_not_counted: 1, // o5
      missing_carrier_date: 1,
      missing_delivery_date: 1,
    },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.deepEqual(table.ids, ["u1", "u2", "u3"]);
      assert.equal(table.orders.excluded.no_payment, 1);
    },
  },
  zero_freight: {
    edit: (t) => {
      t.order_items[0].freight_value = 0;
      t.order_payments[0].payment_value = 100;
    },
    expect: { zero_freight: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(feature(table, "u1", "freight_share"), 0);
      assert.equal(feature(table, "u2", "freight_share"), 20 / 120);
      assert.equal(feature(table, "u1", "monetary"), 100);
    },
  },
  order_without_items: {
    edit: (t) => {
      addOrder(t, { ...o4("unavailable", { approved: "2018-02-15 13:00:00" }), items: [] });
      addOrder(t, {
        id: "o5",
        customer: "c5",
        person: "u5",
        status: "delivered",
        purchase: "2018-02-16 12:00:00",
        approved: "2018-02-16 13:00:00",
        carrier: "2018-02-17 09:00:00",
        delivered: "2018-02-20 12:00:00",
        estimated: "2018-03-01 00:00:00",
        items: [],
      });
    },
    expect: {
      order_without_items: 2,
      no_items: 1, // o5 delivered
      status_not_counted: 1, // o4 unavailable
      missing_carrier_date: 1,
      missing_delivery_date: 1,
    },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.deepEqual(table.ids, ["u1", "u2", "u3"]);
      assert.equal(table.orders.excluded.no_items, 1);
    },
  },
  product_without_category: {
    edit: (t) => {
      t.products.push(product("p3", ""));
      t.order_items[0].product_id = "p3";
    },
    expect: { missing_category: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(favourite(table, "u1"), "unknown");
      assert.equal(feature(table, "u1", "n_categories"), 0);
      assert.equal(favourite(table, "u2"), "bed_bath_table");
    },
  },
  category_without_translation: {
    edit: (t) => {
      t.products.push(product("p3", "pc_gamer"));
      t.order_items[0].product_id = "p3";
    },
    expect: { untranslated_category: 1 },
    check: async (db) => {
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(favourite(table, "u1"), "pc_gamer");
      assert.equal(feature(table, "u1", "n_categories"), 1);
    },
  },
  geolocation_duplicates: {
    edit: (t) => {
      t.geolocation.push({ ...t.geolocation[0] }, { ...t.geolocation[0] });
    },
    expect: { duplicate_row_geolocation: 2 },
    check: async (db) => {
      const sample = await geolocationSample(db, 10);
      assert.equal(sample.lat.length, 2); // each point once
    },
  },
  geolocation_outside_brazil: {
    edit: (t) => {
      t.geolocation.push(geo("99999", 45.06593, 121.1054, "sao paulo", "SP"));
      t.geolocation.push(geo("99998", -23.5, -101.4668, "sao paulo", "SP")); // by longitude only
    },
    expect: { geolocation_outside_brazil: 2 },
    check: async (db) => {
      const sample = await geolocationSample(db, 10);
      assert.deepEqual(Array.from(sample.lat).sort(), [-23.55, -22.9].sort());
    },
  },
  city_spellings: {
    edit: (t) => {
      t.geolocation.push(
        geo("01037", -23.5456, -46.6393, "São Paulo", "SP"),
        geo("01037", -23.5457, -46.6394, "SAO PAULO", "SP"),
        geo("01037", -23.5458, -46.6395, " sao  paulo", "SP"),
      );
      t.customers[0].customer_city = "São Paulo";
    },
    expect: { geolocation_city_spelling: 3, customer_city_spelling: 1 },
    check: async (db) => {
      for (const name of ["São Paulo", "SAO PAULO", " sao  paulo"])
        assert.equal(normalCityName(name), "sao paulo");
      // The SQL normal form agrees with normalCityName on every spelling of the set.
      const rows = await db.rows<{ city: string; normal: string }>(
        `SELECT DISTINCT geolocation_city AS city,
                trim(regexp_replace(lower(strip_accents(geolocation_city)), '\\s+', ' ', 'g')) AS normal
         FROM geolocation`,
      );
      for (const r of rows) assert.equal(r.normal, normalCityName(r.city), r.city);
      const table = await customerFeatures(db, { asOf: LATER });
      assert.equal(table.text.customer_state[table.ids.indexOf("u1")], "SP");
    },
  },
};

describe("the real data's quirks on micro-datasets", () => {
  let base: Record<string, number>;

  it("the clean base: every quirk rule is in the report, only midnight review dates count", async () => {
    const { db, close } = await openQuirkData(baseTables());
    try {
      base = await counts(db);
      for (const [name, q] of Object.entries(QUIRK_RULES))
        for (const rule of q.counted)
          assert.ok(rule in base, `${name}: rule ${rule} not in the report`);
      const nonZero = Object.entries(base).filter(([, n]) => n > 0);
      assert.deepEqual(nonZero, [["review_created_at_midnight", 3]]);
      const table = await customerFeatures(db, { asOf: LATER });
      assert.deepEqual(table.ids, ["u1", "u2", "u3"]);
      assert.deepEqual(Array.from(table.numeric.mean_delivery_days), [5, 4, 2]);
    } finally {
      close();
    }
  });

  for (const [name, c] of Object.entries(CASES) as [QuirkName, QuirkCase][]) {
    it(`${name}: ${QUIRK_RULES[name].quirk}`, async () => {
      const tables = baseTables();
      c.edit(tables);
      const { db, close } = await openQuirkData(tables);
      try {
        const report = await cleaningReport(db);
        const got = Object.fromEntries(report.map((r) => [r.rule, r.rows]));
        assert.deepEqual(got, { ...base, ...c.expect });
        // Every rule that counts this quirk sees it.
        for (const rule of QUIRK_RULES[name].counted)
          assert.ok(got[rule] > 0, `${rule} counts nothing for ${name}`);
        // Excluded orders and the orders counted at the end of time add up to the orders file.
        const excluded = report
          .filter((r) => r.table === "orders" && r.action === "excluded")
          .reduce((s, r) => s + r.rows, 0);
        const all = await customerFeatures(db, { asOf: "2030-01-01" });
        assert.equal(excluded + all.orders.counted, tables.orders.length);
        // The customer table's invariants hold with the quirk present.
        await assertCustomerTable(db, await customerFeatures(db, { asOf: LATER }));
        await c.check(db);
      } finally {
        close();
      }
    });
  }

  it("quirkSummary lists every quirk with its rules' rows; a rule missing from the report is an error", async () => {
    const tables = baseTables();
    CASES.zero_freight.edit(tables);
    CASES.several_reviews_disagreeing.edit(tables);
    const { db, close } = await openQuirkData(tables);
    try {
      const report = await cleaningReport(db);
      const summary = quirkSummary(report);
      assert.deepEqual(
        summary.map((r) => r.quirk),
        Object.keys(QUIRK_RULES),
      );
      const line = (q: QuirkName) => summary.find((r) => r.quirk === q)?.counted;
      assert.equal(line("zero_freight"), "zero_freight 1");
      assert.equal(
        line("several_reviews_disagreeing"),
        "several_reviews_per_order 4, review_scores_disagree 2",
      );
      assert.throws(
        () => quirkSummary(report.filter((r) => r.rule !== "zero_freight")),
        /rule zero_freight of quirk zero_freight is not in the report/,
      );
    } finally {
      close();
    }
  });

  it("the loader's policies accept the legal quirks above but still reject the faults next to them", async () => {
    const faults: [string, (t: QuirkTables) => void, RegExp][] = [
      [
        "payment type 'not defined'",
        (t) => void (t.order_payments[0].payment_type = "not defined"),
        /unknown_payment_type/,
      ],
      [
        "negative payment",
        (t) => void (t.order_payments[0].payment_value = -0.01),
        /negative_payment/,
      ],
      [
        "negative freight",
        (t) => void (t.order_items[0].freight_value = -0.01),
        /negative_freight/,
      ],
      [
        "review score 0",
        (t) => void (t.order_reviews[0].review_score = 0),
        /review_score_outside_1_5/,
      ],
      [
        "empty purchase date",
        (t) => void (t.orders[0].order_purchase_timestamp = ""),
        /order_purchase_timestamp/,
      ],
    ];
    for (const [name, edit, message] of faults) {
      const tables = baseTables();
      edit(tables);
      await assert.rejects(openQuirkData(tables), message, name);
    }
  });
});
