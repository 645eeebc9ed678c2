/**
 * A hand-built micro Olist database for the feature tests. Every expectation of the tests is
 * computed by hand from the rows below; the as-of date of the tests is T = 2018-03-01 00:00.
 *
 * People (customer_unique_id):
 * - u1: repeat buyer with three customer_ids (SP, RJ, SP): o1 delivered (2 items, 2 categories,
 *   credit card + voucher, one review), o2 delivered late (boleto, two reviews + a repeated review
 *   row), o3 still in transit at T (delivered after T, review after T);
 * - u2: o4 delivered with a product without category (tie with auto), debit card, review after T;
 * - u3: o5 canceled (payment differs from items);
 * - u4: o6 delivered on the promised day (late by the timestamp rule), approved before purchase,
 *   untranslated category, freight outlier; o9 delivered before its purchase (impossible);
 * - u5: o7 shipped (not delivered), o8 delivered without payment (review_id r1 shared with o1).
 */
import { Database } from "../../src/data/db.js";
import { createOlistTables } from "../../src/data/tables.js";

/** The as-of date used by the tests. */
export const T = new Date("2018-03-01T00:00:00Z");

type Cell = string | number | null;

/** SQL literal of a value (tests only; values are trusted). */
function literal(v: Cell): string {
  if (v === null) return "NULL";
  if (typeof v === "number") return String(v);
  return `'${v.replaceAll("'", "''")}'`;
}

/** Inserts rows into a table. */
export async function insert(db: Database, table: string, rows: Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => `(${r.map(literal).join(", ")})`).join(",\n");
  await db.run(`INSERT INTO ${table} VALUES ${values}`);
}

// order_id, customer_id, status, purchase, approved, carrier, delivered, estimated
export const ORDERS: Cell[][] = [
  [
    "o1",
    "c1a",
    "delivered",
    "2018-01-10 10:00:00",
    "2018-01-10 10:30:00",
    "2018-01-11 09:00:00",
    "2018-01-15 10:00:00",
    "2018-01-20 00:00:00",
  ],
  [
    "o2",
    "c1b",
    "delivered",
    "2018-02-01 12:00:00",
    "2018-02-01 13:00:00",
    "2018-02-02 09:00:00",
    "2018-02-11 00:00:00",
    "2018-02-10 00:00:00",
  ],
  [
    "o3",
    "c1c",
    "delivered",
    "2018-02-20 08:00:00",
    "2018-02-20 09:00:00",
    "2018-02-21 09:00:00",
    "2018-03-05 00:00:00",
    "2018-03-10 00:00:00",
  ],
  [
    "o4",
    "c2",
    "delivered",
    "2018-02-10 00:00:00",
    "2018-02-10 01:00:00",
    "2018-02-11 09:00:00",
    "2018-02-20 06:00:00",
    "2018-02-25 00:00:00",
  ],
  [
    "o5",
    "c3",
    "canceled",
    "2018-01-05 00:00:00",
    "2018-01-05 01:00:00",
    null,
    null,
    "2018-01-25 00:00:00",
  ],
  [
    "o6",
    "c4",
    "delivered",
    "2017-12-24 18:00:00",
    "2017-12-24 17:00:00",
    "2017-12-26 09:00:00",
    "2018-01-03 18:00:00",
    "2018-01-03 00:00:00",
  ],
  [
    "o7",
    "c5",
    "shipped",
    "2018-02-25 00:00:00",
    "2018-02-25 01:00:00",
    "2018-02-26 09:00:00",
    null,
    "2018-03-15 00:00:00",
  ],
  [
    "o8",
    "c5b",
    "delivered",
    "2018-01-20 00:00:00",
    "2018-01-20 01:00:00",
    "2018-01-26 09:00:00",
    "2018-01-25 00:00:00",
    "2018-02-05 00:00:00",
  ],
  [
    "o9",
    "c4b",
    "delivered",
    "2018-02-01 00:00:00",
    "2018-02-01 01:00:00",
    null,
    "2018-01-30 00:00:00",
    "2018-02-15 00:00:00",
  ],
];

// customer_id, customer_unique_id, zip, city, state
export const CUSTOMERS: Cell[][] = [
  ["c1a", "u1", "01037", "sao paulo", "SP"],
  ["c1b", "u1", "20000", "rio de janeiro", "RJ"],
  ["c1c", "u1", "01037", "sao paulo", "SP"],
  ["c2", "u2", "30000", "belo horizonte", "MG"],
  ["c3", "u3", "01040", "sao paulo", "SP"],
  ["c4", "u4", "40000", "salvador", "BA"],
  ["c4b", "u4", "40000", "salvador", "BA"],
  ["c5", "u5", "01050", "sao paulo", "SP"],
  ["c5b", "u5", "01050", "sao paulo", "SP"],
];

