import assert from "node:assert/strict";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { writeChunksAtomic, writeFileAtomic } from "../../src/util/atomicWrite.js";

describe("writeFileAtomic", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "olist-atomic-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes chunks one after the other: the bytes of the chunks joined", () => {
    const file = join(dir, "chunks.csv");
    writeChunksAtomic(file, ["id,n\n", Buffer.from("a,1\n"), "", "b,2\n"]);
    assert.equal(readFileSync(file, "utf8"), "id,n\na,1\nb,2\n");
    function* lines() {
      for (let i = 0; i < 3; i++) yield `${i}\n`;
    }
    writeChunksAtomic(file, lines());
    assert.equal(readFileSync(file, "utf8"), "0\n1\n2\n");
    rmSync(file);
  });

  it("writes text and bytes, replaces old content and leaves no temporary file", () => {
    const file = join(dir, "a.json");
    writeFileAtomic(file, '{"v":1}\n');
    assert.equal(readFileSync(file, "utf8"), '{"v":1}\n');
    writeFileAtomic(file, Buffer.from([0x25, 0x50, 0x44, 0x46]));
    assert.equal(readFileSync(file, "utf8"), "%PDF");
    assert.deepEqual(readdirSync(dir), ["a.json"]);
  });

  it("creates the folder and keeps the permissions of an existing target", () => {
    const file = join(dir, "deep", "er", "b.txt");
    writeFileAtomic(file, "first");
    chmodSync(file, 0o640);
    writeFileAtomic(file, "second");
    assert.equal(readFileSync(file, "utf8"), "second");
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it("on a failed write keeps the old content and removes the temporary file", () => {
    const sub = join(dir, "fail-write");
    mkdirSync(sub);
    const file = join(sub, "c.txt");
    writeFileSync(file, "old");
    // Not a string nor bytes: the write into the temporary file throws after it was created.
    assert.throws(() => writeFileAtomic(file, 42 as unknown as string), /data/);
    assert.equal(readFileSync(file, "utf8"), "old");
    assert.deepEqual(readdirSync(sub), ["c.txt"]);
  });

  it("on a failed rename leaves the target untouched and removes the temporary file", () => {
    const sub = join(dir, "fail-rename");
    const target = join(sub, "d");
    // A non-empty folder under the target name: the data are written, the rename fails.
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, "keep.txt"), "kept");
    assert.throws(() => writeFileAtomic(target, "new"), /EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    assert.deepEqual(readdirSync(sub), ["d"]);
    assert.equal(readFileSync(join(target, "keep.txt"), "utf8"), "kept");
  });
});
