import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DELIVERED_ORDERS_SQL,
  ORDER_PAYMENTS_SQL,
  ORDER_REVIEW_SCORES_SQL,
  PRODUCT_CATEGORIES_SQL,
  sqlString,
} from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

describe("shared SQL fragments", () => {
  it("define delivered orders, order payments, categories and review scores once", async () => {
    const db = await handDatabase({ quirks: true });
    try {
      // o6 (no delivery date) and o7 (delivered before its purchase) are not measurable; o4 was canceled.
      assert.deepEqual(
        await db.rows(
          `SELECT order_id, delay_days, is_late FROM (${DELIVERED_ORDERS_SQL}) ORDER BY 1`,
        ),
        [
          { order_id: "o1", delay_days: 2, is_late: true },
          { order_id: "o2", delay_days: -10.5, is_late: false },
          { order_id: "o3", delay_days: -3, is_late: false },
          { order_id: "o5", delay_days: -2, is_late: false },
        ],
      );
      assert.deepEqual(
        await db.rows(
          `SELECT order_id, value, installments FROM (${ORDER_PAYMENTS_SQL}) ORDER BY 1`,
        ),
        [
          { order_id: "o1", value: 165, installments: 8 },
          { order_id: "o2", value: 110, installments: 1 },
          { order_id: "o3", value: 20, installments: 1 }, // 0 instalments count as 1
          { order_id: "o4", value: 0, installments: 3 },
          { order_id: "o5", value: 33, installments: 2 },
          { order_id: "o6", value: 0, installments: 1 },
          { order_id: "o7", value: 100, installments: 1 },
        ],
      );
      assert.deepEqual(
        await db.rows(`SELECT product_id, category FROM (${PRODUCT_CATEGORIES_SQL}) ORDER BY 1`),
        [
          { product_id: "pa", category: "health_beauty" },
          { product_id: "pb", category: "toys" },
          { product_id: "pc", category: null },
          { product_id: "pd", category: "pc_gamer" }, // missing from the translation
        ],
      );
      assert.deepEqual(
        await db.rows(`SELECT order_id, score FROM (${ORDER_REVIEW_SCORES_SQL}) ORDER BY 1`),
        [
          { order_id: "o1", score: 1 },
          { order_id: "o2", score: 4.5 },
          { order_id: "o3", score: 5 },
          { order_id: "o7", score: 2 },
        ],
      );
      assert.equal(sqlString("d'água"), "'d''água'");
    } finally {
      db.close();
    }
  });
});
