/**
 * What was loaded: table sizes against the Kaggle release, column types, missing values, a few
 * rows of each table, and the headline counts of the data (orders, people, reviews).
 */
import type { Database, Row } from "../data/db.js";
import type { LoadedTable } from "../data/load.js";
import type { ColumnType, TableName, TableSpec } from "../data/schema.js";
import { OLIST_TABLES, tableSpec } from "../data/schema.js";

/** Rows of a table and the missing values (NULL) of each of its columns, in schema order. */
interface ColumnCounts {
  rows: number;
  missing: { name: string; type: ColumnType; missing: number }[];
}

/** Counts rows and NULLs per column of one table in one query. */
async function columnCounts(db: Database, spec: TableSpec): Promise<ColumnCounts> {
  const counts = spec.columns.map((c, j) => `count("${c.name}") AS c${j}`).join(", ");
  const [row] = await db.rows<Record<string, number>>(
    `SELECT count(*) AS n, ${counts} FROM ${spec.table}`,
  );
  return {
    rows: row.n,
    missing: spec.columns.map((c, j) => ({
      name: c.name,
      type: c.type,
      missing: row.n - row[`c${j}`],
    })),
  };
}

/** One line of {@link tableOverview}. */
export interface TableOverviewRow {
  table: string;
  rows: number;
  columns: number;
  /** Column types as counts, e.g. `4 text, 4 timestamp`. */
  column_types: string;
  /** Empty cells (NULL) over all columns. */
  missing_cells: number;
  /** missing_cells / (rows × columns); 0 for an empty table. */
  missing_share: number;
  /** Columns holding missing values with their count, largest first, e.g. `order_approved_at (160)`. */
  columns_with_missing: string;
}

const TYPE_ORDER: readonly ColumnType[] = ["text", "integer", "decimal", "double", "timestamp"];

/**
 * Size, column types and missing values of each table, one line per table (one query each).
 *
 * @example
 * showTable(await tableOverview(olist.db));
 */
export async function tableOverview(
  db: Database,
  tables: readonly TableSpec[] = OLIST_TABLES,
): Promise<TableOverviewRow[]> {
  const out: TableOverviewRow[] = [];
  for (const spec of tables) {
    const { rows: n, missing: all } = await columnCounts(db, spec);
    const missing = all
      .filter((c) => c.missing > 0)
      .sort((a, b) => b.missing - a.missing || a.name.localeCompare(b.name));
    const missingCells = missing.reduce((s, c) => s + c.missing, 0);
    const types = TYPE_ORDER.map(
      (t) => [t, spec.columns.filter((c) => c.type === t).length] as const,
    )
      .filter(([, k]) => k > 0)
      .map(([t, k]) => `${k} ${t}`)
      .join(", ");
    out.push({
      table: spec.table,
      rows: n,
      columns: spec.columns.length,
      column_types: types,
      missing_cells: missingCells,
      missing_share: n > 0 ? missingCells / (n * spec.columns.length) : 0,
      columns_with_missing: missing
        .map((c) => `${c.name} (${c.missing.toLocaleString("en-US")})`)
        .join(", "),
    });
  }
  return out;
}

/** One line of {@link columnMissing}. */
export interface ColumnMissingRow {
  table: string;
  column: string;
  type: ColumnType;
  missing: number;
  /** missing / rows of the table (0 for an empty table). */
  missing_share: number;
}

/**
 * One line per column of every table: its type and how many values are missing.
 *
 * @example
 * showTable(await columnMissing(olist.db), { maxRows: 60, decimals: 4 });
 */
export async function columnMissing(
  db: Database,
  tables: readonly TableSpec[] = OLIST_TABLES,
): Promise<ColumnMissingRow[]> {
  const out: ColumnMissingRow[] = [];
  for (const spec of tables) {
    const { rows, missing } = await columnCounts(db, spec);
    for (const c of missing) {
      out.push({
        table: spec.table,
        column: c.name,
        type: c.type,
        missing: c.missing,
        missing_share: rows > 0 ? c.missing / rows : 0,
      });
    }
  }
  return out;
}

/** One line of {@link tableSizes}. */
export interface TableSizeRow {
  table: string;
  /** File name without its folder. */
  file: string;
  records: number;
  kaggle_release: number;
  /** records − kaggle_release. */
  difference: number;
}

/**
 * Record counts as loaded next to those of the Kaggle release, from `openOlist().tables`.
 *
 * @example
 * showTable(tableSizes(olist.tables));
 */
export function tableSizes(tables: readonly LoadedTable[]): TableSizeRow[] {
  return tables.map((t) => ({
    table: t.table,
    file: t.file.split(/[\\/]/).pop() ?? t.file,
    records: t.records,
    kaggle_release: t.kaggleRecords,
    difference: t.records - t.kaggleRecords,
  }));
}

