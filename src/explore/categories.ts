/**
 * Product categories: orders, items and item revenue per category (English names), and the top
 * categories by a measure, with products without a category kept apart as `unknown`.
 */
import type { Database } from "../data/db.js";
import { PRODUCT_CATEGORIES_SQL, UNKNOWN_CATEGORY, sqlString } from "./sql.js";

/** One line of {@link categoryTotals}. */
export interface CategoryTotal {
  /** English name via category_translation; the Portuguese name when untranslated; `unknown`. */
  category: string;
  /** Distinct orders with at least one item of the category. */
  orders: number;
  /** Item rows (units). */
  items: number;
  /** Sum of item prices (R$, freight excluded). */
  revenue: number;
}

/**
 * Orders, items and item revenue per product category over all order items, sorted by orders.
 * Items of products without a category, or whose product is missing, are `unknown`.
 *
 * @example
 * const categories = await categoryTotals(db);
 */
export async function categoryTotals(db: Database): Promise<CategoryTotal[]> {
  return db.rows<CategoryTotal>(`
    SELECT coalesce(p.category, ${sqlString(UNKNOWN_CATEGORY)}) AS category,
           count(DISTINCT i.order_id) AS orders,
           count(*) AS items,
           round(sum(i.price), 2) AS revenue
    FROM order_items i
    LEFT JOIN (${PRODUCT_CATEGORIES_SQL}) p USING (product_id)
    GROUP BY 1
    ORDER BY orders DESC, category`);
}

/**
 * The `n` known categories with the most orders or revenue (ties by name); `unknown` is not a
 * category and is left out.
 *
 * @example
 * topCategories(categories, "revenue", 15);
 */
export function topCategories(
  categories: readonly CategoryTotal[],
  by: "orders" | "revenue",
  n: number,
): CategoryTotal[] {
  return categories
    .filter((c) => c.category !== UNKNOWN_CATEGORY)
    .sort((a, b) => b[by] - a[by] || a.category.localeCompare(b.category))
    .slice(0, n);
}
