import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import {
  averageRanks,
  categoryTotals,
  correlationMatrix,
  delayBandLabels,
  orderValueByInstallments,
  ordersOverTime,
  ordersPerCustomer,
  deliveryTimes,
  reviewScoreByDelay,
  stateSummary,
  tableOverview,
  weekdayHourCounts,
} from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

describe("exploration queries on hand-made data", () => {
  let db: Database;
  before(async () => {
    db = await handDatabase();
  });
  after(() => db.close());

  it("tableOverview counts rows, types and missing values per table", async () => {
    const rows = await tableOverview(db);
    const orders = rows.find((r) => r.table === "orders")!;
    assert.equal(orders.rows, 5);
    assert.equal(orders.columns, 8);
    assert.equal(orders.column_types, "3 text, 5 timestamp");
    // approved 5 + carrier 5 + delivered 1 missing.
    assert.equal(orders.missing_cells, 11);
    assert.equal(orders.missing_share, 11 / 40);
    assert.equal(
      orders.columns_with_missing,
      "order_approved_at (5), order_delivered_carrier_date (5), order_delivered_customer_date (1)",
    );
    const sellers = rows.find((r) => r.table === "sellers")!;
    assert.deepEqual(
      [sellers.rows, sellers.missing_cells, sellers.missing_share, sellers.columns_with_missing],
      [0, 0, 0, ""],
    );
    assert.equal(rows.length, 9);
  });

  it("ordersOverTime fills empty months with 0", async () => {
    const { periods, orders } = await ordersOverTime(db, "month");
    assert.deepEqual(
      periods.map((d) => d.toISOString().slice(0, 10)),
      ["2018-01-01", "2018-02-01", "2018-03-01"],
    );
    assert.deepEqual(orders, [2, 0, 3]);
    const weeks = await ordersOverTime(db, "week");
    // Weeks start on Monday: 2018-01-01 is a Monday, 2018-03-04 a Sunday.
    assert.equal(weeks.periods[0].toISOString().slice(0, 10), "2018-01-01");
    assert.equal(weeks.periods.at(-1)!.toISOString().slice(0, 10), "2018-03-05");
    assert.equal(
      weeks.orders.reduce((s, n) => s + n, 0),
      5,
    );
    assert.equal(weeks.orders.at(-2), 1); // o3 on Sunday 2018-03-04, week of 2018-02-26
    await assert.rejects(() => ordersOverTime(db, "year" as "month"), /period must be/);
  });

  it("weekdayHourCounts puts Monday first and hours as columns", async () => {
    const counts = await weekdayHourCounts(db);
    assert.equal(counts.length, 7);
    assert.ok(counts.every((r) => r.length === 24));
    assert.equal(counts[0][10], 1); // o1 Monday 10:00
    assert.equal(counts[0][11], 1); // o2 Monday 11:30
    assert.equal(counts[6][23], 1); // o3 Sunday 23:10
    assert.equal(counts[0][8], 1); // o4 Monday 08:00
    assert.equal(counts[1][8], 1); // o5 Tuesday 08:00
  });

  it("categoryTotals uses English names, keeps unknown and sums item prices", async () => {
    assert.deepEqual(await categoryTotals(db), [
      { category: "health_beauty", orders: 2, items: 2, revenue: 200 },
      { category: "unknown", orders: 2, items: 2, revenue: 50 }, // pc (no category), px (no product)
      { category: "toys", orders: 1, items: 1, revenue: 50 },
    ]);
  });

  it("delayBandLabels names every band", () => {
    assert.deepEqual(delayBandLabels([-5, 0, 7]), [
      "5+ days early",
      "0–5 days early",
      "0–7 days late",
      "7+ days late",
    ]);
    assert.throws(() => delayBandLabels([0, 0]), /increase/);
    assert.throws(() => delayBandLabels([]), /at least one/);
  });

  it("reviewScoreByDelay averages the order scores per delay band", async () => {
    const rows = await reviewScoreByDelay(db, [-5, 0, 7]);
    assert.deepEqual(rows, [
      { band: "5+ days early", orders: 1, mean_score: 4.5, low_score_share: 0 }, // o2
      { band: "0–5 days early", orders: 1, mean_score: 5, low_score_share: 0 }, // o3
      { band: "0–7 days late", orders: 1, mean_score: 1, low_score_share: 1 }, // o1
    ]);
  });

  it("orderValueByInstallments bands orders by their largest instalment count", async () => {
    const bands = await orderValueByInstallments(db, [1, 2, 4, 7]);
    assert.deepEqual(
      bands.map((b) => [b.name, Array.from(b.values).sort((x, y) => x - y)]),
      [
        ["1", [20, 110]], // o3 (0 → 1), o2
        ["2–3", [33]], // o5; o4 paid 0 is left out
        ["7+", [165]], // o1
      ],
    );
    await assert.rejects(() => orderValueByInstallments(db, [2, 3]), /start at 1/);
  });

  it("ordersPerCustomer counts people, not customer_ids", async () => {
    assert.deepEqual(await ordersPerCustomer(db, { cap: 3 }), [
      { orders: "1", customers: 1, share: 1 / 3 },
      { orders: "2", customers: 2, share: 2 / 3 },
      { orders: "3+", customers: 0, share: 0 },
    ]);
    const delivered = await ordersPerCustomer(db, { statuses: ["delivered"], cap: 2 });
    assert.deepEqual(
      delivered.map((r) => [r.orders, r.customers]),
      [
        ["1", 2],
        ["2+", 1],
      ],
    );
  });
});

