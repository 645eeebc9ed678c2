/**
 * Fidelity report of an Olist folder (normally the twin): its marginals, measured with DuckDB SQL
 * over the CSV files themselves, side by side with the calibration targets and, when the real
 * files are at hand, with the same statistics of the four complete original files.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../data/db.js";
import { OLIST_TABLES, tableSpec } from "../data/schema.js";
import type { TableName } from "../data/schema.js";
import { SQL_TYPES } from "../data/tables.js";
import { KAGGLE_SIZES } from "./calibration.js";
import { calibrationChecks } from "./fidelityChecks.js";
import type { FidelityCheck, FidelityContext } from "./fidelityChecks.js";
import { quirkChecks } from "./fidelityQuirks.js";

/** One compared statistic. */
export interface FidelityLine {
  section: string;
  metric: string;
  /** Value measured on the folder's CSV files. */
  twin: number;
  /** Calibration target (scaled to the folder's size for counts). */
  target: number;
  /** Same statistic on the complete real files, when available. */
  real: number | null;
  /** Source tag of the target (see `calibration.ts`). */
  source: string;
  /** `(twin − target) / |target|`. */
  relDiff: number;
  /** Allowed gap: absolute (same unit as the value) or relative. */
  tolerance: number;
  toleranceKind: "abs" | "rel";
  pass: boolean;
}

/** Options of `fidelityReport`. */
export interface FidelityOptions {
  /** Folder with the nine CSV files to measure (`.csv` or `.csv.gz`). */
  dataDir: string;
  /** Folder with the complete real payments/products/sellers files (`.csv.gz`), optional. */
  realDir?: string;
}

/** `read_csv(...)` of one Olist file with the schema's column types, or `null` when absent. */
export function csvSource(dir: string, table: TableName): string | null {
  const spec = tableSpec(table);
  const path = [".csv", ".csv.gz"].map((ext) => join(dir, spec.file + ext)).find(existsSync);
  if (!path) return null;
  const cols = spec.columns.map((c) => `'${c.name}': '${SQL_TYPES[c.type]}'`).join(", ");
  return (
    `read_csv('${path.replace(/'/g, "''")}', header = true, delim = ',', quote = '"', ` +
    `escape = '"', columns = {${cols}}, timestampformat = '%Y-%m-%d %H:%M:%S')`
  );
}

/** Creates one view per Olist file found in `dir`, named `<prefix><table>`. */
async function createViews(db: Database, dir: string, prefix: string): Promise<Set<TableName>> {
  const found = new Set<TableName>();
  for (const { table: t } of OLIST_TABLES) {
    const src = csvSource(dir, t);
    if (src === null) continue;
    await db.run(`CREATE OR REPLACE VIEW ${prefix}${t} AS SELECT * FROM ${src}`);
    found.add(t);
  }
  return found;
}

/** One report line: the check's measured value against its target and tolerance. */
export function compareCheck(
  check: FidelityCheck,
  twin: number,
  real: number | null,
): FidelityLine {
  const { target, tolerance, kind } = check;
  const gap = Math.abs(twin - target);
  return {
    section: check.section,
    metric: check.metric,
    twin,
    target,
    real,
    source: check.source,
    relDiff: target === 0 ? NaN : (twin - target) / Math.abs(target),
    tolerance: Math.round(tolerance * 100) / 100,
    toleranceKind: kind,
    pass: kind === "abs" ? gap <= tolerance : gap <= tolerance * Math.abs(target),
  };
}

/**
 * Measures the folder and compares it with the calibration. Throws, naming the file, when one of
 * the nine files is missing in `dataDir`.
 *
 * @example
 * const lines = await fidelityReport({ dataDir: "data/twin", realDir: "../shared/olist" });
 * lines.filter((l) => !l.pass); // statistics out of tolerance
 */
export async function fidelityReport(options: FidelityOptions): Promise<FidelityLine[]> {
  const db = await Database.open();
  try {
    const found = await createViews(db, options.dataDir, "");
    for (const t of ["orders", "customers", "order_items", "order_payments", "order_reviews"]) {
      if (!found.has(t as TableName)) {
        throw new Error(
          `${tableSpec(t as TableName).file}.csv not found in ${options.dataDir}; generate it with npm run data:twin`,
        );
      }
    }
    const real = options.realDir ? await createViews(db, options.realDir, "real_") : new Set();
    const num = async (sql: string) => Number(await db.scalar(sql));
    const people = await num("SELECT count(DISTINCT customer_unique_id) FROM customers");
    const ctx: FidelityContext = {
      people,
      scale: people / KAGGLE_SIZES.uniqueCustomers,
      found,
    };
    const lines: FidelityLine[] = [];
    for (const check of [...calibrationChecks(ctx), ...quirkChecks(ctx)]) {
      const twin = await num(check.sql);
      const realValue =
        check.real && real.has(check.real)
          ? await num(check.sql.replaceAll(`FROM ${check.real}`, `FROM real_${check.real}`))
          : null;
      lines.push(compareCheck(check, twin, realValue));
    }
    return lines;
  } finally {
    db.close();
  }
}

/** The report as a fixed-width text table (one line per statistic, failures marked). */
export function formatFidelity(lines: readonly FidelityLine[]): string {
  const fmt = (x: number | null) =>
    x === null || Number.isNaN(x) ? "" : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toFixed(2);
  const head = `${"section".padEnd(20)}${"metric".padEnd(46)}${"twin".padStart(11)}${"target".padStart(11)}${"real".padStart(11)}${"rel.diff".padStart(10)}${"tolerance".padStart(11)}  source`;
  const rows = lines.map(
    (l) =>
      `${l.section.padEnd(20)}${l.metric.padEnd(46)}${fmt(l.twin).padStart(11)}${fmt(l.target).padStart(11)}` +
      `${fmt(l.real).padStart(11)}${(Number.isNaN(l.relDiff) ? "" : `${(100 * l.relDiff).toFixed(1)}%`).padStart(10)}` +
      `${(l.toleranceKind === "abs" ? `±${l.tolerance}` : `±${100 * l.tolerance}%`).padStart(11)}  ${l.source}${l.pass ? "" : "  << OUT"}`,
  );
  return [head, ...rows].join("\n");
}
