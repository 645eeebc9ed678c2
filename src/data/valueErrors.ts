/**
 * The error policies of the schema: an empty field in a column never empty in the release, a value
 * outside its domain with policy `error`, a repeated header line, two rows with the same key but
 * different fields. The first one broken is thrown as an `OlistDataError` naming file, line,
 * column, value and what to do.
 */
import type { Database } from "./db.js";
import {
  conflictingKeysError,
  repeatedHeaderError,
  valueRuleError,
  type ValueRule,
} from "./policyErrors.js";
import { countWhere, presentTables, quote, sqlText } from "./policySql.js";
import type { TableName, TableSpec, ValueDomain } from "./schema.js";

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
    rules.push({ spec, column, index, rule: d.rule, what: `is not ${d.text}`, ...domainCheck(c, d) });
  });
  return rules;
}

/** The SQL condition and the field test of a domain: a list of known values, or bounds. */
function domainCheck(c: string, d: ValueDomain): Pick<ValueRule, "where" | "test"> {
  if (d.values) {
    const known = d.values;
    return {
      where: `${c} NOT IN (${known.map(sqlText).join(", ")})`,
      test: (field) => field !== "" && !known.includes(field),
    };
  }
  const min = d.min ?? -Infinity;
  const max = d.max ?? Infinity;
  const bounds = [d.min === undefined ? "" : `${c} < ${min}`, d.max === undefined ? "" : `${c} > ${max}`];
  return {
    where: bounds.filter((b) => b !== "").join(" OR "),
    test: (field) => field !== "" && !(Number(field) >= min && Number(field) <= max),
  };
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
