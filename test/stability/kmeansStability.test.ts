import assert from "node:assert/strict";
import { test } from "node:test";
import { kmeansClusterer, wardMicroClusterer } from "../../src/cluster/clusterer.js";
import { clustererStability, kmeansStability } from "../../src/stability/kmeansStability.js";
import { makeBlobs } from "../helpers/makeBlobs.js";

test("stability: ~1 on clean blobs, lower on structureless data, seeded", () => {
  const { matrix } = makeBlobs(1500, 3, { centers: 3, clusterStd: 0.5, spread: 8, seed: 5 });
  const clean = kmeansStability(matrix, 3, { seedRuns: 3, bootstrapPairs: 2, seed: 1 });
  assert.equal(clean.seeds.values.length, 3);
  assert.equal(clean.bootstrap.values.length, 2);
  assert.ok(clean.seeds.min > 0.99 && clean.bootstrap.min > 0.99, JSON.stringify(clean.seeds));
  const noise = makeBlobs(1500, 3, { centers: 1, seed: 6 }).matrix;
  const fuzzy = kmeansStability(noise, 7, { seedRuns: 4, bootstrapPairs: 2, seed: 1 });
  assert.ok(fuzzy.seeds.mean < clean.seeds.mean, `${fuzzy.seeds.mean}`);
  assert.deepEqual(fuzzy, kmeansStability(noise, 7, { seedRuns: 4, bootstrapPairs: 2, seed: 1 }));
});

test("clustererStability takes any clusterer: Ward on micro-clusters is stable on clean blobs", () => {
  const { matrix } = makeBlobs(1500, 3, { centers: 3, clusterStd: 0.5, spread: 8, seed: 5 });
  const ward = (seed: number) => wardMicroClusterer(3, { microClusters: 30, seed });
  const s = clustererStability(matrix, 3, ward, { seedRuns: 3, bootstrapPairs: 2, seed: 1 });
  assert.equal(s.seeds.values.length, 3);
  assert.ok(s.seeds.min > 0.99 && s.bootstrap.min > 0.99, JSON.stringify(s.seeds));
  // kmeansStability is clustererStability with k-means, call for call.
  const viaInterface = clustererStability(
    matrix,
    3,
    (seed) => kmeansClusterer(3, { nInit: 1, seed }),
    { seedRuns: 3, bootstrapPairs: 2, seed: 1 },
  );
  assert.deepEqual(
    viaInterface,
    kmeansStability(matrix, 3, { seedRuns: 3, bootstrapPairs: 2, seed: 1 }),
  );
});
