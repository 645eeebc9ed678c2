import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import type { SelectionCandidate } from "../../src/segments/selectionRule.js";
import { SELECTION_RULE_TEXT, selectCandidate } from "../../src/segments/selectionRule.js";
import type { SelectionDesign } from "../../src/segments/selectionCandidates.js";
import {
  candidateId,
  candidateSegmentation,
  commonFeatureSet,
  featureSetSlug,
  selectionCandidates,
} from "../../src/segments/selectionCandidates.js";
import { decideSegmentation } from "../../src/segments/selection.js";
import { createRng } from "../../src/util/random.js";
import type { CustomerTable } from "../../src/features/definitions.js";

function cand(id: string, over: Partial<SelectionCandidate>): SelectionCandidate {
  return {
    id,
    label: id,
    features: "set",
    algorithm: "k-means",
    k: 4,
    silhouette: 0.3,
    daviesBouldin: 1,
    calinskiHarabasz: 100,
    smallestShare: 0.1,
    seedStability: 0.95,
    ...over,
  };
}

describe("selection rule", () => {
  test("drops unstable and tiny-segment candidates, picks the best silhouette of the rest", () => {
    const d = selectCandidate([
      cand("unstable", { silhouette: 0.5, seedStability: 0.7 }),
      cand("tiny", { silhouette: 0.45, smallestShare: 0.01 }),
      cand("good", { silhouette: 0.35 }),
      cand("fair", { silhouette: 0.3 }),
    ]);
    assert.equal(d.pick, "good");
    assert.deepEqual(
      d.candidates.map((c) => [c.id, c.eligible, c.picked]),
      [
        ["unstable", false, false],
        ["tiny", false, false],
        ["good", true, true],
        ["fair", true, false],
      ],
    );
    assert.equal(d.candidates[0].excludedBecause, "seed stability 0.700 < 0.9");
    assert.equal(d.candidates[1].excludedBecause, "smallest segment 1 % < 2 %");
    // The reason names the deciding values: the pick's silhouette, the runner-up, the better one dropped.
    assert.match(d.reason, /2 of 4 candidates dropped/);
    assert.match(d.reason, /highest common-space silhouette, 0\.350/);
    assert.match(d.reason, /Runner-up: fair, silhouette 0\.300/);
    assert.match(
      d.reason,
      /unstable separates better \(silhouette 0\.500\) but is dropped: seed stability 0\.700 < 0\.9/,
    );
    assert.equal(d.rule, SELECTION_RULE_TEXT);
  });

  test("silhouettes within the tie margin are decided by Davies-Bouldin", () => {
    const d = selectCandidate([
      cand("a", { silhouette: 0.352, daviesBouldin: 0.9 }),
      cand("b", { silhouette: 0.349, daviesBouldin: 0.8 }),
      cand("c", { silhouette: 0.3, daviesBouldin: 0.5 }),
    ]);
    assert.equal(d.pick, "b");
    assert.match(
      d.reason,
      /tied \(within 0\.005\) with 1 other\(s\), and the lowest Davies-Bouldin of them, 0\.800/,
    );
  });

  test("a NaN stability is not eligible; no eligible candidate is an error", () => {
    assert.throws(
      () => selectCandidate([cand("x", { seedStability: NaN }), cand("y", { smallestShare: 0 })]),
      /No candidate passes the selection rule .* among 2/,
    );
  });

  test("the rule text states the thresholds and the common space", () => {
    assert.match(SELECTION_RULE_TEXT, /below 0\.9/);
    assert.match(SELECTION_RULE_TEXT, /less than 2 %/);
    assert.match(SELECTION_RULE_TEXT, /common space/);
  });
});

/** Four well-separated blobs at the corners of a square in (x, y), 150 points each. */
function squareBlobs(seed: number) {
  const rng = createRng(seed);
  const centers = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
  ];
  const n = 600;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centers[i % 4];
    x[i] = cx + 0.7 * rng.normal();
    y[i] = cy + 0.7 * rng.normal();
  }
  // A table of two columns: the selection reads only the columns its feature sets name.
  return { numeric: { x, y }, asOf: new Date("2020-01-01T00:00:00Z") } as unknown as Pick<
    CustomerTable,
    "numeric" | "asOf"
  >;
}

const design: SelectionDesign = {
  featureSets: [
    { name: "X only", description: "x", features: ["x"], log1p: [] },
    { name: "X and Y", description: "x, y", features: ["x", "y"], log1p: [] },
  ],
  ks: [2, 3, 4, 5, 6],
  nInit: 4,
  seed: 0,
  silhouetteSampleSize: 600,
  stabilityRows: 600,
  stabilityRuns: 3,
};

describe("selection candidates", () => {
  test("ids, slugs and the common space", () => {
    assert.equal(featureSetSlug("RFM + satisfaction"), "rfm-satisfaction");
    assert.equal(candidateId("RFM + satisfaction", 5), "rfm-satisfaction/k-means/k5");
    assert.deepEqual(commonFeatureSet(design.featureSets).features, ["x", "y"]);
    const s = candidateSegmentation("x-and-y/k-means/k4", design);
    assert.deepEqual([s.features, s.k, s.candidate], [["x", "y"], 4, "x-and-y/k-means/k4"]);
    assert.throws(() => candidateSegmentation("x-and-y/k-means/k9", design), /not a candidate/);
  });

  test("four blobs: the rule picks k = 4 in the space that sees them", () => {
    const table = squareBlobs(1);
    const candidates = selectionCandidates(table, design);
    assert.equal(candidates.length, 10);
    const d = selectCandidate(candidates);
    assert.equal(d.pick, "x-and-y/k-means/k4");
    const picked = d.candidates.find((c) => c.picked)!;
    assert.ok(picked.seedStability > 0.99, `stability ${picked.seedStability}`);
    assert.ok(Math.abs(picked.smallestShare - 0.25) < 1e-12);
    // Scored in the common (x, y) space, "X only" with k = 2 separates worse than the 4 blobs.
    const xOnly2 = d.candidates.find((c) => c.id === "x-only/k-means/k2")!;
    assert.ok(xOnly2.silhouette < picked.silhouette);
  });

  test("the decision is cached by checksums and design", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selection-cache-"));
    try {
      const table = squareBlobs(2);
      const checksums = [{ table: "orders", file: "orders.csv", bytes: 1, sha256: "a" }];
      const first = await decideSegmentation(table, { checksums, design, cacheDir: dir });
      const second = await decideSegmentation(table, { checksums, design, cacheDir: dir });
      assert.equal(first.cached, false);
      assert.equal(second.cached, true);
      assert.deepEqual(second.report, first.report);
      assert.equal(second.segmentation.k, 4);
      const other = await decideSegmentation(table, {
        checksums: [{ ...checksums[0], sha256: "b" }],
        design,
        cacheDir: dir,
      });
      assert.equal(other.cached, false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
