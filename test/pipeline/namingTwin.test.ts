import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/data/db.js";
import { openOlist } from "../../src/pipeline/openData.js";
import { checkNaming } from "../../src/segments/namingChecks.js";
import { segmentCustomers } from "../../src/pipeline/segmentRun.js";
import { writeOlistTwin } from "../../src/twin/index.js";

describe("names and traits on a small twin", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "naming-twin-"));
  let db: Database;
  let result: Awaited<ReturnType<typeof segmentCustomers>>;
  before(async () => {
    await writeOlistTwin({ outDir: dir, seed: 7, customers: 3000 });
    const olist = await openOlist({ dataDir: dir, log: () => {} });
    db = olist.db;
    result = await segmentCustomers(db, olist.source, { exactSilhouette: false });
  });
  after(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("every name is true of ≥ 75 % of its members and sets it apart, every trait separates", () => {
    const checks = checkNaming(result.table, result.labels, result.marketing);
    assert.ok(checks.length >= result.marketing.length, `${checks.length} checks`);
    assert.deepEqual(
      checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.check} = ${c.value}`),
      [],
    );
    for (const row of result.marketing) {
      if (row.kind !== "mixed") assert.ok(row.nameShare >= 0.75, `${row.name} ${row.nameShare}`);
    }
  });
});