describe("per-state and delivery helpers", () => {
  let db: Database;
  before(async () => {
    db = await handDatabase();
  });
  after(() => db.close());

  it("stateSummary counts people, orders, order value and late share per state", async () => {
    const rows = await stateSummary(db);
    assert.deepEqual(rows, [
      // Ties on orders in alphabetical order.
      // o3 20 (early), o4 canceled paid 0: not measurable
      {
        state: "RJ",
        customers: 1,
        orders: 2,
        mean_order_value: 10,
        delivered_orders: 1,
        late_orders: 0,
        late_share: 0,
      },
      // o1 165 (late), o2 110 (early)
      {
        state: "SP",
        customers: 1,
        orders: 2,
        mean_order_value: 137.5,
        delivered_orders: 2,
        late_orders: 1,
        late_share: 0.5,
      },
      {
        state: "MG",
        customers: 1,
        orders: 1,
        mean_order_value: 33,
        delivered_orders: 1,
        late_orders: 0,
        late_share: 0,
      },
    ]);
  });

  it("deliveryTimes gives actual, promised and delay days of delivered orders", async () => {
    const t = await deliveryTimes(db);
    // Ordered by order_id: o1, o2, o3, o5.
    const round = (a: Float64Array) => Array.from(a, (v) => Math.round(v * 1000) / 1000);
    assert.deepEqual(round(t.delay_days), [2, -10.5, -3, -2]);
    assert.equal(round(t.actual_days)[0], Math.round((10 + 14 / 24) * 1000) / 1000);
    assert.equal(round(t.promised_days)[0], Math.round((8 + 14 / 24) * 1000) / 1000);
  });
});

describe("correlationMatrix", () => {
  it("averageRanks shares ranks between ties and keeps NaN", () => {
    assert.deepEqual(Array.from(averageRanks([10, 20, 20, NaN, 5])), [2, 3.5, 3.5, NaN, 1]);
  });

  it("computes Pearson and Spearman with pairwise missing values", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 6, 8, 10];
    const z = [1, 8, 27, 64, 125]; // monotone, not linear
    const w = [5, 4, 3, NaN, 1];
    const p = correlationMatrix([x, y, z, w], "pearson");
    assert.equal(p[0][0], 1);
    assert.ok(Math.abs(p[0][1] - 1) < 1e-12);
    assert.ok(p[0][2] < 0.99 && p[0][2] > 0.9);
    assert.ok(Math.abs(p[0][3] + 1) < 1e-12); // over rows 0, 1, 2, 4
    assert.equal(p[2][0], p[0][2]);
    const s = correlationMatrix([x, z], "spearman");
    assert.ok(Math.abs(s[0][1] - 1) < 1e-12);
  });

  it("gives NaN for a constant column and checks its inputs", () => {
    const m = correlationMatrix([
      [1, 2, 3],
      [7, 7, 7],
    ]);
    assert.ok(Number.isNaN(m[0][1]) && Number.isNaN(m[1][1]));
    assert.throws(() => correlationMatrix([[1, 2], [1]]), /columns\[1\] has 1 values/);
    assert.throws(() => correlationMatrix([]), /must not be empty/);
    assert.throws(() => correlationMatrix([[1]], "kendall" as "pearson"), /method/);
  });
});
