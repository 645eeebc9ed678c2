/**
 * The cleaning rules of the customer table, each stated, counted and with its action: what the
 * feature builder excludes, what it keeps but flags, what it keeps as missing. Nothing is dropped
 * silently: every order left out of the customer table is under exactly one "excluded" rule of the
 * `orders` table, so those rows plus the counted orders add up to the orders table.
 */
import type { Database } from "../data/db.js";
import type { OrderStatus } from "./definitions.js";
import { DEFAULT_COUNTED_STATUSES } from "./definitions.js";
import { ensureFeatureFacts, FACT_TABLES } from "./facts.js";
import { orderAccounting } from "./customers.js";

/** What the customer table does with the rows a rule matches. */
export type CleaningAction = "excluded" | "flagged" | "kept as missing";

/** One cleaning rule and the rows it affected. */
export interface CleaningRow {
  /** Short rule id, e.g. `no_payment`. */
  rule: string;
  /** Table whose rows are counted. */
  table: string;
  /** The rule in words, with its threshold when there is one. */
  description: string;
  /** Rows of `table` the rule matched. */
  rows: number;
  /** rows / rows of `table` (0 when the table is empty). */
  share: number;
  action: CleaningAction;
}

/** Options of {@link cleaningReport}. */
export interface CleaningOptions {
  /** Order statuses that count as purchases (default `["delivered"]`). */
  countedStatuses?: readonly OrderStatus[];
  /** Quantile above which order values and freight values are flagged as outliers (default 0.999). */
  outlierQuantile?: number;
  /** Payment total vs price + freight difference (R$) above which an order is flagged (default 0.01). */
  paymentTolerance?: number;
}

/** Key columns checked for repeats, per table (a repeat keeps one row, see `facts.ts`). */
const DEDUPLICATED_KEYS: Record<string, string[]> = {
  orders: ["order_id"],
  customers: ["customer_id"],
  order_items: ["order_id", "order_item_id"],
  order_payments: ["order_id", "payment_sequential"],
  order_reviews: ["review_id", "order_id"],
  products: ["product_id"],
  category_translation: ["product_category_name"],
};

/** A rule counted by one SQL query returning a single count `n`. */
interface CountedRule {
  rule: string;
  table: string;
  description: string;
  action: CleaningAction;
  sql: string;
}