/** Options of {@link tablePreview}. */
export interface PreviewOptions {
  /** Rows to show (default 5). */
  limit?: number;
  /** Column to sort by; default the file order (DuckDB's rowid). */
  orderBy?: string;
}

/**
 * The first rows of a table (file order by default), text cut to 40 characters for reviews.
 *
 * @example
 * showTable(await tablePreview(db, "orders", { orderBy: "order_purchase_timestamp" }));
 */
export async function tablePreview(
  db: Database,
  table: TableName,
  options: PreviewOptions = {},
): Promise<Row[]> {
  const spec = tableSpec(table);
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`limit must be a positive integer, got ${limit}`);
  const orderBy = options.orderBy ?? "rowid";
  if (orderBy !== "rowid" && !spec.columns.some((c) => c.name === orderBy)) {
    throw new Error(`orderBy "${orderBy}" is not a column of ${table}`);
  }
  const columns = spec.columns
    .map((c) =>
      c.type === "text" && table === "order_reviews" && c.name.startsWith("review_comment")
        ? `left("${c.name}", 40) AS "${c.name}"`
        : `"${c.name}"`,
    )
    .join(", ");
  const where = table === "order_reviews" ? "WHERE review_comment_message IS NOT NULL" : "";
  return db.rows(`SELECT ${columns} FROM ${table} ${where} ORDER BY ${orderBy} LIMIT ${limit}`);
}

/** Tables that describe things rather than orders: previewed two rows each, in one table. */
const REFERENCE_TABLES: readonly TableName[] = ["sellers", "geolocation", "category_translation"];

/** A captioned set of rows for `showTable`. */
export interface CaptionedRows {
  caption: string;
  rows: Row[];
}

/**
 * Five rows of each main table (reviews: rows with a comment, texts cut to 40 characters) and two
 * rows of each reference table (sellers, geolocation, category_translation) in one small table.
 *
 * @example
 * for (const p of await tablePreviews(db)) showTable(p.rows, { caption: p.caption });
 */
export async function tablePreviews(db: Database): Promise<CaptionedRows[]> {
  const out: CaptionedRows[] = [];
  for (const { table } of OLIST_TABLES.filter((t) => !REFERENCE_TABLES.includes(t.table))) {
    const caption = table === "order_reviews" ? "order_reviews (rows with a comment)" : table;
    out.push({ caption, rows: await tablePreview(db, table) });
  }
  const reference = await db.rows(`
    SELECT * FROM (SELECT 'sellers' AS "table", seller_id AS id, seller_city AS city,
                          seller_state AS state FROM sellers ORDER BY rowid LIMIT 2)
    UNION ALL SELECT * FROM (SELECT 'geolocation', geolocation_zip_code_prefix, geolocation_city,
                          geolocation_state FROM geolocation ORDER BY rowid LIMIT 2)
    UNION ALL SELECT * FROM (SELECT 'category_translation', product_category_name,
                          product_category_name_english, NULL FROM category_translation
                          ORDER BY rowid LIMIT 2)`);
  out.push({ caption: "The three reference tables (two rows each)", rows: reference });
  return out;
}

/** Headline counts of the data loaded: see {@link dataOverview}. */
export interface DataOverview {
  orders: number;
  /** Distinct people (`customer_unique_id`) with at least one order. */
  people: number;
  /** Rows of order_reviews. */
  reviews: number;
  /** Share of reviews with a star score. */
  scored_review_share: number;
  /** Share of reviews with a written comment (review_comment_message). */
  commented_review_share: number;
  /** Share of orders with at least one scored review. */
  reviewed_order_share: number;
}

/**
 * Orders, people with an order, reviews, and how much of the feedback is stars or text.
 *
 * @example
 * const facts = await dataOverview(db); // { orders: 99441, people: 96096, … } on Kaggle
 */
export async function dataOverview(db: Database): Promise<DataOverview> {
  const [row] = await db.rows<DataOverview>(`
    SELECT (SELECT count(*) FROM orders) AS orders,
           (SELECT count(DISTINCT c.customer_unique_id)
              FROM orders o JOIN customers c USING (customer_id)) AS people,
           (SELECT count(*) FROM order_reviews) AS reviews,
           coalesce((SELECT avg(CASE WHEN review_score IS NULL THEN 0 ELSE 1 END)
              FROM order_reviews), 0) AS scored_review_share,
           coalesce((SELECT avg(CASE WHEN review_comment_message IS NULL THEN 0 ELSE 1 END)
              FROM order_reviews), 0) AS commented_review_share,
           coalesce((SELECT avg(CASE WHEN r.order_id IS NULL THEN 0 ELSE 1 END)
              FROM orders o LEFT JOIN (SELECT DISTINCT order_id FROM order_reviews
                                       WHERE review_score IS NOT NULL) r USING (order_id)), 0)
             AS reviewed_order_share`);
  return row;
}
