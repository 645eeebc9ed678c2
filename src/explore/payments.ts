/**
 * Payments: payment types by count and value (whatever types the data hold, `not_defined`
 * included), and order values by the number of instalments.
 */
import type { Database } from "../data/db.js";
import { ORDER_PAYMENTS_SQL } from "./sql.js";

/** One line of {@link paymentTypes}. */
export interface PaymentTypeRow {
  /** `payment_type`; `(missing)` when empty. */
  type: string;
  /** Payment rows. */
  payments: number;
  /** Sum of payment_value (R$). */
  value: number;
  /** payments / all payment rows. */
  payment_share: number;
  /** value / all payment value (0 when the total is 0). */
  value_share: number;
  /** Share of this type's payment rows paid in one instalment (payment_installments ≤ 1). */
  single_installment_share: number;
}

/**
 * Payment rows and value per payment type, most rows first (ties by name).
 *
 * @example
 * await paymentTypes(db); // [{ type: "credit_card", payments: 76795, value_share: 0.78, … }, …]
 */
export async function paymentTypes(db: Database): Promise<PaymentTypeRow[]> {
  return db.rows<PaymentTypeRow>(`
    SELECT coalesce(payment_type, '(missing)') AS type, count(*) AS payments,
           coalesce(sum(payment_value), 0) AS value,
           count(*) / sum(count(*)) OVER () AS payment_share,
           coalesce(sum(payment_value) / nullif(sum(sum(payment_value)) OVER (), 0), 0) AS value_share,
           avg((coalesce(payment_installments, 1) <= 1)::INTEGER) AS single_installment_share
    FROM order_payments GROUP BY 1 ORDER BY payments DESC, type`);
}

/** Order values (R$) of one instalment band. */
export interface InstallmentBand {
  name: string;
  values: Float64Array;
  /** Median order value of the band. */
  median: number;
}

/** Default lower bounds of the instalment bands: 1, 2–3, 4–6, 7–9, 10+. */
export const DEFAULT_INSTALLMENT_BREAKS: readonly number[] = [1, 2, 4, 7, 10];

/**
 * Order value (sum of payment_value) of every order with a positive payment, grouped by the
 * order's largest `payment_installments` (0 counts as 1), in bands starting at `breaks`; ready for
 * `boxChart`. Empty bands are left out.
 *
 * @example
 * boxChart(await orderValueByInstallments(db), { title: "Order value by instalments", logY: true });
 */
export async function orderValueByInstallments(
  db: Database,
  breaks: readonly number[] = DEFAULT_INSTALLMENT_BREAKS,
): Promise<InstallmentBand[]> {
  if (breaks.length === 0 || breaks[0] !== 1) throw new Error("breaks must start at 1");
  for (let i = 1; i < breaks.length; i++) {
    if (!(Number.isInteger(breaks[i]) && breaks[i] > breaks[i - 1])) {
      throw new Error(`breaks must be increasing integers, got ${breaks.join(", ")}`);
    }
  }
  const names = breaks.map((b, i) => {
    const next = breaks[i + 1];
    if (next === undefined) return `${b}+`;
    return next - 1 === b ? String(b) : `${b}–${next - 1}`;
  });
  const band = `CASE ${breaks
    .slice(1)
    .map((b, i) => `WHEN installments < ${b} THEN ${i}`)
    .join(" ")} ELSE ${breaks.length - 1} END`;
  const rows = await db.rows<{ b: number; v: number[]; median: number }>(`
    SELECT ${band} AS b, list(value ORDER BY order_id) AS v, median(value) AS median
    FROM (${ORDER_PAYMENTS_SQL}) WHERE value > 0 GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({ name: names[r.b], values: Float64Array.from(r.v), median: r.median }));
}
