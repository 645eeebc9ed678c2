/**
 * Split search of the explainable k-means trees, by sweeping sorted values: every column is sorted
 * once (O(n log n)); a node's rows in sorted order are then a filter of that order (O(n)), and one
 * sweep over them evaluates every threshold of the column. Two criteria:
 * - IMM (Dasgupta et al. 2020): the fewest "mistakes", rows sent away from their own centre;
 * - ExKMC (Frost et al. 2020): the lowest surrogate k-means cost, each side paying the squared
 *   distances to its best centre among all k.
 * A threshold t sends `x < t` left; it is the midpoint between two consecutive distinct values.
 */
import type { Matrix } from "../cluster/matrix.js";

/** Row ids of each column sorted by value (ties by row id): `orders[feature]`. */
export function presortColumns(matrix: Matrix): Int32Array[] {
  const { data, rows, cols } = matrix;
  const orders: Int32Array[] = [];
  for (let f = 0; f < cols; f++) {
    const key = new Float64Array(rows);
    for (let r = 0; r < rows; r++) key[r] = data[r * cols + f];
    const order = new Int32Array(rows);
    for (let r = 0; r < rows; r++) order[r] = r;
    order.sort((a, b) => key[a] - key[b] || a - b);
    orders.push(order);
  }
  return orders;
}

/** The rows with `nodeOf[row] === node`, in the order of `order` (a sorted column). */
export function nodeRowsSorted(
  order: Int32Array,
  nodeOf: Int32Array,
  node: number,
  count: number,
): Int32Array {
  const out = new Int32Array(count);
  let p = 0;
  for (let i = 0; i < order.length; i++) if (nodeOf[order[i]] === node) out[p++] = order[i];
  return out;
}

/** A threshold between `v` and the next distinct value `next` that separates them (`v < t ≤ next`). */
function midpoint(v: number, next: number): number {
  const t = (v + next) / 2;
  return t > v ? t : next;
}

/** The best IMM cut of a node. */
export interface MistakesCut {
  feature: number;
  threshold: number;
  /** Rows of the node sent to the other side than their centre. */
  mistakes: number;
}

/**
 * The IMM cut of one node: the feature and threshold, with at least one of the node's centres on
 * each side, that separate the fewest rows from their centre. Ties: the lowest feature, then the
 * lowest threshold. Null when no feature separates two of the centres.
 */
export function minMistakesCut(
  matrix: Matrix,
  orders: Int32Array[],
  nodeOf: Int32Array,
  node: number,
  count: number,
  labels: Int32Array,
  centers: Matrix,
  validCenters: readonly number[],
): MistakesCut | null {
  const { data, cols } = matrix;
  const k = centers.rows;
  const perCenter = new Int32Array(k);
  const leftCount = new Int32Array(k);
  const centerLeft = new Uint8Array(k);
  let best: MistakesCut | null = null;
  for (let f = 0; f < cols; f++) {
    const rows = nodeRowsSorted(orders[f], nodeOf, node, count);
    const centerOrder = Array.from(validCenters).sort(
      (a, b) => centers.data[a * cols + f] - centers.data[b * cols + f] || a - b,
    );
    const cval = centerOrder.map((c) => centers.data[c * cols + f]);
    perCenter.fill(0);
    leftCount.fill(0);
    centerLeft.fill(0);
    for (let i = 0; i < rows.length; i++) perCenter[labels[rows[i]]]++;
    const kv = centerOrder.length;
    let mistakes = 0;
    let centersLeft = 0;
    let i = 0;
    let j = 0;
    while (centersLeft < kv) {
      const xv = i < rows.length ? data[rows[i] * cols + f] : Infinity;
      const v = Math.min(xv, cval[j]);
      // Move every row and centre of value v to the left side.
      while (i < rows.length && data[rows[i] * cols + f] === v) {
        const c = labels[rows[i]];
        leftCount[c]++;
        mistakes += centerLeft[c] ? -1 : 1;
        i++;
      }
      while (j < kv && cval[j] === v) {
        const c = centerOrder[j];
        mistakes += perCenter[c] - 2 * leftCount[c];
        centerLeft[c] = 1;
        centersLeft++;
        j++;
      }
      if (centersLeft === 0 || centersLeft === kv) continue;
      const next = Math.min(i < rows.length ? data[rows[i] * cols + f] : Infinity, cval[j]);
      if (best === null || mistakes < best.mistakes) {
        best = { feature: f, threshold: midpoint(v, next), mistakes };
      }
    }
  }
  return best;
}

/** The best ExKMC cut of a leaf. */
export interface SurrogateCut {
  feature: number;
  threshold: number;
  /** Surrogate cost of the two sides (without the constant Σ‖x‖²). */
  cost: number;
  leftCenter: number;
  rightCenter: number;
}

/** Best centre and its surrogate cost `n‖c‖² − 2 Σ x·c` for a side with `n` rows and dot sums. */
function bestCenter(n: number, dotSums: Float64Array, normSq: Float64Array): [number, number] {
  let cost = Infinity;
  let center = -1;
  for (let c = 0; c < normSq.length; c++) {
    const v = n * normSq[c] - 2 * dotSums[c];
    if (v < cost) {
      cost = v;
      center = c;
    }
  }
  return [center, cost];
}

/**
 * Surrogate cost of a leaf without a split: its rows all paying the distances to their best centre.
 * `dots[row * k + c]` is x_row · centre c, `normSq[c]` is ‖centre c‖².
 */
export function leafSurrogateCost(
  rows: Int32Array,
  dots: Float64Array,
  normSq: Float64Array,
): { center: number; cost: number } {
  const k = normSq.length;
  const sums = new Float64Array(k);
  for (let i = 0; i < rows.length; i++) {
    for (let c = 0; c < k; c++) sums[c] += dots[rows[i] * k + c];
  }
  const [center, cost] = bestCenter(rows.length, sums, normSq);
  return { center, cost };
}

/**
 * The ExKMC cut of one leaf: the feature and threshold whose two sides, each with its best centre
 * among all k, have the lowest surrogate cost. Ties: the lowest feature, then the lowest threshold.
 * Null when every feature is constant on the leaf.
 */
export function minSurrogateCut(
  matrix: Matrix,
  orders: Int32Array[],
  nodeOf: Int32Array,
  node: number,
  count: number,
  dots: Float64Array,
  normSq: Float64Array,
): SurrogateCut | null {
  const { data, cols } = matrix;
  const k = normSq.length;
  const total = new Float64Array(k);
  const left = new Float64Array(k);
  const right = new Float64Array(k);
  let best: SurrogateCut | null = null;
  for (let f = 0; f < cols; f++) {
    const rows = nodeRowsSorted(orders[f], nodeOf, node, count);
    if (f === 0) {
      for (let i = 0; i < rows.length; i++) {
        for (let c = 0; c < k; c++) total[c] += dots[rows[i] * k + c];
      }
    }
    left.fill(0);
    for (let i = 0; i < rows.length - 1; i++) {
      const r = rows[i];
      for (let c = 0; c < k; c++) left[c] += dots[r * k + c];
      const v = data[r * cols + f];
      const next = data[rows[i + 1] * cols + f];
      if (next === v) continue;
      for (let c = 0; c < k; c++) right[c] = total[c] - left[c];
      const [lc, lcost] = bestCenter(i + 1, left, normSq);
      const [rc, rcost] = bestCenter(rows.length - i - 1, right, normSq);
      const cost = lcost + rcost;
      if (best === null || cost < best.cost) {
        best = { feature: f, threshold: midpoint(v, next), cost, leftCenter: lc, rightCenter: rc };
      }
    }
  }
  return best;
}
