import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import {
  freightTakeaway,
  itemPrices,
  itemPriceTakeaway,
  orderValues,
  orderValueTakeaway,
} from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

describe("prices, freight and order values", () => {
  let db: Database;
  before(async () => {
    db = await handDatabase();
  });
  after(() => db.close());

  it("itemPrices and its takeaways: prices 100, 50, 100, 20, 30; freight 10, 5, 10, 0, 3", async () => {
    const p = await itemPrices(db);
    assert.deepEqual(Array.from(p.price), [100, 50, 100, 20, 30]);
    assert.deepEqual(Array.from(p.freight), [10, 5, 10, 3]); // free shipping cannot go on a log axis
    const { price: _p, freight: _f, ...stats } = p;
    assert.deepEqual(stats, {
      items: 5,
      median_price: 50,
      max_price: 100,
      under_100_share: 0.6,
      median_freight_ratio: 0.1,
      free_shipping_items: 1,
      free_shipping_share: 0.2,
    });
    assert.equal(
      itemPriceTakeaway(p),
      "The median item costs R$ 50.00; 60.0 % of the 5 items cost under R$ 100, the dearest R$ 100.00.",
    );
    assert.equal(
      freightTakeaway(p),
      "Freight is a median 10.0 % of the item price, and 20.00 % of items (1) ship free. The data cannot " +
        "show whether free shipping would lift sales: a hypothesis to test with an experiment.",
    );
  });

  it("orderValues and its takeaway: totals 165, 110, 20, 33 and one order paid 0", async () => {
    const v = await orderValues(db);
    assert.deepEqual(Array.from(v.values), [165, 110, 20, 33]);
    assert.equal(v.orders, 4);
    assert.equal(v.zero_orders, 1); // o4
    assert.equal(v.median, 71.5);
    assert.equal(v.mean, 82);
    assert.ok(Math.abs(v.p99 - (110 + 0.97 * 55)) < 1e-9); // linear interpolation at 2.97 of 3
    assert.equal(
      orderValueTakeaway(v),
      "Median order R$ 71.50, mean R$ 82.00 (1.1× the median); the top 1 % of the 4 orders exceed R$ 163: " +
        "a long right tail pulls the mean above the median, hence the log scale.",
    );
    assert.match(orderValueTakeaway({ ...v, mean: 60 }), /exceed R\$ 163\.$/);
  });
});
