/** As-of dates as the toolbox reads them (`YYYY-MM-DD` or ISO text, UTC) and writes them for DuckDB. */

/** Parses an as-of date given as `Date` or text; throws a clear error for anything unparseable. */
export function parseAsOf(value: Date | string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new Error("asOf is an invalid Date; pass a valid date.");
    return value;
  }
  const text = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?)?$/.exec(
    text,
  );
  if (!m) {
    throw new Error(
      `asOf "${value}" is not a date: use YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS), read as UTC.`,
    );
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0"] = m;
  if (+h > 23 || +mi > 59 || +s > 59) throw new Error(`asOf "${value}" has an impossible time.`);
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(ms.padEnd(3, "0"))));
  // Date.UTC rolls 2018-02-30 over to March: reject instead of silently moving the date.
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) {
    throw new Error(
      `asOf "${value}" is not a calendar date (day ${d} does not exist in ${y}-${mo}).`,
    );
  }
  return date;
}

/** Formats a Date as the naive UTC timestamp literal DuckDB compares with the data. */
export function timestampLiteral(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}
