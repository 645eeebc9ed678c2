/** Order statuses: delivered by the month's delivered share, otherwise by status counts. */
import type { Rng } from "../../util/random.js";
import { ORDERS_BY_MONTH, UNDELIVERED_STATUS_COUNTS } from "../calibration.js";
import { STATUSES } from "../types.js";
import { recordSampler } from "./shared.js";

/** Draws each order's status and notes its purchase month. */
export function drawStatuses(
  purchase: Float64Array,
  rOrd: Rng,
): { status: Uint8Array; orderMonth: string[] } {
  const nOrders = purchase.length;
  const monthDelivered = new Map(
    ORDERS_BY_MONTH.filter((m) => m.orders > 0).map((m) => [m.month, m.delivered / m.orders]),
  );
  const undeliveredStatus = recordSampler(UNDELIVERED_STATUS_COUNTS);
  const status = new Uint8Array(nOrders);
  const monthKey = (t: number) => new Date(t * 1000).toISOString().slice(0, 7);
  const orderMonth: string[] = new Array(nOrders);
  for (let o = 0; o < nOrders; o++) {
    const m = monthKey(purchase[o]);
    orderMonth[o] = m;
    const pDelivered = monthDelivered.get(m) ?? 0.97;
    status[o] =
      rOrd.next() < pDelivered
        ? 0
        : STATUSES.indexOf(undeliveredStatus(rOrd) as (typeof STATUSES)[number]);
  }
  return { status, orderMonth };
}
