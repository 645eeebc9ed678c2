import assert from "node:assert/strict";
import { test } from "node:test";
import { Database } from "../../src/data/db.js";

test("float64Columns: select order, NULL as NaN, BIGINT and BOOLEAN as numbers, over several chunks", async () => {
  const db = await Database.open();
  try {
    // 5,000 rows: three DuckDB chunks of up to 2,048.
    const sql =
      "SELECT CAST(i AS INTEGER) AS key, i * 2 AS twice, CASE WHEN i % 3 = 0 THEN NULL ELSE i / 4 END AS q, " +
      "i % 2 = 0 AS even FROM range(5000) t(i) ORDER BY i";
    const [key, twice, q, even] = await db.float64Columns(sql);
    const expected = await db.numericColumns(sql);
    assert.equal(key.length, 5000);
    assert.deepEqual(key, expected.key);
    assert.deepEqual(twice, expected.twice);
    assert.deepEqual(q, expected.q);
    assert.deepEqual(even, expected.even);
    assert.deepEqual(Array.from(q.subarray(0, 5)), [NaN, 0.25, 0.5, NaN, 1]);
    assert.deepEqual(Array.from(even.subarray(0, 3)), [1, 0, 1]);
    assert.equal(twice[4999], 9998);
    // Parameters, and an empty result keeps its columns.
    const [none, other] = await db.float64Columns(
      "SELECT i, i + 1 FROM range(3) t(i) WHERE i > $m",
      {
        m: 5,
      },
    );
    assert.equal(none.length, 0);
    assert.equal(other.length, 0);
    await assert.rejects(
      db.float64Columns("SELECT 1 AS a, 'x' AS label"),
      /Column "label" is not numeric \(row 0 holds x\)/,
    );
  } finally {
    db.close();
  }
});

test("typedColumns: the values getColumnsJS gives, numbers as Float64Array, text as arrays, chunk by chunk", async () => {
  const db = await Database.open();
  try {
    // 5,000 rows: three DuckDB chunks of up to 2,048.
    const sql =
      "SELECT 'id' || lpad(CAST(i AS VARCHAR), 5, '0') AS id, i / 7 AS x, " +
      "CASE WHEN i % 3 = 0 THEN NULL ELSE i * 1.5 END AS q, i % 2 = 0 AS even, " +
      "CASE WHEN i % 5 = 0 THEN NULL ELSE 'S' || CAST(i % 4 AS VARCHAR) END AS state " +
      "FROM range(5000) t(i) ORDER BY i";
    const { float64, text } = await db.typedColumns(sql, undefined, ["id", "state"]);
    const reader = await db.reader(sql);
    const names = reader.columnNames();
    const all = reader.getColumnsJS();
    const col = (n: string) => all[names.indexOf(n)];
    assert.deepEqual(Object.keys(float64), ["x", "q", "even"]);
    assert.deepEqual(text.id, col("id"));
    assert.deepEqual(text.state, col("state"));
    assert.equal(text.state[0], null);
    for (const n of ["x", "q", "even"]) {
      const expected = Float64Array.from(col(n), (v) => (v ?? NaN) as number);
      assert.deepEqual(float64[n], expected, n);
    }
    assert.equal(float64.x.length, 5000);
    assert.ok(Number.isNaN(float64.q[0]));
    const empty = await db.typedColumns("SELECT 'a' AS id, 1.0 AS x WHERE false", undefined, [
      "id",
    ]);
    assert.deepEqual(empty.text.id, []);
    assert.equal(empty.float64.x.length, 0);
  } finally {
    db.close();
  }
});

test("DuckDB is capped at half the machine's memory and spills into its own temporary folder", async () => {
  const { tmpdir, totalmem } = await import("node:os");
  const { duckdbMemoryLimitBytes } = await import("../../src/data/db.js");
  assert.equal(duckdbMemoryLimitBytes(8 * 2 ** 30), 4 * 2 ** 30);
  const a = await Database.open();
  const b = await Database.open();
  try {
    const setting = async (db: Database, name: string) =>
      db.scalar<string>(`SELECT current_setting('${name}')`);
    const limit = await setting(a, "memory_limit");
    const gib = Number(limit.replace(/ GiB$/, ""));
    assert.ok(
      Math.abs(gib * 2 ** 30 - totalmem() / 2) < 0.1 * 2 ** 30, // DuckDB prints one decimal, truncated
      `${limit} vs ${totalmem()}`,
    );
    const tempA = await setting(a, "temp_directory");
    const tempB = await setting(b, "temp_directory");
    assert.ok(tempA.startsWith(tmpdir()), tempA);
    assert.notEqual(tempA, tempB, "two databases never share a spill folder");
  } finally {
    a.close();
    b.close();
  }
});

test(
  "queries started together run one at a time, in call order, each on a complete result",
  { timeout: 60_000 },
  async () => {
    const db = await Database.open();
    try {
      await db.run("CREATE TABLE t (x BIGINT)");
      // Not awaited in between: each count must see exactly the inserts called before it (without
      // the queue, @duckdb/node-api ran such calls out of order, 83 wrong counts in 200 rounds of 10,
      // and this test hung).
      const calls: Promise<unknown>[] = [];
      const expected: number[] = [];
      let rows = 0;
      for (let i = 0; i < 200; i++) {
        calls.push(db.run(`INSERT INTO t SELECT range FROM range(${1 + (i % 7)})`));
        rows += 1 + (i % 7);
        expected.push(rows);
        if (i % 3 === 0) calls.push(db.float64Columns("SELECT CAST(count(*) AS DOUBLE) FROM t"));
        else if (i % 3 === 1)
          calls.push(db.typedColumns("SELECT count(*) AS n FROM t", undefined, []));
        else calls.push(db.scalar<number>("SELECT count(*) FROM t"));
      }
      const results = await Promise.all(calls);
      const counts = expected.map((_, i) => {
        const r = results[2 * i + 1];
        if (i % 3 === 0) return (r as Float64Array[])[0][0];
        if (i % 3 === 1) return (r as { float64: Record<string, Float64Array> }).float64.n[0];
        return r as number;
      });
      assert.deepEqual(counts, expected);
      // A failing statement does not stop the queue.
      const failed = db.run("SELECT * FROM no_such_table");
      const after = db.scalar<number>("SELECT 7");
      await assert.rejects(failed, /no_such_table/);
      assert.equal(await after, 7);
    } finally {
      db.close();
    }
  },
);
