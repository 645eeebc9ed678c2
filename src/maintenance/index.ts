/**
 * Maintenance: how long the segments stay valid (the one study), the retraining decision by stated
 * rules, the validated early-warning check, the cost, and the sentences and tables that state them.
 */
export type {
  CostAssumptions,
  MaintenanceStep,
  StudyDesign,
  StudySegmentation,
  TriggerCandidate,
  TriggerSignal,
} from "./policy.js";
export {
  ARI_THRESHOLD,
  CADENCE_WEEKS,
  CHECK_CADENCE_WEEKS,
  CHECK_SAMPLE_SIZE,
  CHECK_SEED,
  COST_ASSUMPTIONS,
  MAINTENANCE_METHOD_VERSION,
  MAINTENANCE_STEPS,
  MAINTENANCE_STUDY,
  MAX_EVALUATION_DATES,
  PSI_MAJOR,
  PSI_MODERATE,
  RUN_COVERAGE,
  SENSITIVITY_THRESHOLDS,
  TRIGGER_CANDIDATES,
  TRIGGER_MIN_SHARE,
  studyDesignReason,
  WARNING_ARI,
} from "./policy.js";
export type { PsiOptions } from "./drift.js";
export { centroidShift, migrationMatrix, populationStabilityIndex, psiAgainst } from "./drift.js";
export type { RefitJob, RefitPool, RefitResult, RefitSpec } from "./refit.js";
export { refitPool, refitTask, runRefit } from "./refit.js";
export type { FeatureSnapshot } from "./snapshot.js";
export { asNumericTable, CUSTOMER_KEYS_TABLE, featureSnapshot } from "./snapshot.js";
export type { OriginDesign } from "./grid.js";
export { defaultOrigins, evaluationGrid, studyOrigins } from "./grid.js";
export type { CheckOptions, CheckResult, SampledRefit } from "./check.js";
export { sampledCheck, sampledRefit, sampleRows } from "./check.js";
export { ariCurve, retrainDecision } from "./curve.js";
export type {
  CurvePoint,
  DatePoint,
  DriftPoint,
  MaintenanceOptions,
  MaintenancePoint,
  MaintenanceResult,
  Migration,
  RetrainDecision,
  TableProvider,
} from "./types.js";
export { simulateMaintenance } from "./simulate.js";
export type { MaintenanceReport, ReportDecision, ReportNumber, ReportRun } from "./report.js";
export { maintenanceReport } from "./report.js";
export type { CadenceQuality, CadenceRunSeries } from "./cadence.js";
export { cadenceQuality, cadenceRuleText, chooseCadence } from "./cadence.js";
export type { PlanCost } from "./cost.js";
export { planCost } from "./cost.js";
export type { TriggerRun, TriggerRunSeries, TriggerValidation } from "./trigger.js";
export {
  checkCadenceWeeks,
  chooseTrigger,
  triggerRule,
  triggerSignalText,
  validateTrigger,
} from "./trigger.js";
export type {
  MaintenanceRecommendation,
  RecommendedTrigger,
  RecommendOptions,
  RetrainRecommendation,
  TradeoffRow,
} from "./recommend.js";
export { checkRuleText, recommendRetraining, retrainSummary } from "./recommend.js";
export type { MaintenanceStudy, MaintenanceStudyOptions } from "./study.js";
export { frozenSegmentsAtOrigin, runMaintenanceStudy, writeMaintenanceReport } from "./study.js";
export type { RetrainingText } from "./text.js";
export {
  costText,
  crossingText,
  notStudiedText,
  ownerText,
  promiseText,
  recommendationText,
  retrainingText,
  studySummaryLines,
  triggerText,
} from "./text.js";
export {
  centroidTakeaway,
  curveTakeaway,
  driftTakeaway,
  firstOriginDrift,
  migrationTakeaway,
  psiAlarmDays,
  stayersNoiseTakeaway,
} from "./takeaways.js";
export type { CostChartData } from "./tables.js";
export {
  contractRows,
  costAssumptionRows,
  costChartData,
  runRows,
  sensitivityRows,
  studyDesignRows,
  tradeoffRows,
  triggerRows,
} from "./tables.js";
