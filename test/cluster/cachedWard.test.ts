import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { cachedWardMicroClusters } from "../../src/cluster/cachedWard.js";
import { wardMicroClusters } from "../../src/cluster/ward.js";
import { adjustedRandIndex } from "../../src/metrics/adjustedRandIndex.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

const dir = mkdtempSync(join(tmpdir(), "olist-ward-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("cachedWardMicroClusters: the fit of wardMicroClusters, computed once, then read equal", async () => {
  const { matrix, labels: truth } = makeBlobs(2000, 3, { centers: 4, spread: 10, seed: 3 });
  const options = { microClusters: 60, seed: 1 };
  const expected = wardMicroClusters(matrix, 4, options);
  // Four well-separated blobs: Ward finds them.
  assert.ok(adjustedRandIndex(expected.labels, truth) > 0.99);
  assert.deepStrictEqual(await cachedWardMicroClusters(matrix, 4, options), {
    ...expected,
    cached: false,
  });
  const first = await cachedWardMicroClusters(matrix, 4, { ...options, cache: { dir } });
  const second = await cachedWardMicroClusters(matrix, 4, { ...options, cache: { dir } });
  assert.equal(first.cached, false);
  assert.equal(second.cached, true);
  assert.deepStrictEqual(second, { ...expected, cached: true });
  assert.deepStrictEqual(first, { ...expected, cached: false });
  const files = () => readdirSync(dir).filter((f) => f.startsWith("ward-"));
  assert.equal(files().length, 1);
  // Another k, or other rows, is another entry.
  assert.equal(
    (await cachedWardMicroClusters(matrix, 3, { ...options, cache: { dir } })).cached,
    false,
  );
  const moved = { ...matrix, data: Float64Array.from(matrix.data, (x) => x + 1) };
  assert.equal(
    (await cachedWardMicroClusters(moved, 4, { ...options, cache: { dir } })).cached,
    false,
  );
  assert.equal(files().length, 3);
});