function countedRules(quantile: number, tolerance: number): CountedRule[] {
  const pct = `p${(quantile * 100).toFixed(1)}`;
  return [
    {
      rule: "approved_before_purchase",
      table: "orders",
      description:
        "order_approved_at earlier than order_purchase_timestamp; kept, timestamps unused.",
      action: "flagged",
      sql: "SELECT count(*) FROM orders WHERE order_approved_at < order_purchase_timestamp",
    },
    {
      rule: "carrier_before_purchase",
      table: "orders",
      description:
        "Handed to the carrier before the purchase; kept (carrier date is not a feature).",
      action: "flagged",
      sql: "SELECT count(*) FROM orders WHERE order_delivered_carrier_date < order_purchase_timestamp",
    },
    {
      rule: "delivered_before_carrier",
      table: "orders",
      description: "Delivered to the customer before the carrier handover; kept.",
      action: "flagged",
      sql: `SELECT count(*) FROM orders
            WHERE order_delivered_customer_date < order_delivered_carrier_date`,
    },
    {
      rule: "payment_items_mismatch",
      table: "orders",
      description:
        `Payment total differs from price + freight of the items by more than R$${tolerance}; ` +
        "kept, monetary uses the payments.",
      action: "flagged",
      sql: `WITH p AS (SELECT order_id, sum(payment_value) AS paid FROM order_payments GROUP BY 1),
                 i AS (SELECT order_id, sum(price + freight_value) AS billed FROM order_items GROUP BY 1)
            SELECT count(*) FROM p JOIN i USING (order_id) WHERE abs(paid - billed) > ${tolerance}`,
    },
    {
      rule: "order_value_outlier",
      table: "orders",
      description: `Payment total above the ${pct} of order payment totals; kept (real large orders).`,
      action: "flagged",
      sql: `WITH p AS (SELECT order_id, sum(payment_value) AS paid FROM order_payments GROUP BY 1)
            SELECT count(*) FROM p WHERE paid > (SELECT quantile_cont(paid, ${quantile}) FROM p)`,
    },
    {
      rule: "freight_outlier",
      table: "order_items",
      description: `freight_value above the ${pct} of item freight values; kept.`,
      action: "flagged",
      sql: `SELECT count(*) FROM order_items
            WHERE freight_value > (SELECT quantile_cont(freight_value, ${quantile}) FROM order_items)`,
    },
    {
      rule: "zero_freight",
      table: "order_items",
      description: "freight_value = 0 (free shipping); kept, counts in freight_share as 0.",
      action: "flagged",
      sql: "SELECT count(*) FROM order_items WHERE freight_value = 0",
    },
    {
      rule: "item_product_unknown",
      table: "order_items",
      description: "product_id absent from products; kept, category 'unknown'.",
      action: "kept as missing",
      sql: `SELECT count(*) FROM order_items i
            WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = i.product_id)`,
    },
    {
      rule: "zero_payment_value",
      table: "order_payments",
      description: "payment_value = 0 (e.g. exhausted vouchers); kept, adds 0 to monetary.",
      action: "flagged",
      sql: "SELECT count(*) FROM order_payments WHERE payment_value = 0",
    },
    {
      rule: "payment_type_not_defined",
      table: "order_payments",
      description:
        "payment_type outside credit_card / boleto / voucher / debit_card; kept in monetary, in no share.",
      action: "flagged",
      sql: `SELECT count(*) FROM order_payments
            WHERE payment_type IS NULL
               OR payment_type NOT IN ('credit_card', 'boleto', 'voucher', 'debit_card')`,
    },
    {
      rule: "review_id_on_several_orders",
      table: "order_reviews",
      description: "Rows whose review_id appears on several orders; kept, one review per order.",
      action: "flagged",
      sql: `SELECT count(*) FROM order_reviews
            WHERE review_id IN (SELECT review_id FROM order_reviews
                                GROUP BY review_id HAVING count(DISTINCT order_id) > 1)`,
    },
    {
      rule: "several_reviews_per_order",
      table: "order_reviews",
      description:
        "Rows of orders with several review_ids; kept, the order's score is the mean of its reviews " +
        "created before the as-of date.",
      action: "flagged",
      sql: `SELECT count(*) FROM order_reviews
            WHERE order_id IN (SELECT order_id FROM order_reviews
                               GROUP BY order_id HAVING count(DISTINCT review_id) > 1)`,
    },
    {
      rule: "missing_category",
      table: "products",
      description: "product_category_name empty; kept, category 'unknown'.",
      action: "kept as missing",
      sql: `SELECT count(*) FROM products
            WHERE product_category_name IS NULL OR trim(product_category_name) = ''`,
    },
    {
      rule: "untranslated_category",
      table: "products",
      description: "Category absent from category_translation; kept under its Portuguese name.",
      action: "flagged",
      sql: `SELECT count(*) FROM products p
            WHERE trim(p.product_category_name) <> ''
              AND NOT EXISTS (SELECT 1 FROM category_translation t
                              WHERE t.product_category_name = p.product_category_name)`,
    },
    {
      rule: "missing_product_attributes",
      table: "products",
      description:
        "Any of name/description length, photos, weight or dimensions empty; kept (unused).",
      action: "kept as missing",
      sql: `SELECT count(*) FROM products
            WHERE product_name_lenght IS NULL OR product_description_lenght IS NULL
               OR product_photos_qty IS NULL OR product_weight_g IS NULL
               OR product_length_cm IS NULL OR product_height_cm IS NULL
               OR product_width_cm IS NULL`,
    },
    {
      rule: "customer_several_states",
      table: "customers",
      description:
        "Rows of a customer_unique_id seen in several states; kept, customer_state is that of " +
        "the latest counted order.",
      action: "flagged",
      sql: `SELECT count(*) FROM customers
            WHERE customer_unique_id IN (SELECT customer_unique_id FROM customers
                                         GROUP BY 1 HAVING count(DISTINCT customer_state) > 1)`,
    },
  ];
}

