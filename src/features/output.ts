/**
 * The customer table as rows and as CSV: `customer_unique_id` first, then every numeric feature
 * (the SQL ones, then the derived ones of `derivedFeatures.ts`) and the text features, under the
 * names of `definitions.ts`.
 */
import { writeFileAtomic } from "../util/atomicWrite.js";
import { csvField } from "../util/csv.js";
import type { CustomerTable, NumericFeature, TextFeature } from "./definitions.js";
import { TEXT_FEATURES } from "./definitions.js";
import { featureNames } from "./derivedFeatures.js";

/** The numeric columns written: the SQL features, then the registered derived ones. */
const NUMERIC_COLUMNS: readonly string[] = featureNames();

/** One customer as a plain object (NaN stays NaN). */
export type CustomerRow = { customer_unique_id: string } & Record<NumericFeature, number> &
  Record<TextFeature, string>;

/** The CSV / row column names in order: id, numeric features, text features. */
export const CUSTOMER_COLUMNS: readonly string[] = [
  "customer_unique_id",
  ...NUMERIC_COLUMNS,
  ...TEXT_FEATURES,
];

function numericColumn(table: CustomerTable, name: string): Float64Array {
  return (table.numeric as Readonly<Record<string, Float64Array>>)[name];
}

/**
 * The table as an array of row objects (for `console.table`, arquero, Plotly hovers).
 *
 * @example
 * customerRows(table).slice(0, 5);
 */
export function customerRows(table: CustomerTable): CustomerRow[] {
  return table.ids.map((id, i) => {
    const row: Record<string, string | number> = { customer_unique_id: id };
    for (const name of NUMERIC_COLUMNS) row[name] = numericColumn(table, name)[i];
    for (const name of TEXT_FEATURES) row[name] = table.text[name][i];
    return row as CustomerRow;
  });
}

/**
 * The table as CSV text: header line, one line per customer; NaN → empty field; numbers in full
 * precision (`String(x)` round-trips exactly).
 */
export function customerTableToCsv(table: CustomerTable): string {
  const lines = [CUSTOMER_COLUMNS.join(",")];
  for (let i = 0; i < table.ids.length; i++) {
    const fields = [csvField(table.ids[i])];
    for (const name of NUMERIC_COLUMNS) {
      const x = numericColumn(table, name)[i];
      fields.push(Number.isNaN(x) ? "" : String(x));
    }
    for (const name of TEXT_FEATURES) fields.push(csvField(table.text[name][i]));
    lines.push(fields.join(","));
  }
  return lines.join("\n") + "\n";
}

/** Writes the table as CSV to `file` (see {@link customerTableToCsv}), atomically (temporary name, rename). */
export async function writeCustomerCsv(table: CustomerTable, file: string): Promise<void> {
  writeFileAtomic(file, customerTableToCsv(table));
}
