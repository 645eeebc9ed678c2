/** SQL helpers of the value policies: quoting, the tables present, several counts in one scan. */
import type { Database } from "./db.js";
import type { TableSpec } from "./schema.js";
import { OLIST_TABLES } from "./schema.js";

/** A column name as a quoted SQL identifier. */
export const quote = (name: string) => `"${name}"`;
/** A text as a SQL string literal. */
export const sqlText = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** The Olist tables present in the database (a hand-filled test database may hold only some). */
export async function presentTables(db: Database): Promise<TableSpec[]> {
  const names = new Set(
    (await db.rows<{ name: string }>("SELECT table_name AS name FROM duckdb_tables()")).map((r) => r.name),
  );
  return OLIST_TABLES.filter((t) => names.has(t.table));
}

/** Counts of several conditions over one table, in one scan. */
export async function countWhere(db: Database, table: string, conditions: readonly string[]): Promise<number[]> {
  if (conditions.length === 0) return [];
  const columns = conditions.map((w, i) => `count(*) FILTER (WHERE ${w}) AS n${i}`).join(", ");
  const [row] = await db.rows<Record<string, number>>(`SELECT ${columns} FROM ${table}`);
  return conditions.map((_, i) => row[`n${i}`]);
}
