/**
 * Order statuses: how many orders ended in each, grouped as delivered, failed (canceled or
 * unavailable) and stopped at an intermediate status (created … shipped) when the data end.
 */
import type { Database } from "../data/db.js";

/** One line of {@link statusCounts}. */
export interface StatusCount {
  /** `order_status`; `(missing)` when empty. */
  status: string;
  orders: number;
  /** orders / all orders. */
  share: number;
}

/**
 * Orders per status, largest first (ties by name).
 *
 * @example
 * await statusCounts(db); // [{ status: "delivered", orders: 96478, share: 0.970 }, …] on Kaggle
 */
export async function statusCounts(db: Database): Promise<StatusCount[]> {
  return db.rows<StatusCount>(`
    SELECT coalesce(order_status, '(missing)') AS status, count(*) AS orders,
           count(*) / sum(count(*)) OVER () AS share
    FROM orders GROUP BY 1 ORDER BY orders DESC, status`);
}

/** Statuses of orders that never reached the customer and never will. */
export const FAILED_STATUSES: readonly string[] = ["canceled", "unavailable"];

/** Shares of delivered, failed and other (intermediate) statuses: see {@link statusGroups}. */
export interface StatusGroups {
  orders: number;
  delivered: number;
  failed: number;
  /** Every other status (created, approved, invoiced, processing, shipped, …). */
  intermediate: number;
  /** The intermediate statuses present, largest first. */
  intermediateStatuses: string[];
}

/** Groups {@link statusCounts} into delivered, failed and intermediate shares. */
export function statusGroups(statuses: readonly StatusCount[]): StatusGroups {
  const orders = statuses.reduce((s, r) => s + r.orders, 0);
  const share = (keep: (status: string) => boolean) =>
    orders > 0
      ? statuses.filter((r) => keep(r.status)).reduce((s, r) => s + r.orders, 0) / orders
      : 0;
  const isIntermediate = (s: string) => s !== "delivered" && !FAILED_STATUSES.includes(s);
  return {
    orders,
    delivered: share((s) => s === "delivered"),
    failed: share((s) => FAILED_STATUSES.includes(s)),
    intermediate: share(isIntermediate),
    intermediateStatuses: statuses.filter((r) => isIntermediate(r.status)).map((r) => r.status),
  };
}
