/**
 * Loads the nine Olist tables into an in-process DuckDB database, validating every file on the way:
 * file integrity (a gzip file read to its end and its trailer checked, no NUL byte, UTF-8), header
 * against the schema, every value parsed as its type, at least one record, then the value policies
 * of the schema (`policies.ts`) over all tables, and record counts against the Kaggle release.
 */
import path from "node:path";
import { Database } from "./db.js";
import { OlistDataError } from "./errors.js";
import type { FileScan } from "./integrity.js";
import { scanDataFile } from "./integrity.js";
import type { DataSource, LocateOptions } from "./locate.js";
import { chooseDataDir, dataSourceOf } from "./locate.js";
import type { LoadRuleCount } from "./windowRules.js";
import { applyValuePolicies } from "./policies.js";
import type { TableName, TableSpec } from "./schema.js";
import { OLIST_TABLES } from "./schema.js";
import { SQL_TYPES } from "./tables.js";
import type { RejectedRecord } from "./validate.js";
import { checkDelimiter, checkHeader, parseHeader, readHeaderLine, rejectsError } from "./validate.js";

/** What loading found, per table. */
export interface LoadedTable {
  readonly table: TableName;
  readonly file: string;
  /** Records read from the file (before any row excluded by a value policy). */
  readonly records: number;
  readonly kaggleRecords: number;
}

/** The result of {@link loadOlist} (and of `openOlist`, src/pipeline/openData.ts). */
export interface OlistData {
  readonly db: Database;
  readonly source: DataSource;
  readonly tables: readonly LoadedTable[];
  /** Non-fatal findings, e.g. record counts that differ from the Kaggle release. */
  readonly warnings: readonly string[];
  /** Rows excluded or flagged by the value policies at load (also in the cleaning report). */
  readonly policyCounts: readonly LoadRuleCount[];
  readonly seconds: number;
}

/** Options of {@link loadOlist}. */
export interface LoadOlistOptions extends LocateOptions {
  /** DuckDB database file; default in memory. */
  dbPath?: string;
  /** Where messages go (the chosen source, warnings); default `console.log`. */
  log?: (line: string) => void;
}

/** The `read_csv` call of one table: explicit types and format, nothing auto-detected. */
export function readCsvSql(spec: TableSpec, file: string, rejectsTable?: string): string {
  const columns = spec.columns.map((c) => `'${c.name}': '${SQL_TYPES[c.type]}'`).join(", ");
  const rejects = rejectsTable
    ? `, store_rejects = true, rejects_table = '${rejectsTable}', rejects_scan = '${rejectsTable}_scan'`
    : "";
  return (
    `read_csv('${file.replaceAll("'", "''")}', header = true, auto_detect = false, ` +
    `columns = {${columns}}, delim = ',', quote = '"', escape = '"', ` +
    `timestampformat = '%Y-%m-%d %H:%M:%S', strict_mode = true${rejects})`
  );
}

/**
 * Loads one validated file into table `spec.table`; returns its record count. Checks the file's
 * integrity first (unless {@link scanDataFile} just did), then its header, every value's type, and
 * that it holds at least one record. The value policies need all tables: see {@link loadOlist}.
 */
export async function loadTable(
  db: Database,
  spec: TableSpec,
  file: string,
  options: { scan?: FileScan } = {},
): Promise<number> {
  const scan = options.scan ?? (await scanDataFile(file));
  if (scan.contentBytes === 0) {
    throw new OlistDataError(
      `${path.basename(file)} is empty (0 bytes${file.endsWith(".gz") ? " once decompressed" : ""}); re-download it from Kaggle.`,
      file,
    );
  }
  const headerLine = await readHeaderLine(file);
  checkDelimiter(spec, file, headerLine);
  checkHeader(spec, file, parseHeader(headerLine));
  const rejects = `rejects_${spec.table}`;
  try {
    await db.run(`CREATE OR REPLACE TABLE ${spec.table} AS SELECT * FROM ${readCsvSql(spec, file, rejects)}`);
  } catch (e) {
    throw new OlistDataError(
      `${path.basename(file)} could not be read: ${(e as Error).message.split("\n")[0]}. ` +
        `Check that it is the original CSV (UTF-8, comma-separated) from Kaggle.`,
      file,
    );
  }
  const rejected = await db.rows<RejectedRecord & Record<string, unknown>>(
    `SELECT line, byte_position, column_name, error_type, csv_line, error_message FROM ${rejects} ORDER BY line`,
  );
  await db.run(`DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${rejects}_scan`);
  if (rejected.length > 0) throw rejectsError(spec, file, rejected);
  const records = await db.scalar<number>(`SELECT count(*) FROM ${spec.table}`);
  if (records === 0) throw noRecordError(file, headerLine, scan.contentBytes);
  return records;
}

