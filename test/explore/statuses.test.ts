import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { statusCounts, statusGroups, statusTakeaway } from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

describe("order statuses", () => {
  it("statusCounts counts and shares orders per status, largest first", async () => {
    const db = await handDatabase({ quirks: true });
    try {
      assert.deepEqual(await statusCounts(db), [
        { status: "delivered", orders: 6, share: 6 / 7 },
        { status: "canceled", orders: 1, share: 1 / 7 },
      ]);
    } finally {
      db.close();
    }
  });

  it("statusGroups and statusTakeaway split delivered, failed and intermediate statuses", () => {
    const groups = statusGroups([
      { status: "delivered", orders: 90, share: 0.9 },
      { status: "shipped", orders: 6, share: 0.06 },
      { status: "unavailable", orders: 3, share: 0.03 },
      { status: "invoiced", orders: 1, share: 0.01 },
    ]);
    assert.deepEqual(groups, {
      orders: 100,
      delivered: 0.9,
      failed: 0.03,
      intermediate: 0.07,
      intermediateStatuses: ["shipped", "invoiced"],
    });
    assert.equal(
      statusTakeaway(groups),
      "90.0 % of orders were delivered, 3.0 % canceled or unavailable, and 7.0 % stopped at an intermediate " +
        "status (shipped, invoiced). The customer table counts delivered orders only, so segments describe " +
        "those purchases.",
    );
    const twoStatuses = statusGroups([
      { status: "delivered", orders: 4, share: 0.8 },
      { status: "canceled", orders: 1, share: 0.2 },
    ]);
    assert.equal(
      statusTakeaway(twoStatuses, ["delivered", "shipped"]),
      "80.0 % of orders were delivered, 20.0 % canceled or unavailable. The customer table counts delivered " +
        "and shipped orders only, so segments describe those purchases.",
    );
  });
});
