/**
 * Renders query results (arrays of row objects) as HTML and text tables for notebooks, reports and
 * terminals: numbers right-aligned with thousands separators, dates as `YYYY-MM-DD HH:MM:SS`,
 * long results cut with a visible "… N more rows" line.
 */
import { displayBundle } from "./notebook.js";
import { escapeHtml, NO_MATH_CLASS } from "./text.js";
import { maxOf } from "../util/arrayStats.js";

/** Options of the table renderers. */
export interface TableOptions {
  /** Rows shown before cutting (default 20). */
  maxRows?: number;
  /** Caption above the table. */
  caption?: string;
  /** Decimals of non-integer numbers (default 2). */
  decimals?: number;
  /** Columns to show, in this order (default: the keys of the first row). */
  columns?: readonly string[];
}

/** Formats one value for display. */
export function formatValue(v: unknown, decimals = 2): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (Number.isInteger(v)) return v.toLocaleString("en-US");
    return v.toLocaleString("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
  }
  if (typeof v === "bigint") return v.toLocaleString("en-US");
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Any row object (interfaces without an index signature are accepted too). */
type AnyRow = object;

const cell = (row: AnyRow, column: string): unknown => (row as Record<string, unknown>)[column];

function columnsOf(rows: readonly AnyRow[], options: TableOptions): string[] {
  return options.columns ? [...options.columns] : rows.length > 0 ? Object.keys(rows[0]) : [];
}

/** Renders rows as an HTML table. */
export function renderHtmlTable(rows: readonly AnyRow[], options: TableOptions = {}): string {
  const maxRows = options.maxRows ?? 20;
  const cols = columnsOf(rows, options);
  const shown = rows.slice(0, maxRows);
  const isNum = cols.map(
    (c) =>
      shown.some((r) => typeof cell(r, c) === "number") &&
      shown.every((r) => cell(r, c) == null || typeof cell(r, c) === "number"),
  );
  const head = cols
    .map((c, j) => `<th style="text-align:${isNum[j] ? "right" : "left"}">${escapeHtml(c)}</th>`)
    .join("");
  const body = shown
    .map(
      (r) =>
        "<tr>" +
        cols
          .map(
            (c, j) =>
              `<td style="text-align:${isNum[j] ? "right" : "left"}">${escapeHtml(formatValue(cell(r, c), options.decimals))}</td>`,
          )
          .join("") +
        "</tr>",
    )
    .join("\n");
  const more =
    rows.length > maxRows
      ? `\n<tr><td colspan="${cols.length}" style="text-align:left;font-style:italic">… ${(rows.length - maxRows).toLocaleString("en-US")} more rows (${rows.length.toLocaleString("en-US")} in all)</td></tr>`
      : "";
  const caption = options.caption
    ? `<caption style="caption-side:top;text-align:left;font-weight:bold">${escapeHtml(options.caption)}</caption>`
    : "";
  return `<table class="olist-table ${NO_MATH_CLASS}">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}${more}\n</tbody></table>`;
}

/** Renders rows as a fixed-width text table. */
export function renderTextTable(rows: readonly AnyRow[], options: TableOptions = {}): string {
  const maxRows = options.maxRows ?? 20;
  const cols = columnsOf(rows, options);
  const shown = rows.slice(0, maxRows);
  const cells = shown.map((r) => cols.map((c) => formatValue(cell(r, c), options.decimals)));
  const isNum = cols.map((c) => shown.some((r) => typeof cell(r, c) === "number"));
  const widths = cols.map((c, j) => Math.max(c.length, maxOf(cells.map((row) => row[j].length))));
  const fmt = (vals: string[]) =>
    vals
      .map((v, j) => (isNum[j] ? v.padStart(widths[j]) : v.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  const lines = [fmt(cols), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(fmt)];
  if (rows.length > maxRows)
    lines.push(
      `… ${(rows.length - maxRows).toLocaleString("en-US")} more rows (${rows.length.toLocaleString("en-US")} in all)`,
    );
  if (options.caption) lines.unshift(options.caption);
  return lines.join("\n");
}

/**
 * Shows rows as a table: HTML in a notebook, text elsewhere.
 *
 * @example
 * showTable(await db.rows("SELECT order_status, count(*) AS orders FROM orders GROUP BY 1"));
 */
export function showTable(rows: readonly AnyRow[], options: TableOptions = {}): void {
  displayBundle({
    "text/html": renderHtmlTable(rows, options),
    "text/plain": renderTextTable(rows, options),
  });
}
