/**
 * Chart toolbox: typed Plotly figure builders, one theme, notebook display with static fallback,
 * and static export (PNG/SVG/HTML) through Debian's Chromium.
 */
export type { Figure, NumericArray } from "./figure.js";
export { strideIndices, staticFigure, interactiveFigure } from "./figure.js";
export * from "./theme.js";
export type { Series } from "./series.js";
export * from "./histogram.js";
export * from "./bar.js";
export * from "./line.js";
export * from "./box.js";
export * from "./heatmap.js";
export * from "./scatter.js";
export * from "./pie.js";
export * from "./radar.js";
export * from "./dendrogram.js";
export * from "./sankey.js";
export * from "./brazilMap.js";
export * from "./stability.js";
export * from "./correlationCircle.js";
export * from "./shareBars.js";
export * from "./profileRadar.js";
export * from "./featureLabels.js";
export * from "./robustRange.js";
export { numberStyle, hoverValue, formatNumber } from "./hover.js";
export type { NumberStyle, NumberStyleHint } from "./hover.js";
export { figureBundle, compactFigure, PLOTLY_MIME } from "./bundle.js";
export type { FigureBundleOptions } from "./bundle.js";
export { checkFigureName, FIGURE_NAME_PATTERN } from "./names.js";
export {
  closeRenderer,
  renderPdf,
  renderPng,
  renderSvg,
  renderPngAndWebp,
  CHROMIUM_PATH,
  PDF_MARGIN,
} from "./render.js";
export type { PdfMargin, PdfOptions, RasterPair, RenderSize } from "./render.js";
export * from "./export.js";
export { showFigure, setDisplaySink, resetFigureSession } from "./display.js";
export type { ShowOptions, DisplaySink } from "./display.js";
export { standaloneHtml, notebookFigureHtml, plotlyLoaderHtml } from "./html.js";
