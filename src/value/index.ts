/**
 * Customer value: MBG/NBD purchases × Gamma-Gamma spend, validated against a segment baseline on a
 * holdout year. Named exports only (the helpers of each module stay inside it).
 */
export type { PurchaseHistories, PurchasePatterns } from "./purchasePatterns.js";
export { purchasePatterns } from "./purchasePatterns.js";
export type {
  FittedPurchaseModel,
  PurchaseModelVariant,
  PurchaseParameters,
} from "./purchaseModel.js";
export {
  customerLogLikelihood,
  expectedPurchases,
  fitPurchaseModel,
  pAlive,
  purchaseLogLikelihood,
} from "./purchaseModel.js";
export type { FittedSpendModel, SpendParameters } from "./spendModel.js";
export { expectedSpend, fitSpendModel, populationMeanSpend } from "./spendModel.js";
export type { CustomerValueModel, CustomerValuePredictions } from "./customerValue.js";
export { fitCustomerValueModel, HORIZON_DAYS, predictCustomerValue } from "./customerValue.js";
export type { SegmentBaseline } from "./segmentBaseline.js";
export {
  lastPeriodBaseline,
  lifetimeRateBaseline,
  predictSegmentBaseline,
} from "./segmentBaseline.js";
export type { HoldoutComparison, PredictionErrors, ValueVerdict } from "./holdoutComparison.js";
export { compareOnHoldout, VALUE_VERDICT_RULE, valueVerdict } from "./holdoutComparison.js";
export type { HoldoutOutcome, ValueInputs } from "./valueInputs.js";
export { holdoutOutcome, valueInputs } from "./valueInputs.js";
export type { ValueStudy, ValueStudyOptions } from "./valueStudy.js";
export type { SegmentLabeller, ValueValidation } from "./valueValidation.js";
export { valueStudy } from "./valueStudy.js";
export type { SegmentValueRow, ValueColumn } from "./valueOutput.js";
export {
  customerValueCsv,
  VALUE_COLUMN_DOCS,
  VALUE_COLUMNS,
  valueBySegment,
  valueColumns,
  valueReport,
  writeValueFiles,
} from "./valueOutput.js";
