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
import type { TableName, TableSpec, ValueDomain } from "./schema.js";
import { OLIST_TABLES } from "./schema.js";
import {
  conflictingKeysError,
  repeatedHeaderError,
  valueRuleError,
  type ValueRule,
} from "./policyErrors.js";

/** A rule counted at load time, as the cleaning report lists it. */
export interface LoadRuleCount {
  rule: string;
  table: TableName;
  description: string;
  rows: number;
  action: "excluded" | "flagged";
}

/** Temp table of the load-time counts (one row per rule, zero counts included). */
export const LOAD_CLEANING_TABLE = "cleaning_load";
/** Temp table of each table's record count before exclusions (`table`, `records`). */
export const LOAD_RECORDS_TABLE = "cleaning_load_records";

/** Tukey's "far out" fence: 3 inter-quartile ranges beyond the quartiles. */
export const WINDOW_FENCE_IQR = 3;
/** Floor of the inter-quartile range, so that a short data set still gets a window of months. */
export const WINDOW_MIN_IQR_DAYS = 90;

/** The plausible window of the data's timestamps, from the purchase timestamps. */
export interface PlausibleWindow {
  /** Quartiles of the purchase timestamps. */
  q1: Date;
  q3: Date;
  /** Earliest and latest plausible timestamp (inclusive). */
  from: Date;
  to: Date;
}

const DAY_S = 86_400;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The plausible window of the timestamps: Tukey's far-out fences of the purchase timestamps,
 * [Q1 − 3·IQR, Q3 + 3·IQR] with IQR ≥ 90 days; quartiles do not move with a few wrong dates, so
 * a purchase typed as 2999 falls outside. `null` when `orders` has no purchase timestamp.
 *
 * @example
 * await plausibleWindow(db); // Kaggle release: 2015-10 … 2020-04 around purchases 2016-09 … 2018-10
 */
export async function plausibleWindow(db: Database): Promise<PlausibleWindow | null> {
  const [row] = await db.rows<{ q1: number | null; q3: number | null }>(
    `SELECT quantile_cont(epoch(order_purchase_timestamp), 0.25) AS q1,
            quantile_cont(epoch(order_purchase_timestamp), 0.75) AS q3 FROM orders`,
  );
  if (row?.q1 == null || row.q3 == null) return null;
  const iqr = Math.max(row.q3 - row.q1, WINDOW_MIN_IQR_DAYS * DAY_S);
  const seconds = (s: number) => new Date(Math.round(s) * 1000);
  return {
    q1: seconds(row.q1),
    q3: seconds(row.q3),
    from: seconds(row.q1 - WINDOW_FENCE_IQR * iqr),
    to: seconds(row.q3 + WINDOW_FENCE_IQR * iqr),
  };
}

const quote = (name: string) => `"${name}"`;
const sqlText = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** The error-policy rules of a table: empty required fields and domains with policy `error`. */
function errorRules(spec: TableSpec): ValueRule[] {
  const rules: ValueRule[] = [];
  spec.columns.forEach((column, index) => {
    const c = quote(column.name);
    if (!column.nullable) {
      rules.push({
        spec,
        column,
        index,
        rule: `empty_${column.name}`,
        what: "is empty, and this column is never empty in the Olist release",
        where: column.type === "text" ? `${c} IS NULL OR ${c} = ''` : `${c} IS NULL`,
        test: (field) => field === "",
      });
    }
    const d: ValueDomain | undefined = column.domain;
    if (!d || d.policy !== "error" || d.window) return;
    if (d.values) {
      const known = d.values;
      rules.push({
        spec,
        column,
        index,
        rule: d.rule,
        what: `is not ${d.text}`,
        where: `${c} NOT IN (${known.map(sqlText).join(", ")})`,
        test: (field) => field !== "" && !known.includes(field),
      });
    } else {
      const min = d.min ?? -Infinity;
      const max = d.max ?? Infinity;
      const bounds = [d.min === undefined ? "" : `${c} < ${min}`, d.max === undefined ? "" : `${c} > ${max}`];
      rules.push({
        spec,
        column,
        index,
        rule: d.rule,
        what: `is not ${d.text}`,
        where: bounds.filter((b) => b !== "").join(" OR "),
        test: (field) => field !== "" && !(Number(field) >= min && Number(field) <= max),
      });
    }
  });
  return rules;
}

/** The Olist tables present in the database (a hand-filled test database may hold only some). */
async function presentTables(db: Database): Promise<TableSpec[]> {
  const names = new Set(
    (await db.rows<{ name: string }>("SELECT table_name AS name FROM duckdb_tables()")).map((r) => r.name),
  );
  return OLIST_TABLES.filter((t) => names.has(t.table));
}

/** Counts of several conditions over one table, in one scan. */
async function countWhere(db: Database, table: string, conditions: readonly string[]): Promise<number[]> {
  if (conditions.length === 0) return [];
  const columns = conditions.map((w, i) => `count(*) FILTER (WHERE ${w}) AS n${i}`).join(", ");
  const [row] = await db.rows<Record<string, number>>(`SELECT ${columns} FROM ${table}`);
  return conditions.map((_, i) => row[`n${i}`]);
}

