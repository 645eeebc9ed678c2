import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { matrixFromRows } from "../../src/cluster/matrix.js";
import { leafConditions, matchLeafRules } from "../../src/rules/leafConditions.js";
import type { ThresholdTree } from "../../src/rules/thresholdTree.js";
import {
  leafIds,
  leafNode,
  predictTree,
  pruneSameSegmentSplits,
  routeToLeaves,
} from "../../src/rules/thresholdTree.js";

// x0 < 5 → (x1 < 2 → 0, else x0 < 3 → 1 else 2); else (x0 < 8 → 1, else 1).
const tree: ThresholdTree = {
  nodes: [
    { feature: 0, threshold: 5, left: 1, right: 2, segment: -1 },
    { feature: 1, threshold: 2, left: 3, right: 4, segment: -1 },
    { feature: 0, threshold: 8, left: 5, right: 6, segment: -1 },
    leafNode(0),
    { feature: 0, threshold: 3, left: 7, right: 8, segment: -1 },
    leafNode(1),
    leafNode(1),
    leafNode(1),
    leafNode(2),
  ],
};
const points = matrixFromRows([
  [0, 0],
  [4.9, 1.9],
  [1, 5],
  [3, 5],
  [5, 0],
  [9, 9],
]);

describe("threshold trees", () => {
  test("route x < t left and x ≥ t right", () => {
    assert.deepEqual(Array.from(routeToLeaves(tree, points)), [3, 3, 7, 8, 5, 6]);
    assert.deepEqual(Array.from(predictTree(tree, points)), [0, 0, 1, 2, 1, 1]);
  });

  test("pruning collapses splits whose leaves share a segment, same assignment", () => {
    const pruned = pruneSameSegmentSplits(tree);
    assert.equal(leafIds(pruned).length, 4);
    assert.equal(pruned.nodes.length, 7);
    assert.deepEqual(predictTree(pruned, points), predictTree(tree, points));
  });

  test("leaf rules keep the tightest bound per feature and select what the tree routes", () => {
    const rules = leafConditions(tree, ["a", "b"]);
    const leaf8 = rules.find((r) => r.node === 8)!;
    assert.deepEqual(leaf8.conditions, [
      { feature: "a", op: ">=", value: 3 },
      { feature: "a", op: "<", value: 5 },
      { feature: "b", op: ">=", value: 2 },
    ]);
    for (let r = 0; r < points.rows; r++) {
      const value = (f: string) => points.data[r * 2 + (f === "a" ? 0 : 1)];
      assert.equal(matchLeafRules(rules, value), predictTree(tree, points)[r]);
    }
    assert.equal(
      matchLeafRules([{ segment: 0, conditions: [{ feature: "a", op: "<", value: 0 }] }], () => 1),
      -1,
    );
  });
});
