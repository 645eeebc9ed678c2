import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/data/db.js";
import { customerFeatures } from "../../src/features/customers.js";
import { NUMERIC_FEATURES } from "../../src/features/definitions.js";
import { factsBuildCount, prepareFeatureFacts } from "../../src/features/facts.js";
import { customerSampleFilter } from "../../src/maintenance/customerSample.js";
import { CUSTOMER_KEYS_TABLE, featureSnapshot } from "../../src/maintenance/snapshot.js";
import { PROJECTED_COLUMNS, snapshotSql } from "../../src/maintenance/snapshotSql.js";
import { openOlist } from "../../src/pipeline/openData.js";
import { writeOlistTwin } from "../../src/twin/write.js";
import { microDatabase } from "../features/microData.js";

/** Asserts that a snapshot holds exactly the customerFeatures columns of the same date. */
async function assertSameAsTable(
  db: Database,
  asOf: Date,
  features: readonly string[],
  filter?: string,
): Promise<number> {
  const snapshot = await featureSnapshot(db, asOf, features, undefined, undefined, filter);
  const table = await customerFeatures(db, { asOf });
  const keys = new Map(
    (
      await db.rows<{ customer_unique_id: string; key: number }>(
        `SELECT customer_unique_id, key FROM ${CUSTOMER_KEYS_TABLE}`,
      )
    ).map((r) => [r.customer_unique_id, r.key]),
  );
  // The table restricted to the filter's customers (all without a filter), by key.
  const kept = filter
    ? new Set(
        (
          await db.rows<{ id: string }>(
            `SELECT customer_unique_id AS id FROM ${CUSTOMER_KEYS_TABLE} WHERE ${filter}`,
          )
        ).map((r) => r.id),
      )
    : null;
  const rows = table.ids.map((_, i) => i).filter((i) => !kept || kept.has(table.ids[i]));
  assert.deepEqual(
    Array.from(snapshot.ids),
    rows.map((i) => keys.get(table.ids[i])),
  );
  const numeric = table.numeric as Record<string, Float64Array>;
  for (const f of features) {
    const expected = Float64Array.from(rows, (i) => numeric[f][i]);
    assert.deepEqual(snapshot.numeric[f], expected, `${f} as of ${asOf.toISOString()}`);
  }
  return rows.length;
}

describe("the projected snapshot SQL", () => {
  test("covers every numeric feature but n_categories, which takes the full SQL", () => {
    assert.deepEqual(
      NUMERIC_FEATURES.filter((f) => !PROJECTED_COLUMNS.includes(f)),
      ["n_categories"],
    );
    assert.equal(snapshotSql(["recency_days", "n_categories"]), null);
    const sql = snapshotSql(["recency_days", "monetary"]);
    assert.ok(sql);
    // Only the aggregates the columns read: no review join, no category spend.
    assert.match(
      sql,
      /max\(c\.purchased_at\) AS last_purchase, round\(sum\(c\.payment_total\), 2\) AS monetary\n/,
    );
    assert.doesNotMatch(sql, /review|category/);
    assert.match(snapshotSql(["has_review"])!, /LEFT JOIN order_reviews_at/);
  });

  test("equals customerFeatures on the micro database, every column, at three dates", async () => {
    const db = await microDatabase();
    try {
      const sizes: number[] = [];
      for (const day of ["2018-01-15", "2018-03-01", "2018-03-10"])
        sizes.push(await assertSameAsTable(db, new Date(`${day}T00:00:00Z`), NUMERIC_FEATURES));
      assert.deepEqual(sizes, [1, 3, 3]);
      // Changed data, facts rebuilt: the copied orders follow (u1 paid R$ 100 more for o1).
      const asOf = new Date("2018-03-10T00:00:00Z");
      const before = await featureSnapshot(db, asOf, ["monetary"]);
      const builds = factsBuildCount(db);
      await db.run(
        "UPDATE order_payments SET payment_value = payment_value + 100 WHERE order_id = 'o1' AND payment_sequential = 1",
      );
      await prepareFeatureFacts(db);
      assert.equal(factsBuildCount(db), builds + 1);
      const after = await featureSnapshot(db, asOf, ["monetary"]);
      assert.equal(after.numeric.monetary[0], before.numeric.monetary[0] + 100);
      assert.deepEqual(after.numeric.monetary.subarray(1), before.numeric.monetary.subarray(1));
      await assertSameAsTable(db, asOf, NUMERIC_FEATURES);
    } finally {
      db.close();
    }
  });
});

describe("the projected snapshot SQL on a small twin (6,000 customers)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "olist-snapshot-sql-"));
  let db: Database;
  before(async () => {
    await writeOlistTwin({ outDir: dir, seed: 7, customers: 6000 });
    ({ db } = await openOlist({ dataDir: dir, log: () => {} }));
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("equals customerFeatures, every column, at four dates", async () => {
    const sizes: number[] = [];
    for (const day of ["2017-03-04", "2017-10-14", "2018-03-03", "2018-09-01"])
      sizes.push(await assertSameAsTable(db, new Date(`${day}T00:00:00Z`), NUMERIC_FEATURES));
    // The customers accumulate over the dates.
    for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] > sizes[i - 1], `${sizes}`);
    assert.ok(sizes[3] > 4000, `${sizes[3]} customers at the end`);
  });

  test("with a customer filter, and switching filters back and forth", async () => {
    const filter = customerSampleFilter({ ppm: 300_000, seed: 0 });
    const features = ["recency_days", "frequency", "monetary", "mean_review_score"];
    const asOf = new Date("2018-06-02T00:00:00Z");
    const sampled = await assertSameAsTable(db, asOf, features, filter);
    const full = await assertSameAsTable(db, asOf, features);
    assert.ok(sampled > 0.2 * full && sampled < 0.4 * full, `${sampled} of ${full}`);
    assert.equal(await assertSameAsTable(db, asOf, features, filter), sampled);
  });
});
