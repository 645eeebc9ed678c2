/**
 * Numbers and dates written for readers of the brief: thousands separators, percentages with one
 * decimal, whole reais, dates in words. Fixed to English and UTC so the same input always gives
 * the same text, whatever the machine's locale or time zone.
 */

import { formatMoney as money } from "../util/money.js";

const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Shown instead of a number that is missing (NaN, null). */
export const MISSING = "n/a";

/**
 * A count with thousands separators.
 *
 * @example
 * formatCount(93358); // "93,358"
 */
export function formatCount(x: number | null): string {
  return x == null || !Number.isFinite(x) ? MISSING : INTEGER.format(Math.round(x));
}

/**
 * A fixed number of decimals, with thousands separators.
 *
 * @example
 * formatDecimal(4.234, 1); // "4.2"
 */
export function formatDecimal(x: number | null, decimals = 1): string {
  if (x == null || !Number.isFinite(x)) return MISSING;
  return new Intl.NumberFormat("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(x);
}

/**
 * A share (0…1) as a percentage with one decimal.
 *
 * @example
 * formatShare(0.3312); // "33.1%"
 */
export function formatShare(x: number | null, decimals = 1): string {
  return x == null || !Number.isFinite(x) ? MISSING : `${formatDecimal(x * 100, decimals)}%`;
}

/**
 * An amount in reais, whole (cents do not matter in a brief), or with cents when asked; the
 * project's one money formatter (src/util/money.ts), "R$" and amount joined by a no-break space.
 *
 * @example
 * formatMoney(1234.5); // "R$ 1,235"
 * formatMoney(21326.61, true); // "R$ 21,326.61"
 */
export function formatMoney(x: number | null, cents = false): string {
  return money(x, { cents, missing: MISSING });
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * An ISO date (or timestamp, read in UTC) in words; throws on a date that does not parse.
 *
 * @example
 * formatDate("2018-09-01T00:00:00.000Z"); // "1 September 2018"
 */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (typeof iso !== "string" || Number.isNaN(d.getTime())) {
    throw new Error(`Not an ISO date: "${String(iso)}"`);
  }
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A number of days in words, "1 day" or "63 days".
 *
 * @example
 * formatDays(63); // "63 days"
 */
export function formatDays(x: number | null): string {
  if (x == null || !Number.isFinite(x)) return MISSING;
  const n = formatCount(x);
  return n === "1" ? "1 day" : `${n} days`;
}
