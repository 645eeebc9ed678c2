import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import { customerFeatures } from "../../src/features/index.js";
import { holdoutOutcome, valueInputs } from "../../src/value/valueInputs.js";
import { insert, microDatabase, T } from "../features/microData.js";

const END = new Date("2018-04-01T00:00:00Z");

/** Plain arrays of the inputs, for deep equality. */
async function inputsAt(db: Database, asOf: Date) {
  const v = await valueInputs(db, { asOf });
  return {
    ids: v.ids,
    x: [...v.x],
    tx: [...v.tx],
    T: [...v.T],
    orders: [...v.orders],
    revenue: [...v.revenue],
    repeatMeanValue: [...v.repeatMeanValue],
  };
}

/** Facts dated on or after T only: new orders, a late delivery, a new customer. */
async function addFutureFacts(db: Database): Promise<void> {
  await insert(db, "customers", [["c6", "u6", "01060", "sao paulo", "SP"]]);
  await insert(db, "orders", [
    // u2 buys again after T.
    [
      "o10",
      "c2",
      "delivered",
      "2018-03-10 00:00:00",
      "2018-03-10 01:00:00",
      "2018-03-11 00:00:00",
      "2018-03-15 00:00:00",
      "2018-03-20 00:00:00",
    ],
    // u4 buys exactly at T (not before T: not a calibration fact).
    [
      "o11",
      "c4",
      "delivered",
      "2018-03-01 00:00:00",
      null,
      null,
      "2018-03-01 00:00:00",
      "2018-03-05 00:00:00",
    ],
    // A new customer in the window.
    [
      "o12",
      "c6",
      "delivered",
      "2018-03-20 00:00:00",
      null,
      null,
      "2018-03-25 00:00:00",
      "2018-03-30 00:00:00",
    ],
    // u2 buys in the window but it arrives after its end: not counted at the end.
    [
      "o13",
      "c2",
      "delivered",
      "2018-03-28 00:00:00",
      null,
      null,
      "2018-04-03 00:00:00",
      "2018-04-10 00:00:00",
    ],
  ]);
  await insert(db, "order_items", [
    ["o10", 1, "p_bed", "s1", "2018-03-12 00:00:00", 500, 50],
    ["o11", 1, "p_toy", "s1", "2018-03-02 00:00:00", 10, 1],
    ["o12", 1, "p_toy", "s1", "2018-03-21 00:00:00", 30, 5],
    ["o13", 1, "p_toy", "s1", "2018-03-29 00:00:00", 30, 5],
  ]);
  await insert(db, "order_payments", [
    ["o10", 1, "credit_card", 5, 550],
    ["o11", 1, "boleto", 1, 11],
    ["o12", 1, "boleto", 1, 35],
    ["o13", 1, "boleto", 1, 35],
  ]);
  // o3 (u1, in transit at T) arrives at another date after T.
  await db.run(
    "UPDATE orders SET order_delivered_customer_date = TIMESTAMP '2018-03-02 00:00:00' WHERE order_id = 'o3'",
  );
}

describe("value inputs from the Olist tables", () => {
  it("are the purchase histories of the counted orders, by hand (T = 2018-03-01)", async () => {
    const db = await microDatabase();
    try {
      // u1: o1 (2018-01-10, R$ 180) and o2 (2018-02-01, R$ 100) delivered; o3 still in transit.
      // u2: o4 (2018-02-10, R$ 140). u4: o6 (2017-12-24, R$ 1100); o9 delivered before its purchase.
      // u3 (canceled) and u5 (shipped; delivered without payment) have no counted order.
      assert.deepEqual(await inputsAt(db, T), {
        ids: ["u1", "u2", "u4"],
        x: [1, 0, 0],
        tx: [22, 0, 0],
        T: [50, 19, 67],
        orders: [2, 1, 1],
        revenue: [280, 140, 1100],
        repeatMeanValue: [100, NaN, NaN],
      });
    } finally {
      db.close();
    }
  });

  it("agree with the customer table: same customers, orders = frequency, revenue = monetary, days", async () => {
    const db = await microDatabase();
    try {
      const table = await customerFeatures(db, { asOf: T });
      const v = await valueInputs(db, { asOf: T });
      assert.deepEqual(v.ids, table.ids);
      assert.deepEqual([...v.orders], [...table.numeric.frequency]);
      assert.deepEqual([...v.revenue], [...table.numeric.monetary]);
      for (let i = 0; i < v.ids.length; i++) {
        // Days count from the first purchase's calendar day, so T exceeds the tenure by less than a day.
        const extra = v.T[i] - table.numeric.tenure_days[i];
        assert.ok(
          extra >= 0 && extra < 1,
          `${v.ids[i]}: T ${v.T[i]} vs tenure ${table.numeric.tenure_days[i]}`,
        );
      }
    } finally {
      db.close();
    }
  });

  it("count the orders of one day as one purchase (values summed)", async () => {
    const db = await microDatabase();
    try {
      await insert(db, "orders", [
        [
          "o20",
          "c2",
          "delivered",
          "2018-02-10 18:30:00",
          null,
          null,
          "2018-02-15 00:00:00",
          "2018-02-20 00:00:00",
        ],
      ]);
      await insert(db, "order_items", [["o20", 1, "p_toy", "s1", "2018-02-11 00:00:00", 20, 5]]);
      await insert(db, "order_payments", [["o20", 1, "boleto", 1, 25]]);
      const v = await inputsAt(db, T);
      assert.deepEqual([v.x[1], v.tx[1], v.orders[1], v.revenue[1]], [0, 0, 2, 165]);
    } finally {
      db.close();
    }
  });

  it("at a calibration date, do not move when facts after it are added (no leakage)", async () => {
    const db = await microDatabase();
    try {
      const before = await inputsAt(db, T);
      await addFutureFacts(db);
      assert.deepEqual(await inputsAt(db, T), before);
    } finally {
      db.close();
    }
  });
});

describe("holdout outcome", () => {
  it("counts the cohort's purchases in [cut, end) counted at the end, by hand", async () => {
    const db = await microDatabase();
    try {
      await addFutureFacts(db);
      const cohort = (await valueInputs(db, { asOf: T })).ids;
      const outcome = await holdoutOutcome(db, cohort, { cut: T, end: END });
      // u1: nothing new (o3 was bought before the cut: in transit, in neither period);
      // u2: o10 (R$ 550), o13 arrives after the end; u4: o11 bought at the cut (R$ 11).
      assert.deepEqual([...outcome.purchases], [0, 1, 1]);
      assert.deepEqual([...outcome.orders], [0, 1, 1]);
      assert.deepEqual([...outcome.revenue], [0, 550, 11]);
      assert.equal(outcome.newCustomers, 1); // u6
      assert.equal(outcome.inTransitAtCut, 1); // o3
    } finally {
      db.close();
    }
  });

  it("rejects an unknown counted status with the known ones", async () => {
    const db = await microDatabase();
    try {
      await assert.rejects(
        valueInputs(db, { asOf: T, countedStatuses: ["delivred" as "delivered"] }),
        /Unknown order status "delivred"; known statuses: created/,
      );
    } finally {
      db.close();
    }
  });
});
