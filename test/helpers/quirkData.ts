/**
 * Tiny Olist CSV sets for the quirk tests: a clean base of three people with one delivered order
 * each, edited by a test to carry one quirk of the real data, written as the nine Kaggle files to
 * a temporary folder and opened with the loader (`openOlist`), so the value policies see them too.
 *
 * Base (every figure hand-computed): u1/c1 o1 purchased 2018-01-10 10:00, delivered after exactly
 * 5 days; u2/c2 o2 2018-02-01 12:00, 4 days; u3/c3 o3 2018-03-01 08:00, 2 days. Each order: one
 * item of p1 (cama_mesa_banho → bed_bath_table) at R$100 + R$20 freight, one credit-card payment
 * of R$120 in 1 instalment, one review created at 00:00:00 (scores 5, 4, 3).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "../../src/data/db.js";
import { openOlist } from "../../src/pipeline/openData.js";
import type { TableName } from "../../src/data/schema.js";
import { OLIST_TABLES } from "../../src/data/schema.js";

/** One CSV record, by column name; a missing column or "" is an empty field. */
export type QuirkRow = Record<string, string | number>;

/** The nine tables of a quirk set. */
export type QuirkTables = Record<TableName, QuirkRow[]>;

/** An order with its customer, items and payment, for {@link addOrder}. */
export interface OrderSpec {
  id: string;
  customer: string;
  person: string;
  status: string;
  purchase: string;
  approved?: string;
  carrier?: string;
  delivered?: string;
  estimated: string;
  /** Item rows (product, price, freight); default one item of p1 at 100 + 20. */
  items?: [string, number, number][];
  /** Payment rows (type, value, instalments); default credit card 120 in 1. */
  payments?: [string, number, number][];
  state?: string;
  city?: string;
  zip?: string;
}

/** Appends an order, its customer row, items and payments to the tables. */
export function addOrder(t: QuirkTables, o: OrderSpec): void {
  t.orders.push({
    order_id: o.id,
    customer_id: o.customer,
    order_status: o.status,
    order_purchase_timestamp: o.purchase,
    order_approved_at: o.approved ?? "",
    order_delivered_carrier_date: o.carrier ?? "",
    order_delivered_customer_date: o.delivered ?? "",
    order_estimated_delivery_date: o.estimated,
  });
  t.customers.push({
    customer_id: o.customer,
    customer_unique_id: o.person,
    customer_zip_code_prefix: o.zip ?? "01037",
    customer_city: o.city ?? "sao paulo",
    customer_state: o.state ?? "SP",
  });
  (o.items ?? [["p1", 100, 20]]).forEach(([product, price, freight], i) =>
    t.order_items.push({
      order_id: o.id,
      order_item_id: i + 1,
      product_id: product,
      seller_id: "s1",
      shipping_limit_date: o.purchase,
      price,
      freight_value: freight,
    }),
  );
  (o.payments ?? [["credit_card", 120, 1]]).forEach(([type, value, installments], i) =>
    t.order_payments.push({
      order_id: o.id,
      payment_sequential: i + 1,
      payment_type: type,
      payment_installments: installments,
      payment_value: value,
    }),
  );
}

/** A review row. */
export function review(
  id: string,
  order: string,
  score: number,
  created: string,
  answered: string,
): QuirkRow {
  return {
    review_id: id,
    order_id: order,
    review_score: score,
    review_creation_date: created,
    review_answer_timestamp: answered,
  };
}

/** A product row with every attribute filled. */
export function product(id: string, category: string): QuirkRow {
  return {
    product_id: id,
    product_category_name: category,
    product_name_lenght: 40,
    product_description_lenght: 400,
    product_photos_qty: 2,
    product_weight_g: 500,
    product_length_cm: 20,
    product_height_cm: 10,
    product_width_cm: 15,
  };
}

/** A geolocation row. */
export function geo(zip: string, lat: number, lng: number, city: string, state: string): QuirkRow {
  return {
    geolocation_zip_code_prefix: zip,
    geolocation_lat: lat,
    geolocation_lng: lng,
    geolocation_city: city,
    geolocation_state: state,
  };
}

/** The clean base set (see the module comment); a fresh copy each call. */
export function baseTables(): QuirkTables {
  const t = Object.fromEntries(OLIST_TABLES.map((s) => [s.table, []])) as unknown as QuirkTables;
  addOrder(t, {
    id: "o1",
    customer: "c1",
    person: "u1",
    status: "delivered",
    purchase: "2018-01-10 10:00:00",
    approved: "2018-01-10 10:30:00",
    carrier: "2018-01-11 09:00:00",
    delivered: "2018-01-15 10:00:00",
    estimated: "2018-01-20 00:00:00",
  });
  addOrder(t, {
    id: "o2",
    customer: "c2",
    person: "u2",
    status: "delivered",
    purchase: "2018-02-01 12:00:00",
    approved: "2018-02-01 13:00:00",
    carrier: "2018-02-02 09:00:00",
    delivered: "2018-02-05 12:00:00",
    estimated: "2018-02-10 00:00:00",
    zip: "20000",
    city: "rio de janeiro",
    state: "RJ",
  });
  addOrder(t, {
    id: "o3",
    customer: "c3",
    person: "u3",
    status: "delivered",
    purchase: "2018-03-01 08:00:00",
    approved: "2018-03-01 09:00:00",
    carrier: "2018-03-02 09:00:00",
    delivered: "2018-03-03 08:00:00",
    estimated: "2018-03-10 00:00:00",
    zip: "30000",
    city: "belo horizonte",
    state: "MG",
  });
  t.order_reviews.push(
    review("rv1", "o1", 5, "2018-01-16 00:00:00", "2018-01-17 10:00:00"),
    review("rv2", "o2", 4, "2018-02-06 00:00:00", "2018-02-07 10:00:00"),
    review("rv3", "o3", 3, "2018-03-04 00:00:00", "2018-03-05 10:00:00"),
  );
  t.products.push(product("p1", "cama_mesa_banho"), product("p2", "brinquedos"));
  t.category_translation.push(
    { product_category_name: "cama_mesa_banho", product_category_name_english: "bed_bath_table" },
    { product_category_name: "brinquedos", product_category_name_english: "toys" },
  );
  t.sellers.push({
    seller_id: "s1",
    seller_zip_code_prefix: "01037",
    seller_city: "sao paulo",
    seller_state: "SP",
  });
  t.geolocation.push(
    geo("01037", -23.5455, -46.6392, "sao paulo", "SP"),
    geo("20000", -22.9035, -43.2096, "rio de janeiro", "RJ"),
  );
  return t;
}

/** A CSV field, quoted when it holds a comma, quote or line break. */
function field(v: string | number | undefined): string {
  const s = v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The nine files of `tables` as Kaggle-named CSV text (header from the schema), in `dir`. */
export function writeQuirkCsvs(dir: string, tables: QuirkTables): void {
  for (const spec of OLIST_TABLES) {
    const names = spec.columns.map((c) => c.name);
    const lines = [names.join(",")];
    for (const row of tables[spec.table]) lines.push(names.map((n) => field(row[n])).join(","));
    writeFileSync(path.join(dir, `${spec.file}.csv`), lines.join("\n") + "\n");
  }
}

/** Writes the set to a temporary folder and opens it with the loader; `close` removes both. */
export async function openQuirkData(
  tables: QuirkTables,
): Promise<{ db: Database; close: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "olist-quirk-"));
  writeQuirkCsvs(dir, tables);
  try {
    const { db } = await openOlist({ dataDir: dir, log: () => {} });
    return {
      db,
      close: () => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
