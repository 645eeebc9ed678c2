/** Takeaway of the order statuses. */
import { DEFAULT_COUNTED_STATUSES } from "../../features/definitions.js";
import type { StatusGroups } from "../statuses.js";
import { listAnd, percent } from "./format.js";

/**
 * Delivered, failed and intermediate shares, and which statuses the customer table counts.
 *
 * @example
 * statusTakeaway(statusGroups(await statusCounts(db)));
 */
export function statusTakeaway(
  g: StatusGroups,
  counted: readonly string[] = DEFAULT_COUNTED_STATUSES,
): string {
  const intermediate =
    g.intermediateStatuses.length > 0
      ? `, and ${percent(g.intermediate)} stopped at an intermediate status (${g.intermediateStatuses.join(", ")})`
      : "";
  return (
    `${percent(g.delivered)} of orders were delivered, ${percent(g.failed)} canceled or unavailable` +
    `${intermediate}. The customer table counts ${listAnd(counted)} orders only, so segments describe those purchases.`
  );
}
