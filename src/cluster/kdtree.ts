/**
 * A static k-d tree over the rows of a {@link Matrix}, stored in typed arrays (no node objects),
 * for radius and k-nearest-neighbour queries in low dimension (DBSCAN, k-distance curves).
 * Nodes split at the median of their widest coordinate; leaves hold ≤ `leafSize` rows.
 */
import type { Matrix } from "./matrix.js";

/** A built k-d tree. Fields are read-only views for the query functions. */
export interface KdTree {
  /** The indexed data. */
  matrix: Matrix;
  /** Row indices, permuted so that every node covers a contiguous range. */
  index: Int32Array;
  /** Per node: first position in `index`. */
  start: Int32Array;
  /** Per node: one past the last position in `index`. */
  end: Int32Array;
  /** Per node: left child or -1 for a leaf (the right child is `right`). */
  left: Int32Array;
  /** Per node: right child or -1 for a leaf. */
  right: Int32Array;
  /** Per node: bounding box lower corner (`cols` values per node). */
  lower: Float64Array;
  /** Per node: bounding box upper corner. */
  upper: Float64Array;
}

/** Options of {@link buildKdTree}. */
export interface KdTreeOptions {
  /** Maximum rows in a leaf. Default 16. */
  leafSize?: number;
}

/**
 * Builds a k-d tree in O(n log n).
 *
 * @example
 * const tree = buildKdTree(matrix);
 * radiusNeighbors(tree, matrix.data, 0, 0.5); // rows within 0.5 of row 0
 */
export function buildKdTree(matrix: Matrix, options: KdTreeOptions = {}): KdTree {
  const { leafSize = 16 } = options;
  if (!Number.isInteger(leafSize) || leafSize < 1)
    throw new Error(`leafSize must be a positive integer, got ${leafSize}`);
  const { data, rows: n, cols: d } = matrix;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  const starts: number[] = [];
  const ends: number[] = [];
  const lefts: number[] = [];
  const rights: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];

  const build = (s: number, e: number): number => {
    const node = starts.length;
    starts.push(s);
    ends.push(e);
    lefts.push(-1);
    rights.push(-1);
    let widest = 0;
    let width = -1;
    for (let j = 0; j < d; j++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let p = s; p < e; p++) {
        const v = data[index[p] * d + j];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      lows.push(lo);
      highs.push(hi);
      if (hi - lo > width) {
        width = hi - lo;
        widest = j;
      }
    }
    if (e - s <= leafSize || width <= 0) return node;
    // Recursion whose depth is bounded by log2: the split is at the middle index (quickselect puts
    // ties on either side), so a child has at most ⌈size / 2⌉ rows and the depth is at most
    // ⌈log2(n / leafSize)⌉: 17 frames for 10⁵ rows, 24 for 10⁷ (test/cluster/kdtree.test.ts).
    const mid = (s + e) >>> 1;
    select(data, d, index, s, e - 1, mid, widest);
    // eslint-disable-next-line local/no-recursion -- depth ≤ ⌈log2(n / leafSize)⌉, see above
    lefts[node] = build(s, mid);
    // eslint-disable-next-line local/no-recursion -- depth ≤ ⌈log2(n / leafSize)⌉, see above
    rights[node] = build(mid, e);
    return node;
  };
  if (n > 0) build(0, n);
  return {
    matrix,
    index,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    left: Int32Array.from(lefts),
    right: Int32Array.from(rights),
    lower: Float64Array.from(lows),
    upper: Float64Array.from(highs),
  };
}

/** Quickselect (Hoare) on index[lo..hi] so that position k holds the k-th smallest coordinate `dim`. */
function select(
  data: Float64Array,
  d: number,
  index: Int32Array,
  lo: number,
  hi: number,
  k: number,
  dim: number,
): void {
  while (hi > lo) {
    const pivot = data[index[(lo + hi) >>> 1] * d + dim];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (data[index[i] * d + dim] < pivot) i++;
      while (data[index[j] * d + dim] > pivot) j--;
      if (i <= j) {
        const t = index[i];
        index[i] = index[j];
        index[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Squared distance from a query point to a node's bounding box (0 inside). */
function boxDistance(tree: KdTree, node: number, q: Float64Array, qo: number, d: number): number {
  let s = 0;
  const o = node * d;
  for (let j = 0; j < d; j++) {
    const x = q[qo + j];
    const lo = tree.lower[o + j];
    const hi = tree.upper[o + j];
    const u = x < lo ? lo - x : x > hi ? x - hi : 0;
    s += u * u;
  }
  return s;
}

/**
 * Visits every row within `radius` (inclusive, as scikit-learn) of the query point
 * `query[offset .. offset + cols)`; stops early and returns `limit` once `limit` rows are found.
 * Returns the number of rows visited.
 */
export function radiusSearch(
  tree: KdTree,
  query: Float64Array,
  offset: number,
  radius: number,
  visit: ((row: number) => void) | null,
  limit = Infinity,
): number {
  const { data, cols: d } = tree.matrix;
  if (tree.start.length === 0) return 0;
  const r2 = radius * radius;
  const stack: number[] = [0];
  let found = 0;
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (boxDistance(tree, node, query, offset, d) > r2) continue;
    if (tree.left[node] >= 0) {
      stack.push(tree.right[node], tree.left[node]);
      continue;
    }
    for (let p = tree.start[node]; p < tree.end[node]; p++) {
      const row = tree.index[p];
      let s = 0;
      const o = row * d;
      for (let j = 0; j < d; j++) {
        const u = data[o + j] - query[offset + j];
        s += u * u;
      }
      if (s <= r2) {
        if (visit) visit(row);
        if (++found >= limit) return found;
      }
    }
  }
  return found;
}

/**
 * Rows within `radius` of row `row` of the indexed matrix (including the row itself).
 */
export function radiusNeighbors(tree: KdTree, row: number, radius: number): number[] {
  const out: number[] = [];
  radiusSearch(tree, tree.matrix.data, row * tree.matrix.cols, radius, (r) => out.push(r));
  return out;
}

/**
 * Distance from the query point `query[offset ..]` to its k-th nearest indexed row (k = 1 is the
 * nearest; a query that is itself indexed counts itself, at distance 0).
 */
export function kthNeighborDistance(
  tree: KdTree,
  query: Float64Array,
  offset: number,
  k: number,
): number {
  const { data, rows: n, cols: d } = tree.matrix;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new Error(`k must be an integer in 1..${n}, got ${k}`);
  // Sorted (ascending) squared distances of the k best so far.
  const best = new Float64Array(k).fill(Infinity);
  const stack: number[] = [0];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (boxDistance(tree, node, query, offset, d) > best[k - 1]) continue;
    if (tree.left[node] >= 0) {
      // Visit the nearer child first so the bound tightens sooner.
      const l = tree.left[node];
      const r = tree.right[node];
      if (boxDistance(tree, l, query, offset, d) <= boxDistance(tree, r, query, offset, d))
        stack.push(r, l);
      else stack.push(l, r);
      continue;
    }
    for (let p = tree.start[node]; p < tree.end[node]; p++) {
      const o = tree.index[p] * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const u = data[o + j] - query[offset + j];
        s += u * u;
      }
      if (s < best[k - 1]) {
        let q = k - 1;
        while (q > 0 && best[q - 1] > s) {
          best[q] = best[q - 1];
          q--;
        }
        best[q] = s;
      }
    }
  }
  return Math.sqrt(best[k - 1]);
}
