/**
 * A small typed query helper over an in-process DuckDB database (`@duckdb/node-api`), shared by the
 * toolbox and the notebooks. Results come back as plain JavaScript values: BIGINT/HUGEINT become
 * `number` (exact up to 2^53, far above any count in Olist), DECIMAL becomes `number`, DATE and
 * TIMESTAMP become `Date` (UTC), so notebooks never meet DuckDB value classes.
 */
import { randomBytes } from "node:crypto";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, JSDuckDBValueConverter } from "@duckdb/node-api";
import type { DuckDBConnection, DuckDBResultReader, DuckDBValue } from "@duckdb/node-api";

/** A plain JavaScript value of a query result. */
export type Value = string | number | boolean | Date | null | Value[] | { [key: string]: Value };

/** A result row: column name → plain value. */
export type Row = Record<string, Value>;

/** Positional (`$1`) or named (`$name`) query parameters. */
export type Params =
  readonly (string | number | boolean | null)[] | Record<string, string | number | boolean | null>;

/** Converts one value of DuckDB's JS conversion to a plain value (bigint → number, nested values too). */
export function toPlainValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (Array.isArray(v)) return v.map(toPlainValue);
  if (typeof v === "object") {
    const out: Record<string, Value> = {};
    // eslint-disable-next-line local/no-recursion -- depth = nesting of one value's SQL type, not rows
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toPlainValue(x);
    return out;
  }
  return String(v);
}

/**
 * DuckDB's memory cap: half the machine's memory (DuckDB's default is 80 %), leaving the other half
 * to this process's arrays and worker threads; beyond it DuckDB spills to disk (same results).
 *
 * @example
 * duckdbMemoryLimitBytes(); // 12.6e9 on a 23.5 GiB machine
 */
export function duckdbMemoryLimitBytes(total: number = totalmem()): number {
  return Math.floor(total / 2);
}

/**
 * An open DuckDB database with one connection. Its queries run one at a time, in call order, even
 * when two tasks of the process query it at once (the main job runs the maintenance study beside
 * the segment stages): a statement starts when the previous one's result has been read, so one
 * task's temp tables and results are never touched halfway by the other's.
 *
 * @example
 * const db = await Database.open();
 * const [{ n }] = await db.rows<{ n: number }>("SELECT 42 AS n");
 */
export class Database {
  private constructor(
    private readonly instance: DuckDBInstance,
    /** The underlying `@duckdb/node-api` connection, for anything this helper does not cover. */
    readonly connection: DuckDBConnection,
    /** `:memory:` or the path of the database file. */
    readonly path: string,
  ) {}

