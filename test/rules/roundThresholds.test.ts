import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { RawColumns } from "../../src/rules/rawUnits.js";
import { roundCandidates, roundThresholds } from "../../src/rules/roundThresholds.js";
import type { ThresholdTree } from "../../src/rules/thresholdTree.js";
import { leafNode, predictTree } from "../../src/rules/thresholdTree.js";

const columns = (values: number[]): RawColumns => ({
  rows: values.length,
  value: (r) => values[r],
});

const oneSplit = (threshold: number): ThresholdTree => ({
  nodes: [{ feature: 0, threshold, left: 1, right: 2, segment: -1 }, leafNode(0), leafNode(1)],
});

describe("roundThresholds", () => {
  test("candidates go from the roundest step down to a hundredth of the grain, nearer first", () => {
    const c = roundCandidates(152.38, 1);
    assert.deepEqual(c.slice(0, 5), [200, 100, 150, 160, 140]);
    assert.ok(c.includes(152.4) && c.includes(152.38));
    assert.deepEqual(roundCandidates(2.75, 0.1).slice(0, 4), [2, 4, 3, 2.5]);
    assert.deepEqual(roundCandidates(1.449, 1).slice(0, 2), [1, 2]);
  });

  test("takes the roundest value that keeps every customer's segment", () => {
    // Segment 0 up to R$ 152.30, segment 1 from R$ 152.46: only 152.4 (of the candidates) keeps both.
    const spend = [10, 50, 100, 152.3, 152.46, 180, 300];
    const labels = Int32Array.from([0, 0, 0, 0, 1, 1, 1]);
    const { tree, thresholds } = roundThresholds(oneSplit(152.38), columns(spend), labels, [
      "monetary",
    ]);
    assert.equal(tree.nodes[0].threshold, 152.4);
    assert.deepEqual(thresholds, [
      { node: 0, feature: "monetary", exact: 152.38, value: 152.4, keptExact: false },
    ]);
    // With room around the boundary, the value is round.
    const wide = [10, 50, 100, 120, 190, 250, 300];
    assert.equal(
      roundThresholds(oneSplit(152.38), columns(wide), labels, ["monetary"]).tree.nodes[0]
        .threshold,
      150,
    );
  });

  test("lets a later threshold spend what an earlier rounding gained, never ending below exact", () => {
    // Root: spend < 152.38 → segment 0, else recency < 55.5 → 1, else 2. The customer at R$ 151
    // (segment 1) is on the wrong side; rounding the root to R$ 150 fixes it, and that gain lets
    // the recency threshold become 50 although the customer at 51 days then leaves segment 1.
    const tree: ThresholdTree = {
      nodes: [
        { feature: 0, threshold: 152.38, left: 1, right: 2, segment: -1 },
        leafNode(0),
        { feature: 1, threshold: 55.5, left: 3, right: 4, segment: -1 },
        leafNode(1),
        leafNode(2),
      ],
    };
    const spend = [110, 120, 151, 160, 170, 180, 190];
    const recency = [80, 80, 10, 10, 51, 56, 70];
    const labels = Int32Array.from([0, 0, 1, 1, 1, 2, 2]);
    const raw: RawColumns = { rows: 7, value: (r, f) => (f === 0 ? spend[r] : recency[r]) };
    const agreeing = (t: ThresholdTree) =>
      predictTree(t, raw).filter((s, i) => s === labels[i]).length;
    assert.equal(agreeing(tree), 6);
    const { tree: out } = roundThresholds(tree, raw, labels, ["monetary", "recency_days"]);
    assert.equal(out.nodes[0].threshold, 150);
    assert.equal(out.nodes[2].threshold, 50);
    assert.equal(agreeing(out), 6);
  });

  test("keeps the exact threshold when no readable value keeps the fidelity", () => {
    const spend = [152.301, 152.302];
    const labels = Int32Array.from([0, 1]);
    const { thresholds } = roundThresholds(oneSplit(152.3015), columns(spend), labels, [
      "monetary",
    ]);
    assert.equal(thresholds[0].keptExact, true);
    assert.equal(thresholds[0].value, 152.3015);
  });

  test("stays inside the bounds the ancestors set", () => {
    // Root: x < 100 left. Its left child splits at 97; 100 would empty a leaf and is not tried.
    const tree: ThresholdTree = {
      nodes: [
        { feature: 0, threshold: 100, left: 1, right: 2, segment: -1 },
        { feature: 0, threshold: 97, left: 3, right: 4, segment: -1 },
        leafNode(2),
        leafNode(0),
        leafNode(1),
      ],
    };
    const x = [10, 96, 98, 99, 150];
    const labels = Int32Array.from([0, 0, 1, 1, 2]);
    const { tree: out } = roundThresholds(tree, columns(x), labels, ["recency_days"]);
    assert.ok(out.nodes[1].threshold < out.nodes[0].threshold);
    assert.deepEqual(Array.from(predictTree(out, columns(x))), [0, 0, 1, 1, 2]);
  });
});
