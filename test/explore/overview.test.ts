import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  columnMissing,
  columnMissingTakeaway,
  dataOverview,
  dataOverviewTakeaway,
  tablePreview,
  tablePreviews,
  tableSizes,
  tableSizesTakeaway,
} from "../../src/explore/index.js";
import { useHandDatabases } from "./handData.js";

describe("what was loaded", () => {
  const hand = useHandDatabases();

  it("columnMissing lists every column with its missing values", async () => {
    const rows = await columnMissing(hand.plain());
    assert.equal(rows.length, 52); // 8 + 5 + 7 + 5 + 7 + 9 + 4 + 5 + 2 columns
    const find = (table: string, column: string) =>
      rows.find((r) => r.table === table && r.column === column);
    assert.deepEqual(find("orders", "order_delivered_customer_date"), {
      table: "orders",
      column: "order_delivered_customer_date",
      type: "timestamp",
      missing: 1, // o4
      missing_share: 0.2,
    });
    assert.equal(find("products", "product_category_name")!.missing_share, 1 / 3); // pc
    assert.equal(find("sellers", "seller_id")!.missing_share, 0); // empty table
  });

  it("columnMissingTakeaway names the largest share and its ties", async () => {
    // orders 3 columns (approved, carrier 5/5, delivered 1/5), reviews title and message 4/4,
    // products 8 columns of pc (1/3): 13 columns; four of them are entirely empty.
    assert.equal(
      columnMissingTakeaway(await columnMissing(hand.plain())),
      "13 of the 52 columns hold missing values; the largest share is 100.0 % of rows, in " +
        "orders.order_approved_at (5 values) and 3 other columns.",
    );
    assert.equal(
      columnMissingTakeaway([
        { table: "t", column: "a", type: "text", missing: 0, missing_share: 0 },
      ]),
      "None of the 1 column has a missing value.",
    );
  });

  it("tableSizes and its takeaway compare record counts with the Kaggle release", () => {
    const sizes = tableSizes([
      {
        table: "orders",
        file: "/data/raw/olist_orders_dataset.csv.gz",
        records: 10,
        kaggleRecords: 10,
      },
      { table: "geolocation", file: "data\\twin\\geo.csv", records: 5, kaggleRecords: 1_000_163 },
    ]);
    assert.deepEqual(sizes, [
      {
        table: "orders",
        file: "olist_orders_dataset.csv.gz",
        records: 10,
        kaggle_release: 10,
        difference: 0,
      },
      {
        table: "geolocation",
        file: "geo.csv",
        records: 5,
        kaggle_release: 1_000_163,
        difference: -1_000_158,
      },
    ]);
    assert.equal(
      tableSizesTakeaway(sizes),
      "2 tables loaded, 15 records; 1 of 2 has the record count of the Kaggle release, 1 differs " +
        "(loaded vs release): geolocation 5 vs 1,000,163.",
    );
    assert.equal(
      tableSizesTakeaway(sizes.slice(0, 1)),
      "1 table loaded, 10 records; every table has the record count of the Kaggle release.",
    );
  });

  it("tablePreview sorts, limits, cuts review texts and keeps reviews with a comment", async () => {
    const orders = await tablePreview(hand.plain(), "orders", {
      orderBy: "order_purchase_timestamp",
      limit: 2,
    });
    assert.deepEqual(
      orders.map((r) => r.order_id),
      ["o1", "o2"],
    );
    assert.deepEqual(await tablePreview(hand.plain(), "order_reviews"), []); // no comment in the five orders
    const reviews = await tablePreview(hand.quirks(), "order_reviews");
    assert.deepEqual(
      reviews.map((r) => [r.review_id, r.review_comment_message]),
      [["r5", "veio errado"]],
    );
    await assert.rejects(
      () => tablePreview(hand.plain(), "orders", { orderBy: "nope" }),
      /not a column of orders/,
    );
    await assert.rejects(
      () => tablePreview(hand.plain(), "orders", { limit: 0 }),
      /positive integer/,
    );
  });

  it("tablePreviews shows six main tables and the reference tables", async () => {
    const previews = await tablePreviews(hand.plain());
    assert.deepEqual(
      previews.map((p) => p.caption),
      [
        "orders",
        "customers",
        "order_items",
        "order_payments",
        "order_reviews (rows with a comment)",
        "products",
        "The three reference tables (two rows each)",
      ],
    );
    assert.equal(previews[0].rows.length, 5);
    // No sellers nor geolocation rows: only the two translations.
    assert.deepEqual(
      previews[6].rows.map((r) => [r.table, r.id, r.city]),
      [
        ["category_translation", "beleza_saude", "health_beauty"],
        ["category_translation", "brinquedos", "toys"],
      ],
    );
  });

  it("dataOverview and its takeaway count orders, people and feedback", async () => {
    const facts = await dataOverview(hand.plain());
    assert.deepEqual(facts, {
      orders: 5,
      people: 3,
      reviews: 4,
      scored_review_share: 1,
      commented_review_share: 0,
      reviewed_order_share: 0.6, // o1, o2, o3
    });
    assert.equal(
      dataOverviewTakeaway(facts),
      "5 orders from 3 distinct people (customer_unique_id). Every review has a star score and 60.0 % of " +
        "orders have a scored review, but only 0.0 % of the 4 reviews carry a written comment: star scores " +
        "are the feedback that covers the most orders.",
    );
    const q = await dataOverview(hand.quirks());
    assert.deepEqual(
      [q.orders, q.people, q.reviews, q.commented_review_share, q.reviewed_order_share],
      [7, 5, 5, 0.2, 4 / 7],
    );
    assert.equal(
      dataOverviewTakeaway({ ...q, scored_review_share: 0.5, reviewed_order_share: 0.1 }),
      "7 orders from 5 distinct people (customer_unique_id). 50.0 % of reviews have a star score and 10.0 % " +
        "of orders have a scored review, but only 20.0 % of the 5 reviews carry a written comment.",
    );
  });
});
