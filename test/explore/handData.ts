/**
 * A hand-built Olist database for the exploration tests; every expectation is computed by hand
 * from the rows below.
 */
import { after, before } from "node:test";
import { Database } from "../../src/data/db.js";
import { createOlistTables } from "../../src/data/tables.js";
import { insert } from "../features/microData.js";

/**
 * Five orders of three people, by hand:
 * - p1 (c1, c2): o1 delivered 2 days late (score 1), o2 delivered 10.5 days early (scores 4 and 5);
 * - p2 (c3): o3 delivered on a Sunday, 3 days early (score 5), o4 canceled (no delivery);
 * - p3 (c4): o5 delivered, no review.
 */
export async function handDatabase(options: { quirks?: boolean } = {}): Promise<Database> {
  const db = await Database.open();
  await createOlistTables(db);
  // order_id, customer_id, status, purchase, approved, carrier, delivered, estimated
  await insert(db, "orders", [
    [
      "o1",
      "c1",
      "delivered",
      "2018-01-01 10:00:00",
      null,
      null,
      "2018-01-12 00:00:00",
      "2018-01-10 00:00:00",
    ],
    [
      "o2",
      "c2",
      "delivered",
      "2018-01-01 11:30:00",
      null,
      null,
      "2018-01-10 12:00:00",
      "2018-01-21 00:00:00",
    ],
    [
      "o3",
      "c3",
      "delivered",
      "2018-03-04 23:10:00",
      null,
      null,
      "2018-03-07 00:00:00",
      "2018-03-10 00:00:00",
    ],
    ["o4", "c3", "canceled", "2018-03-05 08:00:00", null, null, null, "2018-03-20 00:00:00"],
    [
      "o5",
      "c4",
      "delivered",
      "2018-03-06 08:00:00",
      null,
      null,
      "2018-03-08 00:00:00",
      "2018-03-10 00:00:00",
    ],
  ]);
  await insert(db, "customers", [
    ["c1", "p1", "01000", "sao paulo", "SP"],
    ["c2", "p1", "01000", "sao paulo", "SP"],
    ["c3", "p2", "20000", "rio de janeiro", "RJ"],
    ["c4", "p3", "30000", "belo horizonte", "MG"],
  ]);
  // order_id, order_item_id, product_id, seller_id, shipping_limit, price, freight
  await insert(db, "order_items", [
    ["o1", 1, "pa", "s1", "2018-01-02 00:00:00", 100, 10],
    ["o1", 2, "pb", "s1", "2018-01-02 00:00:00", 50, 5],
    ["o2", 1, "pa", "s1", "2018-01-02 00:00:00", 100, 10],
    ["o3", 1, "pc", "s1", "2018-03-05 00:00:00", 20, 0],
    ["o5", 1, "px", "s1", "2018-03-07 00:00:00", 30, 3],
  ]);
  // order_id, payment_sequential, type, installments, value
  await insert(db, "order_payments", [
    ["o1", 1, "credit_card", 8, 150],
    ["o1", 2, "voucher", 1, 15],
    ["o2", 1, "boleto", 1, 110],
    ["o3", 1, "credit_card", 0, 20],
    ["o4", 1, "credit_card", 3, 0],
    ["o5", 1, "credit_card", 2, 33],
  ]);
  // review_id, order_id, score, title, message, created, answered
  await insert(db, "order_reviews", [
    ["r1", "o1", 1, null, null, "2018-01-13 00:00:00", "2018-01-14 00:00:00"],
    ["r2", "o2", 4, null, null, "2018-01-11 00:00:00", "2018-01-12 00:00:00"],
    ["r3", "o2", 5, null, null, "2018-01-12 00:00:00", "2018-01-13 00:00:00"],
    ["r4", "o3", 5, null, null, "2018-03-08 00:00:00", "2018-03-09 00:00:00"],
  ]);
  // product_id, category, 7 attributes
  await insert(db, "products", [
    ["pa", "beleza_saude", 10, 100, 1, 100, 10, 10, 10],
    ["pb", "brinquedos", 10, 100, 1, 100, 10, 10, 10],
    ["pc", null, null, null, null, null, null, null, null],
  ]);
  await insert(db, "category_translation", [
    ["beleza_saude", "health_beauty"],
    ["brinquedos", "toys"],
  ]);
  if (options.quirks) await addQuirks(db);
  return db;
}

/**
 * Quirks of the real files the twin lacks, added to the five orders above:
 * - p4 (c5, BA): o6 "delivered" without a delivery date (Wed 2018-03-07 09:00), paid 0 by a
 *   `not_defined` payment, one item of `pd`, a category missing from the translation (pc_gamer);
 * - p5 (c6, RJ): o7 "delivered" before its purchase (Thu 2018-03-08 14:00), boleto 100, one item
 *   of `pa` with free shipping, reviewed 2 stars.
 * Neither o6 nor o7 can be measured, so every delivery figure stays that of o1, o2, o3, o5.
 */
async function addQuirks(db: Database): Promise<void> {
  await insert(db, "orders", [
    ["o6", "c5", "delivered", "2018-03-07 09:00:00", null, null, null, "2018-03-20 00:00:00"],
    [
      "o7",
      "c6",
      "delivered",
      "2018-03-08 14:00:00",
      null,
      null,
      "2018-03-01 00:00:00",
      "2018-03-15 00:00:00",
    ],
  ]);
  await insert(db, "customers", [
    ["c5", "p4", "40000", "salvador", "BA"],
    ["c6", "p5", "20000", "rio de janeiro", "RJ"],
  ]);
  await insert(db, "order_items", [
    ["o6", 1, "pd", "s1", "2018-03-08 00:00:00", 40, 4],
    ["o7", 1, "pa", "s1", "2018-03-09 00:00:00", 100, 0],
  ]);
  await insert(db, "order_payments", [
    ["o6", 1, "not_defined", 1, 0],
    ["o7", 1, "boleto", 1, 100],
  ]);
  await insert(db, "order_reviews", [
    ["r5", "o7", 2, null, "veio errado", "2018-03-10 00:00:00", "2018-03-11 00:00:00"],
  ]);
  await insert(db, "products", [["pd", "pc_gamer", 10, 100, 1, 100, 10, 10, 10]]);
}

/**
 * Opens the hand database without and with the quirks before the tests of a suite and closes both
 * after them; call it inside `describe`.
 */
export function useHandDatabases(): { plain: () => Database; quirks: () => Database } {
  let plain: Database | undefined;
  let quirks: Database | undefined;
  before(async () => {
    plain = await handDatabase();
    quirks = await handDatabase({ quirks: true });
  });
  after(() => {
    plain?.close();
    quirks?.close();
  });
  const opened = (db: Database | undefined) => {
    if (!db) throw new Error("useHandDatabases: the databases open in before()");
    return db;
  };
  return { plain: () => opened(plain), quirks: () => opened(quirks) };
}
