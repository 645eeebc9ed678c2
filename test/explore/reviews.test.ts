import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  reviewDelayTakeaway,
  reviewScoreByDelay,
  reviewScores,
  reviewScoresTakeaway,
  reviewScoreSplit,
} from "../../src/explore/index.js";
import { useHandDatabases } from "./handData.js";

describe("reviews", () => {
  const hand = useHandDatabases();

  it("reviewScores lists the five scores; the takeaway states their shares and mean", async () => {
    const scores = await reviewScores(hand.plain()); // 1, 4, 5, 5
    assert.deepEqual(scores, [
      { score: 1, reviews: 1, share: 0.25 },
      { score: 2, reviews: 0, share: 0 },
      { score: 3, reviews: 0, share: 0 },
      { score: 4, reviews: 1, share: 0.25 },
      { score: 5, reviews: 2, share: 0.5 },
    ]);
    assert.equal(
      reviewScoresTakeaway(scores),
      "50.0 % of reviews give 5 stars and 25.0 % (1 review) give 1 or 2; the mean score is 3.75.",
    );
  });

  it("reviewScoreSplit compares late and on-time delivered orders, ignoring unmeasurable ones", async () => {
    // o1 2 days late (1 star); o2 10.5 days early (4 and 5: 4.5); o3 3 days early (5).
    const split = await reviewScoreSplit(hand.plain());
    assert.deepEqual(split, {
      afterDays: 0,
      late: { orders: 1, mean_score: 1, low_score_share: 1, one_star_share: 1 },
      others: { orders: 2, mean_score: 4.75, low_score_share: 0, one_star_share: 0 },
    });
    // o7 (2 stars) was "delivered" before its purchase: left out.
    assert.deepEqual(await reviewScoreSplit(hand.quirks()), split);
    const week = await reviewScoreSplit(hand.plain(), 7);
    assert.equal(week.late.orders, 0);
    assert.ok(Number.isNaN(week.late.mean_score));
    assert.deepEqual(week.others, {
      orders: 3,
      mean_score: 3.5,
      low_score_share: 1 / 3,
      one_star_share: 1 / 3,
    });
  });

  it("reviewDelayTakeaway states the gap, the range over the bands and that it is an association", async () => {
    const bands = await reviewScoreByDelay(hand.quirks());
    assert.deepEqual(
      bands.map((b) => [b.band, b.orders, b.mean_score]),
      [
        ["10–20 days early", 1, 4.5],
        ["0–5 days early", 1, 5],
        ["0–3 days late", 1, 1],
      ],
    );
    assert.equal(
      reviewDelayTakeaway(await reviewScoreSplit(hand.quirks()), bands, 1),
      "Late orders score 1.00 on average against 4.75 on time, and 100.0 % of them get 1–2 stars against " +
        "0.0 % (1 late and 2 on-time reviewed orders); over the delay bands with at least 1 order, the mean " +
        'score runs from 1.00 ("0–3 days late") to 5.00 ("0–5 days early"). An association, not a proof that ' +
        "lateness causes the low scores.",
    );
    assert.equal(
      reviewDelayTakeaway(await reviewScoreSplit(hand.plain(), 7), bands),
      "0 late and 3 on-time reviewed orders: no comparison possible.",
    );
  });
});