/** Throws on a header line repeated as a record of an all-text table (typed tables reject it on load). */
async function checkRepeatedHeader(db: Database, spec: TableSpec, file: string | undefined): Promise<void> {
  if (spec.columns.some((c) => c.type !== "text")) return;
  const where = spec.columns.map((c) => `${quote(c.name)} = ${sqlText(c.name)}`).join(" AND ");
  const [n] = await countWhere(db, spec.table, [where]);
  if (n > 0) throw repeatedHeaderError(spec, file, n);
}

/** Throws when two rows share a key but differ in another field. */
async function checkConflictingKeys(db: Database, spec: TableSpec, file: string | undefined): Promise<void> {
  if (spec.key.length === 0) return;
  const key = spec.key.map(quote).join(", ");
  // Repeated keys are rare (none in the release): find them with one hash aggregate first.
  const repeated = await db.scalar<number>(
    `SELECT count(*) FROM (SELECT ${key} FROM ${spec.table} GROUP BY ${key} HAVING count(*) > 1)`,
  );
  if (repeated === 0) return;
  const row = `row(${spec.columns.map((c) => quote(c.name)).join(", ")})`;
  const conflicts = await db.rows<Record<string, string | number>>(
    `SELECT ${key}, count(*) AS copies, count(*) OVER () AS keys FROM ${spec.table}
     GROUP BY ${key} HAVING count(DISTINCT ${row}) > 1 ORDER BY ${key} LIMIT 1`,
  );
  if (conflicts.length === 0) return;
  const first = conflicts[0];
  const match = spec.key.map((k) => `${quote(k)} = $${k}`).join(" AND ");
  const params = Object.fromEntries(spec.key.map((k) => [k, first[k]]));
  const variants = await db.rows<Record<string, unknown>>(
    `SELECT DISTINCT * FROM ${spec.table} WHERE ${match} LIMIT 2`,
    params as Record<string, string | number>,
  );
  throw conflictingKeysError(spec, file, first, Number(first.copies), Number(first.keys), variants);
}

/**
 * Applies the error-policy rules of every table: throws the first broken rule as an
 * `OlistDataError` naming file (when `files` has it), line, column, value and what to do.
 */
export async function checkValueErrors(
  db: Database,
  files: Partial<Record<TableName, string>> = {},
): Promise<void> {
  for (const spec of await presentTables(db)) {
    const file = files[spec.table];
    await checkRepeatedHeader(db, spec, file);
    const rules = errorRules(spec);
    const counts = await countWhere(db, spec.table, rules.map((r) => r.where));
    const broken = rules.findIndex((_, i) => counts[i] > 0);
    if (broken >= 0) {
      const others = rules
        .map((r, i) => ({ rule: r.rule, rows: counts[i] }))
        .filter((r, i) => i !== broken && r.rows > 0);
      throw await valueRuleError(db, rules[broken], counts[broken], file, others);
    }
    await checkConflictingKeys(db, spec, file);
  }
}

/** The window rules (`domain.window`) of a table, in column order. */
function windowRules(spec: TableSpec) {
  return spec.columns.flatMap((c) =>
    c.domain?.window ? [{ column: c.name, rule: c.domain.rule, policy: c.domain.policy }] : [],
  );
}

/**
 * Excludes (deletes) the rows with a timestamp outside the plausible window where the policy is
 * `exclude`, counts the `flag` ones, and returns the counts. A row is counted under the first of its
 * columns that is outside, so the counts of a table add up to the rows it lost.
 */
export async function applyWindowRules(db: Database, window: PlausibleWindow | null): Promise<LoadRuleCount[]> {
  const out: LoadRuleCount[] = [];
  const span = window ? `${day(window.from)} to ${day(window.to)}` : "none: no purchase timestamp";
  const fromS = window ? window.from.getTime() / 1000 : 0;
  const toS = window ? window.to.getTime() / 1000 : 0;
  for (const spec of await presentTables(db)) {
    const rules = windowRules(spec);
    if (rules.length === 0) continue;
    const outside = (c: string) => `coalesce(epoch(${quote(c)}) NOT BETWEEN ${fromS} AND ${toS}, false)`;
    const excluded = rules.filter((r) => r.policy === "exclude");
    const conditions = rules.map((r) => {
      if (r.policy !== "exclude") return outside(r.column);
      const earlier = excluded.slice(0, excluded.indexOf(r)).map((e) => `NOT ${outside(e.column)}`);
      return [outside(r.column), ...earlier].join(" AND ");
    });
    const counts = window ? await countWhere(db, spec.table, conditions) : conditions.map(() => 0);
    rules.forEach((r, i) => {
      const action = r.policy === "exclude" ? "excluded" : "flagged";
      out.push({
        rule: r.rule,
        table: spec.table,
        description:
          `${r.column} outside the plausible window of the data (${span}: ${WINDOW_FENCE_IQR} inter-quartile ` +
          `ranges beyond the quartiles of the purchase dates); ` +
          (action === "excluded" ? "the row is excluded at load." : "kept (no feature reads it)."),
        rows: counts[i],
        action,
      });
    });
    if (window && excluded.length > 0) {
      await db.run(`DELETE FROM ${spec.table} WHERE ${excluded.map((e) => outside(e.column)).join(" OR ")}`);
    }
  }
  return out;
}

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
