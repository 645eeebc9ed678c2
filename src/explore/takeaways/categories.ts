/** Takeaways of the product categories. */
import type { CategoryTotal } from "../categories.js";
import { topCategories } from "../categories.js";
import { UNKNOWN_CATEGORY } from "../sql.js";
import { fmt, money, percent } from "./format.js";

const known = (categories: readonly CategoryTotal[]) =>
  categories.filter((c) => c.category !== UNKNOWN_CATEGORY);

/**
 * The category with the most orders, how many known categories there are, and how many items
 * have no known category.
 *
 * @example
 * categoryOrdersTakeaway(await categoryTotals(db));
 */
export function categoryOrdersTakeaway(categories: readonly CategoryTotal[]): string {
  const [lead] = topCategories(categories, "orders", 1);
  if (!lead) return "No order item has a known product category.";
  const items = categories.reduce((s, c) => s + c.items, 0);
  const unknown = categories.find((c) => c.category === UNKNOWN_CATEGORY);
  const missing = unknown
    ? `; ${fmt(unknown.items)} items (${percent(unknown.items / items)}) have no known category and are left out of the ranking`
    : "";
  return (
    `${lead.category} leads the ${known(categories).length} known categories by orders (${fmt(lead.orders)} orders ` +
    `with at least one of its items)${missing}.`
  );
}

/**
 * The category with the most item revenue and the revenue share of the top `n`.
 *
 * @example
 * categoryRevenueTakeaway(await categoryTotals(db));
 */
export function categoryRevenueTakeaway(categories: readonly CategoryTotal[], n = 10): string {
  const top = topCategories(categories, "revenue", n);
  if (top.length === 0) return "No order item has a known product category.";
  const total = categories.reduce((s, c) => s + c.revenue, 0);
  const topRevenue = top.reduce((s, c) => s + c.revenue, 0);
  return (
    `${top[0].category} leads by item revenue (${money(top[0].revenue)}); the top ${top.length} of the ` +
    `${known(categories).length} known categories make ${percent(topRevenue / total)} of item revenue ` +
    "(prices, freight excluded)."
  );
}
