import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  cachedResult,
  readCachedResult,
  resultCacheKey,
  resultCachePath,
} from "../../src/util/resultCache.js";

describe("result cache", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "olist-cache-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("keys do not depend on object key order and change with any value", () => {
    const a = resultCacheKey({ version: 1, design: { seeds: [0, 1], step: 7 } });
    const b = resultCacheKey({ design: { step: 7, seeds: [0, 1] }, version: 1 });
    assert.equal(a, b);
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.notEqual(a, resultCacheKey({ version: 1, design: { seeds: [1, 0], step: 7 } }));
    assert.notEqual(a, resultCacheKey({ version: 2, design: { seeds: [0, 1], step: 7 } }));
  });

  it("computes once, then reads the stored value", async () => {
    let calls = 0;
    const compute = () => {
      calls++;
      return { days: 42, at: "2018-08-30" };
    };
    const first = await cachedResult("study", "k1", compute, { dir });
    const second = await cachedResult("study", "k1", compute, { dir });
    assert.deepEqual(first, { value: { days: 42, at: "2018-08-30" }, cached: false });
    assert.deepEqual(second, { value: { days: 42, at: "2018-08-30" }, cached: true });
    assert.equal(calls, 1);
    const third = await cachedResult("study", "k1", compute, { dir, useCache: false });
    assert.equal(third.cached, false);
    assert.equal(calls, 2);
    assert.equal(readdirSync(dir).length, 1);
  });

  it("ignores an entry that is not valid JSON or belongs to another key", () => {
    writeFileSync(resultCachePath("study", "k2", dir), "{not json");
    assert.equal(readCachedResult("study", "k2", dir), undefined);
    writeFileSync(resultCachePath("study", "k3", dir), JSON.stringify({ key: "other", value: 1 }));
    assert.equal(readCachedResult("study", "k3", dir), undefined);
  });

  it("rejects a kind that is not a safe file-name word", () => {
    assert.throws(() => resultCachePath("../x", "k", dir), /lower-case words/);
  });
});
