/**
 * Checks of an Olist file before and after DuckDB reads it: the header against the schema, and the
 * records DuckDB rejected, each turned into an error that names file, line, column and value.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { createGunzip, gunzipSync } from "node:zlib";
import { recordLines } from "./csvRecords.js";
import { OlistDataError } from "./errors.js";
import type { ColumnType, TableSpec } from "./schema.js";

/** Reads the first line of a `.csv` or `.csv.gz` file (without BOM and line break). */
export async function readHeaderLine(file: string): Promise<string> {
  if (file.endsWith(".gz")) {
    const stream = createReadStream(file).pipe(createGunzip());
    let text = "";
    try {
      for await (const chunk of stream) {
        text += (chunk as Buffer).toString("utf8");
        if (text.includes("\n") || text.length > 65536) break;
      }
    } catch (e) {
      throw new OlistDataError(
        `${path.basename(file)} is not a readable gzip file (${(e as Error).message}). ` +
          `Re-download it, or unzip it to a plain .csv.`,
        file,
      );
    } finally {
      stream.destroy();
    }
    return firstLine(text);
  }
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return firstLine(buf.subarray(0, n).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

function firstLine(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = noBom.search(/\r?\n/);
  return end < 0 ? noBom : noBom.slice(0, end);
}

/** Splits a CSV header line into names (quoted or not). */
export function parseHeader(line: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      let name = "";
      while (j < line.length) {
        if (line[j] === '"' && line[j + 1] === '"') {
          name += '"';
          j += 2;
        } else if (line[j] === '"') break;
        else name += line[j++];
      }
      names.push(name);
      i = j + 2; // closing quote and comma
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      names.push(line.slice(i, end).trim());
      i = end + 1;
    }
  }
  return names;
}

/** Delimiters other than the comma that spreadsheets write, with their names. */
const OTHER_DELIMITERS: readonly [string, string][] = [
  [";", "semicolons (;)"],
  ["\t", "tabs"],
  ["|", "vertical bars (|)"],
];

/**
 * Throws when the header line is not comma-separated (a file saved by a spreadsheet with `;` or
 * tabs): the error names the file, the delimiter found, and what to do.
 */
export function checkDelimiter(spec: TableSpec, file: string, headerLine: string): void {
  if (spec.columns.length < 2 || headerLine.includes(",")) return;
  for (const [delimiter, words] of OTHER_DELIMITERS) {
    if (headerLine.includes(delimiter)) {
      throw new OlistDataError(
        `${path.basename(file)}: the header is separated by ${words}, not commas; save the file as ` +
          `comma-separated CSV (UTF-8), as the Kaggle original.`,
        file,
      );
    }
  }
}

/**
 * Checks that the header holds the schema's columns in order; a missing, renamed or extra column
 * throws an error naming the file and the column.
 */
export function checkHeader(spec: TableSpec, file: string, header: readonly string[]): void {
  const name = path.basename(file);
  const expected = spec.columns.map((c) => c.name);
  const missing = expected.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !expected.includes(c));
  const fix = `Use the original file from Kaggle, or restore the header: ${expected.join(",")}`;
  if (missing.length > 0) {
    const renamed =
      extra.length > 0 ? ` (the file has instead: ${extra.map((c) => `"${c}"`).join(", ")})` : "";
    throw new OlistDataError(
      `${name}: column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} ` +
        `missing from the header${renamed}. ${fix}`,
      file,
    );
  }
  if (extra.length > 0) {
    throw new OlistDataError(
      `${name}: unexpected column${extra.length > 1 ? "s" : ""} ${extra.map((c) => `"${c}"`).join(", ")} ` +
        `in the header. ${fix}`,
      file,
    );
  }
  if (header.some((c, i) => c !== expected[i])) {
    throw new OlistDataError(
      `${name}: columns are not in the original order (found ${header.join(",")}). ${fix}`,
      file,
    );
  }
}

/** One record DuckDB could not read, as recorded in its rejects table. */
export interface RejectedRecord {
  line: number;
  byte_position: number | null;
  column_name: string | null;
  error_type: string;
  csv_line: string | null;
  error_message: string;
}

