/** The payments table: scheme per order (type, rows), then rows summing to the basket. */
import type { Rng } from "../../util/random.js";
import {
  INSTALLMENTS_BY_VALUE,
  MULTI_PAYMENT_MIX,
  PAYMENT_ROWS_PER_ORDER,
  SINGLE_PAYMENT_TYPE_COUNTS,
  VOUCHER_VALUE,
} from "../calibration.js";
import { cumulative, pickCumulative } from "../sample.js";
import { PAYMENT_TYPES } from "../types.js";
import type { TwinData } from "../types.js";
import { sum, lognormal, tableSampler, recordSampler } from "./shared.js";

/** Payment rows per order and scheme: 0..3 single payment of that type; 10 card + vouchers, 11 vouchers, 12 split card. */
export function drawPaymentSchemes(
  nOrders: number,
  rPay: Rng,
): { payRows: Int32Array; payScheme: Uint8Array } {
  const paymentRows = tableSampler(PAYMENT_ROWS_PER_ORDER);
  const singleType = recordSampler(SINGLE_PAYMENT_TYPE_COUNTS);
  const multiMixCum = cumulative(MULTI_PAYMENT_MIX.map((m) => m[1]));
  const payRows = new Int32Array(nOrders);
  /** 0..3 = single payment of that type; 10 = card + vouchers, 11 = vouchers, 12 = split card. */
  const payScheme = new Uint8Array(nOrders);
  for (let o = 0; o < nOrders; o++) {
    const k = paymentRows(rPay);
    payRows[o] = k;
    if (k === 1) {
      payScheme[o] = PAYMENT_TYPES.indexOf(singleType(rPay) as (typeof PAYMENT_TYPES)[number]);
    } else {
      payScheme[o] = 10 + pickCumulative(multiMixCum, rPay);
    }
  }

  return { payRows, payScheme };
}

/** The payment rows: each order pays its items and freight (vouchers, instalments by value). */
export function generatePayments(
  orderItemCents: Float64Array,
  payRows: Int32Array,
  payScheme: Uint8Array,
  rPay: Rng,
): TwinData["payments"] {
  const nOrders = orderItemCents.length;
  const payOrder: number[] = [];
  const paySeq: number[] = [];
  const payType: number[] = [];
  const payInst: number[] = [];
  const payValue: number[] = [];
  const instCum = INSTALLMENTS_BY_VALUE.map((b) => cumulative(b.counts));
  const installmentsFor = (cents: number): number => {
    const b = INSTALLMENTS_BY_VALUE.findIndex((x) => cents / 100 < x.upTo);
    return Math.max(1, pickCumulative(instCum[b], rPay));
  };
  const noPaymentOrder = nOrders >= 10_000 ? rPay.int(nOrders) : -1;
  for (let o = 0; o < nOrders; o++) {
    if (o === noPaymentOrder) continue;
    let total = orderItemCents[o];
    // Orders without items still carry the payment of the basket that was never fulfilled.
    if (total === 0) total = Math.round(lognormal(rPay, 9000, 0.8));
    const k = payRows[o];
    const scheme = payScheme[o];
    const push = (seq: number, type: number, inst: number, cents: number) => {
      payOrder.push(o);
      paySeq.push(seq);
      payType.push(type);
      payInst.push(inst);
      payValue.push(cents);
    };
    if (k === 1) {
      push(1, scheme, scheme === 0 ? installmentsFor(total) : 1, total);
      continue;
    }
    if (scheme === 10) {
      // Card plus vouchers: vouchers of typical face value, the card pays the rest.
      let left = total;
      const vouchers: number[] = [];
      for (let j = 1; j < k; j++) {
        const v = Math.round(lognormal(rPay, VOUCHER_VALUE.median * 100, 0.9));
        const capped = Math.min(v, Math.floor(left * 0.8));
        vouchers.push(Math.max(1, capped));
        left -= Math.max(1, capped);
      }
      if (left <= 0) left = 1;
      push(1, 0, installmentsFor(left), left);
      vouchers.forEach((v, j) => push(j + 2, 2, 1, v));
    } else {
      // Vouchers only, or a card payment split in parts: random shares of the total.
      const type = scheme === 11 ? 2 : 0;
      const w = Array.from({ length: k }, () => 0.2 + rPay.next());
      const ws = sum(w);
      let left = total;
      for (let j = 0; j < k; j++) {
        const cents = j === k - 1 ? left : Math.max(1, Math.floor((total * w[j]) / ws));
        left -= cents;
        push(j + 1, type, type === 0 ? installmentsFor(cents) : 1, Math.max(0, cents));
      }
    }
  }
  const payments: TwinData["payments"] = {
    order: Int32Array.from(payOrder),
    sequential: Int32Array.from(paySeq),
    type: Uint8Array.from(payType),
    installments: Int32Array.from(payInst),
    valueCents: Int32Array.from(payValue),
  };

  return payments;
}
