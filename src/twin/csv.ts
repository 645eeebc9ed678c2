/**
 * Value formatting of the Olist CSV files, byte for byte as in the Kaggle release: a text field is
 * quoted only when it begins with a digit or holds a comma, quote or line break (quotes doubled);
 * money has two decimals; timestamps are `YYYY-MM-DD HH:MM:SS` (UTC wall clock, no zone).
 */

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text field as the original files write it; `""` (empty field) stays empty.
 *
 * @example
 * quoteText("01037"); // '"01037"'
 * quoteText("sao paulo"); // 'sao paulo'
 * quoteText('diz "ok", obrigado'); // '"diz ""ok"", obrigado"'
 */
export function quoteText(value: string): string {
  if (value.length === 0) return value;
  const c0 = value.charCodeAt(0);
  if ((c0 >= 48 && c0 <= 57) || NEEDS_QUOTES.test(value)) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** Header line of a file: every name quoted, except where `quoted` is false (translation file). */
export function headerLine(names: readonly string[], quoted = true): string {
  return quoted ? names.map((n) => `"${n}"`).join(",") : names.join(",");
}

/**
 * Money in integer cents as `123.40` (always two decimals, as the original prices and payments).
 *
 * @example
 * formatCents(5890); // "58.90"
 */
export function formatCents(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) {
    throw new Error(`formatCents expects a non-negative integer number of cents, got ${cents}`);
  }
  return `${Math.floor(cents / 100)}.${PAD2[cents % 100]}`;
}

const dayCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (days since 1970-01-01, UTC). */
export function formatDay(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}

/**
 * Timestamp `YYYY-MM-DD HH:MM:SS` of whole seconds since 1970-01-01 UTC; `NaN` (missing) gives the
 * empty field.
 *
 * @example
 * formatTimestamp(Date.UTC(2017, 9, 2, 10, 56, 33) / 1000); // "2017-10-02 10:56:33"
 */
export function formatTimestamp(seconds: number): string {
  if (Number.isNaN(seconds)) return "";
  const s = Math.floor(seconds);
  const day = Math.floor(s / 86_400);
  let rest = s - day * 86_400;
  const hh = Math.floor(rest / 3600);
  rest -= hh * 3600;
  const mm = Math.floor(rest / 60);
  return `${formatDay(day)} ${PAD2[hh]}:${PAD2[mm]}:${PAD2[rest - mm * 60]}`;
}

/** Whole seconds since 1970-01-01 UTC of `YYYY-MM-DD` (midnight) or `YYYY-MM-DD HH:MM:SS`. */
export function parseTimestamp(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`Not a timestamp "YYYY-MM-DD[ HH:MM:SS]": "${text}"`);
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) / 1000;
}
