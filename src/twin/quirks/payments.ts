/**
 * Payment quirks of the real payments file: `not_defined` rows of value 0, voucher rows of value
 * 0, card rows with 0 instalments, and an order without any payment row (also in small twins).
 */
import type { Rng } from "../../util/random.js";
import type { TwinData } from "../types.js";
import { PAYMENT_TYPES, STATUSES } from "../types.js";
import { PAYMENT_QUIRKS, scaledQuirkCount } from "../quirkRates.js";
import { shuffledWhere } from "./pick.js";

const VOUCHER = PAYMENT_TYPES.indexOf("voucher");
const CARD = PAYMENT_TYPES.indexOf("credit_card");
const NOT_DEFINED = PAYMENT_TYPES.indexOf("not_defined");
const CANCELED = STATUSES.indexOf("canceled");

/** The payments with the quirks applied (a new table: rows are added and removed). */
export function applyPaymentQuirks(
  payments: TwinData["payments"],
  orders: TwinData["orders"],
  customers: number,
  rng: Rng,
): TwinData["payments"] {
  const order = Array.from(payments.order);
  const sequential = Array.from(payments.sequential);
  const type = Array.from(payments.type);
  const installments = Array.from(payments.installments);
  const value = Array.from(payments.valueCents);
  const nOrders = orders.id.length;
  const rows = new Int32Array(nOrders);
  const lastSeq = new Int32Array(nOrders);
  const hasVoucher = new Uint8Array(nOrders);
  for (let i = 0; i < order.length; i++) {
    rows[order[i]]++;
    lastSeq[order[i]] = Math.max(lastSeq[order[i]], sequential[i]);
    if (type[i] === VOUCHER) hasVoucher[order[i]] = 1;
  }
  // not_defined: the single payment row of a canceled order (any order when none is canceled).
  const nNotDefined = scaledQuirkCount(PAYMENT_QUIRKS.notDefined, customers);
  let pool = shuffledWhere(nOrders, (o) => rows[o] === 1 && orders.status[o] === CANCELED, rng);
  if (pool.length < nNotDefined) pool = shuffledWhere(nOrders, (o) => rows[o] === 1, rng);
  const notDefined = new Set(pool.slice(0, nNotDefined));
  for (let i = 0; i < order.length; i++) {
    if (!notDefined.has(order[i])) continue;
    type[i] = NOT_DEFINED;
    installments[i] = 1;
    value[i] = 0;
  }
  // Zero-value vouchers: one more voucher row of R$ 0.00 on orders already paying with vouchers.
  const nZero = scaledQuirkCount(PAYMENT_QUIRKS.zeroVouchers, customers);
  for (const o of shuffledWhere(nOrders, (x) => hasVoucher[x] === 1, rng).slice(0, nZero)) {
    order.push(o);
    sequential.push(++lastSeq[o]);
    type.push(VOUCHER);
    installments.push(1);
    value.push(0);
  }
  // Card rows with 0 instalments.
  const nZeroInst = scaledQuirkCount(PAYMENT_QUIRKS.zeroInstallments, customers);
  const cardRows = shuffledWhere(order.length, (i) => type[i] === CARD, rng);
  for (const i of cardRows.slice(0, nZeroInst)) installments[i] = 0;
  // An order without payment: the tidy generator removes one in twins of 10,000+ orders only.
  let keep: (i: number) => boolean = () => true;
  if (!rows.some((n) => n === 0)) {
    const o = shuffledWhere(nOrders, (x) => !notDefined.has(x), rng)[0];
    keep = (i) => order[i] !== o;
  }
  const idx: number[] = [];
  for (let i = 0; i < order.length; i++) if (keep(i)) idx.push(i);
  return {
    order: Int32Array.from(idx, (i) => order[i]),
    sequential: Int32Array.from(idx, (i) => sequential[i]),
    type: Uint8Array.from(idx, (i) => type[i]),
    installments: Int32Array.from(idx, (i) => installments[i]),
    valueCents: Int32Array.from(idx, (i) => value[i]),
  };
}
