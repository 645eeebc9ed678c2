/**
 * Rule cards: threshold rules on the customer table's raw columns that reproduce the segments, so
 * marketing can pick a segment's customers without the model. The rules come from an explainable
 * k-means tree in model space — IMM with k leaves, expanded by ExKMC up to `maxLeaves` (default 2k)
 * — whose thresholds are converted back to raw units (exact: the transform is increasing) and
 * rounded to readable values without lowering the fidelity (`roundThresholds.ts`).
 *
 * Size of the tree, by a stated rule: the smallest tree in the IMM → ExKMC sequence whose fidelity
 * is within `fidelityTolerance` (default 1 percentage point) of the largest tree's.
 *
 * Fidelity is the share of customers whose rule segment equals their model segment; per segment,
 * the share of its customers the rules assign to it. The price of explainability is the k-means
 * cost (sum of squared distances to the group mean, in model space) of the rules' k groups, each
 * with its own centroid, over the cost of the model's partition (as ExKMC's `score`).
 */
import type { Matrix } from "../cluster/matrix.js";
import type { TransformJSON } from "../features/transform.js";
import { exkmcTree, truncateExpansion } from "./exkmc.js";
import type { Condition } from "./featureUnits.js";
import { conditionWords, featureUnit } from "./featureUnits.js";
import { immTree } from "./imm.js";
import { leafConditions } from "./leafConditions.js";
import { rawColumns, treeInRawUnits } from "./rawUnits.js";
import type { RoundedThreshold } from "./roundThresholds.js";
import { roundThresholds } from "./roundThresholds.js";
import { presortColumns } from "./splitSearch.js";
import { partitionCost } from "./partitionCost.js";
import { predictTree, pruneSameSegmentSplits, routeToLeaves } from "./thresholdTree.js";

/** What {@link segmentRules} reads: the fitted segmentation, in model space and in raw columns. */
export interface SegmentRulesInput {
  /** Customers in model space (the model's transform applied to the table). */
  matrix: Matrix;
  /** Model segment of each customer. */
  labels: Int32Array;
  /** Segment centroids in model space, k rows. */
  centroids: Matrix;
  /** The model's fitted transform (to convert thresholds to raw units). */
  transform: TransformJSON;
  /** The table's raw numeric columns (at least the transform's features). */
  numeric: Readonly<Record<string, Float64Array>>;
  /** Segment names, index = segment (default `Segment i`). */
  names?: readonly string[];
}

/** Options of {@link segmentRules}. */
export interface SegmentRulesOptions {
  /** Largest tree ExKMC grows (≥ k). Default 2k. */
  maxLeaves?: number;
  /** Keep the smallest tree within this fidelity of the largest. Default 0.01. */
  fidelityTolerance?: number;
}

/** One leaf of the rule tree, as written to `segment-rules.json`. */
export interface RuleLeaf {
  segment: number;
  conditions: Condition[];
  /** The conditions in words. */
  words: string;
  /** Customers the leaf's rule selects, and those of them in the leaf's model segment. */
  customers: number;
  inSegment: number;
}

/** The rule card of one segment. */
export interface SegmentRuleCard {
  segment: number;
  name: string;
  /** Customers of the segment (model). */
  customers: number;
  /** Share of the segment's customers the rules assign to it (its fidelity). */
  fidelity: number;
  /** Share of the customers the rules assign to the segment that are in it. */
  precision: number;
  /** Customers the rules assign to the segment. */
  ruleCustomers: number;
  /** One rule per leaf of the segment, in words ("either" one of them). */
  rules: string[];
  /** The conditions of each of those leaves. */
  conditions: Condition[][];
}

/** Everything {@link segmentRules} computed; `fidelity` and `leaves` are the format. */
export interface SegmentRules {
  fidelity: number;
  leaves: RuleLeaf[];
  segments: SegmentRuleCard[];
  customers: number;
  k: number;
  /** Price of explainability: k-means cost of the rules' partition / of the model's. */
  costRatio: number;
  treeCost: number;
  modelCost: number;
  /** Fidelity of every tree of the sequence (before rounding), the kept one marked. */
  sizes: { leaves: number; fidelity: number; kept: boolean }[];
  /** The rules of the method, in words. */
  method: string[];
  /** Each threshold: exact (raw units) and the readable value used. */
  thresholds: RoundedThreshold[];
  /** Fidelity with the exact raw thresholds, before rounding. */
  exactFidelity: number;
  /** Features with missing values, how many, and the value the rules (as the model) read instead. */
  missing: { feature: string; customers: number; readAs: number }[];
}

/**
 * Builds the rule cards of a fitted segmentation.
 *
 * @example
 * const fit = fitSegmentModel(table, chosenSegmentation());
 * const rules = segmentRules({ matrix: fit.matrix, labels: fit.labels, centroids: fit.model.centroids,
 *   transform: fit.model.toJSON().transform, numeric: table.numeric, names: fit.model.names });
 * rules.fidelity; // ≈ 0.92 on the twin
 */
