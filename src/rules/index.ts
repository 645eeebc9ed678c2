/** Rule cards: explainable threshold trees (IMM, ExKMC) in raw units, with fidelity and cost. */
export { segmentRules } from "./segmentRules.js";
export type {
  RuleLeaf,
  SegmentRuleCard,
  SegmentRules,
  SegmentRulesInput,
  SegmentRulesOptions,
} from "./segmentRules.js";
export {
  missingValuesText,
  ruleCardText,
  rulesSummaryText,
  segmentRuleWords,
} from "./ruleCardText.js";
export { boundWords, conditionWords, featureUnit, FEATURE_UNITS } from "./featureUnits.js";
export type { Condition, FeatureUnit as RuleFeatureUnit } from "./featureUnits.js";
export { immTree } from "./imm.js";
export { exkmcTree, truncateExpansion } from "./exkmc.js";
export type { ExkmcOptions, ExkmcResult, ExpansionStep } from "./exkmc.js";
export { leafConditions, matchLeafRules } from "./leafConditions.js";
export type { LeafRule } from "./leafConditions.js";
export { predictTree, routeToLeaves } from "./thresholdTree.js";
export type { ThresholdTree, TreeNode } from "./thresholdTree.js";
export { rawColumns, rawThreshold, treeInRawUnits } from "./rawUnits.js";
export { roundCandidates, roundThresholds } from "./roundThresholds.js";
export type { RoundedThreshold } from "./roundThresholds.js";
export { partitionCost } from "./partitionCost.js";
