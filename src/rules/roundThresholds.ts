/**
 * Readable thresholds. A threshold found by the tree (e.g. R$ 152.3817) is replaced by the roundest
 * number that does not lower the tree's fidelity. The rule, node by node in breadth-first order:
 * try the multiples of 1, 2, 5 × 10ⁿ × the feature's grain, from the largest step not above the
 * threshold down to the grain, then one hundredth of it; within a step the nearer multiple first;
 * a candidate must stay strictly inside the bounds the node's ancestors already put on the feature;
 * take the first candidate with which at least as many customers keep their model segment as
 * before; if none does, keep the exact threshold.
 */
import { featureUnit } from "./featureUnits.js";
import type { RawColumns } from "./rawUnits.js";
import type { ThresholdTree } from "./thresholdTree.js";
import { childBounds, rootBounds } from "./thresholdTree.js";

/** Candidate readable values for threshold `t` with the given grain, roundest first. */
export function roundCandidates(t: number, grain: number): number[] {
  const out: number[] = [];
  const steps: number[] = [];
  const top = Math.max(grain, Math.abs(t));
  for (let e = Math.floor(Math.log10(top / grain)) + 1; e >= -2; e--) {
    for (const m of [5, 2, 1]) {
      const step = m * 10 ** e * grain;
      if (step <= top && (e >= 0 || m === 1)) steps.push(step);
    }
  }
  for (const step of steps) {
    const down = Math.floor(t / step) * step;
    const up = down + step;
    const pair = t - down <= up - t ? [down, up] : [up, down];
    for (const v of pair) {
      // Decimal steps give binary noise (0.30000000000000004): keep 10 significant digits.
      const clean = Number(v.toPrecision(10));
      if (!out.includes(clean)) out.push(clean);
    }
  }
  return out;
}

/** Rows of `rows` that keep their label when routed from node `start` down. */
function agreeingFrom(
  tree: ThresholdTree,
  start: number,
  rows: Int32Array,
  raw: RawColumns,
  labels: Int32Array,
): number {
  const { nodes } = tree;
  let same = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let id = start;
    while (nodes[id].feature >= 0) {
      const node = nodes[id];
      id = raw.value(r, node.feature) < node.threshold ? node.left : node.right;
    }
    if (nodes[id].segment === labels[r]) same++;
  }
  return same;
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let r = 0; r < n; r++) rows[r] = r;
  return rows;
}

/** Rows whose path from the root passes through node `target`. */
function rowsThrough(tree: ThresholdTree, target: number, raw: RawColumns): Int32Array {
  const { nodes } = tree;
  const hits = new Int32Array(raw.rows);
  let count = 0;
  for (let r = 0; r < raw.rows; r++) {
    let id = 0;
    while (id !== target && nodes[id].feature >= 0) {
      const node = nodes[id];
      id = raw.value(r, node.feature) < node.threshold ? node.left : node.right;
    }
    if (id === target) hits[count++] = r;
  }
  return hits.slice(0, count);
}

/** What rounding did to one threshold. */
export interface RoundedThreshold {
  node: number;
  feature: string;
  exact: number;
  value: number;
  /** True when no readable value kept the fidelity and the exact threshold was kept. */
  keptExact: boolean;
}

/**
 * Rounds the raw thresholds of a tree by the rule of this module. `features` names the columns of
 * `raw` (the transform's feature order). Returns the rounded tree (a copy) and what changed.
 *
 * @example
 * const { tree: readable } = roundThresholds(rawTree, raw, labels, ["recency_days", "frequency", "monetary", "mean_review_score"]);
 */
export function roundThresholds(
  tree: ThresholdTree,
  raw: RawColumns,
  labels: Int32Array,
  features: readonly string[],
): { tree: ThresholdTree; thresholds: RoundedThreshold[] } {
  const out: ThresholdTree = { nodes: tree.nodes.map((node) => ({ ...node })) };
  const thresholds: RoundedThreshold[] = [];
  // Breadth-first, so that a node's bounds use its ancestors' rounded thresholds.
  // The fidelity to keep: that of the exact thresholds (a rounding that gains lets a later one lose as much).
  const target = agreeingFrom(out, 0, allRows(raw.rows), raw, labels);
  let current = target;
  const queue = [{ id: 0, ...rootBounds(features.length) }];
  for (let q = 0; q < queue.length; q++) {
    const { id, lo, hi } = queue[q];
    const node = out.nodes[id];
    if (node.feature < 0) continue;
    const f = node.feature;
    const exact = node.threshold;
    const rows = rowsThrough(out, id, raw);
    const before = agreeingFrom(out, id, rows, raw, labels);
    let chosen = exact;
    for (const v of roundCandidates(exact, featureUnit(features[f]).grain)) {
      if (!(v > lo[f] && v < hi[f])) continue;
      node.threshold = v;
      const after = current - before + agreeingFrom(out, id, rows, raw, labels);
      if (after >= target) {
        chosen = v;
        current = after;
        break;
      }
    }
    node.threshold = chosen;
    thresholds.push({
      node: id,
      feature: features[f],
      exact,
      value: chosen,
      keptExact: chosen === exact,
    });
    const [left, right] = childBounds({ lo, hi }, f, chosen);
    queue.push({ id: node.left, ...left }, { id: node.right, ...right });
  }
  return { tree: out, thresholds };
}