export function segmentRules(
  input: SegmentRulesInput,
  options: SegmentRulesOptions = {},
): SegmentRules {
  const { matrix, labels, centroids, transform } = input;
  const k = centroids.rows;
  const n = matrix.rows;
  const maxLeaves = options.maxLeaves ?? 2 * k;
  const tolerance = options.fidelityTolerance ?? 0.01;
  if (!(Number.isInteger(maxLeaves) && maxLeaves >= k)) {
    throw new Error(`maxLeaves must be an integer ≥ k = ${k}, got ${maxLeaves}`);
  }
  if (n === 0) throw new Error("segmentRules needs at least one customer");
  const names = input.names ?? Array.from({ length: k }, (_, s) => `Segment ${s}`);
  const features = transform.features;

  const orders = presortColumns(matrix);
  const imm = immTree(matrix, labels, centroids, { orders });
  const grown = exkmcTree(matrix, labels, centroids, imm, { maxLeaves, orders });
  const sequence = [grown.start].concat(grown.steps);
  const top = sequence.reduce((m, s) => Math.max(m, s.agreeing), 0);
  const keep = sequence.findIndex((s) => s.agreeing / n >= top / n - tolerance);

  const raw = rawColumns(input.numeric, transform);
  const rawTree = treeInRawUnits(truncateExpansion(grown, keep), transform);
  const exactLabels = predictTree(rawTree, raw);
  const rounded = roundThresholds(rawTree, raw, labels, features);
  const tree = pruneSameSegmentSplits(rounded.tree);
  const ruleLabels = predictTree(tree, raw);

  const ruleCount = new Int32Array(k);
  const modelCount = new Int32Array(k);
  const bothCount = new Int32Array(k);
  let agreeing = 0;
  let exactAgreeing = 0;
  for (let r = 0; r < n; r++) {
    modelCount[labels[r]]++;
    ruleCount[ruleLabels[r]]++;
    if (ruleLabels[r] === labels[r]) {
      agreeing++;
      bothCount[labels[r]]++;
    }
    if (exactLabels[r] === labels[r]) exactAgreeing++;
  }
  const leafRules = leafConditions(tree, features);
  const leafOf = new Map(leafRules.map((l, i) => [l.node, i]));
  const leafCustomers = new Int32Array(leafRules.length);
  const leafInSegment = new Int32Array(leafRules.length);
  const routed = routeToLeaves(tree, raw);
  for (let r = 0; r < n; r++) {
    const i = leafOf.get(routed[r])!;
    leafCustomers[i]++;
    if (labels[r] === leafRules[i].segment) leafInSegment[i]++;
  }
  const leaves: RuleLeaf[] = leafRules
    .map((l, i) => ({
      segment: l.segment,
      conditions: l.conditions,
      words: conditionWords(l.conditions),
      customers: leafCustomers[i],
      inSegment: leafInSegment[i],
    }))
    .sort((a, b) => a.segment - b.segment || b.customers - a.customers);
  const segments: SegmentRuleCard[] = names.map((name, s) => ({
    segment: s,
    name,
    customers: modelCount[s],
    fidelity: modelCount[s] > 0 ? bothCount[s] / modelCount[s] : NaN,
    precision: ruleCount[s] > 0 ? bothCount[s] / ruleCount[s] : NaN,
    ruleCustomers: ruleCount[s],
    rules: leaves.filter((l) => l.segment === s).map((l) => l.words),
    conditions: leaves.filter((l) => l.segment === s).map((l) => l.conditions),
  }));
  const treeCost = partitionCost(matrix, ruleLabels, k);
  const modelCost = partitionCost(matrix, labels, k);
  const missing = features.flatMap((feature, f) => {
    const column = input.numeric[feature];
    let count = 0;
    for (let r = 0; r < column.length; r++) if (Number.isNaN(column[r])) count++;
    return count > 0 ? [{ feature, customers: count, readAs: transform.impute[f] }] : [];
  });
  return {
    fidelity: agreeing / n,
    leaves,
    segments,
    customers: n,
    k,
    costRatio: treeCost / modelCost,
    treeCost,
    modelCost,
    sizes: sequence.map((s, i) => ({
      leaves: s.leaves,
      fidelity: s.agreeing / n,
      kept: i === keep,
    })),
    method: methodWords(k, maxLeaves, tolerance, features),
    thresholds: rounded.thresholds,
    exactFidelity: exactAgreeing / n,
    missing,
  };
}

function methodWords(
  k: number,
  maxLeaves: number,
  tolerance: number,
  features: readonly string[],
): string[] {
  const grains = features.map((f) => `${featureUnit(f).grain} ${featureUnit(f).unit || "unit"}`);
  return [
    `IMM threshold tree with k = ${k} leaves (Dasgupta et al. 2020), expanded by ExKMC up to ${maxLeaves} leaves (Frost et al. 2020), in the model's space.`,
    `Kept: the smallest tree whose fidelity is within ${(100 * tolerance).toFixed(1)} percentage points of the largest tree's.`,
    "Thresholds converted to raw units through the inverse of the model's transform (expm1 after log1p, then the standard scaling undone).",
    `Each threshold rounded to the roundest multiple of 1, 2 or 5 × 10ⁿ × its grain (${grains.join(", ")}) that does not lower the fidelity; otherwise kept exact.`,
  ];
}
