/**
 * Review quirks of the release [CAL §4.2]: review ids shared by 2 or 3 orders with identical
 * fields, orders with 3 reviews, multi-review orders disagreeing on the score at the published
 * share, and reviews answered before the order reached the customer.
 */
import type { Rng } from "../../util/random.js";
import type { TwinData } from "../types.js";
import { REVIEW_QUIRKS, scaledQuirkCount } from "../quirkRates.js";
import { uniqueHexIds } from "../sample.js";
import { shuffleInPlace, shuffledWhere } from "./pick.js";

const DAY = 86_400;

/** The reviews with the quirks applied (a new table: rows are added). */
export function applyReviewQuirks(
  twin: Pick<TwinData, "reviews" | "orders">,
  customers: number,
  rng: Rng,
): TwinData["reviews"] {
  const r = twin.reviews;
  const id = [...r.id];
  const order = Array.from(r.order);
  const score = Array.from(r.score);
  const title = [...r.title];
  const message = [...r.message];
  const created = Array.from(r.created);
  const answered = Array.from(r.answered);
  const nOrders = twin.orders.id.length;
  const rowsOf: number[][] = Array.from({ length: nOrders }, () => []);
  for (let i = 0; i < order.length; i++) rowsOf[order[i]].push(i);

  // Orders with 3 reviews: a third row on some two-review orders.
  const three = scaledQuirkCount(REVIEW_QUIRKS.ordersWithThree, customers);
  const twoRows = shuffledWhere(nOrders, (o) => rowsOf[o].length === 2, rng).slice(0, three);
  const newIds = uniqueHexIds(twoRows.length, rng, new Set(id));
  twoRows.forEach((o, j) => {
    const last = rowsOf[o][1];
    id.push(newIds[j]);
    order.push(o);
    score.push(score[last]);
    title.push(title[last]);
    message.push(message[last]);
    created.push(created[last] + DAY * (1 + rng.int(5)));
    answered.push(created[created.length - 1] + 3600 * (2 + rng.int(40)));
    rowsOf[o].push(id.length - 1);
  });

  // Disagreement: of the multi-review orders, the published share disagree on the score.
  const multi = shuffledWhere(nOrders, (o) => rowsOf[o].length > 1, rng);
  const disagree = Math.round(
    (multi.length * REVIEW_QUIRKS.disagreeing.count) /
      (REVIEW_QUIRKS.ordersWithTwo.count + REVIEW_QUIRKS.ordersWithThree.count),
  );
  multi.forEach((o, j) => {
    const rows = rowsOf[o];
    const first = score[rows[0]];
    for (let k = 1; k < rows.length; k++) {
      if (j < disagree) {
        if (k === 1 && score[rows[1]] === first)
          score[rows[1]] = first >= 4 ? first - 2 : first + 1;
      } else score[rows[k]] = first;
    }
  });

  // Shared ids: one order's review copied, every field, onto 1 or 2 other single-review orders
  // (replacing their own review), preferably orders of the same person.
  const person = twin.orders.person;
  const single = shuffledWhere(nOrders, (o) => rowsOf[o].length === 1, rng);
  const used = new Uint8Array(nOrders);
  const byPerson = new Map<number, number[]>();
  for (const o of single) {
    const list = byPerson.get(person[o]);
    if (list) list.push(o);
    else byPerson.set(person[o], [o]);
  }
  const groups = shuffleInPlace(
    [...byPerson.values()].filter((g) => g.length > 1),
    rng,
  );
  const shared = new Set<number>();
  let cursor = 0;
  const share = (span: number, count: number) => {
    for (let made = 0; made < count;) {
      // A repeat buyer's orders first, then any unused single-review orders.
      let set: number[];
      const group = groups.pop();
      if (group) {
        set = group.filter((o) => !used[o]);
        if (set.length < span) continue;
      } else {
        set = [];
        while (set.length < span && cursor < single.length) {
          const o = single[cursor++];
          if (!used[o]) set.push(o);
        }
        if (set.length < span) return;
      }
      const [src, ...targets] = set.slice(0, span);
      const s = rowsOf[src][0];
      used[src] = 1;
      shared.add(s);
      for (const t of targets) {
        const row = rowsOf[t][0];
        used[t] = 1;
        shared.add(row);
        id[row] = id[s];
        score[row] = score[s];
        title[row] = title[s];
        message[row] = message[s];
        created[row] = created[s];
        answered[row] = answered[s];
      }
      made++;
    }
  };
  share(3, scaledQuirkCount(REVIEW_QUIRKS.idsOnThreeOrders, customers));
  share(2, scaledQuirkCount(REVIEW_QUIRKS.idsOnTwoOrders, customers));

  // Answered before the delivery: the survey went out before the parcel arrived.
  const delivered = twin.orders.delivered;
  const purchase = twin.orders.purchase;
  const early = (i: number) => answered[i] < delivered[order[i]];
  let have = 0;
  for (let i = 0; i < order.length; i++) if (early(i)) have++;
  const want = scaledQuirkCount(REVIEW_QUIRKS.answeredBeforeDelivery, customers);
  const candidates = shuffledWhere(
    order.length,
    (i) =>
      !shared.has(i) &&
      !early(i) &&
      !Number.isNaN(delivered[order[i]]) &&
      delivered[order[i]] - purchase[order[i]] > 3 * DAY,
    rng,
  );
  for (let j = 0; j < want - have && j < candidates.length; j++) {
    const i = candidates[j];
    const o = order[i];
    const lastDay = Math.floor(delivered[o] / DAY) - 1;
    const firstDay = Math.floor(purchase[o] / DAY) + 1;
    const day = Math.max(firstDay, lastDay - rng.int(7));
    created[i] = day * DAY;
    const room = delivered[o] - created[i] - 600;
    answered[i] = created[i] + Math.round(Math.min(room, DAY * (0.2 + 2 * rng.next())));
  }
  return {
    id,
    order: Int32Array.from(order),
    score: Uint8Array.from(score),
    title,
    message,
    created: Float64Array.from(created),
    answered: Float64Array.from(answered),
  };
}
