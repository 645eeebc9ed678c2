/**
 * The cleaning report: every rule of the data, stated, counted and with its action — what the
 * loader excluded or flagged by the value policies of the schema (`src/data/policies.ts`), which
 * repeated rows the feature builder keeps once, which orders it leaves out and why, and what it
 * keeps but flags or keeps as missing. Nothing is dropped silently: the "excluded" rows of `orders`
 * are exclusive (first applicable reason) and add up, with the orders counted at the end of time,
 * to the records of the orders file. `npm start` and `npm run segment` write it as `cleaning.csv`.
 */
import path from "node:path";
import type { Database } from "../data/db.js";
import { ensureValuePolicies, loadRuleCounts } from "../data/policies.js";
import { OLIST_TABLES } from "../data/schema.js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import { csvField } from "../util/csv.js";
import type { CleaningRow } from "./cleaningTypes.js";
import { countedRules } from "./cleaningRules.js";
import type { OrderStatus } from "./definitions.js";
import { DEFAULT_COUNTED_STATUSES } from "./definitions.js";
import { ensureFeatureFacts, FACT_TABLES } from "./facts.js";
import { orderAccounting } from "./orderAccounting.js";

export type { CleaningAction, CleaningRow } from "./cleaningTypes.js";
export { BRAZIL_BOUNDING_BOX } from "./cleaningRules.js";

/** Options of {@link cleaningReport}. */
export interface CleaningOptions {
  /** Order statuses that count as purchases (default `["delivered"]`). */
  countedStatuses?: readonly OrderStatus[];
  /** Quantile above which order values and freight values are flagged as outliers (default 0.999). */
  outlierQuantile?: number;
  /** Payment total vs price + freight difference (R$) above which an order is flagged (default 0.01). */
  paymentTolerance?: number;
}

/** The per-order exclusions, in the precedence the feature builder applies them. */
const ORDER_EXCLUSION_TEXT: Record<string, string> = {
  status_not_counted: "order_status not among the counted statuses (%s).",
  no_status_timestamp:
    "Counted status without the timestamp of reaching it (e.g. delivered without delivery date).",
  no_customer: "customer_id absent from customers: no customer_unique_id.",
  delivered_before_purchase: "order_delivered_customer_date earlier than the purchase: impossible.",
  no_payment: "No order_payments row: no monetary value.",
  no_items: "No order_items row: nothing was bought.",
};

/**
 * The cleaning report: one row per rule with the rows it affected and the action taken (see the
 * module comment). Applies the value policies first if the database did not come from the loader.
 *
 * @example
 * console.table(await cleaningReport(db));
 */
export async function cleaningReport(
  db: Database,
  options: CleaningOptions = {},
): Promise<CleaningRow[]> {
  const countedStatuses = options.countedStatuses ?? DEFAULT_COUNTED_STATUSES;
  const quantile = options.outlierQuantile ?? 0.999;
  const tolerance = options.paymentTolerance ?? 0.01;
  if (!(quantile > 0 && quantile < 1)) {
    throw new Error(`outlierQuantile ${quantile} must be strictly between 0 and 1 (e.g. 0.999).`);
  }
  await ensureValuePolicies(db);
  await ensureFeatureFacts(db);
  const load = await loadRuleCounts(db);

  // Shares are of the file's records: the rows in the table plus those excluded at load.
  const records: Record<string, number> = {};
  for (const spec of OLIST_TABLES) {
    const rows = await db.scalar<number>(`SELECT count(*) FROM ${spec.table}`);
    records[spec.table] = load.records.get(spec.table) ?? rows;
  }
  const out: CleaningRow[] = [];
  const push = (r: Omit<CleaningRow, "share">) =>
    out.push({ ...r, share: records[r.table] > 0 ? r.rows / records[r.table] : 0 });

  // 1. Rows the loader excluded or flagged (timestamps outside the plausible window).
  for (const c of load.counts) push(c);

  // 2. Exact repeats of a row: the facts keep one per key (a key held by different rows is a load error).
  for (const spec of OLIST_TABLES) {
    // Keyed tables: rows with a repeated key are exact repeats (the loader refuses conflicting ones).
    const cols = (spec.key.length > 0 ? spec.key : spec.columns.map((c) => c.name))
      .map((c) => `"${c}"`)
      .join(", ");
    const distinct = await db.scalar<number>(
      `SELECT count(*) FROM (SELECT DISTINCT ${cols} FROM ${spec.table})`,
    );
    const rows = (await db.scalar<number>(`SELECT count(*) FROM ${spec.table}`)) - distinct;
    const keyed = spec.key.length > 0;
    push({
      rule: `duplicate_row_${spec.table}`,
      table: spec.table,
      description: keyed
        ? `Exact repeats of a row (same ${spec.key.join(" + ")}, same fields); one copy is kept.`
        : "Exact repeats of a row (legitimate in geolocation: several readings of a zip prefix); kept, no feature reads them, the map sample draws a point once.",
      rows,
      action: keyed ? "excluded" : "flagged",
    });
  }

  // 3. Orders that never count, whatever the as-of date (the far-future date sees every order).
  const lastPurchase = await db.scalar<Date | null>(
    `SELECT max(purchased_at) FROM ${FACT_TABLES.orders}`,
  );
  const everything = new Date((lastPurchase?.getTime() ?? 0) + 1e13);
  const accounting = await orderAccounting(db, everything, countedStatuses);
  for (const [reason, text] of Object.entries(ORDER_EXCLUSION_TEXT)) {
    push({
      rule: reason,
      table: "orders",
      description: text.replace("%s", countedStatuses.join(", ")),
      rows: accounting.excluded[reason as keyof typeof accounting.excluded],
      action: "excluded",
    });
  }

  // 4. Independent counts: flagged, kept as missing, or rows no order uses.
  for (const { sql, ...rule } of countedRules(quantile, tolerance)) {
    push({ ...rule, rows: await db.scalar<number>(sql) });
  }
  return out;
}

/** The cleaning report as CSV: `rule,table,rows,action,share,description`, one line per rule. */
export function cleaningReportCsv(report: readonly CleaningRow[]): string {
  const lines = ["rule,table,rows,action,share,description"];
  for (const r of report) {
    lines.push(
      [r.rule, r.table, String(r.rows), r.action, String(r.share), r.description]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/**
 * Writes `cleaning.csv` into `dir` (atomically: temporary name, then rename); returns its path.
 *
 * @example
 * writeCleaningReport("reports", await cleaningReport(db));
 */
export function writeCleaningReport(dir: string, report: readonly CleaningRow[]): string {
  const file = path.join(dir, "cleaning.csv");
  writeFileAtomic(file, cleaningReportCsv(report));
  return file;
}
