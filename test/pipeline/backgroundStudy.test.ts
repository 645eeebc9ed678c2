import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/data/db.js";
import type { DataSource } from "../../src/data/locate.js";
import { customerFeatures } from "../../src/features/customers.js";
import { runMaintenanceStudy } from "../../src/maintenance/study.js";
import { startMaintenanceStudy } from "../../src/pipeline/backgroundStudy.js";
import { openOlist } from "../../src/pipeline/openData.js";
import { chosenSegmentation } from "../../src/segments/chosen.js";
import { UsageError } from "../../src/util/errors.js";
import { writeOlistTwin } from "../../src/twin/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "background-study-"));
const cacheDir = path.join(dir, "cache");
const data = path.join(dir, "twin");

/** The report without its timing and the note of what ran beside it. */
const results = (report: Record<string, unknown>) => ({
  ...report,
  seconds: null,
  tableSeconds: null,
  ranBeside: null,
  options: { ...(report.options as object), workers: null },
});

describe("the maintenance study started in the background", () => {
  let db: Database;
  let source: DataSource;
  before(async () => {
    await writeOlistTwin({ outDir: data, seed: 11, customers: 2500 });
    ({ db, source } = await openOlist({ dataDir: data, log: () => {} }));
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("beside other queries on the same database it gives the study run alone", async () => {
    const segmentation = chosenSegmentation();
    const alone = await runMaintenanceStudy(db, source, {
      segmentation,
      useCache: false,
      cacheDir,
      workers: 1,
    });
    const study = startMaintenanceStudy(db, source, {
      segmentation,
      useCache: false,
      cacheDir,
      workers: 1,
      asOfGiven: false,
      ranBeside: "this test's queries",
      progress: "off",
    });
    // The job's own work meanwhile: customer tables on the same connection.
    const tables = await Promise.all(
      ["2017-10-01", "2018-02-01", "2018-06-01"].map((d) =>
        customerFeatures(db, { asOf: new Date(`${d}T00:00:00Z`) }),
      ),
    );
    for (const t of tables) assert.ok(t.ids.length > 100, `${t.ids.length} customers`);
    const beside = await study.result();
    await study.settled;
    assert.ok(beside);
    assert.equal(study.skipped, undefined);
    assert.equal(beside.report.ranBeside, "this test's queries");
    assert.deepEqual(
      results(beside.report as unknown as Record<string, unknown>),
      results(alone.report as unknown as Record<string, unknown>),
    );
    assert.deepEqual(beside.recommendation, alone.recommendation);
  });

  test("too little history: skipped with the reason when an as-of date was given, else the error", async () => {
    const early = new Date("2017-02-01T00:00:00Z");
    const given = startMaintenanceStudy(db, source, {
      end: early,
      cacheDir,
      asOfGiven: true,
      progress: "off",
    });
    assert.equal(await given.result(), null);
    assert.match(
      String(given.skipped),
      /^The maintenance study cannot run: Not enough data: the study needs 365 days of history before a training date .* Choose a later --as-of/,
    );
    await given.settled;

    const notGiven = startMaintenanceStudy(db, source, {
      end: early,
      cacheDir,
      asOfGiven: false,
      progress: "off",
    });
    await assert.rejects(notGiven.result(), UsageError);
    await notGiven.settled; // settles (does not reject) either way
  });
});
