/** Order timestamps: estimate by distance, approval by payment, delivery by lateness, carrier handover. */
import type { Rng } from "../../util/random.js";
import {
  DELAY_BANDS,
  LATE_PCT_BY_STATE,
  LATE_SHARE,
  MONTH_DELIVERY,
  ORDERS_BY_MONTH,
  STATES,
  TIMESTAMP_COMPLETENESS,
} from "../calibration.js";
import { cumulative, haversineKm, pickCumulative } from "../sample.js";
import { STATUSES } from "../types.js";
import type { Geography } from "./geography.js";
import type { ItemRows } from "./items.js";
import type { PeopleDraw } from "./people.js";
import { DAY, sum, lognormal } from "./shared.js";

/** The orders' timestamps (seconds, NaN = missing) and delivery outcome. */
export interface Timestamps {
  approved: Float64Array;
  carrier: Float64Array;
  delivered: Float64Array;
  estimated: Float64Array;
  /** 0 on time, 1 delivered on the promised day, 2 later, 3 not delivered. */
  outcome: Uint8Array;
}

/** Draws every order's timestamps. */
export function drawTimestamps(
  status: Uint8Array,
  orderMonth: string[],
  payScheme: Uint8Array,
  peopleDraw: PeopleDraw,
  geo: Geography,
  rows: ItemRows,
  productSeller: Int32Array,
  sellerPrefix: Int32Array,
  rTime: Rng,
): Timestamps {
  const { purchase, person, personPrefix, nOrders } = peopleDraw;
  const { itemOrder, itemNo, itemProduct, nItems } = rows;
  const approved = new Float64Array(nOrders).fill(NaN);
  const carrier = new Float64Array(nOrders).fill(NaN);
  const delivered = new Float64Array(nOrders).fill(NaN);
  const estimated = new Float64Array(nOrders);
  /** 0 on time, 1 delivered on the promised day, 2 later, 3 not delivered. */
  const outcome = new Uint8Array(nOrders);
  const personLat = (p: number) => geo.prefixLat[personPrefix[p]];
  const personLng = (p: number) => geo.prefixLng[personPrefix[p]];
  // Distance seller → customer of each order's first item (SP for orders without items).
  const orderKm = new Float64Array(nOrders);
  {
    const spLat = -23.55;
    const spLng = -46.63;
    for (let o = 0; o < nOrders; o++) {
      orderKm[o] = haversineKm(spLat, spLng, personLat(person[o]), personLng(person[o])) + 30;
    }
    for (let i = 0; i < nItems; i++) {
      if (itemNo[i] !== 1) continue;
      const s = sellerPrefix[productSeller[itemProduct[i]]];
      const p = person[itemOrder[i]];
      orderKm[itemOrder[i]] =
        haversineKm(geo.prefixLat[s], geo.prefixLng[s], personLat(p), personLng(p)) + 30;
    }
  }
  // Late probability = overall share × state factor × month factor (each normalised to mean 1).
  const stateLate = STATES.map((s) => LATE_PCT_BY_STATE[s.code] ?? 10);
  const stateLateMean =
    sum(STATES.map((s, i) => s.customers * stateLate[i])) / sum(STATES.map((s) => s.customers));
  const monthRows = ORDERS_BY_MONTH.filter((m) => MONTH_DELIVERY[m.month]);
  const monthLateMean =
    sum(monthRows.map((m) => m.delivered * MONTH_DELIVERY[m.month].latePct)) /
    sum(monthRows.map((m) => m.delivered));
  const lateBands = DELAY_BANDS.filter((b) => b.minDays >= 0);
  const lateBandCum = cumulative(lateBands.map((b) => b.percent));
  const completeness = (st: string) => TIMESTAMP_COMPLETENESS[st];
  for (let o = 0; o < nOrders; o++) {
    const st = STATUSES[status[o]];
    const t0 = purchase[o];
    const c = completeness(st);
    const month = MONTH_DELIVERY[orderMonth[o]];
    // Estimate: [MODEL] 19.5 days + 6.5 days per 1,000 km, a little noise (whole days, 00:00:00).
    const estDays = Math.max(3, Math.round(19.5 + 0.0065 * orderKm[o] + 3 * rTime.normal()));
    estimated[o] = (Math.floor(t0 / DAY) + estDays) * DAY;
    // Approval: card payments within minutes to hours, boleto after it is paid (1–3 days).
    const boleto = payScheme[o] === 1;
    const approvalDelay = boleto
      ? DAY * (0.6 + lognormal(rTime, 1, 0.6))
      : rTime.next() < 0.6
        ? 60 + rTime.int(20 * 60)
        : 3600 * lognormal(rTime, 5, 1.2);
    const hasApproved = rTime.next() < c.approved / c.total;
    const hasCarrier = rTime.next() < c.carrier / c.total;
    const hasDelivered = rTime.next() < c.delivered / c.total;
    const tApproved = t0 + Math.round(approvalDelay);
    if (hasApproved) approved[o] = tApproved;
    outcome[o] = 3;
    let tDelivered = NaN;
    if (hasDelivered) {
      const si = geo.prefixState[personPrefix[person[o]]];
      const pLate = Math.min(
        0.8,
        LATE_SHARE *
          (stateLate[si] / stateLateMean) *
          ((month?.latePct ?? monthLateMean) / monthLateMean),
      );
      if (rTime.next() < pLate) {
        const band = lateBands[pickCumulative(lateBandCum, rTime)];
        const delay =
          band.maxDays > 60
            ? band.minDays + Math.floor(lognormal(rTime, 8, 1))
            : band.minDays + rTime.int(band.maxDays - band.minDays + 1);
        tDelivered = estimated[o] + delay * DAY + 8 * 3600 + rTime.int(14 * 3600);
        outcome[o] = band.minDays === 0 ? 1 : 2;
      } else {
        // On time: a share of the estimate, longer in congested months ([CAL §1.4] month means).
        const monthFactor = (month?.meanDays ?? 12.1) / 12.5;
        const r = lognormal(rTime, 0.41, 0.5) * monthFactor;
        const latest = estimated[o] - 600 - t0;
        tDelivered = t0 + Math.min(latest * (0.9 + 0.1 * rTime.next()), r * estDays * DAY);
        tDelivered = Math.max(tDelivered, t0 + DAY * (0.4 + rTime.next()));
        if (tDelivered >= estimated[o]) tDelivered = estimated[o] - 600 - rTime.int(3600);
        outcome[o] = 0;
      }
      // Never before approval plus a minimal handling time (slow boleto payments).
      tDelivered = Math.round(Math.max(tDelivered, tApproved + DAY * (0.5 + rTime.next())));
      if (outcome[o] === 0 && tDelivered > estimated[o]) outcome[o] = 1;
      delivered[o] = tDelivered;
    }
    if (hasCarrier) {
      // Handover to the carrier after approval, before delivery; stored to the minute.
      const from = Math.max(t0, tApproved);
      let handover = DAY * (0.15 + lognormal(rTime, 1.9, 0.8));
      if (!Number.isNaN(tDelivered)) handover = Math.min(handover, 0.6 * (tDelivered - from));
      carrier[o] = Math.floor((from + Math.max(600, handover)) / 60) * 60;
    }
  }

  return { approved, carrier, delivered, estimated, outcome };
}