/** The error of a file that loads no record: empty after its header, or unreadable as CSV. */
function noRecordError(file: string, headerLine: string, contentBytes: number): OlistDataError {
  const name = path.basename(file);
  const after = contentBytes - Buffer.byteLength(headerLine) - 1;
  // A BOM and line breaks are a few bytes; a record is more.
  if (after > 8) {
    return new OlistDataError(
      `${name} has ${after.toLocaleString("en-US")} bytes after its header but no record could be read: ` +
        `likely another delimiter than the comma, or another encoding than UTF-8. Save it as ` +
        `comma-separated UTF-8 CSV, or re-download it from Kaggle.`,
      file,
    );
  }
  return new OlistDataError(
    `${name} holds a header but no record (an empty or cut file); re-download it from Kaggle.`,
    file,
  );
}

/**
 * Finds the data (see `chooseDataDir`), loads and validates the nine tables, and prints the source.
 * Generates nothing: when the twin folder is chosen and empty it throws the missing-files error
 * (`openOlist`, src/pipeline/openData.ts, generates the twin first). The database is in memory
 * unless `dbPath` is given.
 *
 * @example
 * const { db, source } = await loadOlist({ dataDir: "data/raw" });
 * await db.rows("SELECT order_status, count(*) AS n FROM orders GROUP BY 1");
 */
export async function loadOlist(options: LoadOlistOptions = {}): Promise<OlistData> {
  const start = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const { dir, chosenBy, searched } = chooseDataDir(options);
  const source = dataSourceOf(dir, chosenBy, searched);
  log(`Data source: ${source.description}`);
  // Integrity of the nine files first, read side by side; the first failure in schema order is reported.
  const scans = await Promise.allSettled(OLIST_TABLES.map((spec) => scanDataFile(source.files[spec.table])));
  const failed = scans.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  const db = await Database.open(options.dbPath);
  const tables: LoadedTable[] = [];
  const warnings: string[] = [];
  let policyCounts: LoadRuleCount[];
  try {
    for (const spec of OLIST_TABLES) {
      const file = source.files[spec.table];
      const scan = (scans[OLIST_TABLES.indexOf(spec)] as PromiseFulfilledResult<FileScan>).value;
      const records = await loadTable(db, spec, file, { scan });
      tables.push({ table: spec.table, file, records, kaggleRecords: spec.kaggleRecords });
      if (!source.synthetic && records !== spec.kaggleRecords) {
        warnings.push(
          `${path.basename(file)}: ${records.toLocaleString("en-US")} records, the Kaggle release has ` +
            `${spec.kaggleRecords.toLocaleString("en-US")}. Results may differ from published analyses.`,
        );
      }
    }
    policyCounts = await applyValuePolicies(db, source.files);
  } catch (e) {
    db.close();
    throw e;
  }
  for (const w of warnings) log(`Warning: ${w}`);
  const excluded = policyCounts.filter((c) => c.action === "excluded" && c.rows > 0);
  if (excluded.length > 0) {
    log(
      `Excluded at load (counted in the cleaning report): ` +
        excluded.map((c) => `${c.rows.toLocaleString("en-US")} ${c.table} row(s) ${c.rule}`).join(", "),
    );
  }
  return { db, source, tables, warnings, policyCounts, seconds: (performance.now() - start) / 1000 };
}
