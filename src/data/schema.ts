/**
 * The schema of the nine files of the Kaggle release `olistbr/brazilian-ecommerce`, written once as
 * data: file names, columns in file order, value types, which columns may be empty, each column's
 * value domain with its policy, the known order statuses and payment types, and the record counts of
 * the release. The loader, the value policies, the Olist twin and the tests all read it from here.
 */

/**
 * Value type of a column as stored in the CSV files: `decimal` is money with two decimals (read as
 * DOUBLE), `double` a full-precision float (coordinates), `timestamp` is `YYYY-MM-DD HH:MM:SS`.
 */
export type ColumnType = "text" | "integer" | "decimal" | "double" | "timestamp";

/** Order statuses of the Olist `orders` table (every value of the release). */
export const ORDER_STATUSES = [
  "created",
  "approved",
  "invoiced",
  "processing",
  "shipped",
  "delivered",
  "canceled",
  "unavailable",
] as const;

/**
 * Payment types of `order_payments`: the four real ones, then `not_defined`, which the release holds
 * on 3 rows (kept and counted by the cleaning report, in no payment share).
 */
export const KNOWN_PAYMENT_TYPES = ["credit_card", "boleto", "voucher", "debit_card", "not_defined"] as const;

/**
 * What the loader does with a value outside its column's domain: `error` stops with the file, line,
 * column and value; `exclude` drops the row and counts it in the cleaning report; `flag` keeps the
 * row and counts it there.
 */
export type ValuePolicy = "error" | "exclude" | "flag";

/**
 * The values a column may hold, with the policy for the others. Numbers: inclusive `min` / `max`;
 * text: one of `values`; timestamps: inside the data's plausible window (`window`, see
 * `src/data/plausibleWindow.ts`: Tukey's far-out fences of the purchase timestamps).
 */
export interface ValueDomain {
  /** Rule name in errors and in the cleaning report; says the cause, e.g. `review_score_outside_1_5`. */
  readonly rule: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly window?: true;
  readonly policy: ValuePolicy;
  /** The domain in words, for messages and the cleaning report ("an integer from 1 to 5"). */
  readonly text: string;
}

/** One column of an Olist file. */
export interface ColumnSpec {
  /** Column name exactly as in the CSV header (typos of the original kept, e.g. `product_name_lenght`). */
  readonly name: string;
  readonly type: ColumnType;
  /**
   * Whether the original file has empty fields (missing values) in this column. An empty field in a
   * column that is never empty in the release is an error naming file, line and column.
   */
  readonly nullable: boolean;
  /** Values the column may hold beyond its type, with the policy for the others. */
  readonly domain?: ValueDomain;
}

/** One of the nine Olist files. */
export interface TableSpec {
  /** Short table name used in SQL, e.g. `orders`. */
  readonly table: TableName;
  /** File name of the Kaggle release without extension; `.csv` or `.csv.gz` are accepted. */
  readonly file: string;
  readonly columns: readonly ColumnSpec[];
  /** Data records (header excluded) in the Kaggle release. */
  readonly kaggleRecords: number;
  /**
   * Columns that identify a row, always the leading columns of the file. Two rows with the same key
   * and different fields are an error; identical rows are kept once and counted.
   */
  readonly key: readonly string[];
}

export type TableName =
  | "customers"
  | "geolocation"
  | "order_items"
  | "order_payments"
  | "order_reviews"
  | "orders"
  | "products"
  | "sellers"
  | "category_translation";

const col = (
  name: string,
  type: ColumnType,
  nullable = false,
  domain?: ValueDomain,
): ColumnSpec => ({ name, type, nullable, ...(domain ? { domain } : {}) });

/** A number ≥ `min` (and ≤ `max`); out of it the file is wrong: error. */
const range = (rule: string, text: string, min: number, max?: number): ValueDomain => ({
  rule,
  min,
  ...(max === undefined ? {} : { max }),
  policy: "error",
  text,
});

/** A timestamp inside the data's plausible window, with the policy for the others. */
const inWindow = (rule: string, policy: ValuePolicy): ValueDomain => ({
  rule,
  window: true,
  policy,
  text: "inside the plausible window of the purchase dates",
});

const MONEY = "a number ≥ 0";