// order_id, order_item_id, product_id, seller_id, shipping_limit_date, price, freight_value
export const ITEMS: Cell[][] = [
  ["o1", 1, "p_bed", "s1", "2018-01-12 00:00:00", 100, 20],
  ["o1", 2, "p_toy", "s1", "2018-01-12 00:00:00", 50, 10],
  ["o2", 1, "p_bed", "s1", "2018-02-03 00:00:00", 80, 20],
  ["o3", 1, "p_toy", "s1", "2018-02-22 00:00:00", 40, 10],
  ["o4", 1, "p_nocat", "s1", "2018-02-12 00:00:00", 60, 15],
  ["o4", 2, "p_auto", "s1", "2018-02-12 00:00:00", 60, 5],
  ["o5", 1, "p_toy", "s1", "2018-01-07 00:00:00", 70, 5],
  ["o6", 1, "p_gamer", "s1", "2017-12-27 00:00:00", 1000, 100],
  ["o7", 1, "p_toy", "s1", "2018-02-27 00:00:00", 25, 5],
  ["o8", 1, "p_toy", "s1", "2018-01-22 00:00:00", 20, 5],
  ["o9", 1, "p_toy", "s1", "2018-02-03 00:00:00", 10, 5],
];

// order_id, payment_sequential, payment_type, payment_installments, payment_value
export const PAYMENTS: Cell[][] = [
  ["o1", 1, "credit_card", 3, 150],
  ["o1", 2, "voucher", 1, 30],
  ["o2", 1, "boleto", 1, 100],
  ["o3", 1, "credit_card", 2, 50],
  ["o4", 1, "debit_card", 1, 140],
  ["o5", 1, "credit_card", 1, 80],
  ["o6", 1, "credit_card", 10, 1100],
  ["o7", 1, "boleto", 1, 30],
  ["o9", 1, "voucher", 1, 15],
];

// review_id, order_id, score, title, message, created, answered
export const REVIEWS: Cell[][] = [
  ["r1", "o1", 4, null, null, "2018-01-16 00:00:00", "2018-01-17 10:00:00"],
  ["r2", "o2", 2, null, "atrasou", "2018-02-12 00:00:00", "2018-02-12 10:00:00"],
  ["r2", "o2", 2, null, "atrasou", "2018-02-12 00:00:00", "2018-02-12 10:00:00"],
  ["r2b", "o2", 4, null, null, "2018-02-13 00:00:00", "2018-02-14 10:00:00"],
  ["r3", "o3", 5, null, null, "2018-03-06 00:00:00", "2018-03-06 10:00:00"],
  ["r4", "o4", 5, null, null, "2018-03-02 00:00:00", "2018-03-03 10:00:00"],
  ["r5", "o6", 1, "ruim", null, "2018-01-04 00:00:00", "2018-01-05 10:00:00"],
  ["r1", "o8", 4, null, null, "2018-01-16 00:00:00", "2018-01-17 10:00:00"],
];

// product_id, category, name len, description len, photos, weight, length, height, width
export const PRODUCTS: Cell[][] = [
  ["p_bed", "cama_mesa_banho", 40, 500, 2, 1000, 30, 10, 20],
  ["p_toy", "brinquedos", 30, 300, 1, 200, 15, 10, 10],
  ["p_nocat", null, null, null, null, 500, 20, 10, 10],
  ["p_auto", "automotivo", 35, 250, 3, 800, 25, 10, 15],
  ["p_gamer", "pc_gamer", 50, 900, 4, 3000, 50, 20, 40],
];

export const TRANSLATION: Cell[][] = [
  ["cama_mesa_banho", "bed_bath_table"],
  ["brinquedos", "toys"],
  ["automotivo", "auto"],
];

/** Opens an in-memory database holding the micro data. */
export async function microDatabase(): Promise<Database> {
  const db = await Database.open();
  await createOlistTables(db);
  await insert(db, "orders", ORDERS);
  await insert(db, "customers", CUSTOMERS);
  await insert(db, "order_items", ITEMS);
  await insert(db, "order_payments", PAYMENTS);
  await insert(db, "order_reviews", REVIEWS);
  await insert(db, "products", PRODUCTS);
  await insert(db, "category_translation", TRANSLATION);
  await insert(db, "sellers", [["s1", "01001", "sao paulo", "SP"]]);
  return db;
}
