/**
 * Invariants of a customer table, checked against the raw tables by queries independent of the
 * fact tables: usable on any database (micro test data, the full-scale twin, the real data).
 */
import type { Database } from "../data/db.js";
import type { CustomerTable } from "./definitions.js";
import { timestampLiteral } from "./asOfDate.js";

/** The result of one invariant check. */
export interface InvariantCheck {
  /** What is checked. */
  check: string;
  expected: number;
  actual: number;
  ok: boolean;
}

/**
 * Counted orders straight from the raw tables, restating the definition of `customerFeatures`:
 * counted status reached before T, a customer, a payment and an item, not delivered before purchase.
 */
function rawCountedOrdersSql(statuses: readonly string[]): string {
  const list = statuses.map((s) => `'${s}'`).join(", ");
  return `
WITH counted AS (
  SELECT DISTINCT o.order_id, c.customer_unique_id
  FROM orders o
  JOIN customers c ON c.customer_id = o.customer_id
  WHERE o.order_status IN (${list})
    AND o.order_purchase_timestamp < $asOf::TIMESTAMP
    AND (CASE
          WHEN o.order_status = 'delivered' THEN o.order_delivered_customer_date
          WHEN o.order_status = 'shipped' THEN o.order_delivered_carrier_date
          WHEN o.order_status IN ('approved', 'invoiced', 'processing') THEN o.order_approved_at
          ELSE o.order_purchase_timestamp
        END) < $asOf::TIMESTAMP
    AND NOT coalesce(o.order_delivered_customer_date < o.order_purchase_timestamp, false)
    AND EXISTS (SELECT 1 FROM order_payments p WHERE p.order_id = o.order_id)
    AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id)
),
-- Payments summed per distinct (order, sequence) so repeated rows do not count twice.
payments AS (
  SELECT DISTINCT ON (order_id, payment_sequential) order_id, payment_value FROM order_payments
)
SELECT
  (SELECT count(*) FROM counted) AS orders,
  (SELECT count(DISTINCT customer_unique_id) FROM counted) AS customers,
  (SELECT coalesce(sum(payment_value), 0) FROM payments SEMI JOIN counted USING (order_id)) AS paid`;
}

/**
 * Checks a customer table against the raw tables: one row per distinct customer with a counted
 * order, ids unique and sorted, sum of `monetary` = payments of counted orders (within 0.5 cent
 * per order), sum of `frequency` = counted orders, and range checks (recency ≥ 0, tenure ≥
 * recency, shares in [0, 1]).
 *
 * @example
 * const failed = (await checkCustomerTable(db, table)).filter((c) => !c.ok);
 */
export async function checkCustomerTable(
  db: Database,
  table: CustomerTable,
): Promise<InvariantCheck[]> {
  const [raw] = await db.rows<{ orders: number; customers: number; paid: number }>(
    rawCountedOrdersSql(table.countedStatuses),
    { asOf: timestampLiteral(table.asOf) },
  );
  const { numeric, ids } = table;
  const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
  const countWhere = (pred: (i: number) => boolean) => {
    let n = 0;
    for (let i = 0; i < ids.length; i++) if (pred(i)) n++;
    return n;
  };
  const checks: InvariantCheck[] = [];
  const exact = (check: string, expected: number, actual: number) =>
    checks.push({ check, expected, actual, ok: expected === actual });

  exact("rows = distinct customers with a counted order", raw.customers, ids.length);
  exact("distinct ids = rows", ids.length, new Set(ids).size);
  exact(
    "ids sorted ascending (violations)",
    0,
    countWhere((i) => i > 0 && ids[i - 1] >= ids[i]),
  );
  exact("sum of frequency = counted orders", raw.orders, sum(numeric.frequency));
  exact("counted orders = accounting of the table", raw.orders, table.orders.counted);
  const monetary = sum(numeric.monetary);
  checks.push({
    check: "sum of monetary = payments of counted orders (±0.005 per order)",
    expected: raw.paid,
    actual: monetary,
    ok: Math.abs(monetary - raw.paid) <= 0.005 * Math.max(1, raw.orders),
  });
  exact(
    "recency_days < 0 (rows)",
    0,
    countWhere((i) => !(numeric.recency_days[i] >= 0)),
  );
  exact(
    "tenure_days < recency_days (rows)",
    0,
    countWhere((i) => numeric.tenure_days[i] < numeric.recency_days[i]),
  );
  const shares = [
    "share_credit_card",
    "share_boleto",
    "share_voucher",
    "share_debit_card",
    "freight_share",
    "late_delivery_share",
    "has_review",
  ] as const;
  for (const name of shares) {
    const column = numeric[name];
    exact(
      `${name} outside [0, 1] (rows)`,
      0,
      countWhere((i) => column[i] < 0 || column[i] > 1),
    );
  }
  return checks;
}

/** Throws, listing every failed check, when the table breaks an invariant. */
export async function assertCustomerTable(db: Database, table: CustomerTable): Promise<void> {
  const failed = (await checkCustomerTable(db, table)).filter((c) => !c.ok);
  if (failed.length > 0) {
    const lines = failed.map((c) => `  ${c.check}: expected ${c.expected}, got ${c.actual}`);
    throw new Error(`Customer table breaks ${failed.length} invariant(s):\n${lines.join("\n")}`);
  }
}
