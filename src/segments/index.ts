/** Segment model (fit, save, assign) and segment profiles. */
export * from "./model.js";
export * from "./profiles.js";
export * from "./chosen.js";
export * from "./naming.js";
export * from "./nameConditions.js";
export * from "./nameChoice.js";
export * from "./meanFeatures.js";
export * from "./namingChecks.js";
export * from "./imputation.js";
export * from "./marketingTakeaway.js";
export * from "./compare.js";
export * from "./output.js";
export * from "./run.js";
export * from "./selectionRule.js";
export * from "./selectionCandidates.js";
export * from "./selection.js";
export * from "./metricsFile.js";
