/**
 * How the maintenance sentences write their numbers: weeks, days, ARI, money and counts, the same
 * way in the notebook, the brief and the command summaries (fixed en-US formatting, whatever the
 * machine's locale).
 */
import { formatMoney } from "../util/money.js";
import { ARI_THRESHOLD } from "./policy.js";

/**
 * "1 week", "4 weeks".
 *
 * @example
 * formatWeeks(6); // "6 weeks"
 */
export function formatWeeks(weeks: number): string {
  return weeks === 1 ? "1 week" : `${weeks} weeks`;
}

/**
 * "every week", "every 4 weeks".
 *
 * @example
 * everyWeeksText(1); // "every week"
 */
export function everyWeeksText(weeks: number): string {
  return weeks === 1 ? "every week" : `every ${weeks} weeks`;
}

/**
 * A number of days, rounded ("n/a" for null or NaN).
 *
 * @example
 * formatDays(42); // "42 days"
 */
export function formatDays(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return "n/a";
  const d = Math.round(days);
  return d === 1 ? "1 day" : `${d} days`;
}

/** Within this distance of the threshold, an ARI is written with 3 decimals (or more, see {@link formatAri}). */
export const ARI_NEAR_THRESHOLD = 0.01;

/**
 * An ARI with two decimals ("n/a" for null or NaN); near the threshold (within
 * {@link ARI_NEAR_THRESHOLD}) with three, and with four when three would still read as the
 * threshold itself, so a run just above or below it never looks equal to it.
 *
 * @example
 * formatAri(0.8349); // "0.83"
 * formatAri(0.7991); // "0.799"
 * formatAri(0.8004); // "0.8004"
 */
export function formatAri(ari: number | null, threshold: number = ARI_THRESHOLD): string {
  if (ari === null || !Number.isFinite(ari)) return "n/a";
  if (!(Math.abs(ari - threshold) < ARI_NEAR_THRESHOLD)) return ari.toFixed(2);
  const three = ari.toFixed(3);
  return Number(three) === threshold && ari !== threshold ? ari.toFixed(4) : three;
}

/**
 * A count or amount with thousands separators and at most `decimals` decimals.
 *
 * @example
 * formatNumber(5357.1); // "5,357"
 */
export function formatNumber(x: number, decimals = 0): string {
  return x.toLocaleString("en-US", {
    maximumFractionDigits: decimals,
    minimumFractionDigits: decimals,
  });
}

/**
 * Hours, at most two decimals.
 *
 * @example
 * formatHours(0.25); // "0.25 h"
 */
export function formatHours(hours: number): string {
  return `${hours.toLocaleString("en-US", { maximumFractionDigits: 2 })} h`;
}

/**
 * An amount in R$, whole reais.
 *
 * @example
 * formatReais(5357.1); // "R$ 5,357"
 */
export function formatReais(amount: number): string {
  return formatMoney(amount, { space: " " });
}

/**
 * "12 of 12 runs".
 *
 * @example
 * ofRuns(11, 12); // "11 of 12 runs"
 */
export function ofRuns(count: number, runs: number): string {
  return `${count} of ${runs} ${runs === 1 ? "run" : "runs"}`;
}

/**
 * ", beside …" when other work shared the cores with the study (its `ranBeside`), else "": added
 * to every statement of the study's computing time.
 *
 * @example
 * besideText({ ranBeside: "the other stages of npm start" }); // ", beside the other stages of npm start"
 */
export function besideText(report: { ranBeside?: string }): string {
  return report.ranBeside ? `, beside ${report.ranBeside}` : "";
}
