/**
 * Figure names: they become file names (`<name>.png`) and DOM ids, so they are checked once here.
 */

/** Letters, digits, `-` and `_`, starting with a letter or digit, at most 100 characters. */
export const FIGURE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * Throws unless `name` can be used as a file name on every OS and as part of an HTML id.
 *
 * @example
 * checkFigureName("orders-by-state"); // ok
 * checkFigureName("orders/state");    // throws
 */
export function checkFigureName(name: string): string {
  if (typeof name !== "string" || !FIGURE_NAME_PATTERN.test(name)) {
    throw new Error(
      `Figure name ${JSON.stringify(name)} is not usable as a file name: use 1–100 letters, digits, ` +
        '"-" or "_", starting with a letter or digit (e.g. "orders-by-state")',
    );
  }
  return name;
}