/** The nine tables, in the order a reader meets them (orders first, reference tables last). */
export const OLIST_TABLES: readonly TableSpec[] = [
  {
    table: "orders",
    file: "olist_orders_dataset",
    kaggleRecords: 99_441,
    key: ["order_id"],
    columns: [
      col("order_id", "text"),
      col("customer_id", "text"),
      col("order_status", "text", false, {
        rule: "unknown_order_status",
        values: ORDER_STATUSES,
        policy: "error",
        text: `one of ${ORDER_STATUSES.join(", ")}`,
      }),
      // A date far outside the data (a typo such as 2999) would move the as-of date and the
      // maintenance horizon: the order is excluded and counted instead.
      col("order_purchase_timestamp", "timestamp", false, inWindow("purchase_outside_window", "exclude")),
      col("order_approved_at", "timestamp", true, inWindow("approved_outside_window", "exclude")),
      col("order_delivered_carrier_date", "timestamp", true, inWindow("carrier_outside_window", "exclude")),
      col("order_delivered_customer_date", "timestamp", true, inWindow("delivered_outside_window", "exclude")),
      col("order_estimated_delivery_date", "timestamp", false, inWindow("estimate_outside_window", "exclude")),
    ],
  },
  {
    table: "customers",
    file: "olist_customers_dataset",
    kaggleRecords: 99_441,
    key: ["customer_id"],
    columns: [
      col("customer_id", "text"),
      col("customer_unique_id", "text"),
      // Zip prefixes are text: they keep their leading zero ("01037").
      col("customer_zip_code_prefix", "text"),
      col("customer_city", "text"),
      col("customer_state", "text"),
    ],
  },
  {
    table: "order_items",
    file: "olist_order_items_dataset",
    kaggleRecords: 112_650,
    key: ["order_id", "order_item_id"],
    columns: [
      col("order_id", "text"),
      col("order_item_id", "integer", false, range("item_number_below_1", "an integer ≥ 1", 1)),
      col("product_id", "text"),
      col("seller_id", "text"),
      // No feature reads it (the release has dates up to 2020-04-09): kept and counted.
      col("shipping_limit_date", "timestamp", false, inWindow("shipping_limit_outside_window", "flag")),
      col("price", "decimal", false, range("negative_price", MONEY, 0)),
      // Zero freight is real (free shipping, 383 rows in the release); negative is not.
      col("freight_value", "decimal", false, range("negative_freight", MONEY, 0)),
    ],
  },
  {
    table: "order_payments",
    file: "olist_order_payments_dataset",
    kaggleRecords: 103_886,
    key: ["order_id", "payment_sequential"],
    columns: [
      col("order_id", "text"),
      col("payment_sequential", "integer", false, range("payment_sequence_below_1", "an integer ≥ 1", 1)),
      col("payment_type", "text", false, {
        rule: "unknown_payment_type",
        values: KNOWN_PAYMENT_TYPES,
        policy: "error",
        text: `one of ${KNOWN_PAYMENT_TYPES.join(", ")}`,
      }),
      // The release holds 0 (2 rows) to 24 instalments.
      col("payment_installments", "integer", false, range("installments_outside_0_24", "an integer from 0 to 24", 0, 24)),
      // Zero payments are real (exhausted vouchers); negative ones are not.
      col("payment_value", "decimal", false, range("negative_payment", MONEY, 0)),
    ],
  },
  {
    table: "order_reviews",
    file: "olist_order_reviews_dataset",
    kaggleRecords: 99_224,
    // review_id repeats across orders in the original (814 duplicates), so the pair is the key.
    key: ["review_id", "order_id"],
    columns: [
      col("review_id", "text"),
      col("order_id", "text"),
      col("review_score", "integer", false, range("review_score_outside_1_5", "an integer from 1 to 5", 1, 5)),
      col("review_comment_title", "text", true),
      col("review_comment_message", "text", true),
      col("review_creation_date", "timestamp", false, inWindow("review_created_outside_window", "exclude")),
      col("review_answer_timestamp", "timestamp", false, inWindow("review_answered_outside_window", "exclude")),
    ],
  },
  {
    table: "products",
    file: "olist_products_dataset",
    kaggleRecords: 32_951,
    key: ["product_id"],
    columns: [
      col("product_id", "text"),
      col("product_category_name", "text", true),
      col("product_name_lenght", "integer", true, range("negative_product_attribute", "an integer ≥ 0", 0)),
      col("product_description_lenght", "integer", true, range("negative_product_attribute", "an integer ≥ 0", 0)),
      col("product_photos_qty", "integer", true, range("negative_product_attribute", "an integer ≥ 0", 0)),
      // Weight 0 g is in the release (4 products).
      col("product_weight_g", "integer", true, range("negative_product_attribute", "an integer ≥ 0", 0)),
      col("product_length_cm", "integer", true, range("negative_product_attribute", "an integer ≥ 0", 0)),
      col("product_height_cm", "integer", true, range("negative_product_attribute", "an integer ≥ 0", 0)),
      col("product_width_cm", "integer", true, range("negative_product_attribute", "an integer ≥ 0", 0)),
    ],
  },
  {
    table: "sellers",
    file: "olist_sellers_dataset",
    kaggleRecords: 3_095,
    key: ["seller_id"],
    columns: [
      col("seller_id", "text"),
      col("seller_zip_code_prefix", "text"),
      col("seller_city", "text"),
      col("seller_state", "text"),
    ],
  },
  {
    table: "geolocation",
    file: "olist_geolocation_dataset",
    kaggleRecords: 1_000_163,
    key: [],
    columns: [
      col("geolocation_zip_code_prefix", "text"),
      col("geolocation_lat", "double"),
      col("geolocation_lng", "double"),
      col("geolocation_city", "text"),
      col("geolocation_state", "text"),
    ],
  },
  {
    table: "category_translation",
    file: "product_category_name_translation",
    kaggleRecords: 71,
    key: ["product_category_name"],
    columns: [col("product_category_name", "text"), col("product_category_name_english", "text")],
  },
];

/** The schema of one table, by its short name. */
export function tableSpec(table: TableName): TableSpec {
  const spec = OLIST_TABLES.find((t) => t.table === table);
  if (!spec) throw new Error(`Unknown Olist table "${table}"`);
  return spec;
}

/** Kaggle dataset id, named in every "file missing" message. */
export const KAGGLE_DATASET = "olistbr/brazilian-ecommerce";
