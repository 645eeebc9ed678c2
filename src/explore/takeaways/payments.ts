/** Takeaways of the payments section. */
import type { InstallmentBand, PaymentTypeRow } from "../payments.js";
import { money, percent } from "./format.js";

/** How a payment type reads in a sentence. */
const PAYMENT_TYPE_TEXT: Record<string, string> = {
  credit_card: "credit cards",
  boleto: "boleto (bank slip)",
  voucher: "vouchers",
  debit_card: "debit cards",
};

const typeText = (type: string) => PAYMENT_TYPE_TEXT[type] ?? type;

/**
 * The two payment types with the most value, and how often boleto and card payments are split
 * into instalments.
 *
 * @example
 * paymentTypesTakeaway(await paymentTypes(db));
 */
export function paymentTypesTakeaway(rows: readonly PaymentTypeRow[]): string {
  const byValue = [...rows].sort(
    (a, b) => b.value_share - a.value_share || a.type.localeCompare(b.type),
  );
  if (byValue.length === 0) return "No payment rows.";
  const [first, second] = byValue;
  let text = `${typeText(first.type)} carry ${percent(first.value_share)} of the payment value`;
  if (second) text += `, ${typeText(second.type)} ${percent(second.value_share)}`;
  const boleto = rows.find((r) => r.type === "boleto");
  const card = rows.find((r) => r.type === "credit_card");
  if (boleto && card) {
    const single =
      boleto.single_installment_share === 1
        ? "every boleto payment is a single instalment"
        : `${percent(boleto.single_installment_share)} of boleto payments are a single instalment`;
    const reach =
      boleto.single_installment_share === 1
        ? ": instalment offers can only address card payers"
        : "";
    text += `; ${single}, against ${percent(card.single_installment_share)} of card payments${reach}`;
  }
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * Share of orders paid in instalments and how the median order value moves across the bands;
 * the direction of the association is a hypothesis.
 *
 * @example
 * installmentsTakeaway(await orderValueByInstallments(db));
 */
export function installmentsTakeaway(bands: readonly InstallmentBand[]): string {
  if (bands.length === 0) return "No order with a positive payment.";
  const orders = bands.reduce((s, b) => s + b.values.length, 0);
  const single = bands[0].name === "1" ? bands[0] : undefined;
  const split = 1 - (single?.values.length ?? 0) / orders;
  const first = bands[0];
  const last = bands[bands.length - 1];
  const rising = bands.every((b, i) => i === 0 || b.median > bands[i - 1].median);
  const from = single ? "paid at once" : `with ${first.name} instalments`;
  const move =
    bands.length < 2
      ? `the median order is ${money(first.median)} ${from}`
      : rising
        ? `the median order rises with every band, from ${money(first.median)} ${from} to ${money(last.median)} with ${last.name} instalments`
        : `the median order is ${money(first.median)} ${from} against ${money(last.median)} with ${last.name} instalments`;
  return (
    `${percent(split)} of orders are paid in 2 or more instalments; ${move}. Whether offering instalments ` +
    "enlarges baskets is a hypothesis to test: the data show the association, not its direction."
  );
}
