/**
 * IMM, "Iterative Mistake Minimization" (Dasgupta, Frost, Moshkovitz and Rashtchian, ICML 2020,
 * "Explainable k-means and k-medians clustering"): a threshold tree with k leaves, one per k-means
 * centre, built top-down. Each node holds some centres and the rows of those centres that were
 * never separated from their own centre; its cut is the one that separates the fewest of those rows
 * from their centre (a "mistake"), with at least one centre on each side. Mistaken rows leave the
 * construction (as in the paper and the reference implementation, navefr/ExKMC); the finished tree
 * still routes every row.
 */
import type { Matrix } from "../cluster/matrix.js";
import { minMistakesCut, presortColumns } from "./splitSearch.js";
import type { ThresholdTree } from "./thresholdTree.js";
import { leafNode, splitLeaf } from "./thresholdTree.js";

/** Options of {@link immTree}. */
export interface ImmOptions {
  /** Sorted row ids per column (from `presortColumns`), when the caller already has them. */
  orders?: Int32Array[];
}

function checkInputs(matrix: Matrix, labels: Int32Array, centers: Matrix): void {
  if (labels.length !== matrix.rows) {
    throw new Error(`labels has ${labels.length} entries but the data has ${matrix.rows} rows`);
  }
  if (centers.cols !== matrix.cols) {
    throw new Error(`centres have ${centers.cols} columns but the data has ${matrix.cols}`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (!(labels[i] >= 0 && labels[i] < centers.rows)) {
      throw new Error(`labels[${i}] = ${labels[i]} is not a centre (0..${centers.rows - 1})`);
    }
  }
}

/**
 * The IMM threshold tree of a k-means partition: at most k leaves (exactly k unless a node's
 * remaining rows all belong to one of its centres), each leaf carrying one centre's segment.
 *
 * @example
 * const { labels, centroids } = kmeans(matrix, 5, { seed: 0 });
 * const tree = immTree(matrix, labels, centroids);
 * predictTree(tree, matrix); // the tree's segment of every row
 */
export function immTree(
  matrix: Matrix,
  labels: Int32Array,
  centers: Matrix,
  options: ImmOptions = {},
): ThresholdTree {
  checkInputs(matrix, labels, centers);
  const { cols } = matrix;
  const orders = options.orders ?? presortColumns(matrix);
  const nodeOf = new Int32Array(matrix.rows); // node of each row still in the construction, −1 once mistaken
  const tree: ThresholdTree = { nodes: [leafNode(-1)] };
  const allCenters = Array.from({ length: centers.rows }, (_, c) => c);
  const stack = [{ id: 0, centers: allCenters }];
  const present = new Int32Array(centers.rows);
  while (stack.length > 0) {
    const { id, centers: valid } = stack.pop()!;
    present.fill(0);
    let count = 0;
    for (let r = 0; r < nodeOf.length; r++) {
      if (nodeOf[r] === id) {
        present[labels[r]]++;
        count++;
      }
    }
    const presentCenters = valid.filter((c) => present[c] > 0);
    const cut =
      valid.length > 1 && presentCenters.length > 1
        ? minMistakesCut(matrix, orders, nodeOf, id, count, labels, centers, valid)
        : null;
    if (cut === null) {
      // One centre left, or only one centre's rows left: a leaf for the centre with the most rows.
      let best = valid[0];
      for (const c of valid) if (present[c] > present[best]) best = c;
      tree.nodes[id] = leafNode(best);
      continue;
    }
    const { feature, threshold } = cut;
    const [left, right] = splitLeaf(tree, id, feature, threshold, -1, -1);
    const goesLeft = (c: number) => centers.data[c * cols + feature] < threshold;
    for (let r = 0; r < nodeOf.length; r++) {
      if (nodeOf[r] !== id) continue;
      const rowLeft = matrix.data[r * cols + feature] < threshold;
      nodeOf[r] = rowLeft === goesLeft(labels[r]) ? (rowLeft ? left : right) : -1;
    }
    stack.push({ id: right, centers: valid.filter((c) => !goesLeft(c)) });
    stack.push({ id: left, centers: valid.filter(goesLeft) });
  }
  return tree;
}