const TYPE_WORDS: Record<ColumnType, string> = {
  text: "text",
  integer: "an integer (e.g. 3)",
  decimal: "a decimal number (e.g. 58.90)",
  double: "a number (e.g. -23.5456)",
  timestamp: "a timestamp YYYY-MM-DD HH:MM:SS (e.g. 2017-10-02 10:56:33)",
};

/** Physical line number (1-based) of the byte at `bytePosition` (a NUL byte, say) in the file's content. */
export function physicalLine(file: string, bytePosition: number): number {
  const raw = readFileSync(file);
  const bytes = file.endsWith(".gz") ? gunzipSync(raw) : raw;
  let line = 1;
  const end = Math.min(bytePosition, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Whether a CSV line holds exactly the column names of the table (a repeated header). */
export function isHeaderLine(spec: TableSpec, csvLine: string): boolean {
  const names = parseHeader(csvLine.replace(/\r?\n$/, ""));
  return names.length === spec.columns.length && names.every((n, i) => n === spec.columns[i].name);
}

/** The delimiter a rejected line seems to use instead of the comma, in words, or "". */
function otherDelimiter(csvLine: string | null): string {
  if (!csvLine || csvLine.includes(",")) return "";
  const found = OTHER_DELIMITERS.find(([d]) => csvLine.includes(d));
  return found
    ? `; its fields are separated by ${found[1]}, not commas: save the file as comma-separated CSV`
    : "";
}

/** What is wrong with one rejected record (all DuckDB's rejects of that record). */
function rejectText(
  spec: TableSpec,
  name: string,
  line: number,
  group: readonly RejectedRecord[],
): string {
  const [r] = group;
  const castValue = (x: RejectedRecord) =>
    /Could not convert string "(.*)" to/.exec(x.error_message)?.[1] ?? "?";
  const header =
    (r.csv_line !== null && isHeaderLine(spec, r.csv_line)) ||
    group.every((x) => x.error_type === "CAST" && castValue(x) === x.column_name);
  if (header) {
    return `${name} line ${line}: the header line is repeated inside the file (two files joined?); remove that line`;
  }
  if (r.error_type === "INVALID ENCODING" || r.error_type === "INVALID UNICODE") {
    return `${name} line ${line}: not UTF-8 text (the file is probably Latin-1 / Windows-1252); save it as UTF-8`;
  }
  const column = spec.columns.find((c) => c.name === r.column_name);
  if (r.error_type === "CAST" && column) {
    return `${name} line ${line}, column "${column.name}": value "${castValue(r)}" is not ${TYPE_WORDS[column.type]}`;
  }
  const what =
    r.error_type === "MISSING COLUMNS" || r.error_type === "TOO MANY COLUMNS"
      ? `malformed record, ${r.error_message.replace("Expected Number of Columns", `expected ${spec.columns.length} fields`).replace(/: \d+ Found:/, ", found")}`
      : `malformed record (${r.error_type.toLowerCase()}: ${r.error_message})`;
  const text = r.csv_line ? ` — ${JSON.stringify(r.csv_line.slice(0, 120))}` : "";
  return `${name} line ${line}: ${what}${text}${otherDelimiter(r.csv_line)}`;
}

/**
 * Turns DuckDB's rejected records into one error naming file, line, column and value: one entry
 * per record (DuckDB may reject a record once per column), the first five shown.
 */
export function rejectsError(
  spec: TableSpec,
  file: string,
  rejects: readonly RejectedRecord[],
): OlistDataError {
  const name = path.basename(file);
  const groups = new Map<number, RejectedRecord[]>();
  for (const r of rejects) {
    const group = groups.get(r.line);
    if (group) group.push(r);
    else groups.set(r.line, [r]);
  }
  const first = Array.from(groups.values()).slice(0, 5);
  // DuckDB numbers records (header = 1); records of the reviews file span lines: recount them.
  const lines = recordLines(
    file,
    first.map((g) => g[0].line),
  );
  const shown = first.map((g) => rejectText(spec, name, lines.get(g[0].line) ?? g[0].line, g));
  const more = groups.size > 5 ? `\n… and ${groups.size - 5} more rejected record(s)` : "";
  return new OlistDataError(
    `${groups.size} record(s) of ${name} could not be read:\n${shown.join("\n")}${more}\n` +
      `No record is dropped silently: fix these lines or re-download the file from Kaggle.`,
    file,
  );
}
