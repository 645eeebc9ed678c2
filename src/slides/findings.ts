/**
 * The three exploration findings of the deck, computed from the customer table of the result
 * files (`customers.csv`): how rarely customers come back, how concentrated spend is, and how many
 * customers are unhappy. Each finding gives the values its chart shows and the headline number.
 */
import type { CustomerColumns } from "./files.js";

/** Customers by number of orders: 1, 2, 3, 4 or more. */
export interface OrdersFinding {
  labels: string[];
  customers: number[];
  /** Share of customers with two orders or more. */
  repeatShare: number;
}

/** Share of total spend by tenth of customers, biggest spenders first. */
export interface SpendFinding {
  /** Ten shares summing to 1 (first = the top 10 % of spenders). */
  decileShares: number[];
  /** Share of spend of the top 10 % of customers. */
  topTenthShare: number;
  /** Share of spend of the bottom half of customers (the last five tenths). */
  bottomHalfShare: number;
}

/** Customers by mean review score rounded to a whole star. */
export interface ReviewFinding {
  labels: string[];
  customers: number[];
  /** Share of the reviewing customers whose mean review rounds to 2 stars or less (the chart's first two bars). */
  unhappyShare: number;
  /** Customers with a review. */
  reviewed: number;
}

/**
 * Customers by number of orders and the share that ordered twice or more.
 *
 * @example
 * ordersFinding(Float64Array.of(1, 1, 2, 5)).repeatShare; // 0.5
 */
export function ordersFinding(frequency: Float64Array): OrdersFinding {
  const counts = [0, 0, 0, 0];
  let n = 0;
  for (const f of frequency) {
    if (!(f >= 1)) continue;
    counts[Math.min(4, Math.floor(f)) - 1]++;
    n++;
  }
  return {
    labels: ["1 order", "2 orders", "3 orders", "4 or more"],
    customers: counts,
    repeatShare: n === 0 ? NaN : (n - counts[0]) / n,
  };
}

/**
 * Share of the total spend of each tenth of customers, sorted by spend (biggest first); customers
 * without a spend are left out. Tenths are split by rank (customer i of n is in tenth ⌊10 i / n⌋).
 *
 * @example
 * spendFinding(Float64Array.from({ length: 10 }, (_, i) => (i === 0 ? 91 : 1))).topTenthShare; // 0.91
 */
export function spendFinding(monetary: Float64Array): SpendFinding {
  const values = Float64Array.from(monetary.filter((x) => Number.isFinite(x) && x >= 0));
  values.sort().reverse();
  const shares = new Array<number>(10).fill(0);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    shares[Math.floor((10 * i) / values.length)] += values[i];
    total += values[i];
  }
  const decileShares = shares.map((s) => (total > 0 ? s / total : NaN));
  const bottomHalfShare = decileShares.slice(5).reduce((a, x) => a + x, 0);
  return { decileShares, topTenthShare: decileShares[0], bottomHalfShare };
}

/**
 * Customers by mean review score rounded to the nearest star (1–5) and the share rounding to 2 or
 * less (mean below 2.5).
 *
 * @example
 * reviewFinding(Float64Array.of(1, 2, 5, 5)).unhappyShare; // 0.5
 */
export function reviewFinding(score: Float64Array): ReviewFinding {
  const counts = [0, 0, 0, 0, 0];
  let n = 0;
  let unhappy = 0;
  for (const s of score) {
    if (!(s >= 1 && s <= 5)) continue;
    const star = Math.round(s);
    counts[star - 1]++;
    if (star <= 2) unhappy++;
    n++;
  }
  return {
    labels: ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"],
    customers: counts,
    unhappyShare: n === 0 ? NaN : unhappy / n,
    reviewed: n,
  };
}

/** The three findings of a customer table, and the range of days since the last order. */
export interface Findings {
  orders: OrdersFinding;
  spend: SpendFinding;
  reviews: ReviewFinding;
  /** Largest days since the last order (the oldest customer in the table). */
  maxRecencyDays: number;
}

/** The three findings of the deck from the columns of `customers.csv`. */
export function customerFindings(c: CustomerColumns): Findings {
  let maxRecency = -Infinity;
  for (const r of c.recency_days) if (r > maxRecency) maxRecency = r;
  return {
    orders: ordersFinding(c.frequency),
    spend: spendFinding(c.monetary),
    reviews: reviewFinding(c.mean_review_score),
    maxRecencyDays: maxRecency,
  };
}
