/** The cleaning slide's numbers from `cleaning.csv`: what was excluded and what was only flagged. */
import type { CleaningFileRow } from "./files.js";

/** Totals of the cleaning report and its rules that matched rows, most rows first. */
export interface CleaningSummary {
  /** Orders excluded by any rule, and their share of the orders file. */
  excludedOrders: number;
  excludedOrdersShare: number;
  /** Rows flagged (kept) or kept as missing, over all tables. */
  keptRows: number;
  /** Rules that matched at least one row. */
  matched: CleaningFileRow[];
  /** Rules checked in all. */
  rules: number;
}

/**
 * Sums the cleaning report: excluded orders (rows and share of the orders table), rows kept with a
 * flag, and the rules that matched, most rows first.
 *
 * @example
 * cleaningSummary(rows).excludedOrders; // 2864
 */
export function cleaningSummary(rows: readonly CleaningFileRow[]): CleaningSummary {
  let excludedOrders = 0;
  let excludedOrdersShare = 0;
  let keptRows = 0;
  for (const r of rows) {
    if (r.table === "orders" && r.action === "excluded") {
      excludedOrders += r.rows;
      excludedOrdersShare += r.share;
    } else if (r.action !== "excluded") keptRows += r.rows;
  }
  const matched = rows
    .filter((r) => r.rows > 0)
    .sort((a, b) => b.rows - a.rows || (a.rule < b.rule ? -1 : 1));
  return { excludedOrders, excludedOrdersShare, keptRows, matched, rules: rows.length };
}
