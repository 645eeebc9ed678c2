import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { RefitJob } from "../../src/maintenance/refit.js";
import {
  prepareRefitMatrix,
  refitPool,
  runRefit,
  shareColumns,
  tableKey,
} from "../../src/maintenance/refit.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import { blobTable } from "../helpers/tables.js";
import { sealModelJson } from "../../src/segments/modelIntegrity.js";

const features = ["recency_days", "monetary"];
const table = blobTable(
  [
    [10, 10],
    [10, 30],
    [30, 20],
  ],
  50,
  7,
);
const spec = { features, log1p: ["monetary"], scaler: "standard" as const, k: 3, nInit: 4 };
const key = tableKey();
const job = (seed: number): RefitJob => ({
  spec,
  seed,
  key,
  asOf: table.asOf.getTime(),
  rows: table.ids.length,
  columns: shareColumns(table.numeric, features),
});

describe("refits inline and on worker threads", () => {
  test("a refit job fits exactly what fitSegmentModel fits on the full table, for every seed", () => {
    // The same key for all seeds: the transform is fitted once and reused.
    for (const seed of [5, 0, 9]) {
      const direct = fitSegmentModel(table, { ...spec, seed });
      const viaJob = runRefit(job(seed));
      assert.deepEqual(sealModelJson(viaJob.model), direct.model.toJSON()); // written models carry a checksum
      assert.deepEqual(viaJob.labels, direct.labels);
    }
    assert.equal(runRefit(job(1)).model.trainedOn.customers, 150);
    assert.notEqual(tableKey(), key);
  });

  test("jobs of another table under another key get that table's transform", () => {
    const other = blobTable(
      [
        [100, 5],
        [200, 50],
        [300, 20],
      ],
      40,
      8,
    );
    runRefit(job(0)); // fills the cache for `key`
    const fresh = runRefit({
      ...job(0),
      key: tableKey(),
      rows: other.ids.length,
      columns: shareColumns(other.numeric, features),
    });
    assert.deepEqual(
      sealModelJson(fresh.model),
      fitSegmentModel(other, { ...spec, seed: 0 }).model.toJSON(),
    );
  });

  test("a job with a prepared matrix fits the same model as from the columns, inline and on a worker", async () => {
    const prepared = prepareRefitMatrix(table.numeric, spec);
    assert.ok(prepared.data.buffer instanceof SharedArrayBuffer);
    assert.equal(prepared.data.length, 150 * 2);
    assert.deepEqual(prepared.transform.log1p, ["monetary"]);
    const fresh = tableKey(); // no transform cached for it: the prepared one is used
    const viaMatrix = (seed: number): RefitJob => ({
      ...job(seed),
      key: fresh,
      columns: {},
      prepared,
    });
    const pool = refitPool({ workers: 1 });
    try {
      for (const seed of [0, 3]) {
        const expected = runRefit(job(seed));
        const inline = runRefit(viaMatrix(seed));
        assert.deepEqual(inline.model, expected.model);
        assert.deepEqual(inline.labels, expected.labels);
        const threaded = await pool.fit(viaMatrix(seed));
        assert.deepEqual(threaded.model, expected.model);
        assert.deepEqual(threaded.labels, expected.labels);
      }
      const short = { ...prepared, data: prepared.data.subarray(0, 10) };
      assert.throws(
        () => runRefit({ ...viaMatrix(0), key: tableKey(), prepared: short }),
        /The prepared matrix has 10 values, not 150 × 2/,
      );
    } finally {
      await pool.close();
    }
  });

  test("shared columns are copies in shared memory; an unknown feature is an error", () => {
    const shared = shareColumns(table.numeric, features);
    assert.ok(shared.monetary.buffer instanceof SharedArrayBuffer);
    assert.deepEqual(Array.from(shared.monetary), Array.from(table.numeric.monetary));
    assert.throws(() => shareColumns(table.numeric, ["nope"]), /Feature "nope" is not a column/);
  });

  test("a pool of two workers returns each job's own result, identical to inline", async () => {
    const pool = refitPool({ workers: 2 });
    try {
      const seeds = [0, 1, 2, 3];
      const threaded = await Promise.all(seeds.map((s) => pool.fit(job(s))));
      threaded.forEach((r, i) => {
        const inline = runRefit(job(seeds[i]));
        assert.equal(r.model.seed, seeds[i]);
        assert.deepEqual(r.model, inline.model);
        assert.deepEqual(r.labels, inline.labels);
      });
    } finally {
      await pool.close();
    }
  });

  test("a failing job rejects with the worker's message; a closed pool rejects new jobs", async () => {
    const pool = refitPool({ workers: 1 });
    const bad: RefitJob = {
      ...job(0),
      columns: { ...job(0).columns, monetary: new Float64Array(150).fill(NaN) },
    };
    await assert.rejects(pool.fit(bad), /Column "monetary" has no value to fit on/);
    // The worker survives a failed job.
    assert.equal((await pool.fit(job(1))).model.seed, 1);
    await pool.close();
    await assert.rejects(pool.fit(job(2)), /refit pool closed/);
    assert.throws(() => refitPool({ workers: -1 }), /workers must be an integer ≥ 0/);
  });

  test("labels from a pool thread are in shared memory, never a transferred buffer", async () => {
    const pool = refitPool({ workers: 1 });
    try {
      const threaded = await pool.fit(job(0));
      assert.ok(threaded.labels.buffer instanceof SharedArrayBuffer);
      assert.deepEqual(threaded.labels, runRefit(job(0)).labels);
    } finally {
      await pool.close();
    }
  });
});
