/**
 * ExKMC (Frost, Moshkovitz and Rashtchian 2020, "ExKMC: Expanding Explainable k-Means
 * Clustering"): grows a threshold tree beyond k leaves. Starting from the IMM tree, every row is
 * routed to its leaf; each step splits the one leaf whose best cut lowers the surrogate k-means
 * cost most (each side pays the squared distances to its best centre among all k), and the two new
 * leaves carry those centres' segments. As in the reference implementation (navefr/ExKMC), a leaf
 * whose rows all belong to its own segment is not split; unlike it, a split must lower the cost
 * (a cut that lowers nothing would only add a rule).
 */
import type { Matrix } from "../cluster/matrix.js";
import type { SurrogateCut } from "./splitSearch.js";
import {
  leafSurrogateCost,
  minSurrogateCut,
  nodeRowsSorted,
  presortColumns,
} from "./splitSearch.js";
import type { ThresholdTree } from "./thresholdTree.js";
import { leafIds, leafNode, routeToLeaves, splitLeaf } from "./thresholdTree.js";

/** Options of {@link exkmcTree}. */
export interface ExkmcOptions {
  /** Largest number of leaves (≥ the base tree's). Default 2k. */
  maxLeaves?: number;
  /** Sorted row ids per column (from `presortColumns`), when the caller already has them. */
  orders?: Int32Array[];
}

/** One expansion step: the leaf split, its segment before, and the rows then matching their label. */
export interface ExpansionStep {
  leaf: number;
  previousSegment: number;
  /** Leaves of the tree after this step. */
  leaves: number;
  /** Rows whose tree segment equals their label after this step. */
  agreeing: number;
}

/** The result of {@link exkmcTree}. */
export interface ExkmcResult {
  /** The expanded tree (the base tree is not modified). */
  tree: ThresholdTree;
  /** Leaves and agreeing rows of the base tree. */
  start: { leaves: number; agreeing: number };
  /** The expansion steps in order; {@link truncateExpansion} rebuilds the tree after any of them. */
  steps: ExpansionStep[];
  /** Node count of the base tree (the nodes of step s are appended after it, two per step). */
  baseNodes: number;
}

/**
 * Expands `base` (normally the IMM tree of the same partition) with ExKMC up to `maxLeaves`.
 *
 * @example
 * const imm = immTree(matrix, labels, centroids);
 * const { tree, steps } = exkmcTree(matrix, labels, centroids, imm, { maxLeaves: 10 });
 */
export function exkmcTree(
  matrix: Matrix,
  labels: Int32Array,
  centers: Matrix,
  base: ThresholdTree,
  options: ExkmcOptions = {},
): ExkmcResult {
  const { rows: n, cols } = matrix;
  const k = centers.rows;
  const maxLeaves = options.maxLeaves ?? 2 * k;
  const orders = options.orders ?? presortColumns(matrix);
  const tree: ThresholdTree = { nodes: base.nodes.map((node) => ({ ...node })) };
  const nodeOf = routeToLeaves(tree, matrix);
  const dots = new Float64Array(n * k);
  const normSq = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < cols; j++) normSq[c] += centers.data[c * cols + j] ** 2;
  }
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += matrix.data[r * cols + j] * centers.data[c * cols + j];
      dots[r * k + c] = s;
    }
  }
  const count = new Map<number, number>();
  const wrong = new Map<number, number>();
  let agreeing = 0;
  for (let r = 0; r < n; r++) {
    const leaf = nodeOf[r];
    count.set(leaf, (count.get(leaf) ?? 0) + 1);
    if (labels[r] === tree.nodes[leaf].segment) agreeing++;
    else wrong.set(leaf, (wrong.get(leaf) ?? 0) + 1);
  }
  const start = { leaves: leafIds(tree).length, agreeing };
  const candidates = new Map<number, (SurrogateCut & { gain: number }) | null>();
  const candidateOf = (leaf: number) => {
    const m = count.get(leaf) ?? 0;
    if (!wrong.get(leaf)) return null;
    const cut = minSurrogateCut(matrix, orders, nodeOf, leaf, m, dots, normSq);
    if (cut === null) return null;
    const rows = nodeRowsSorted(orders[0], nodeOf, leaf, m);
    const gain = cut.cost - leafSurrogateCost(rows, dots, normSq).cost;
    return gain < 0 ? { ...cut, gain } : null;
  };
  for (const leaf of leafIds(tree)) candidates.set(leaf, candidateOf(leaf));
  const steps: ExpansionStep[] = [];
  let leaves = start.leaves;
  while (leaves < maxLeaves) {
    let chosen = -1;
    for (const [leaf, cut] of candidates) {
      if (cut && (chosen < 0 || cut.gain < candidates.get(chosen)!.gain)) chosen = leaf;
    }
    if (chosen < 0) break;
    const cut = candidates.get(chosen)!;
    const previousSegment = tree.nodes[chosen].segment;
    const [left, right] = splitLeaf(
      tree,
      chosen,
      cut.feature,
      cut.threshold,
      cut.leftCenter,
      cut.rightCenter,
    );
    candidates.delete(chosen);
    for (const id of [left, right]) {
      count.set(id, 0);
      wrong.set(id, 0);
    }
    for (let r = 0; r < n; r++) {
      if (nodeOf[r] !== chosen) continue;
      if (labels[r] === previousSegment) agreeing--;
      const id = matrix.data[r * cols + cut.feature] < cut.threshold ? left : right;
      nodeOf[r] = id;
      count.set(id, count.get(id)! + 1);
      if (labels[r] === tree.nodes[id].segment) agreeing++;
      else wrong.set(id, wrong.get(id)! + 1);
    }
    leaves++;
    steps.push({ leaf: chosen, previousSegment, leaves, agreeing });
    candidates.set(left, candidateOf(left));
    candidates.set(right, candidateOf(right));
  }
  return { tree, start, steps, baseNodes: base.nodes.length };
}

/**
 * The tree after the first `stepCount` expansion steps of an {@link exkmcTree} result (0 = the
 * base tree): the later splits are undone.
 */
export function truncateExpansion(result: ExkmcResult, stepCount: number): ThresholdTree {
  if (!(Number.isInteger(stepCount) && stepCount >= 0 && stepCount <= result.steps.length)) {
    throw new Error(`stepCount must be an integer in 0..${result.steps.length}, got ${stepCount}`);
  }
  const nodes = result.tree.nodes
    .slice(0, result.baseNodes + 2 * stepCount)
    .map((node) => ({ ...node }));
  for (let s = result.steps.length - 1; s >= stepCount; s--) {
    const { leaf, previousSegment } = result.steps[s];
    if (leaf < nodes.length) nodes[leaf] = leafNode(previousSegment);
  }
  return { nodes };
}
