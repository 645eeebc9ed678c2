/**
 * The value policies of the schema (`ColumnSpec.nullable`, `ColumnSpec.domain`, `TableSpec.key`),
 * applied once per database in one place — right after loading, and by the fact builder on a
 * database filled by hand — so that every command and notebook sees the same rows:
 *
 * - **errors** (file, line, column, value, what to do): an empty field in a column that is never
 *   empty in the release, a value outside its domain with policy `error` (review_score 1–5, money
 *   ≥ 0, instalments 0–24, known statuses and payment types, …), a header line repeated inside a
 *   file, and two rows with the same key but different fields;
 * - **excluded and counted**: rows with a timestamp outside the data's plausible window (policy
 *   `exclude`), deleted from their table; **flagged and counted**: policy `flag`, kept.
 *
 * The counts go to the temp table `cleaning_load`, which the cleaning report reads; the record
 * counts before exclusion to `cleaning_load_records`.
 */
import type { Database } from "./db.js";
import { plausibleWindow } from "./plausibleWindow.js";
import { presentTables } from "./policySql.js";
import type { TableName } from "./schema.js";
import { checkValueErrors } from "./valueErrors.js";
import { applyWindowRules, type LoadRuleCount } from "./windowRules.js";

/** Temp table of the load-time counts (one row per rule, zero counts included). */
export const LOAD_CLEANING_TABLE = "cleaning_load";
/** Temp table of each table's record count before exclusions (`table`, `records`). */
export const LOAD_RECORDS_TABLE = "cleaning_load_records";

/**
 * Applies the value policies to the nine tables of `db` (see the module comment): throws on the
 * first error-policy violation, excludes and counts the rest, and records the counts in
 * `cleaning_load`. `files` (table → file) lets errors name the file and line.
 *
 * @example
 * const counts = await applyValuePolicies(db, source.files);
 */
export async function applyValuePolicies(
  db: Database,
  files: Partial<Record<TableName, string>> = {},
): Promise<LoadRuleCount[]> {
  await checkValueErrors(db, files);
  const tables = await presentTables(db);
  const before = new Map<string, number>();
  for (const spec of tables) {
    before.set(spec.table, await db.scalar<number>(`SELECT count(*) FROM ${spec.table}`));
  }
  const window = tables.some((t) => t.table === "orders") ? await plausibleWindow(db) : null;
  const counts = await applyWindowRules(db, window);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${LOAD_CLEANING_TABLE} (rule VARCHAR, "table" VARCHAR, description VARCHAR, rows BIGINT, action VARCHAR)`,
  );
  for (const c of counts) {
    await db.run(`INSERT INTO ${LOAD_CLEANING_TABLE} VALUES ($1, $2, $3, $4, $5)`, [
      c.rule,
      c.table,
      c.description,
      c.rows,
      c.action,
    ]);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${LOAD_RECORDS_TABLE} ("table" VARCHAR, records BIGINT)`);
  for (const [table, n] of before) {
    await db.run(`INSERT INTO ${LOAD_RECORDS_TABLE} VALUES ($1, $2)`, [table, n]);
  }
  return counts;
}

/** Whether the value policies were applied to this database (by the loader or by hand). */
export async function valuePoliciesApplied(db: Database): Promise<boolean> {
  const n = await db.scalar<number>(
    `SELECT count(*) FROM duckdb_tables() WHERE table_name = '${LOAD_CLEANING_TABLE}'`,
  );
  return n > 0;
}

/** Applies the value policies unless already done (databases filled by hand, e.g. in tests). */
export async function ensureValuePolicies(db: Database): Promise<void> {
  if (!(await valuePoliciesApplied(db))) await applyValuePolicies(db);
}

/** The load-time counts recorded by {@link applyValuePolicies} (empty when not applied). */
export async function loadRuleCounts(db: Database): Promise<{ counts: LoadRuleCount[]; records: Map<string, number> }> {
  if (!(await valuePoliciesApplied(db))) return { counts: [], records: new Map() };
  const counts = await db.rows<LoadRuleCount>(
    `SELECT rule, "table", description, rows, action FROM ${LOAD_CLEANING_TABLE}`,
  );
  const rows = await db.rows<{ table: string; records: number }>(
    `SELECT "table", records FROM ${LOAD_RECORDS_TABLE}`,
  );
  return { counts, records: new Map(rows.map((r) => [r.table, r.records])) };
}
