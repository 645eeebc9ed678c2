/**
 * Order timestamp quirks of the release [CAL §1.1]: among delivered orders, carrier handovers
 * before the purchase, approvals after the handover and deliveries before it. (Missing dates,
 * delivered orders without a delivery date and canceled orders with one are drawn by the
 * completeness table of the tidy generator already.)
 */
import type { Rng } from "../../util/random.js";
import type { TwinData } from "../types.js";
import { STATUSES } from "../types.js";
import { ORDER_QUIRKS, scaledQuirkCount } from "../quirkRates.js";
import { shuffledWhere } from "./pick.js";

const DAY = 86_400;
const toMinute = (t: number) => Math.floor(t / 60) * 60;

/**
 * Tops up the completeness table's contradictions to their scaled count (small twins may draw
 * none): delivered orders without a delivery date, canceled orders with one.
 */
function topUpMissingDates(orders: TwinData["orders"], customers: number, rng: Rng): void {
  const { purchase, approved, delivered, status } = orders;
  const CANCELED = STATUSES.indexOf("canceled");
  const missing = shuffledWhere(purchase.length, (o) => status[o] === 0, rng);
  const haveMissing = missing.filter((o) => Number.isNaN(delivered[o])).length;
  const wantMissing = scaledQuirkCount(ORDER_QUIRKS.deliveredWithoutDate, customers);
  const withDate = missing.filter((o) => !Number.isNaN(delivered[o]));
  for (let j = 0; j < wantMissing - haveMissing && j < withDate.length; j++) {
    delivered[withDate[j]] = NaN;
  }
  const canceled = shuffledWhere(purchase.length, (o) => status[o] === CANCELED, rng);
  const haveDated = canceled.filter((o) => !Number.isNaN(delivered[o])).length;
  const wantDated = scaledQuirkCount(ORDER_QUIRKS.canceledWithDate, customers);
  const undated = canceled.filter((o) => Number.isNaN(delivered[o]));
  for (let j = 0; j < wantDated - haveDated && j < undated.length; j++) {
    const o = undated[j];
    const from = Number.isNaN(approved[o]) ? purchase[o] : approved[o];
    delivered[o] = Math.round(from + DAY * (3 + 10 * rng.next()));
  }
}

/**
 * Moves carrier and approval dates of randomly drawn delivered orders (disjoint sets), after
 * topping up the missing-date contradictions.
 */
export function applyOrderQuirks(orders: TwinData["orders"], customers: number, rng: Rng): void {
  topUpMissingDates(orders, customers, rng);
  const { purchase, approved, carrier, delivered, status } = orders;
  const candidates = shuffledWhere(
    purchase.length,
    (o) =>
      status[o] === 0 &&
      !Number.isNaN(approved[o]) &&
      !Number.isNaN(carrier[o]) &&
      !Number.isNaN(delivered[o]) &&
      delivered[o] - carrier[o] > 2 * 3600,
    rng,
  );
  const nBefore = scaledQuirkCount(ORDER_QUIRKS.carrierBeforePurchase, customers);
  // [MODEL] a handover before the purchase is also before the approval, so it counts among the
  // approvals after the handover: only the rest of that count is drawn separately.
  const nApprovedAfter = Math.max(
    0,
    scaledQuirkCount(ORDER_QUIRKS.approvedAfterCarrier, customers) - nBefore,
  );
  const nDeliveredBefore = scaledQuirkCount(ORDER_QUIRKS.deliveredBeforeCarrier, customers);
  let k = 0;
  for (let j = 0; j < nBefore && k < candidates.length; j++, k++) {
    const o = candidates[k];
    // A few hours to days before the purchase (a clock or data-entry error).
    carrier[o] = toMinute(purchase[o] - 3600 - rng.int(3 * DAY));
  }
  for (let j = 0; j < nApprovedAfter && k < candidates.length; j++, k++) {
    const o = candidates[k];
    // Approval logged after the handover, still before the delivery.
    const room = Math.min(2 * DAY, delivered[o] - carrier[o] - 1200);
    approved[o] = carrier[o] + 600 + Math.floor(rng.next() * room);
  }
  for (let j = 0; j < nDeliveredBefore && k < candidates.length; j++, k++) {
    const o = candidates[k];
    carrier[o] = toMinute(delivered[o] + 3600 + rng.int(2 * DAY));
  }
}
