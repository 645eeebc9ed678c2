/**
 * A deliberately simple RFC 4180 parser used only by tests, as a second, independent reading of the
 * CSV files that DuckDB loads (quoted fields with doubled quotes and line breaks, CR LF or LF).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** Reads a .csv or .csv.gz file as text, without a UTF-8 BOM. */
export function readCsvText(file: string): string {
  const raw = readFileSync(file);
  const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses CSV text into records of fields (header included). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Records of a file as objects keyed by the header. */
export function readCsvObjects(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readCsvText(file));
  return rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])));
}
