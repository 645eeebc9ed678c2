/**
 * Customer features of the Olist marketplace: cleaning rules, the leak-free customer table at an
 * as-of date, invariant checks, model transforms and RFM scoring.
 */
export * from "./definitions.js";
export * from "./facts.js";
export * from "./customers.js";
export { parseAsOf, timestampLiteral } from "./asOfDate.js";
export { customerFeaturesSql } from "./customerSql.js";
export { orderAccounting } from "./orderAccounting.js";
export {
  DERIVED_FEATURES,
  derivedColumns,
  featureNames,
  sqlColumnsFor,
} from "./derivedFeatures.js";
export type { DerivedFeature, DerivedFeatureName, FeatureName } from "./derivedFeatures.js";
export * from "./asOf.js";
export * from "./cleaning.js";
export * from "./output.js";
export * from "./invariants.js";
export * from "./transform.js";
export * from "./rfm.js";
