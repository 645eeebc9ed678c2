/**
 * Text helpers of the takeaway sentences: shares, counts, money, lists and correlations, formatted
 * the same way in every sentence.
 */
import { fmt, percent } from "../../display/takeaway.js";

export { fmt, percent };

/** A money amount in reais, e.g. `R$ 1,234.50`. */
export function money(x: number, decimals = 0): string {
  return `R$ ${fmt(x, decimals)}`;
}

/** "a", "a and b", "a, b and c". */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A correlation with two decimals and a true minus sign, e.g. `ρ = −0.29`. */
export function rho(r: number): string {
  return `ρ = ${r.toFixed(2).replace("-", "−")}`;
}

/** `x× ` with one decimal, e.g. `1.6×`. */
export function times(x: number, decimals = 1): string {
  return `${x.toFixed(decimals)}×`;
}

/** The largest item by a measure (the first one on ties); undefined for an empty list. */
export function largestBy<T>(items: readonly T[], measure: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || measure(item) > measure(best)) best = item;
  return best;
}

/** A count with its noun, singular for 1: `plural(1, "rule")` → `1 rule`, `plural(3, "rule")` → `3 rules`. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${fmt(n)} ${n === 1 ? word : pluralWord}`;
}
