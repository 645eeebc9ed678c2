/**
 * The errors of the value policies (`policies.ts`), each naming the file, the line, the column and
 * the value, and saying what to do. DuckDB finds the rows; the lines come from a second reading of
 * the file (`csvRecords.ts`) with the same test on the field's text, only once a rule is broken.
 * Without a file (a database filled by hand) the row is named by its key.
 */
import path from "node:path";
import { findRecords } from "./csvRecords.js";
import type { Database } from "./db.js";
import { OlistDataError } from "./errors.js";
import type { ColumnSpec, TableSpec } from "./schema.js";

/** One error-policy rule of a column, as SQL (to count) and as a test of the field's text (to locate). */
export interface ValueRule {
  spec: TableSpec;
  column: ColumnSpec;
  /** Index of the column in the file. */
  index: number;
  rule: string;
  /** What is wrong with a matching value, e.g. "is not an integer from 1 to 5". */
  what: string;
  /** SQL condition matching the rows that break the rule. */
  where: string;
  /** The same condition on the field's text in the CSV file. */
  test: (field: string) => boolean;
}

const FIX = "Correct the file, or re-download it from Kaggle (olistbr/brazilian-ecommerce).";
const SHOWN = 3;

/** A value as shown in messages (text quoted, at most 60 characters). */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (value instanceof Date) return value.toISOString().replace("T", " ").slice(0, 19);
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** The key of a row in words: `order_id "o1", order_item_id "2"`. */
function keyText(spec: TableSpec, row: Record<string, unknown>): string {
  return spec.key.map((k) => `${k} ${shown(row[k])}`).join(", ");
}

/** `3 more rows` / `1 more row`. */
const more = (n: number) =>
  n > 0 ? `; ${n.toLocaleString("en-US")} more row${n > 1 ? "s" : ""} break this rule` : "";

/**
 * The error of a broken value rule: up to three offending lines with their values, the count of
 * the others, the other rules broken in the same table, and what to do.
 */
export async function valueRuleError(
  db: Database,
  rule: ValueRule,
  rows: number,
  file: string | undefined,
  others: readonly { rule: string; rows: number }[],
): Promise<OlistDataError> {
  const { spec, column } = rule;
  const also =
    others.length > 0
      ? ` (also broken in this file: ${others.map((o) => `${o.rule} on ${o.rows} row${o.rows > 1 ? "s" : ""}`).join(", ")})`
      : "";
  let places: string[];
  if (file) {
    const name = path.basename(file);
    places = findRecords(file, (f) => rule.test(f[rule.index] ?? ""), SHOWN).map(
      (r) =>
        `${name} line ${r.line}, column "${column.name}": value ${shown(r.fields[rule.index])} ${rule.what}`,
    );
  } else {
    const cols = [...spec.key, column.name].map((c) => `"${c}"`).join(", ");
    const found = await db.rows<Record<string, unknown>>(
      `SELECT ${cols} FROM ${spec.table} WHERE ${rule.where} LIMIT ${SHOWN}`,
    );
    places = found.map(
      (r) =>
        `table ${spec.table}${spec.key.length ? ` (${keyText(spec, r)})` : ""}, column "${column.name}": ` +
        `value ${shown(r[column.name])} ${rule.what}`,
    );
  }
  if (places.length === 0)
    places = [`table ${spec.table}, column "${column.name}": ${rows} value(s) ${rule.what}`];
  return new OlistDataError(
    `${places.join("; ")} (rule ${rule.rule})${more(rows - places.length)}${also}. ${FIX}`,
    file,
  );
}

/** The error of a header line found again as a record (all-text tables). */
export function repeatedHeaderError(
  spec: TableSpec,
  file: string | undefined,
  rows: number,
): OlistDataError {
  const names = spec.columns.map((c) => c.name);
  const where = file
    ? findRecords(
        file,
        (f) => f.length === names.length && f.every((x, i) => x === names[i]),
        SHOWN,
      )
        .map((r) => `${path.basename(file)} line ${r.line}`)
        .join(", ")
    : `table ${spec.table}`;
  return new OlistDataError(
    `${where || spec.file}: the header line is repeated inside the file (${rows} time${rows > 1 ? "s" : ""}; ` +
      `two files joined?); remove that line. ${FIX}`,
    file,
  );
}

/** Key of a CSV record as text, integer key columns normalised (`"01"` and `1` agree). */
function recordKey(spec: TableSpec, fields: readonly string[]): string {
  return spec.key
    .map((k, i) => (spec.columns[i].type === "integer" ? String(Number(fields[i])) : fields[i]))
    .join("\u0001");
}

/**
 * The error of a key held by rows that differ: the lines of two copies, the columns where they
 * differ with both values, how many keys conflict, and what to do.
 */
export function conflictingKeysError(
  spec: TableSpec,
  file: string | undefined,
  key: Record<string, unknown>,
  copies: number,
  conflictingKeys: number,
  variants: readonly Record<string, unknown>[],
): OlistDataError {
  const [a, b] = variants;
  const differ = spec.columns
    .filter((c) => b && shown(a[c.name]) !== shown(b[c.name]))
    .map((c) => `${c.name} ${shown(a[c.name])} vs ${shown(b[c.name])}`);
  const wanted = spec.key.map((k) => String(key[k])).join("\u0001");
  const where = file
    ? `${path.basename(file)} lines ${findRecords(file, (f) => recordKey(spec, f) === wanted, 10)
        .map((r) => r.line)
        .join(", ")}`
    : `table ${spec.table}`;
  const others =
    conflictingKeys > 1 ? `; ${conflictingKeys - 1} more key(s) conflict the same way` : "";
  return new OlistDataError(
    `${where}: ${keyText(spec, key)} appears ${copies} times with different values (${differ.join("; ")})${others}. ` +
      `The file must hold one row per ${spec.key.join(" + ")}: keep the right copy, or re-download the file from Kaggle.`,
    file,
  );
}
