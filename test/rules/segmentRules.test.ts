import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { featureUnit } from "../../src/rules/featureUnits.js";
import { immTree } from "../../src/rules/imm.js";
import { matchLeafRules } from "../../src/rules/leafConditions.js";
import { partitionCost } from "../../src/rules/partitionCost.js";
import { rawColumns, rawThreshold, treeInRawUnits } from "../../src/rules/rawUnits.js";
import { segmentRules } from "../../src/rules/segmentRules.js";
import { predictTree } from "../../src/rules/thresholdTree.js";
import { fitRfm, RFM_FEATURES, rfmTable } from "./rfmTable.js";

const table = rfmTable(400, 21);
const fit = fitRfm(table);
const transform = fit.model.toJSON().transform;
const input = {
  matrix: fit.matrix,
  labels: fit.labels,
  centroids: fit.model.centroids,
  transform,
  numeric: table.numeric,
  names: ["A", "B", "C", "D", "E"],
};
const rules = segmentRules(input);
const n = table.ids.length;

/** A customer's raw value as the rules read it: NaN is the model's imputed value. */
const rawValue = (r: number) => (feature: string) => {
  const x = table.numeric[feature as keyof typeof table.numeric][r];
  return Number.isNaN(x) ? transform.impute[RFM_FEATURES.indexOf(feature)] : x;
};

describe("segmentRules on an RFM + satisfaction table", () => {
  test("fidelity and per-segment fidelity equal a direct count of the written rules", () => {
    const json = JSON.parse(JSON.stringify(rules));
    let same = 0;
    const inSegment = new Array(5).fill(0);
    const found = new Array(5).fill(0);
    const selected = new Array(5).fill(0);
    for (let r = 0; r < n; r++) {
      const segment = matchLeafRules(json.leaves, rawValue(r));
      assert.notEqual(segment, -1, `customer ${r} matches no rule`);
      inSegment[fit.labels[r]]++;
      selected[segment]++;
      if (segment === fit.labels[r]) {
        same++;
        found[segment]++;
      }
    }
    assert.equal(json.fidelity, same / n);
    for (const card of rules.segments) {
      assert.equal(card.customers, inSegment[card.segment]);
      assert.equal(card.fidelity, found[card.segment] / inSegment[card.segment]);
      assert.equal(card.precision, found[card.segment] / selected[card.segment]);
    }
    assert.ok(rules.fidelity >= 0.9, `fidelity ${rules.fidelity}`);
  });

  test("writes the issue's format: fidelity, leaves of segment and raw-unit conditions", () => {
    const json = JSON.parse(JSON.stringify(rules));
    assert.equal(Object.keys(json)[0], "fidelity");
    assert.equal(Object.keys(json)[1], "leaves");
    for (const leaf of json.leaves) {
      assert.ok(Number.isInteger(leaf.segment) && leaf.segment >= 0 && leaf.segment < 5);
      for (const c of leaf.conditions) {
        assert.ok(RFM_FEATURES.includes(c.feature), c.feature);
        assert.ok(c.op === "<" || c.op === ">=");
        assert.equal(typeof c.value, "number");
      }
    }
    const leafCustomers = json.leaves.reduce(
      (a: number, l: { customers: number }) => a + l.customers,
      0,
    );
    assert.equal(leafCustomers, n);
  });

  test("raw-unit thresholds give exactly the model-space tree's assignment", () => {
    const tree = immTree(fit.matrix, fit.labels, fit.model.centroids);
    const inModel = predictTree(tree, fit.matrix);
    const inRaw = predictTree(
      treeInRawUnits(tree, transform),
      rawColumns(table.numeric, transform),
    );
    assert.deepEqual(inRaw, inModel);
    // The inverse really inverts the transform: expm1 after log1p for monetary.
    const f = RFM_FEATURES.indexOf("monetary");
    const z = (Math.log1p(150) - transform.center[f]) / transform.scale[f];
    assert.ok(Math.abs(rawThreshold(transform, f, z) - 150) < 1e-9);
  });

  test("rounding keeps the fidelity of the exact thresholds and gives readable values", () => {
    const kept = rules.sizes.find((s) => s.kept)!;
    assert.equal(rules.exactFidelity, kept.fidelity);
    assert.ok(rules.fidelity >= rules.exactFidelity);
    for (const t of rules.thresholds) {
      if (t.keptExact) continue;
      const grain = featureUnit(t.feature).grain;
      const steps = t.value / (grain / 100);
      assert.ok(Math.abs(steps - Math.round(steps)) < 1e-6, `${t.feature} ${t.value}`);
    }
    // Whole orders: the frequency threshold is an integer.
    for (const t of rules.thresholds.filter((x) => x.feature === "frequency")) {
      assert.ok(Number.isInteger(t.value), String(t.value));
    }
  });

  test("keeps the smallest tree within the tolerance of the largest", () => {
    const top = rules.sizes.reduce((m, s) => Math.max(m, s.fidelity), 0);
    const first = rules.sizes.findIndex((s) => s.fidelity >= top - 0.01);
    assert.equal(
      rules.sizes.findIndex((s) => s.kept),
      first,
    );
    assert.equal(rules.sizes[0].leaves, 5);
    assert.ok(rules.sizes.at(-1)!.leaves <= 10);
    const strict = segmentRules(input, { fidelityTolerance: 0 });
    const best = strict.sizes.find((s) => s.kept)!;
    assert.equal(best.fidelity, top);
    const immOnly = segmentRules(input, { maxLeaves: 5 });
    assert.equal(immOnly.sizes.length, 1);
  });

  test("price of explainability is the cost ratio of the two partitions", () => {
    const json = JSON.parse(JSON.stringify(rules));
    const labels = Int32Array.from({ length: n }, (_, r) =>
      matchLeafRules(json.leaves, rawValue(r)),
    );
    const ratio = partitionCost(fit.matrix, labels, 5) / partitionCost(fit.matrix, fit.labels, 5);
    assert.equal(rules.costRatio, ratio);
    assert.ok(ratio >= 1 && ratio < 1.5, String(ratio));
    // Own means cost at most what the k-means centres cost (equal when k-means converged exactly).
    assert.ok(rules.modelCost <= fit.kmeans.inertia * (1 + 1e-12));
    assert.ok(rules.modelCost > 0.99 * fit.kmeans.inertia);
  });

  test("states the missing values and how they are read", () => {
    let missing = 0;
    for (const x of table.numeric.mean_review_score) if (Number.isNaN(x)) missing++;
    assert.ok(missing > 0);
    assert.deepEqual(rules.missing, [
      { feature: "mean_review_score", customers: missing, readAs: transform.impute[3] },
    ]);
  });

  test("rejects a tree smaller than k", () => {
    assert.throws(
      () => segmentRules(input, { maxLeaves: 4 }),
      /maxLeaves must be an integer ≥ k = 5/,
    );
  });
});

describe("partitionCost", () => {
  test("sums squared distances to each group's own mean", () => {
    // Groups {0, 2} (mean 1: cost 2) and {10} (cost 0).
    const m = { data: Float64Array.from([0, 2, 10]), rows: 3, cols: 1 };
    assert.equal(partitionCost(m, Int32Array.from([0, 0, 1]), 2), 2);
    // 2-D: (0,0) and (2,2) around (1,1): 2 + 2.
    const m2 = { data: Float64Array.from([0, 0, 2, 2]), rows: 2, cols: 2 };
    assert.equal(partitionCost(m2, Int32Array.from([0, 0]), 1), 4);
  });
});
