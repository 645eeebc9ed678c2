/**
 * The one way amounts in reais are written in the brief, the slides and the sentences they quote:
 * "R$ 12,345" (whole reais) or "R$ 21,326.61" (with cents), en-US thousands separators, a true
 * minus sign, fixed whatever the machine's locale.
 */

/** Options of {@link formatMoney}. */
export interface MoneyOptions {
  /** Write the cents (two decimals); default false (whole reais, rounded). */
  cents?: boolean;
  /** Between "R$" and the amount; default a no-break space, so "R$" never ends a line alone. */
  space?: string;
  /** Written for a missing amount (null, NaN, ±Infinity); default "n/a". */
  missing?: string;
}

/**
 * An amount in reais with thousands separators.
 *
 * @example
 * formatMoney(21326.614); // "R$ 21,327" (no-break space)
 * formatMoney(21326.614, { cents: true }); // "R$ 21,326.61"
 * formatMoney(-1500, { space: " " }); // "R$ −1,500"
 */
export function formatMoney(x: number | null | undefined, options: MoneyOptions = {}): string {
  const { cents = false, space = "\u00a0", missing = "n/a" } = options;
  if (x == null || !Number.isFinite(x)) return missing;
  const decimals = cents ? 2 : 0;
  const text = Math.abs(x).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const negative = x < 0 && /[1-9]/.test(text);
  return `R$${space}${negative ? "\u2212" : ""}${text}`;
}
