/**
 * Physical line numbers of CSV records, for error messages: DuckDB says which rows break a rule but
 * not on which line of the file they are (records of the reviews file span several lines). Used only
 * when a check has already failed, so a simple RFC 4180 reading of the whole file is fine.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** One record of a CSV file: its fields and the physical line (1-based) it starts on. */
export interface LocatedRecord {
  line: number;
  fields: string[];
}

/** The CSV content of a `.csv` or `.csv.gz` file as text, without a UTF-8 BOM. */
export function readCsvContent(file: string): string {
  const raw = readFileSync(file);
  const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Visits the records of CSV text in order: `visit(index, line, fields)` with the record index (0 =
 * header) and the physical line it starts on; returning `true` stops.
 */
function eachRecord(
  text: string,
  visit: (index: number, line: number, fields: string[]) => boolean,
): void {
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let index = 0;
  const end = (): boolean => {
    fields.push(field);
    const stop = visit(index++, recordLine, fields);
    fields = [];
    field = "";
    return stop;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (end()) return;
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) end();
}

/**
 * The data records (header excluded) of a CSV file for which `match` is true, in file order, at most
 * `limit` of them, each with the line it starts on.
 *
 * @example
 * findRecords("olist_orders_dataset.csv", (f) => f[0] === "e481f51cbdc54678b7cc49136f2d6af7", 2);
 */
export function findRecords(
  file: string,
  match: (fields: readonly string[]) => boolean,
  limit = 5,
): LocatedRecord[] {
  const found: LocatedRecord[] = [];
  eachRecord(readCsvContent(file), (index, line, fields) => {
    if (index > 0 && match(fields)) found.push({ line, fields });
    return found.length >= limit;
  });
  return found;
}

/**
 * The physical line each record starts on, for record numbers as DuckDB counts them (1 = the
 * header, 2 = the first data record), in one reading of the file.
 *
 * @example
 * recordLines("olist_order_reviews_dataset.csv", [5]); // Map { 5 => 7 } when a message spans lines
 */
export function recordLines(file: string, recordNumbers: readonly number[]): Map<number, number> {
  const wanted = new Set(recordNumbers);
  const last = recordNumbers.reduce((m, n) => (n > m ? n : m), 0);
  const lines = new Map<number, number>();
  eachRecord(readCsvContent(file), (index, line) => {
    if (wanted.has(index + 1)) lines.set(index + 1, line);
    return index + 1 >= last;
  });
  return lines;
}
