import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleaningReport, customerFeatures } from "../../src/features/index.js";
import { microDatabase } from "./micro-data.js";

describe("cleaningReport on the micro data", () => {
  it("counts every rule by hand", async () => {
    const db = await microDatabase();
    const report = await cleaningReport(db);
    const counts = Object.fromEntries(report.map((r) => [r.rule, r.rows]));
    assert.deepEqual(counts, {
      duplicate_key_orders: 0,
      duplicate_key_customers: 0,
      duplicate_key_order_items: 0,
      duplicate_key_order_payments: 0,
      duplicate_key_order_reviews: 1, // r2 on o2 twice
      duplicate_key_products: 0,
      duplicate_key_category_translation: 0,
      no_purchase_timestamp: 0,
      status_not_counted: 2, // o5 canceled, o7 shipped
      no_status_timestamp: 0,
      no_customer: 0,
      delivered_before_purchase: 1, // o9
      no_payment: 1, // o8
      no_items: 0,
      approved_before_purchase: 1, // o6
      carrier_before_purchase: 0,
      delivered_before_carrier: 1, // o8
      payment_items_mismatch: 1, // o5 paid 80 for 75
      order_value_outlier: 1, // o6 (1100 > p99.9 = 1093.56 of 8 order totals)
      freight_outlier: 1, // o6's 100 (p99.9 of 11 freights = 99.2)
      zero_freight: 0,
      item_product_unknown: 0,
      zero_payment_value: 0,
      payment_type_not_defined: 0,
      review_id_on_several_orders: 2, // r1 on o1 and o8
      several_reviews_per_order: 3, // o2: r2 (twice) and r2b
      missing_category: 1, // p_nocat
      untranslated_category: 1, // p_gamer (pc_gamer)
      missing_product_attributes: 1, // p_nocat
      customer_several_states: 3, // u1's three customer_ids (SP, RJ, SP)
    });
    const byRule = new Map(report.map((r) => [r.rule, r]));
    assert.equal(byRule.get("no_payment")?.share, 1 / 9);
    assert.equal(byRule.get("missing_category")?.action, "kept as missing");
    assert.equal(byRule.get("order_value_outlier")?.action, "flagged");
    assert.match(byRule.get("order_value_outlier")?.description ?? "", /p99\.9/);
    for (const r of report)
      assert.ok(["excluded", "flagged", "kept as missing"].includes(r.action));

    // Excluded orders plus the orders counted at the end of time add up to the orders table.
    const excludedOrders = report
      .filter((r) => r.table === "orders" && r.action === "excluded")
      .reduce((s, r) => s + r.rows, 0);
    const all = await customerFeatures(db, { asOf: "2030-01-01" });
    assert.equal(excludedOrders + all.orders.counted, 9);
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
});
