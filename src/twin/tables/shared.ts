/** Constants and samplers shared by the twin's table generators. */
import type { Rng } from "../../util/random.js";
import { parseTimestamp } from "../csv.js";
import { cumulative, pickCumulative } from "../sample.js";

/** Seconds per day. */
export const DAY = 86_400;
/** First and last purchase of the release [TH1]. */
export const FIRST_PURCHASE = parseTimestamp("2016-09-04 21:15:19");
export const LAST_PURCHASE = parseTimestamp("2018-10-17 17:30:18");
/** Repeat orders are kept before this date (the release's last full month of activity). */
export const REPEAT_END = parseTimestamp("2018-08-29");

/** Sum of a list. */
export const sum = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0);
/** A log-normal draw of the given median and log-sd. */
export const lognormal = (rng: Rng, median: number, sigma: number): number =>
  median * Math.exp(sigma * rng.normal());

/** Draws from a `[value, count]` table. */
export function tableSampler(table: readonly (readonly [number, number])[]): (rng: Rng) => number {
  const cum = cumulative(table.map((r) => r[1]));
  return (rng) => table[pickCumulative(cum, rng)][0];
}

/** Draws a key of a `{ key: count }` record. */
export function recordSampler(record: Readonly<Record<string, number>>): (rng: Rng) => string {
  const keys = Object.keys(record);
  const cum = cumulative(keys.map((k) => record[k]));
  return (rng) => keys[pickCumulative(cum, rng)];
}
