/**
 * DuckDB DDL derived from the schema: one table per Olist file, named by `TableSpec.table`,
 * with the columns in file order and these SQL types.
 */
import type { Database } from "./db.js";
import type { ColumnType, TableSpec } from "./schema.js";
import { OLIST_TABLES } from "./schema.js";

/** DuckDB type of each schema column type (money is read as DOUBLE: no DECIMAL classes in JS). */
export const SQL_TYPES: Record<ColumnType, string> = {
  text: "VARCHAR",
  integer: "INTEGER",
  decimal: "DOUBLE",
  double: "DOUBLE",
  timestamp: "TIMESTAMP",
};

/** `CREATE TABLE` statement of one Olist table. */
export function createTableSql(spec: TableSpec): string {
  const cols = spec.columns.map((c) => `  "${c.name}" ${SQL_TYPES[c.type]}`).join(",\n");
  return `CREATE OR REPLACE TABLE ${spec.table} (\n${cols}\n)`;
}

/** Creates the nine empty Olist tables (tests fill them with hand-written rows). */
export async function createOlistTables(db: Database): Promise<void> {
  for (const spec of OLIST_TABLES) await db.run(createTableSql(spec));
}
