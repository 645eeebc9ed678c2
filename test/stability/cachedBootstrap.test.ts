import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { Matrix } from "../../src/cluster/matrix.js";
import { bootstrapJaccard, kmeansFitter } from "../../src/stability/bootstrapJaccard.js";
import { cachedBootstrapJaccard } from "../../src/stability/cachedBootstrap.js";

/** 199 points on a line in two groups, plus one far outlier alone in segment 2. */
function data(): { matrix: Matrix; labels: Int32Array } {
  const rows = 200;
  const values = new Float64Array(rows * 2);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows - 1; i++) {
    labels[i] = i < 100 ? 0 : 1;
    values[i * 2] = labels[i] * 10 + (i % 7) * 0.1;
    values[i * 2 + 1] = (i % 5) * 0.1;
  }
  values[(rows - 1) * 2] = 100;
  labels[rows - 1] = 2;
  return { matrix: { data: values, rows, cols: 2 }, labels };
}

test("cached bootstrap: the same result as the uncached one (NaN kept), read on the second call", async () => {
  const { matrix, labels } = data();
  const dir = mkdtempSync(path.join(tmpdir(), "olist-stability-cache-"));
  try {
    const design = { runs: 6, sampleSize: 40, seed: 3 };
    const direct = bootstrapJaccard(matrix, labels, kmeansFitter(3, { nInit: 2 }), design);
    // The outlier is missed by some draws of 40 out of 200: its Jaccard is NaN there.
    assert.ok(Array.from(direct.jaccard).some(Number.isNaN));
    const first = await cachedBootstrapJaccard(matrix, labels, 3, { nInit: 2, dir, ...design });
    assert.equal(first.cached, false);
    assert.deepEqual(first.value, direct);
    const second = await cachedBootstrapJaccard(matrix, labels, 3, { nInit: 2, dir, ...design });
    assert.equal(second.cached, true);
    assert.deepEqual(second.value, direct);
    assert.ok(second.value.jaccard instanceof Float64Array);
    assert.equal(readdirSync(dir).length, 1);
    // Other labels, another seed: other entries, computed.
    const moved = Int32Array.from(labels);
    moved[0] = 1;
    const other = await cachedBootstrapJaccard(matrix, moved, 3, { nInit: 2, dir, ...design });
    assert.equal(other.cached, false);
    const seeded = await cachedBootstrapJaccard(matrix, labels, 3, {
      nInit: 2,
      dir,
      ...design,
      seed: 4,
    });
    assert.equal(seeded.cached, false);
    assert.equal(readdirSync(dir).length, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
