/** Notebook display: tables, banners and raw MIME bundles. */
export {
  displayBundle,
  displayHtml,
  escapeHtml,
  inNotebook,
  kernelDisplayWriter,
  noMathHtml,
} from "./notebook.js";
export type { MimeBundle, MimeJson, MimeMetadata } from "./notebook.js";
export { formatValue, renderHtmlTable, renderTextTable, showTable } from "./table.js";
export type { TableOptions } from "./table.js";
export { showSourceBanner, sourceBannerHtml, sourceBannerText } from "./banner.js";
export { fmt, percent, showTakeaway, takeawayBundle } from "./takeaway.js";
export { NO_MATH_CLASS, escapeMarkdown } from "./text.js";
export {
  scoreDecimals,
  scoreText,
  silhouetteIntervalText,
  silhouetteMethodText,
  silhouetteText,
  stabilityText,
} from "./scoreText.js";
export type { SilhouetteFigure } from "./scoreText.js";
