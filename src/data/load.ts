/**
 * Loads the nine Olist tables into an in-process DuckDB database, validating every file on the way:
 * header against the schema, every value parsed as its type, record counts against the Kaggle release.
 */
import path from "node:path";
import { Database } from "./db.js";
import { OlistDataError } from "./errors.js";
import type { DataSource, LocateOptions } from "./locate.js";
import { chooseDataDir, dataSourceOf } from "./locate.js";
import { DEFAULT_TWIN_SEED, readTwinMarker, writeOlistTwin } from "../twin/index.js";
import type { TableName, TableSpec } from "./schema.js";
import { OLIST_TABLES } from "./schema.js";
import { SQL_TYPES } from "./tables.js";
import type { RejectedRecord } from "./validate.js";
import { checkHeader, parseHeader, readHeaderLine, rejectsError } from "./validate.js";

/** What loading found, per table. */
export interface LoadedTable {
  readonly table: TableName;
  readonly file: string;
  readonly records: number;
  readonly kaggleRecords: number;
}

/** The result of {@link openOlist}. */
export interface OlistData {
  readonly db: Database;
  readonly source: DataSource;
  readonly tables: readonly LoadedTable[];
  /** Non-fatal findings, e.g. record counts that differ from the Kaggle release. */
  readonly warnings: readonly string[];
  readonly seconds: number;
}

/** Options of {@link openOlist}. */
export interface OpenOlistOptions extends LocateOptions {
  /** DuckDB database file; default in memory. */
  dbPath?: string;
  /** Where messages go (the chosen source, warnings); default `console.log`. */
  log?: (line: string) => void;
  /**
   * Generate the twin when the twin folder is chosen but empty (default true). Generation of the
   * full-scale twin takes a few seconds and happens once.
   */
  generateTwin?: boolean;
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

/** Loads one validated file into table `spec.table`; returns its record count. */
export async function loadTable(db: Database, spec: TableSpec, file: string): Promise<number> {
  checkHeader(spec, file, parseHeader(await readHeaderLine(file)));
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
  return db.scalar<number>(`SELECT count(*) FROM ${spec.table}`);
}

/**
 * Finds the data (see `chooseDataDir`), generates the twin if it is the fallback and missing, loads and
 * validates the nine tables, and prints the source. The database is in memory unless `dbPath` is given.
 *
 * @example
 * const { db, source } = await openOlist();
 * await db.rows("SELECT order_status, count(*) AS n FROM orders GROUP BY 1");
 */
export async function openOlist(options: OpenOlistOptions = {}): Promise<OlistData> {
  const start = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const { dir, chosenBy, searched } = chooseDataDir(options);
  if (chosenBy === "twin-default" && !readTwinMarker(dir)) {
    if (options.generateTwin === false) {
      throw new OlistDataError(`No Olist data found (searched ${searched.join(", ")}) and twin generation is off.`);
    }
    log(`No real Olist data found; generating the synthetic Olist twin in ${dir} (once) …`);
    await writeOlistTwin({ outDir: dir, seed: DEFAULT_TWIN_SEED });
  }
  const source = dataSourceOf(dir, chosenBy, searched);
  log(`Data source: ${source.description}`);
  const db = await Database.open(options.dbPath);
  const tables: LoadedTable[] = [];
  const warnings: string[] = [];
  try {
    for (const spec of OLIST_TABLES) {
      const file = source.files[spec.table];
      const records = await loadTable(db, spec, file);
      tables.push({ table: spec.table, file, records, kaggleRecords: spec.kaggleRecords });
      if (!source.synthetic && records !== spec.kaggleRecords) {
        warnings.push(
          `${path.basename(file)}: ${records.toLocaleString("en-US")} records, the Kaggle release has ` +
            `${spec.kaggleRecords.toLocaleString("en-US")}. Results may differ from published analyses.`,
        );
      }
    }
  } catch (e) {
    db.close();
    throw e;
  }
  for (const w of warnings) log(`Warning: ${w}`);
  return { db, source, tables, warnings, seconds: (performance.now() - start) / 1000 };
}
