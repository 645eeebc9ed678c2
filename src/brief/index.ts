/** The marketing brief: a self-contained HTML page and its A4 PDF, from the segmentation's results. */
export type {
  BriefCurvePoint,
  BriefDataSource,
  BriefInput,
  BriefMaintenance,
  BriefParts,
  BriefScores,
} from "./input.js";
export { briefInput, briefMaintenance, revenueShares } from "./input.js";
export type {
  BriefParetoCurve,
  BriefValue,
  BriefWorth,
  BriefWorthParts,
  BriefWorthSegment,
} from "./worth.js";
export { briefWorth } from "./worth.js";
export {
  formatMoneyCents,
  formatSignedShare,
  paretoText,
  rulesLeadText,
  stabilityWords,
  valueErrorText,
  valueMethodText,
  worthHtml,
} from "./worthHtml.js";
export type { BriefChartSegment } from "./charts.js";
export {
  ariFigure,
  BRIEF_CHART_WIDTH,
  BRIEF_PROFILE_FEATURES,
  deterministicSvg,
  profileFigure,
  renderBriefSvg,
  sharesFigure,
} from "./charts.js";
export { BRIEF_TITLE, briefHtml, SYNTHETIC_WARNING } from "./html.js";
export { BRIEF_FILES, BRIEF_PDF_OPTIONS, writeBrief } from "./write.js";
export type { WriteBriefOptions } from "./write.js";
export { BRIEF_INPUT_FILE, writeBriefInputFile } from "./inputFile.js";
export * from "./act.js";
export * from "./actLists.js";
export * from "./actHtml.js";
