/**
 * The schema of the nine files of the Kaggle release `olistbr/brazilian-ecommerce`, written once as
 * data: file names, columns in file order, value types, which columns may be empty, and the record
 * counts of the release. The loader, the validator, the Olist twin and the tests all read it from here.
 */

/**
 * Value type of a column as stored in the CSV files: `decimal` is money with two decimals (read as
 * DOUBLE), `double` a full-precision float (coordinates), `timestamp` is `YYYY-MM-DD HH:MM:SS`.
 */
export type ColumnType = "text" | "integer" | "decimal" | "double" | "timestamp";

/** One column of an Olist file. */
export interface ColumnSpec {
  /** Column name exactly as in the CSV header (typos of the original kept, e.g. `product_name_lenght`). */
  readonly name: string;
  readonly type: ColumnType;
  /** Whether the original file has empty fields (missing values) in this column. */
  readonly nullable: boolean;
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
  /** Columns that identify a row (for documentation and duplicate checks). */
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

const col = (name: string, type: ColumnType, nullable = false): ColumnSpec => ({
  name,
  type,
  nullable,
});

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
      col("order_status", "text"),
      col("order_purchase_timestamp", "timestamp"),
      col("order_approved_at", "timestamp", true),
      col("order_delivered_carrier_date", "timestamp", true),
      col("order_delivered_customer_date", "timestamp", true),
      col("order_estimated_delivery_date", "timestamp"),
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
      col("order_item_id", "integer"),
      col("product_id", "text"),
      col("seller_id", "text"),
      col("shipping_limit_date", "timestamp"),
      col("price", "decimal"),
      col("freight_value", "decimal"),
    ],
  },
  {
    table: "order_payments",
    file: "olist_order_payments_dataset",
    kaggleRecords: 103_886,
    key: ["order_id", "payment_sequential"],
    columns: [
      col("order_id", "text"),
      col("payment_sequential", "integer"),
      col("payment_type", "text"),
      col("payment_installments", "integer"),
      col("payment_value", "decimal"),
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
      col("review_score", "integer"),
      col("review_comment_title", "text", true),
      col("review_comment_message", "text", true),
      col("review_creation_date", "timestamp"),
      col("review_answer_timestamp", "timestamp"),
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
      col("product_name_lenght", "integer", true),
      col("product_description_lenght", "integer", true),
      col("product_photos_qty", "integer", true),
      col("product_weight_g", "integer", true),
      col("product_length_cm", "integer", true),
      col("product_height_cm", "integer", true),
      col("product_width_cm", "integer", true),
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
