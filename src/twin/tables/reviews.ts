/** The reviews: score by delivery outcome, title and message shares by score, survey dates. */
import type { Rng } from "../../util/random.js";
import {
  REVIEW_GRAIN,
  REVIEW_SCORE_COUNTS,
  REVIEW_TEXT_COUNTS,
  SCORE_SHARES,
} from "../calibration.js";
import { parseTimestamp } from "../csv.js";
import { reviewMessage, reviewTitle } from "../reviewText.js";
import { cumulative, pickCumulative } from "../sample.js";
import type { TwinData } from "../types.js";
import type { Timestamps } from "./timestamps.js";
import { DAY, lognormal } from "./shared.js";

/** Review rows without their ids (drawn later from the id stream, to keep its order). */
export type ReviewRows = Omit<TwinData["reviews"], "id">;

/** Draws the reviews of every order (none for a few, two for some). */
export function generateReviews(purchase: Float64Array, times: Timestamps, rRev: Rng): ReviewRows {
  const nOrders = purchase.length;
  const { outcome, delivered, estimated } = times;
  const scoreCum = {
    0: cumulative(SCORE_SHARES.onTime),
    1: cumulative(SCORE_SHARES.promisedDay),
    2: cumulative(SCORE_SHARES.late),
    3: cumulative(SCORE_SHARES.undelivered),
  } as Record<number, Float64Array>;
  const revOrder: number[] = [];
  const revScore: number[] = [];
  const revTitle: string[] = [];
  const revMessage: string[] = [];
  const revCreated: number[] = [];
  const revAnswered: number[] = [];
  const lastCreation = parseTimestamp("2018-08-31");
  for (let o = 0; o < nOrders; o++) {
    if (rRev.next() < REVIEW_GRAIN.noReviewShare) continue;
    const copies = rRev.next() < REVIEW_GRAIN.twoReviewShare ? 2 : 1;
    let score = 1 + pickCumulative(scoreCum[outcome[o]], rRev);
    for (let c = 0; c < copies; c++) {
      if (c > 0 && rRev.next() < 0.37) score = 1 + pickCumulative(scoreCum[outcome[o]], rRev);
      const textShare = REVIEW_TEXT_COUNTS[score - 1];
      const n = REVIEW_SCORE_COUNTS[score - 1];
      revOrder.push(o);
      revScore.push(score);
      revTitle.push(rRev.next() < textShare.title / n ? reviewTitle(score, rRev) : "");
      revMessage.push(rRev.next() < textShare.message / n ? reviewMessage(score, rRev) : "");
      // Survey sent the day after delivery (or the estimated date when never delivered).
      const base = Number.isNaN(delivered[o]) ? estimated[o] : delivered[o];
      const created = Math.min(lastCreation, (Math.floor(base / DAY) + 1) * DAY);
      revCreated.push(Math.max(created, (Math.floor(purchase[o] / DAY) + 1) * DAY));
      revAnswered.push(
        revCreated[revCreated.length - 1] + Math.round(DAY * (0.2 + lognormal(rRev, 1.5, 0.9))),
      );
    }
  }
  return {
    order: Int32Array.from(revOrder),
    score: Uint8Array.from(revScore),
    title: revTitle,
    message: revMessage,
    created: Float64Array.from(revCreated),
    answered: Float64Array.from(revAnswered),
  };
}
