/**
 * Reviews: the score distribution, and review scores of delivered orders by how early or late they
 * arrived against the promised date (all on `DELIVERED_ORDERS_SQL` and `ORDER_REVIEW_SCORES_SQL`).
 */
import type { Database } from "../data/db.js";
import { DELIVERED_ORDERS_SQL, ORDER_REVIEW_SCORES_SQL } from "./sql.js";

/** One line of {@link reviewScores}. */
export interface ReviewScoreRow {
  score: number;
  reviews: number;
  /** reviews / reviews with a score. */
  share: number;
}

/**
 * Review rows per star score (1–5, every score listed, 0 when absent); rows without a score are
 * left out, an exact repeat of a (review_id, order_id) row counts once, a review_id shared by
 * several orders counts once per order (as the release's 99,224 rows do).
 *
 * @example
 * await reviewScores(db); // [{ score: 1, reviews: 11424, share: 0.115 }, …] on Kaggle
 */
export async function reviewScores(db: Database): Promise<ReviewScoreRow[]> {
  const rows = await db.rows<{ score: number; reviews: number }>(
    `SELECT review_score AS score, count(*) AS reviews
     FROM (SELECT DISTINCT review_id, order_id, review_score FROM order_reviews
           WHERE review_score IS NOT NULL)
     GROUP BY 1`,
  );
  const total = rows.reduce((s, r) => s + r.reviews, 0);
  return [1, 2, 3, 4, 5].map((score) => {
    const reviews = rows.find((r) => r.score === score)?.reviews ?? 0;
    return { score, reviews, share: total > 0 ? reviews / total : 0 };
  });
}

/**
 * Labels of the bands cut by increasing `edges` on a delay in days (negative = early):
 * `edges.length + 1` bands, each (lo, hi].
 *
 * @example
 * delayBandLabels([-5, 0, 7]); // ["5+ days early", "0–5 days early", "0–7 days late", "7+ days late"]
 */
export function delayBandLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) throw new Error("edges must hold at least one value");
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) throw new Error(`edges must increase, got ${edges.join(", ")}`);
  }
  const side = (lo: number, hi: number): string =>
    hi <= 0 ? `${-hi}–${-lo} days early` : lo >= 0 ? `${lo}–${hi} days late` : `${lo}–${hi} days`;
  const first = edges[0];
  const last = edges[edges.length - 1];
  return [
    first <= 0 ? `${-first}+ days early` : `up to ${first} days late`,
    ...edges.slice(1).map((hi, i) => side(edges[i], hi)),
    last >= 0 ? `${last}+ days late` : `less than ${-last} days early`,
  ];
}

/** Default band edges (days; negative = early) of {@link reviewScoreByDelay}. */
export const DEFAULT_DELAY_EDGES: readonly number[] = [-20, -10, -5, 0, 3, 7, 14];

/** One line of {@link reviewScoreByDelay}. */
export interface DelayBandScore {
  band: string;
  /** Delivered and reviewed orders in the band. */
  orders: number;
  /** Mean over orders of the order's mean review score. */
  mean_score: number;
  /** Share of orders whose mean score is 1 or 2 stars (≤ 2). */
  low_score_share: number;
}

/**
 * Mean review score of delivered orders by delivery delay band (`delay_days` of
 * `DELIVERED_ORDERS_SQL`). Bands without orders are left out.
 *
 * @example
 * await reviewScoreByDelay(db); // [{ band: "20+ days early", orders, mean_score, … }, …]
 */
export async function reviewScoreByDelay(
  db: Database,
  edges: readonly number[] = DEFAULT_DELAY_EDGES,
): Promise<DelayBandScore[]> {
  const labels = delayBandLabels(edges);
  const band = `CASE ${edges.map((e, i) => `WHEN delay_days <= ${e} THEN ${i}`).join(" ")} ELSE ${edges.length} END`;
  const rows = await db.rows<{ b: number; orders: number; mean_score: number; low: number }>(`
    SELECT ${band} AS b, count(*) AS orders, avg(score) AS mean_score,
           avg((score <= 2)::INTEGER) AS low
    FROM (${DELIVERED_ORDERS_SQL}) JOIN (${ORDER_REVIEW_SCORES_SQL}) USING (order_id)
    GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({
    band: labels[r.b],
    orders: r.orders,
    mean_score: r.mean_score,
    low_score_share: r.low,
  }));
}

/** Review scores of one group of delivered, reviewed orders. */
export interface ScoreGroup {
  orders: number;
  /** NaN when the group is empty. */
  mean_score: number;
  /** Share of orders scored ≤ 2 (mean of the order's reviews). */
  low_score_share: number;
  /** Share of orders scored 1 star (every review of the order gave 1). */
  one_star_share: number;
}

/** Review scores of delivered orders late by more than a threshold against the others. */
export interface ScoreSplit {
  /** Days after the estimated date beyond which an order is in `late` (0: the timestamp rule). */
  afterDays: number;
  late: ScoreGroup;
  others: ScoreGroup;
}

/**
 * Delivered and reviewed orders split by `delay_days > afterDays` (0: late against on time; 7:
 * more than a week late against the rest), with their mean score and 1–2 and 1-star shares.
 *
 * @example
 * const { late, others } = await reviewScoreSplit(db); // late 2.57 vs 4.29 on Kaggle
 */
export async function reviewScoreSplit(db: Database, afterDays = 0): Promise<ScoreSplit> {
  if (!Number.isFinite(afterDays)) throw new Error(`afterDays must be a number, got ${afterDays}`);
  const rows = await db.rows<ScoreGroup & { late: boolean }>(`
    SELECT delay_days > ${afterDays} AS late, count(*) AS orders, avg(score) AS mean_score,
           avg((score <= 2)::INTEGER) AS low_score_share,
           avg((score = 1)::INTEGER) AS one_star_share
    FROM (${DELIVERED_ORDERS_SQL}) JOIN (${ORDER_REVIEW_SCORES_SQL}) USING (order_id)
    GROUP BY 1`);
  const group = (late: boolean): ScoreGroup => {
    const r = rows.find((x) => x.late === late);
    return r
      ? {
          orders: r.orders,
          mean_score: r.mean_score,
          low_score_share: r.low_score_share,
          one_star_share: r.one_star_share,
        }
      : { orders: 0, mean_score: NaN, low_score_share: NaN, one_star_share: NaN };
  };
  return { afterDays, late: group(true), others: group(false) };
}
