import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import type { CustomerTable } from "../../src/features/index.js";
import { customerFeatures } from "../../src/features/index.js";
import { insert, microDatabase, T } from "./microData.js";

/** The data part of a table (ids and features), which must not depend on facts after T. */
function content(table: CustomerTable) {
  return { ids: table.ids, numeric: table.numeric, text: table.text };
}

/** Adds and alters only facts dated on or after T (new orders, later reviews and deliveries). */
async function addFutureFacts(db: Database): Promise<void> {
  // A new order of u2 purchased and delivered after T, with items, payment and review.
  await insert(db, "orders", [
    [
      "o10",
      "c2",
      "delivered",
      "2018-03-10 00:00:00",
      "2018-03-10 01:00:00",
      "2018-03-11 00:00:00",
      "2018-03-15 00:00:00",
      "2018-03-20 00:00:00",
    ],
  ]);
  await insert(db, "order_items", [["o10", 1, "p_bed", "s1", "2018-03-12 00:00:00", 500, 50]]);
  await insert(db, "order_payments", [["o10", 1, "credit_card", 5, 550]]);
  await insert(db, "order_reviews", [
    ["r10", "o10", 5, null, null, "2018-03-16 00:00:00", "2018-03-16 10:00:00"],
    // A second, later review of o1 (counted at T) must not move u1's score.
    ["r1late", "o1", 1, null, null, "2018-03-20 00:00:00", "2018-03-20 10:00:00"],
  ]);
  // An order purchased exactly at T is not before T.
  await insert(db, "orders", [
    [
      "o11",
      "c4",
      "delivered",
      "2018-03-01 00:00:00",
      null,
      null,
      "2018-03-01 00:00:00",
      "2018-03-05 00:00:00",
    ],
  ]);
  await insert(db, "order_items", [["o11", 1, "p_toy", "s1", "2018-03-02 00:00:00", 10, 1]]);
  await insert(db, "order_payments", [["o11", 1, "boleto", 1, 11]]);
  // o3 (in transit at T) arrives at another date after T; u2's post-T review changes its score.
  await db.run(
    "UPDATE orders SET order_delivered_customer_date = TIMESTAMP '2018-03-02 00:00:00' WHERE order_id = 'o3'",
  );
  await db.run("UPDATE order_reviews SET review_score = 1 WHERE order_id = 'o4'");
}

/**
 * The database as it would have been exported at T: orders purchased before T only, statuses as
 * of T (o3 was shipped), timestamps and reviews from T on removed.
 */
async function truncateAt(db: Database, at: Date): Promise<void> {
  const t = `TIMESTAMP '${at.toISOString().slice(0, 19).replace("T", " ")}'`;
  await db.run(`DELETE FROM orders WHERE order_purchase_timestamp >= ${t}`);
  await db.run(`
    UPDATE orders SET order_status = 'shipped', order_delivered_customer_date = NULL
    WHERE order_status = 'delivered' AND order_delivered_customer_date >= ${t}`);
  await db.run(
    `UPDATE orders SET order_delivered_carrier_date = NULL WHERE order_delivered_carrier_date >= ${t}`,
  );
  await db.run(`UPDATE orders SET order_approved_at = NULL WHERE order_approved_at >= ${t}`);
  await db.run(`DELETE FROM order_reviews WHERE review_creation_date >= ${t}`);
  for (const table of ["order_items", "order_payments", "order_reviews"]) {
    await db.run(`DELETE FROM ${table} WHERE order_id NOT IN (SELECT order_id FROM orders)`);
  }
}

describe("as-of without leakage", () => {
  it("adding or altering facts dated after T leaves the table at T unchanged", async () => {
    const db = await microDatabase();
    const before = await customerFeatures(db, { asOf: T });
    await addFutureFacts(db);
    const afterChange = await customerFeatures(db, { asOf: T });
    assert.deepEqual(content(afterChange), content(before));
    // The change was seen (facts were rebuilt): at a later date o10 and the new reviews count.
    const later = await customerFeatures(db, { asOf: "2018-04-01" });
    const u2 = later.ids.indexOf("u2");
    assert.equal(later.numeric.frequency[u2], 2);
    assert.equal(later.numeric.monetary[u2], 690);
    assert.equal(later.numeric.mean_review_score[u2], 3); // mean(1 for o4, 5 for o10)
    db.close();
  });

  it("equals the table computed on data physically truncated at T", async () => {
    for (const at of [T, new Date("2018-01-20T00:00:00Z"), new Date("2018-02-11T12:00:00Z")]) {
      const full = await microDatabase();
      await addFutureFacts(full);
      const truncated = await microDatabase();
      await addFutureFacts(truncated);
      await truncateAt(truncated, at);
      const a = await customerFeatures(full, { asOf: at });
      const b = await customerFeatures(truncated, { asOf: at });
      assert.deepEqual(content(a), content(b), `as of ${at.toISOString()}`);
      assert.equal(a.orders.counted, b.orders.counted);
      full.close();
      truncated.close();
    }
  });

  it("moving T earlier uses only what was known then", async () => {
    const db = await microDatabase();
    // At 2018-01-20: o1 (delivered 01-15, review 01-16) and o6 count; o2 is not purchased yet.
    const early = await customerFeatures(db, { asOf: "2018-01-20" });
    assert.deepEqual(early.ids, ["u1", "u4"]);
    assert.deepEqual(Array.from(early.numeric.frequency), [1, 1]);
    assert.deepEqual(Array.from(early.numeric.monetary), [180, 1100]);
    assert.deepEqual(Array.from(early.numeric.mean_review_score), [4, 1]);
    assert.deepEqual(early.text.customer_state, ["SP", "BA"]);
    // At 2018-01-16 00:00 the review of o1 (created at 00:00 that day) is not before T.
    const beforeReview = await customerFeatures(db, { asOf: "2018-01-16" });
    assert.ok(Number.isNaN(beforeReview.numeric.mean_review_score[0]));
    assert.equal(beforeReview.numeric.has_review[0], 0);
    // At 2018-01-15 10:00 exactly, o1's delivery is not before T: only u4 counts.
    const atDelivery = await customerFeatures(db, { asOf: "2018-01-15T10:00:00" });
    assert.deepEqual(atDelivery.ids, ["u4"]);
    db.close();
  });
});
