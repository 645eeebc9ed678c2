import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { dataChecksums, sha256File } from "../../src/data/checksums.js";
import { OLIST_TABLES } from "../../src/data/schema.js";
import { SHARED_OLIST, sharedSkipReason } from "../helpers/shared.js";

describe("data checksums", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "checksums-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("sha256File of known bytes", async () => {
    const file = path.join(dir, "abc.txt");
    writeFileSync(file, "abc");
    // FIPS 180-2 test vector for "abc".
    assert.equal(
      await sha256File(file),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  test("one entry per table, in schema order, with file name only, size and hash", async () => {
    const files = Object.fromEntries(
      OLIST_TABLES.map((spec, i) => {
        const file = path.join(dir, `${spec.table}.csv`);
        writeFileSync(file, `table ${i}\n`);
        return [spec.table, file];
      }),
    );
    const sums = await dataChecksums({ files } as never);
    assert.deepEqual(
      sums.map((s) => s.table),
      OLIST_TABLES.map((s) => s.table),
    );
    for (const s of sums) {
      const bytes = readFileSync(path.join(dir, s.file));
      assert.equal(s.bytes, bytes.length);
      assert.equal(s.sha256, createHash("sha256").update(bytes).digest("hex"));
      assert.ok(!s.file.includes("/"));
    }
  });

  test(
    "a .csv.gz is hashed as its CSV: SOURCE.md's checksums of the real files",
    { skip: sharedSkipReason() },
    async () => {
      const source = readFileSync(path.join(SHARED_OLIST, "SOURCE.md"), "utf8");
      for (const name of ["olist_sellers_dataset", "product_category_name_translation"]) {
        const m = new RegExp(`\\| ${name}\\.csv \\|[^\\n]*?([0-9a-f]{64})`).exec(source);
        assert.ok(m, `SOURCE.md lists the sha256 of ${name}.csv`);
        assert.equal(await sha256File(path.join(SHARED_OLIST, `${name}.csv.gz`)), m[1]);
      }
    },
  );
});