  /** The end of the last queued operation (see {@link Database.exclusive}). */
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Runs `operation` on the connection once every operation queued before it has finished; the
   * one place that orders the connection's use.
   */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.tail.then(operation);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Opens a database: in memory by default, or a file (created if missing). DuckDB's buffer pool is
   * capped at {@link duckdbMemoryLimitBytes} (half the machine's memory) and spills beyond it (tables,
   * also those of an in-memory database, and intermediate results) into a folder of its own under the
   * system's temporary folder: at 100× (9.6 million customers, 6.5 GB of CSV) DuckDB's default cap of
   * 80 % let its tables and joins alone fill 19 GB of a 23 GB machine, with the JS side on top.
   */
  static async open(path = ":memory:"): Promise<Database> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    const spill = join(tmpdir(), `olist-duckdb-${process.pid}-${randomBytes(4).toString("hex")}`);
    await connection.run(
      `SET memory_limit = '${Math.floor(duckdbMemoryLimitBytes() / 1048576)}MiB'`,
    );
    await connection.run(`SET temp_directory = '${spill.replaceAll("'", "''")}'`);
    return new Database(instance, connection, path);
  }

  /** Runs statements that return nothing useful (DDL, INSERT, SET). */
  async run(sql: string, params?: Params): Promise<void> {
    await this.exclusive(() =>
      this.connection.run(sql, params as DuckDBValue[] | Record<string, DuckDBValue>),
    );
  }

  /** Runs a query and reads every row. */
  async reader(sql: string, params?: Params): Promise<DuckDBResultReader> {
    return this.exclusive(() =>
      this.connection.runAndReadAll(sql, params as DuckDBValue[] | Record<string, DuckDBValue>),
    );
  }

  /** Rows as objects of plain values. */
  async rows<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.reader(sql, params);
    const names = reader.deduplicatedColumnNames();
    return reader.getRowsJS().map((r) => {
      const row: Record<string, Value> = {};
      for (let j = 0; j < names.length; j++) row[names[j]] = toPlainValue(r[j]);
      return row as T;
    });
  }

  /** Columns as arrays of plain values, keyed by column name. */
  async columns(sql: string, params?: Params): Promise<Record<string, Value[]>> {
    const reader = await this.reader(sql, params);
    const names = reader.deduplicatedColumnNames();
    const cols = reader.getColumnsJS();
    const out: Record<string, Value[]> = {};
    names.forEach((name, j) => (out[name] = cols[j].map(toPlainValue)));
    return out;
  }

  /**
   * Numeric columns as Float64Arrays (NULL → NaN), ready for clustering and charts.
   * Non-numeric columns throw, naming the column.
   */
  async numericColumns(sql: string, params?: Params): Promise<Record<string, Float64Array>> {
    const cols = await this.columns(sql, params);
    const out: Record<string, Float64Array> = {};
    for (const [name, values] of Object.entries(cols)) {
      const arr = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null) arr[i] = NaN;
        else if (typeof v === "number") arr[i] = v;
        else if (typeof v === "boolean") arr[i] = v ? 1 : 0;
        else
          throw new Error(`Column "${name}" is not numeric (row ${i} holds ${JSON.stringify(v)})`);
      }
      out[name] = arr;
    }
    return out;
  }

  /**
   * The numeric columns of a query, in select order, as Float64Arrays (NULL → NaN, BIGINT → number,
   * BOOLEAN → 0/1), read chunk by chunk from DuckDB's vectors: no array of plain values per column
   * in between (about twice as fast as {@link numericColumns} on ~90k-row results, and less
   * garbage). A non-numeric value throws, naming the column.
   *
   * @example
   * const [keys, monetary] = await db.float64Columns("SELECT key, monetary FROM t ORDER BY key");
   */
  async float64Columns(sql: string, params?: Params): Promise<Float64Array[]> {
    return this.exclusive(() => this.readFloat64Columns(sql, params));
  }

  private async readFloat64Columns(sql: string, params?: Params): Promise<Float64Array[]> {
    const result = await this.connection.run(
      sql,
      params as DuckDBValue[] | Record<string, DuckDBValue>,
    );
    const columns = result.columnCount;
    const parts: Float64Array[][] = Array.from({ length: columns }, () => []);
    let total = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const rows = chunk.rowCount;
      for (let j = 0; j < columns; j++) {
        const vector = chunk.getColumnVector(j);
        const out = new Float64Array(rows);
        for (let i = 0; i < rows; i++) {
          const v = vector.getItem(i);
          if (v === null) out[i] = NaN;
          else if (typeof v === "number") out[i] = v;
          else if (typeof v === "bigint") out[i] = Number(v);
          else if (typeof v === "boolean") out[i] = v ? 1 : 0;
          else
            throw new Error(
              `Column "${result.columnName(j)}" is not numeric (row ${total + i} holds ${String(v)})`,
            );
        }
        parts[j].push(out);
      }
      total += rows;
    }
    return parts.map((chunks) => {
      const out = new Float64Array(total);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    });
  }

  /**
   * The columns of a query read chunk by chunk (DuckDB's 2,048-row vectors, converted as
   * `getColumnsJS` converts them): the columns named in `textColumns` as arrays of their values, every
   * other one as a Float64Array (value assigned as a number, NULL → NaN). Neither the whole result
   * nor an array of plain numbers per column is ever held: at 9.6 million customers, 20 columns of
   * boxed values would take about 4 GB of the JS heap.
   *
   * @example
   * const { float64, text } = await db.typedColumns("SELECT id, x FROM t ORDER BY id", {}, ["id"]);
   */
  async typedColumns(
    sql: string,
    params: Params | undefined,
    textColumns: readonly string[],
  ): Promise<{ float64: Record<string, Float64Array>; text: Record<string, unknown[]> }> {
    return this.exclusive(() => this.readTypedColumns(sql, params, textColumns));
  }

  private async readTypedColumns(
    sql: string,
    params: Params | undefined,
    textColumns: readonly string[],
  ): Promise<{ float64: Record<string, Float64Array>; text: Record<string, unknown[]> }> {
    const result = await this.connection.run(
      sql,
      params as DuckDBValue[] | Record<string, DuckDBValue>,
    );
    const names = Array.from({ length: result.columnCount }, (_, j) => result.columnName(j));
    const isText = names.map((n) => textColumns.includes(n));
    const parts: Float64Array[][] = names.map(() => []);
    const text: Record<string, unknown[]> = {};
    for (const [j, n] of names.entries()) if (isText[j]) text[n] = [];
    let total = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (let j = 0; j < names.length; j++) {
        const values = chunk.convertColumnValues(j, JSDuckDBValueConverter);
        if (isText[j]) {
          const out = text[names[j]];
          for (let i = 0; i < values.length; i++) out.push(values[i]);
        } else {
          const out = new Float64Array(values.length);
          for (let i = 0; i < values.length; i++) {
            const v = values[i];
            out[i] = typeof v === "bigint" ? Number(v) : ((v ?? NaN) as number); // BIGINT: counts
          }
          parts[j].push(out);
        }
      }
      total += chunk.rowCount;
    }
    const float64: Record<string, Float64Array> = {};
    for (const [j, n] of names.entries()) {
      if (isText[j]) continue;
      const out = new Float64Array(total);
      let at = 0;
      for (const c of parts[j]) {
        out.set(c, at);
        at += c.length;
      }
      float64[n] = out;
    }
    return { float64, text };
  }

  /** The first column of the first row, or `null` when the query returns no row. */
  async scalar<T extends Value = Value>(sql: string, params?: Params): Promise<T> {
    const reader = await this.reader(sql, params);
    if (reader.currentRowCount === 0) return null as T;
    return toPlainValue(reader.getRowsJS()[0][0]) as T;
  }

  /** Closes the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
