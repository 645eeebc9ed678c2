/** The accounting of the orders purchased before T: counted, or the first reason they were not. */
import type { Database } from "../data/db.js";
import { timestampLiteral } from "./asOfDate.js";
import { statusListSql } from "./customerSql.js";
import type { OrderAccounting, OrderExclusion, OrderStatus } from "./definitions.js";
import { DEFAULT_COUNTED_STATUSES } from "./definitions.js";
import { ensureFeatureFacts, FACT_TABLES } from "./facts.js";

/** SQL counting the orders purchased before T by how they were used (first applicable reason). */
function accountingSql(countedStatuses: readonly string[]): string {
  const statuses = statusListSql(countedStatuses);
  return `
SELECT
  CASE
    WHEN order_status NOT IN (${statuses}) THEN 'status_not_counted'
    WHEN exclusion IS NOT NULL THEN exclusion
    WHEN reached_status_at IS NULL THEN 'no_status_timestamp'
    WHEN reached_status_at >= $asOf::TIMESTAMP THEN 'not_yet_reached'
    ELSE 'counted'
  END AS outcome,
  count(*) AS n
FROM ${FACT_TABLES.orders}
WHERE purchased_at < $asOf::TIMESTAMP
GROUP BY outcome`;
}

/** Every exclusion reason with a count of 0 (the accounting's starting point). */
export function noExclusions(): Record<OrderExclusion, number> {
  return {
    status_not_counted: 0,
    not_yet_reached: 0,
    no_status_timestamp: 0,
    no_customer: 0,
    delivered_before_purchase: 0,
    no_payment: 0,
    no_items: 0,
  };
}

/** How the orders purchased before T were used: counted, or the reason they were not. */
export async function orderAccounting(
  db: Database,
  asOf: Date,
  countedStatuses: readonly OrderStatus[] = DEFAULT_COUNTED_STATUSES,
): Promise<OrderAccounting> {
  await ensureFeatureFacts(db, { detectChanges: false });
  const rows = await db.rows<{ outcome: string; n: number }>(accountingSql(countedStatuses), {
    asOf: timestampLiteral(asOf),
  });
  const excluded = noExclusions();
  let counted = 0;
  let purchased = 0;
  for (const { outcome, n } of rows) {
    purchased += n;
    if (outcome === "counted") counted = n;
    else excluded[outcome as OrderExclusion] = n;
  }
  return { purchased, counted, excluded };
}
