import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/data/db.js";
import { customerFeatures } from "../../src/features/customers.js";
import { CUSTOMER_KEYS_TABLE, featureSnapshot } from "../../src/maintenance/snapshot.js";
import { microDatabase, T } from "../features/microData.js";

const features = ["recency_days", "frequency", "monetary", "mean_review_score"];

describe("feature snapshots of the micro database", () => {
  let db: Database;
  before(async () => {
    db = await microDatabase();
  });
  after(() => db.close());

  test("equal the customerFeatures columns at every date (first call and later ones)", async () => {
    // 2018-03-10: o3 delivered on 03-05 now counts, so u1 changes between the dates.
    for (const asOf of [T, new Date("2018-03-10T00:00:00Z"), T]) {
      const snapshot = await featureSnapshot(db, asOf, features);
      const table = await customerFeatures(db, { asOf });
      assert.equal(snapshot.asOf.getTime(), asOf.getTime());
      // Customers come as keys: the rank of customer_unique_id among the 5 people (u1 … u5).
      const keys = await db.rows<{ customer_unique_id: string; key: number }>(
        `SELECT customer_unique_id, key FROM ${CUSTOMER_KEYS_TABLE} ORDER BY key`,
      );
      assert.deepEqual(
        keys.map((k) => k.customer_unique_id),
        ["u1", "u2", "u3", "u4", "u5"],
      );
      assert.ok(snapshot.ids instanceof Int32Array);
      assert.deepEqual(
        Array.from(snapshot.ids, (k) => keys[k].customer_unique_id),
        table.ids,
      );
      for (const f of features)
        assert.deepEqual(snapshot.numeric[f], (table.numeric as Record<string, Float64Array>)[f]);
    }
    const later = await featureSnapshot(db, new Date("2018-03-10T00:00:00Z"), ["frequency"]);
    assert.deepEqual(Object.keys(later.numeric), ["frequency"]);
    assert.deepEqual(Array.from(later.numeric.frequency), [3, 1, 1]); // u1, u2, u4
    assert.deepEqual(Array.from(later.ids), [0, 1, 3]);
  });

  test("reject unknown features", async () => {
    await assert.rejects(
      featureSnapshot(db, T, ["recency_days", "x; DROP"]),
      /Unknown numeric feature\(s\) x; DROP/,
    );
  });
});