/** The per-order exclusions, in the precedence the feature builder applies them. */
const ORDER_EXCLUSION_TEXT: Record<string, string> = {
  status_not_counted: "order_status not among the counted statuses (%s).",
  no_status_timestamp:
    "Counted status without the timestamp of reaching it (e.g. delivered without delivery date).",
  no_customer: "customer_id absent from customers: no customer_unique_id.",
  delivered_before_purchase: "order_delivered_customer_date earlier than the purchase: impossible.",
  no_payment: "No order_payments row: no monetary value.",
  no_items: "No order_items row: nothing was bought.",
};

/**
 * The cleaning report: one row per rule with the rows it affected and the action taken. The
 * "excluded" rows of `orders` are exclusive (first applicable reason, in table order) and add up,
 * with the counted orders, to the rows of `orders`; the other rules are independent counts.
 *
 * @example
 * console.table(await cleaningReport(db));
 */
export async function cleaningReport(
  db: Database,
  options: CleaningOptions = {},
): Promise<CleaningRow[]> {
  const countedStatuses = options.countedStatuses ?? DEFAULT_COUNTED_STATUSES;
  const quantile = options.outlierQuantile ?? 0.999;
  const tolerance = options.paymentTolerance ?? 0.01;
  if (!(quantile > 0 && quantile < 1)) {
    throw new Error(`outlierQuantile ${quantile} must be strictly between 0 and 1 (e.g. 0.999).`);
  }
  await ensureFeatureFacts(db);

  const totals: Record<string, number> = {};
  for (const table of [...Object.keys(DEDUPLICATED_KEYS)]) {
    totals[table] = await db.scalar<number>(`SELECT count(*) FROM ${table}`);
  }
  const out: CleaningRow[] = [];
  const push = (r: Omit<CleaningRow, "share">) =>
    out.push({ ...r, share: totals[r.table] > 0 ? r.rows / totals[r.table] : 0 });

  // Repeated keys first: the facts keep one row per key, so the others are excluded.
  for (const [table, key] of Object.entries(DEDUPLICATED_KEYS)) {
    const cols = key.join(", ");
    const distinct = await db.scalar<number>(
      `SELECT count(*) FROM (SELECT DISTINCT ${cols} FROM ${table})`,
    );
    push({
      rule: `duplicate_key_${table}`,
      table,
      description: `Rows repeating the key (${cols}); one row per key is kept.`,
      rows: totals[table] - distinct,
      action: "excluded",
    });
  }

  // Orders that never count, whatever the as-of date (the far-future date sees every order).
  const lastPurchase = await db.scalar<Date | null>(
    `SELECT max(purchased_at) FROM ${FACT_TABLES.orders}`,
  );
  const everything = new Date((lastPurchase?.getTime() ?? 0) + 1e13);
  const accounting = await orderAccounting(db, everything, countedStatuses);
  const withoutPurchaseTs = await db.scalar<number>(
    "SELECT count(*) FROM orders WHERE order_purchase_timestamp IS NULL",
  );
  push({
    rule: "no_purchase_timestamp",
    table: "orders",
    description: "order_purchase_timestamp empty: the order cannot be dated.",
    rows: withoutPurchaseTs,
    action: "excluded",
  });
  for (const [reason, text] of Object.entries(ORDER_EXCLUSION_TEXT)) {
    push({
      rule: reason,
      table: "orders",
      description: text.replace("%s", countedStatuses.join(", ")),
      rows: accounting.excluded[reason as keyof typeof accounting.excluded],
      action: "excluded",
    });
  }

  for (const { sql, ...rule } of countedRules(quantile, tolerance)) {
    push({ ...rule, rows: await db.scalar<number>(sql) });
  }
  return out;
}
