/**
 * A threshold tree: a binary tree whose internal nodes test one feature against one threshold
 * (`x < threshold` goes left, `x ≥ threshold` right) and whose leaves carry a segment. It is the
 * shared shape of the IMM and ExKMC trees (`imm.ts`, `exkmc.ts`), in model space or in raw units.
 * Nodes are few (at most 2·maxLeaves − 1); the per-customer work (routing, counting) runs in flat
 * loops over typed arrays, without recursion.
 */
import type { Matrix } from "../cluster/matrix.js";

/** One node: a split (`feature ≥ 0`) or a leaf (`feature = −1`, `segment ≥ 0`). */
export interface TreeNode {
  /** Column tested at a split, −1 at a leaf. */
  feature: number;
  /** Rows with `x[feature] < threshold` go left, the others right (NaN at a leaf). */
  threshold: number;
  /** Child node ids (−1 at a leaf). */
  left: number;
  right: number;
  /** Segment of a leaf (−1 at a split). */
  segment: number;
}

/** A threshold tree; node 0 is the root. */
export interface ThresholdTree {
  nodes: TreeNode[];
}

/** A leaf node carrying `segment`. */
export function leafNode(segment: number): TreeNode {
  return { feature: -1, threshold: NaN, left: -1, right: -1, segment };
}

/** Turns leaf `id` into a split on `feature` at `threshold` with two new leaves; returns their ids. */
export function splitLeaf(
  tree: ThresholdTree,
  id: number,
  feature: number,
  threshold: number,
  leftSegment: number,
  rightSegment: number,
): [number, number] {
  const left = tree.nodes.push(leafNode(leftSegment)) - 1;
  const right = tree.nodes.push(leafNode(rightSegment)) - 1;
  tree.nodes[id] = { feature, threshold, left, right, segment: -1 };
  return [left, right];
}

/** Ids of the leaves, in node order. */
export function leafIds(tree: ThresholdTree): number[] {
  const ids: number[] = [];
  tree.nodes.forEach((node, id) => {
    if (node.feature < 0) ids.push(id);
  });
  return ids;
}

/**
 * The leaf each row of a matrix reaches (node ids). `value(row, feature)` may be given instead of
 * a matrix, e.g. to read raw columns.
 *
 * @example
 * const leaf = routeToLeaves(tree, matrix); // Int32Array, one leaf id per row
 */
export function routeToLeaves(
  tree: ThresholdTree,
  source: Matrix | { rows: number; value: (row: number, feature: number) => number },
): Int32Array {
  const { nodes } = tree;
  const out = new Int32Array(source.rows);
  const read =
    "data" in source
      ? (row: number, feature: number) => source.data[row * source.cols + feature]
      : source.value;
  for (let r = 0; r < source.rows; r++) {
    let id = 0;
    while (nodes[id].feature >= 0) {
      const node = nodes[id];
      id = read(r, node.feature) < node.threshold ? node.left : node.right;
    }
    out[r] = id;
  }
  return out;
}

/**
 * The segment the tree gives each row.
 *
 * @example
 * const ruleSegments = predictTree(tree, matrix);
 */
export function predictTree(
  tree: ThresholdTree,
  source: Parameters<typeof routeToLeaves>[1],
): Int32Array {
  const leaves = routeToLeaves(tree, source);
  for (let r = 0; r < leaves.length; r++) leaves[r] = tree.nodes[leaves[r]].segment;
  return leaves;
}

/** Number of rows whose two labels agree. */
export function agreementCount(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length)
    throw new Error(`labels differ in length (${a.length} vs ${b.length})`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same;
}

/**
 * Collapses every split whose two children are leaves of the same segment into one leaf (the
 * assignment does not change), repeatedly; node ids are renumbered (root stays 0).
 */
export function pruneSameSegmentSplits(tree: ThresholdTree): ThresholdTree {
  const nodes = tree.nodes.map((n) => ({ ...n }));
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of nodes) {
      if (node.feature < 0) continue;
      const l = nodes[node.left];
      const r = nodes[node.right];
      if (l.feature < 0 && r.feature < 0 && l.segment === r.segment) {
        Object.assign(node, leafNode(l.segment));
        changed = true;
      }
    }
  }
  // Keep only the nodes reachable from the root, in breadth-first order.
  const order: number[] = [0];
  for (let i = 0; i < order.length; i++) {
    const n = nodes[order[i]];
    if (n.feature >= 0) order.push(n.left, n.right);
  }
  const newId = new Map(order.map((old, i) => [old, i]));
  return {
    nodes: order.map((old) => {
      const n = nodes[old];
      return n.feature < 0
        ? leafNode(n.segment)
        : { ...n, left: newId.get(n.left)!, right: newId.get(n.right)! };
    }),
  };
}

/** Bounds `lo[f] ≤ x[f] < hi[f]` that a node's ancestors put on each feature. */
export interface NodeBounds {
  lo: Float64Array;
  hi: Float64Array;
}

/** The bounds of the root: none on any of `features` columns. */
export function rootBounds(features: number): NodeBounds {
  return {
    lo: new Float64Array(features).fill(-Infinity),
    hi: new Float64Array(features).fill(Infinity),
  };
}

/** The bounds of the two children of a split on `feature` at `threshold`. */
export function childBounds(
  bounds: NodeBounds,
  feature: number,
  threshold: number,
): [NodeBounds, NodeBounds] {
  const hi = bounds.hi.slice();
  hi[feature] = Math.min(hi[feature], threshold);
  const lo = bounds.lo.slice();
  lo[feature] = Math.max(lo[feature], threshold);
  return [
    { lo: bounds.lo, hi },
    { lo, hi: bounds.hi },
  ];
}
