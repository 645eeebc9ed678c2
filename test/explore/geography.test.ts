import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { StateSummaryRow } from "../../src/explore/index.js";
import {
  geolocationSample,
  lateByStateTakeaway,
  northEastTakeaway,
  orderValueByStateTakeaway,
  stateConcentrationTakeaway,
  stateGroupFacts,
  stateRegion,
  stateSummary,
} from "../../src/explore/index.js";
import { insert } from "../features/microData.js";
import { handDatabase } from "./handData.js";

/** A state line with its late share computed from the counts. */
const row = (
  state: string,
  orders: number,
  mean: number,
  delivered: number,
  late: number,
): StateSummaryRow => ({
  state,
  customers: orders,
  orders,
  mean_order_value: mean,
  delivered_orders: delivered,
  late_orders: late,
  late_share: delivered > 0 ? late / delivered : NaN,
});

// 1,015 orders; South-East 850; North-East (BA, PE) 160; AC too small for the rankings.
const STATES = [
  row("SP", 500, 150, 480, 24),
  row("RJ", 200, 160, 190, 38),
  row("MG", 150, 140, 140, 6),
  row("BA", 100, 170, 95, 19),
  row("PE", 60, 180, 50, 10),
  row("AC", 5, 300, 4, 2),
];

describe("geography", () => {
  it("stateSummary keeps unmeasurable deliveries out of the late share (real-data quirks)", async () => {
    const db = await handDatabase({ quirks: true });
    try {
      const rows = await stateSummary(db);
      assert.deepEqual(
        rows.map((r) => [
          r.state,
          r.customers,
          r.orders,
          r.mean_order_value,
          r.delivered_orders,
          r.late_orders,
        ]),
        [
          ["RJ", 2, 3, 40, 1, 0], // o3 20, o4 0, o7 100 (delivered before purchase: not measurable)
          ["SP", 1, 2, 137.5, 2, 1],
          ["BA", 1, 1, 0, 0, 0], // o6: no delivery date, paid 0 (not_defined)
          ["MG", 1, 1, 33, 1, 0],
        ],
      );
      assert.ok(Number.isNaN(rows[2].late_share));
    } finally {
      db.close();
    }
  });

  it("stateRegion and stateGroupFacts", () => {
    assert.equal(stateRegion("SP"), "South-East");
    assert.equal(stateRegion("BA"), "North-East");
    assert.equal(stateRegion("XX"), null);
    assert.deepEqual(stateGroupFacts(STATES, ["BA", "PE"]), {
      orders: 160,
      orderShare: 160 / 1015,
      lateShare: 29 / 145,
    });
  });

  it("stateConcentrationTakeaway", () => {
    assert.equal(
      stateConcentrationTakeaway(STATES),
      "SP, RJ and MG, the 3 states with the most orders, place 83.7 % of orders (SP alone 49.3 %); the " +
        "South-East region (ES, MG, RJ, SP) places 83.7 %, more than half of all orders.",
    );
  });

  it("northEastTakeaway compares with Rio de Janeiro and the late share elsewhere", () => {
    // Late elsewhere: (24 + 38 + 6 + 2) / (480 + 190 + 140 + 4) = 70 / 814.
    assert.equal(
      northEastTakeaway(STATES),
      "The 9 North-East states together place 15.8 % of orders (0.8× the 200 orders of Rio de Janeiro " +
        "alone), and 20.0 % of their delivered orders arrive late against 8.6 % elsewhere. Whether the region " +
        "is a growth lever is a hypothesis the data cannot test (they hold no market size).",
    );
    // Without measurable deliveries in the region, no late share is stated.
    assert.equal(
      northEastTakeaway([row("RJ", 3, 40, 1, 0), row("BA", 1, 0, 0, 0)]),
      "The 9 North-East states together place 25.0 % of orders (0.3× the 3 orders of Rio de Janeiro " +
        "alone). Whether the region is a growth lever is a hypothesis the data cannot test (they hold no " +
        "market size).",
    );
  });

  it("orderValueByStateTakeaway ranks states with enough orders", () => {
    assert.equal(
      orderValueByStateTakeaway(STATES),
      "Among the 4 states with at least 100 orders, BA has the highest mean order (R$ 170, payments with " +
        "freight) and MG the lowest (R$ 140); SP, the state with the most orders, R$ 150. Whether basket " +
        "thresholds for offers should differ by region is a hypothesis to test.",
    );
    assert.equal(orderValueByStateTakeaway(STATES, 1000), "No state has 1,000 orders or more.");
  });

  it("lateByStateTakeaway ranks states with enough measurable deliveries", () => {
    // Overall 99 / 959 = 10.3 %; only RJ (20.0 %) is above among SP, RJ, MG (5.0 %, 4.3 %).
    assert.equal(
      lateByStateTakeaway(STATES),
      "Late deliveries range from 20.0 % in RJ to 4.3 % in MG (the 3 states with at least 100 measurable " +
        "delivered orders), against 10.3 % overall; 1 of them is above it. Whether apology-and-reward " +
        "campaigns win back customers where delivery fails most is a hypothesis to test.",
    );
  });

  it("geolocationSample keeps points inside Brazil, rounded", async () => {
    const db = await handDatabase();
    try {
      await insert(db, "geolocation", [
        ["01000", -23.5012, -46.6349, "sao paulo", "SP"],
        ["99999", 45.06, 121.1, "nowhere", "SP"],
      ]);
      const geo = await geolocationSample(db, 10);
      assert.deepEqual([Array.from(geo.lat), Array.from(geo.lng)], [[-23.5], [-46.63]]);
      await assert.rejects(() => geolocationSample(db, 0), /positive integer/);
    } finally {
      db.close();
    }
  });
});
