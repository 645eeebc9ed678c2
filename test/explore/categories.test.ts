import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  categoryOrdersTakeaway,
  categoryRevenueTakeaway,
  categoryTotals,
  topCategories,
} from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

describe("categories", () => {
  it("keep untranslated categories, rank known ones, and state the unknown share", async () => {
    const db = await handDatabase({ quirks: true });
    try {
      const categories = await categoryTotals(db);
      assert.deepEqual(categories, [
        { category: "health_beauty", orders: 3, items: 3, revenue: 300 }, // o1, o2, o7
        { category: "unknown", orders: 2, items: 2, revenue: 50 }, // pc (no category), px (no product)
        { category: "pc_gamer", orders: 1, items: 1, revenue: 40 }, // missing from the translation
        { category: "toys", orders: 1, items: 1, revenue: 50 },
      ]);
      assert.deepEqual(
        topCategories(categories, "orders", 2).map((c) => c.category),
        ["health_beauty", "pc_gamer"],
      );
      assert.deepEqual(
        topCategories(categories, "revenue", 2).map((c) => c.category),
        ["health_beauty", "toys"],
      );
      assert.equal(
        categoryOrdersTakeaway(categories),
        "health_beauty leads the 3 known categories by orders (3 orders with at least one of its items); " +
          "2 items (28.6 %) have no known category and are left out of the ranking.",
      );
      // (300 + 50) / 440 of the item revenue.
      assert.equal(
        categoryRevenueTakeaway(categories, 2),
        "health_beauty leads by item revenue (R$ 300); the top 2 of the 3 known categories make 79.5 % of " +
          "item revenue (prices, freight excluded).",
      );
      assert.equal(
        categoryOrdersTakeaway([{ category: "unknown", orders: 1, items: 1, revenue: 1 }]),
        "No order item has a known product category.",
      );
    } finally {
      db.close();
    }
  });
});
