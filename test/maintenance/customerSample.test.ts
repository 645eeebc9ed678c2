import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/data/db.js";
import {
  customerSampleFilter,
  customerSampleWords,
  maintenanceCustomerSample,
} from "../../src/maintenance/customerSample.js";
import { featureSnapshot } from "../../src/maintenance/snapshot.js";
import { openOlist } from "../../src/pipeline/openData.js";
import { writeOlistTwin } from "../../src/twin/write.js";

const dir = mkdtempSync(path.join(tmpdir(), "olist-customer-sample-"));
let db: Database;
const features = ["recency_days", "frequency", "monetary"];

describe("the maintenance study's customer sample (small twin, 4,000 customers)", () => {
  before(async () => {
    await writeOlistTwin({ outDir: dir, seed: 11, customers: 4000 });
    ({ db } = await openOlist({ dataDir: dir, log: () => {} }));
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the filter and the label state what is kept", () => {
    assert.equal(
      customerSampleFilter({ ppm: 100_000, seed: 3 }),
      "hash(customer_unique_id || ':3') % 1000000 < 100000",
    );
    assert.throws(() => customerSampleFilter({ ppm: 0, seed: 0 }), /ppm must be an integer/);
    assert.equal(
      customerSampleWords({ ppm: 156_094, seed: 0, customers: 960_960, kept: 150_012 }, 150_000),
      "on a seeded sample of 150,012 of 960,960 customers (15.6 %, by a hash of customer_unique_id; " +
        "the study runs in full up to 150,000)",
    );
  });

  test("none at or below maxCustomers; above it about maxCustomers kept, seeded", async () => {
    assert.equal(await maintenanceCustomerSample(db, { maxCustomers: 4000 }), null);
    const s = await maintenanceCustomerSample(db, { maxCustomers: 1000 });
    assert.ok(s);
    assert.equal(s.customers, 4000);
    assert.equal(s.ppm, 250_000);
    // Binomial(4000, 1/4): sd ≈ 27; within 5 sd.
    assert.ok(Math.abs(s.kept - 1000) < 140, `kept ${s.kept}`);
    const again = await maintenanceCustomerSample(db, { maxCustomers: 1000 });
    assert.deepEqual(again, s);
  });

  test("a sampled snapshot is the full one restricted to the same customers, at every date", async () => {
    const s = await maintenanceCustomerSample(db, { maxCustomers: 1000 });
    assert.ok(s);
    const filter = customerSampleFilter(s);
    let previous = new Set<number>();
    for (const day of ["2017-09-01", "2018-03-01", "2018-09-01"]) {
      const asOf = new Date(`${day}T00:00:00Z`);
      const full = await featureSnapshot(db, asOf, features);
      const part = await featureSnapshot(db, asOf, features, undefined, undefined, filter);
      assert.ok(part.ids.length > 0 && part.ids.length < full.ids.length);
      const row = new Map<number, number>();
      full.ids.forEach((id, i) => row.set(id, i));
      for (let i = 0; i < part.ids.length; i++) {
        const j = row.get(part.ids[i]);
        assert.notEqual(j, undefined);
        for (const f of features) assert.equal(part.numeric[f][i], full.numeric[f][j!]);
      }
      // Customers are followed: everyone sampled before is still sampled (they keep their orders).
      const now = new Set(part.ids);
      for (const id of previous) assert.ok(now.has(id), `customer key ${id} left the sample`);
      previous = now;
    }
    // The share of the last date's customers kept is about the rate (1/4).
    const last = await featureSnapshot(db, new Date("2018-09-01T00:00:00Z"), features);
    const share = previous.size / last.ids.length;
    assert.ok(Math.abs(share - 0.25) < 0.05, `share ${share}`);
  });
});
