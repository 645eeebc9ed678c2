import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OlistDataError } from "../../src/data/errors.js";
import {
  cleaningReport,
  cleaningReportCsv,
  customerFeatures,
  prepareFeatureFacts,
} from "../../src/features/index.js";
import { parseCsv } from "../helpers/csv.js";
import { insert, microDatabase } from "./microData.js";

/** Orders rows of the report left out of the customer table, summed. */
const excludedOrders = (report: { table: string; action: string; rows: number }[]) =>
  report
    .filter((r) => r.table === "orders" && r.action === "excluded")
    .reduce((s, r) => s + r.rows, 0);

describe("cleaningReport on the micro data", () => {
  it("counts every rule by hand", async () => {
    const db = await microDatabase();
    const report = await cleaningReport(db);
    const counts = Object.fromEntries(report.map((r) => [r.rule, r.rows]));
    assert.deepEqual(counts, {
      // Load-time value policies: every timestamp is inside the plausible window.
      purchase_outside_window: 0,
      approved_outside_window: 0,
      carrier_outside_window: 0,
      delivered_outside_window: 0,
      estimate_outside_window: 0,
      shipping_limit_outside_window: 0,
      review_created_outside_window: 0,
      review_answered_outside_window: 0,
      duplicate_row_orders: 0,
      duplicate_row_customers: 0,
      duplicate_row_order_items: 0,
      duplicate_row_order_payments: 0,
      duplicate_row_order_reviews: 1, // r2 on o2 twice, identical
      duplicate_row_products: 0,
      duplicate_row_sellers: 0,
      duplicate_row_geolocation: 0,
      duplicate_row_category_translation: 0,
      status_not_counted: 2, // o5 canceled, o7 shipped
      no_status_timestamp: 0,
      no_customer: 0,
      delivered_before_purchase: 1, // o9
      no_payment: 1, // o8
      no_items: 0,
      approved_before_purchase: 1, // o6
      carrier_before_purchase: 0,
      delivered_before_carrier: 1, // o8
      canceled_with_delivery_date: 0,
      approved_after_carrier: 0,
      missing_approved_at: 0,
      missing_carrier_date: 2, // o5, o9
      missing_delivery_date: 2, // o5 canceled, o7 shipped
      order_without_payment: 1, // o8
      order_without_items: 0,
      payment_items_mismatch: 1, // o5 paid 80 for 75
      order_value_outlier: 1, // o6 (1100 > p99.9 = 1093.56 of 8 order totals)
      freight_outlier: 1, // o6's 100 (p99.9 of 11 freights = 99.2)
      zero_freight: 0,
      item_without_order: 0,
      item_product_unknown: 0,
      zero_payment_value: 0,
      payment_type_not_defined: 0,
      zero_installments: 0,
      payment_without_order: 0,
      review_id_on_several_orders: 2, // r1 on o1 and o8
      several_reviews_per_order: 3, // o2: r2 (twice) and r2b
      review_scores_disagree: 3, // o2: r2 (2★, twice) and r2b (4★)
      review_of_undelivered_order: 0,
      review_answered_before_delivery: 1, // r1 on o8, answered 01-17, delivered 01-25
      review_created_at_midnight: 8, // every review row
      review_without_order: 0,
      missing_category: 1, // p_nocat
      untranslated_category: 1, // p_gamer (pc_gamer)
      missing_product_attributes: 1, // p_nocat
      customer_several_states: 3, // u1's three customer_ids (SP, RJ, SP)
      customer_city_spelling: 0,
      geolocation_outside_brazil: 0,
      geolocation_city_spelling: 0,
    });
    const byRule = new Map(report.map((r) => [r.rule, r]));
    assert.equal(byRule.get("no_payment")?.share, 1 / 9);
    assert.equal(byRule.get("missing_category")?.action, "kept as missing");
    assert.equal(byRule.get("order_value_outlier")?.action, "flagged");
    assert.equal(byRule.get("purchase_outside_window")?.action, "excluded");
    assert.equal(byRule.get("shipping_limit_outside_window")?.action, "flagged");
    assert.match(byRule.get("order_value_outlier")?.description ?? "", /p99\.9/);
    for (const r of report)
      assert.ok(["excluded", "flagged", "kept as missing"].includes(r.action));

    // Excluded orders plus the orders counted at the end of time add up to the orders table.
    const all = await customerFeatures(db, { asOf: "2030-01-01" });
    assert.equal(excludedOrders(report) + all.orders.counted, 9);
    db.close();
  });

  it("uses the counted statuses and thresholds given", async () => {
    const db = await microDatabase();
    const report = await cleaningReport(db, {
      countedStatuses: ["delivered", "shipped"],
      paymentTolerance: 10,
    });
    const counts = Object.fromEntries(report.map((r) => [r.rule, r.rows]));
    assert.equal(counts.status_not_counted, 1);
    assert.equal(counts.payment_items_mismatch, 0);
    assert.match(
      report.find((r) => r.rule === "status_not_counted")!.description,
      /delivered, shipped/,
    );
    await assert.rejects(cleaningReport(db, { outlierQuantile: 1.5 }), /strictly between 0 and 1/);
    db.close();
  });

  it("excludes and counts an order dated 2999, its payment and item become unused rows; counts still add up", async () => {
    const db = await microDatabase();
    await insert(db, "orders", [
      [
        "o10",
        "c2",
        "delivered",
        "2999-01-01 10:00:00",
        null,
        null,
        "2999-01-05 00:00:00",
        "2999-01-20 00:00:00",
      ],
    ]);
    await insert(db, "order_payments", [["o10", 1, "boleto", 1, 10]]);
    await insert(db, "order_items", [["o10", 1, "p_toy", "s1", "2999-01-02 00:00:00", 8, 2]]);
    const report = await cleaningReport(db);
    const counts = Object.fromEntries(report.map((r) => [r.rule, r.rows]));
    assert.equal(counts.purchase_outside_window, 1);
    assert.equal(counts.delivered_outside_window, 0); // counted once, under its first column outside
    assert.equal(counts.shipping_limit_outside_window, 1); // flagged, kept
    assert.equal(counts.payment_without_order, 1);
    assert.equal(counts.item_without_order, 1);
    assert.equal(report.find((r) => r.rule === "purchase_outside_window")!.share, 1 / 10);
    const all = await customerFeatures(db, { asOf: "2030-01-01" });
    assert.equal(excludedOrders(report) + all.orders.counted, 10); // the 10 records of orders
    // The default as-of date comes from the remaining data, not from 2999: the last complete
    // purchase day (02-25 holds only the shipped o7), see src/features/asOf.ts.
    const table = await customerFeatures(db);
    assert.equal(table.asOf.toISOString(), "2018-02-21T00:00:00.000Z");
    db.close();
  });

  it("an empty order_id is an error naming the column, not a missing payment", async () => {
    const db = await microDatabase();
    await insert(db, "orders", [
      [null, "c2", "delivered", "2018-01-10 10:00:00", null, null, null, "2018-01-20 00:00:00"],
    ]);
    await assert.rejects(prepareFeatureFacts(db), (e: Error) => {
      assert.ok(e instanceof OlistDataError);
      assert.match(
        e.message,
        /^table orders \(order_id \(empty\)\), column "order_id": value \(empty\) is empty/,
      );
      assert.match(e.message, /rule empty_order_id/);
      return true;
    });
    db.close();
  });

  it("writes as CSV with a header and one quoted-where-needed line per rule", async () => {
    const db = await microDatabase();
    const report = await cleaningReport(db);
    const rows = parseCsv(cleaningReportCsv(report).trimEnd());
    assert.deepEqual(rows[0], ["rule", "table", "rows", "action", "share", "description"]);
    assert.equal(rows.length, report.length + 1);
    const noPayment = rows.find((r) => r[0] === "no_payment")!;
    assert.deepEqual(noPayment.slice(0, 5), [
      "no_payment",
      "orders",
      "1",
      "excluded",
      String(1 / 9),
    ]);
    db.close();
  });
});
