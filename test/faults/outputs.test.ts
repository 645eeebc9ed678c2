/**
 * Outputs checked before any work, and written atomically: `--out` must be (or become) a writable
 * folder, or for `features` a writable `.csv` path; the check creates nothing; `features` replaces
 * its file by a rename (a reader, or a hard link to the old file, never sees it truncated).
 */
import assert from "node:assert/strict";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { writeOlistTwin } from "../../src/twin/index.js";
import { UsageError } from "../../src/util/errors.js";
import { checkOutputFile, checkOutputFolder } from "../../src/util/outputPath.js";
import { runInProcess } from "./faultKit.js";

describe("output locations", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "olist-outputs-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const usage = (f: () => unknown, message: RegExp) =>
    assert.throws(f, (e: Error) => e instanceof UsageError && message.test(e.message));

  test("folders: existing, to be created, empty, a file, under a file, unwritable", () => {
    const file = path.join(dir, "file");
    writeFileSync(file, "x");
    assert.equal(checkOutputFolder("--out", dir), dir);
    assert.equal(checkOutputFolder("--out", path.join(dir, "a", "b")), path.join(dir, "a", "b"));
    assert.equal(existsSync(path.join(dir, "a")), false, "the check creates nothing");
    assert.deepEqual(readdirSync(dir), ["file"], "no probe left behind");
    usage(() => checkOutputFolder("--out", ""), /^--out is empty; give a folder/);
    usage(() => checkOutputFolder("--out", "  "), /^--out is empty/);
    usage(
      () => checkOutputFolder("--out", file),
      /--out .*file is a file; give a folder for the outputs\./,
    );
    usage(
      () => checkOutputFolder("--out", path.join(file, "sub")),
      /--out .*file\/sub cannot be created: .*file is a file, not a folder\./,
    );
    usage(
      () => checkOutputFolder("--out", "/proc/olist"),
      /^--out \/proc\/olist \(its folder \/proc\) cannot be written/,
    );
  });

  test("files: a .csv path, not a folder, under a writable folder", () => {
    const folder = path.join(dir, "t.csv");
    mkdirSync(folder, { recursive: true });
    assert.equal(
      checkOutputFile("--out", path.join(dir, "new", "c.csv"), ".csv"),
      path.join(dir, "new", "c.csv"),
    );
    usage(() => checkOutputFile("--out", "", ".csv"), /^--out is empty; give a \.csv file/);
    usage(
      () => checkOutputFile("--out", path.join(dir, "c.txt"), ".csv"),
      /must name a \.csv file/,
    );
    usage(() => checkOutputFile("--out", folder, ".csv"), /t\.csv is a folder; give a \.csv file/);
    usage(() => checkOutputFile("--out", "/proc/x.csv", ".csv"), /cannot be written/);
  });

  test("npm run features replaces its file atomically (rename), leaving no temporary file", async () => {
    const twin = path.join(dir, "twin");
    await writeOlistTwin({ outDir: twin, seed: 3, customers: 300 });
    const out = path.join(dir, "features");
    mkdirSync(out);
    const file = path.join(out, "customers.csv");
    writeFileSync(file, "previous table\n");
    // A hard link keeps the old file's content if the new one arrives by rename; an in-place
    // rewrite (O_TRUNC) would change both.
    linkSync(file, path.join(dir, "old-link.csv"));
    const run = await runInProcess("features", ["--data", twin, "--out", file]);
    assert.equal(run.code, 0, run.line);
    assert.equal(readFileSync(path.join(dir, "old-link.csv"), "utf8"), "previous table\n");
    assert.match(readFileSync(file, "utf8"), /^customer_unique_id,recency_days,/);
    assert.deepEqual(readdirSync(out), ["customers.csv"]);
  });
});
