/**
 * The rules of a threshold tree's leaves: the tests on each leaf's path, reduced to at most one
 * lower bound (`≥`) and one upper bound (`<`) per feature, in feature order.
 */
import type { Condition } from "./featureUnits.js";
import type { ThresholdTree } from "./thresholdTree.js";
import { childBounds, rootBounds } from "./thresholdTree.js";

/** One leaf and its rule. */
export interface LeafRule {
  /** Node id of the leaf. */
  node: number;
  segment: number;
  conditions: Condition[];
}

/**
 * Every leaf's conditions, leaves in breadth-first order. `features[f]` names column f.
 *
 * @example
 * leafConditions(tree, ["recency_days", "monetary"]);
 * // [{ node: 1, segment: 0, conditions: [{ feature: "recency_days", op: "<", value: 180 }] }, …]
 */
export function leafConditions(tree: ThresholdTree, features: readonly string[]): LeafRule[] {
  const d = features.length;
  const out: LeafRule[] = [];
  const queue = [{ id: 0, ...rootBounds(d) }];
  for (let q = 0; q < queue.length; q++) {
    const { id, lo, hi } = queue[q];
    const node = tree.nodes[id];
    if (node.feature < 0) {
      const conditions: Condition[] = [];
      for (let f = 0; f < d; f++) {
        if (lo[f] > -Infinity) conditions.push({ feature: features[f], op: ">=", value: lo[f] });
        if (hi[f] < Infinity) conditions.push({ feature: features[f], op: "<", value: hi[f] });
      }
      out.push({ node: id, segment: node.segment, conditions });
      continue;
    }
    const [left, right] = childBounds({ lo, hi }, node.feature, node.threshold);
    queue.push({ id: node.left, ...left }, { id: node.right, ...right });
  }
  return out;
}

/**
 * The segment that a list of leaf rules gives one customer (`value(feature)` reads its raw value),
 * or −1 when no leaf's conditions all hold. Leaves of a tree never overlap, so the first match is
 * the only one.
 */
export function matchLeafRules(
  leaves: readonly { segment: number; conditions: readonly Condition[] }[],
  value: (feature: string) => number,
): number {
  for (const leaf of leaves) {
    if (
      leaf.conditions.every((c) =>
        c.op === "<" ? value(c.feature) < c.value : value(c.feature) >= c.value,
      )
    ) {
      return leaf.segment;
    }
  }
  return -1;
}
