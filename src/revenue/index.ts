/** Where the money is: Pareto/Lorenz concentration of spend, overall and per segment, and its chart. */
export {
  concentrationReport,
  concentrationSentence,
  gini,
  revenueConcentration,
  segmentConcentration,
  topShare,
} from "./concentration.js";
export type {
  ConcentrationJson,
  ConcentrationOptions,
  RevenueConcentration,
  SegmentConcentration,
} from "./concentration.js";
export { paretoChart } from "./chart.js";
export type { ParetoChartOptions } from "./chart.js";
