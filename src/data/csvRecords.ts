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
  const text = readCsvContent(file);
  const found: LocatedRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let index = 0; // record index; 0 = header
  const end = () => {
    fields.push(field);
    if (index > 0 && match(fields)) found.push({ line: recordLine, fields });
    index++;
    fields = [];
    field = "";
  };
  for (let i = 0; i < text.length && found.length < limit; i++) {
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
      end();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (found.length < limit && (field !== "" || fields.length > 0)) end();
  return found;
}
