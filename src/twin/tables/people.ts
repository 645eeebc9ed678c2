/** People (customer_unique_id), their zip prefix, and the purchase times of their orders. */
import type { Rng } from "../../util/random.js";
import { ORDERS_PER_CUSTOMER, REPEAT_SAME_DAY_SHARE, STATES } from "../calibration.js";
import { parseTimestamp } from "../csv.js";
import { cumulative, pickCumulative, uniqueHexIds } from "../sample.js";
import type { TwinData } from "../types.js";
import type { Geography } from "./geography.js";
import { pickPrefix } from "./geography.js";
import { buildCalendar, buildHourCum } from "./calendar.js";
import {
  DAY,
  FIRST_PURCHASE,
  LAST_PURCHASE,
  REPEAT_END,
  sum,
  lognormal,
  tableSampler,
} from "./shared.js";

/** People and their orders' purchase times. */
export interface PeopleDraw {
  people: TwinData["people"];
  personPrefix: Int32Array;
  nOrders: number;
  purchase: Float64Array;
  person: Int32Array;
}

/** Draws the people and when each of their orders was placed. */
export function generatePeople(
  geo: Geography,
  nPeople: number,
  rPeople: Rng,
  rIds: Rng,
  taken: Set<string>,
): PeopleDraw {
  const customerStateCum = cumulative(STATES.map((s) => s.customers));
  const ordersPerPerson = tableSampler(ORDERS_PER_CUSTOMER);
  const calendar = buildCalendar();
  const hourCum = buildHourCum();
  const repeatStart = parseTimestamp("2017-01-01");
  const personPrefix = new Int32Array(nPeople);
  const purchaseList: number[] = [];
  const personList: number[] = [];
  const drawTime = (): number => {
    const day = calendar.firstDay + pickCumulative(calendar.cum, rPeople);
    const t = day * DAY + pickCumulative(hourCum, rPeople) * 3600 + rPeople.int(3600);
    return Math.min(LAST_PURCHASE, Math.max(FIRST_PURCHASE, t));
  };
  for (let p = 0; p < nPeople; p++) {
    personPrefix[p] = pickPrefix(geo, pickCumulative(customerStateCum, rPeople), rPeople);
    const k = ordersPerPerson(rPeople);
    let t = drawTime();
    if (k === 1) {
      purchaseList.push(t);
      personList.push(p);
      continue;
    }
    // Repeat buyers: later orders the same day (basket split) or weeks to months later.
    const sameDay = rPeople.next() < REPEAT_SAME_DAY_SHARE;
    const gaps: number[] = [];
    for (let j = 1; j < k; j++) {
      gaps.push(sameDay ? 60 + rPeople.int(3 * 3600) : DAY * (1 + lognormal(rPeople, 70, 0.9)));
    }
    let span = sum(gaps);
    if (span > REPEAT_END - repeatStart) {
      const f = (REPEAT_END - repeatStart) / span;
      for (let j = 0; j < gaps.length; j++) gaps[j] *= f;
      span = sum(gaps);
    }
    // Too late to fit every repeat order before REPEAT_END: start again uniformly between the start of
    // repeat buying and the latest start that still fits (the data end in 2018-10).
    if (t + span > REPEAT_END) t = repeatStart + rPeople.next() * (REPEAT_END - span - repeatStart);
    if (t < FIRST_PURCHASE) t = FIRST_PURCHASE + rPeople.int(DAY);
    for (let j = 0; j < k; j++) {
      purchaseList.push(Math.floor(t));
      personList.push(p);
      const gap = gaps[j] ?? 0;
      // A later day keeps the hour-of-day profile: move to that day, draw a fresh time.
      t =
        gap < DAY
          ? t + gap
          : Math.floor((t + gap) / DAY) * DAY +
            pickCumulative(hourCum, rPeople) * 3600 +
            rPeople.int(3600);
    }
  }
  const people: TwinData["people"] = {
    id: uniqueHexIds(nPeople, rIds, taken),
    prefix: Array.from(personPrefix, (i) => geo.prefix[i]),
    city: Array.from(personPrefix, (i) => geo.prefixCity[i]),
    state: Array.from(personPrefix, (i) => STATES[geo.prefixState[i]].code),
  };
  const nOrders = purchaseList.length;
  const purchase = Float64Array.from(purchaseList);
  const person = Int32Array.from(personList);

  return { people, personPrefix, nOrders, purchase, person };
}
