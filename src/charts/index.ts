/**
 * Chart toolbox: typed Plotly figure builders, one theme, notebook display with static fallback,
 * and static export (PNG/SVG/HTML) through Debian's Chromium.
 */
export type { Figure, NumericArray } from "./figure.js";
export { strideIndices, staticFigure, interactiveFigure } from "./figure.js";
export {
  axisStyle,
  baseLayout,
  CLUSTER_PALETTE,
  clusterColor,
  DIVERGING_COLORSCALE,
  EXPORT_SIZE,
  FONT_FAMILY,
  getChartLanguage,
  NEUTRAL_COLOR,
  NOTEBOOK_SIZE,
  SEGMENT_PALETTE,
  segmentColor,
  SEQUENTIAL_COLORSCALE,
  setChartLanguage,
  weekdayNames,
  withAlpha,
  word,
} from "./theme.js";
export type { ChartLanguage, ChartWord } from "./theme.js";
export type { Series } from "./series.js";
export { binValues, histogram } from "./histogram.js";
export type { Bins, HistogramOptions } from "./histogram.js";
export { barChart } from "./bar.js";
export type { BarOptions } from "./bar.js";
export { lineChart, toPlotlyX } from "./line.js";
export type { LineOptions, XValues } from "./line.js";
export { sweepCharts } from "./sweep.js";
export { kDistanceChart } from "./kDistance.js";
export { pcaCharts } from "./pcaCharts.js";
export type { PcaChartsInput } from "./pcaCharts.js";
export { boxChart, boxStats } from "./box.js";
export type { BoxGroup, BoxOptions, BoxStats } from "./box.js";
export { correlationHeatmap, heatmap, weekdayHourHeatmap } from "./heatmap.js";
export type { HeatmapOptions } from "./heatmap.js";
export { segmentScatter, segmentScatter3d, segmentScatterPair } from "./scatter.js";
export type { ScatterOptions, SegmentPoints } from "./scatterPoints.js";
export { segmentDonut } from "./pie.js";
export type { DonutOptions } from "./pie.js";
export { segmentRadar } from "./radar.js";
export type { RadarOptions, RadarProfile } from "./radar.js";
export { dendrogram, dendrogramLayout } from "./dendrogram.js";
export type { DendrogramLayout, DendrogramOptions } from "./dendrogram.js";
export { migrationFlows, migrationSankey } from "./sankey.js";
export type { SankeyFlows, SankeyOptions } from "./sankey.js";
export { BRAZIL_STATE_CENTROIDS, brazilStateMap, MAP_BUBBLE_COLOR } from "./brazilMap.js";
export type { BrazilMapOptions, LatLngPoints } from "./brazilMap.js";
export { stabilityChart } from "./stability.js";
export type { StabilityChartOptions } from "./stability.js";
export { correlationCircle } from "./correlationCircle.js";
export type { CircleLoading, CorrelationCircleOptions } from "./correlationCircle.js";
export { shareBars, shareText } from "./shareBars.js";
export type { ShareBarsOptions } from "./shareBars.js";
export { RADAR_SCALE_TITLE, segmentProfileRadar } from "./profileRadar.js";
export type { ProfileRadarOptions, RadarSegmentProfile } from "./profileRadar.js";
export { FEATURE_LABELS, featureLabel, formatFeatureValue } from "./featureLabels.js";
export type { FeatureLabel, FeatureUnit } from "./featureLabels.js";
export { robustRange } from "./robustRange.js";
export type { RobustRange, RobustRangeOptions } from "./robustRange.js";
export { numberStyle, hoverValue, formatNumber } from "./hover.js";
export type { NumberStyle, NumberStyleHint } from "./hover.js";
export { figureBundle, compactFigure, PLOTLY_MIME } from "./bundle.js";
export type { FigureBundleOptions } from "./bundle.js";
export { checkFigureName, FIGURE_NAME_PATTERN } from "./names.js";
export { renderPng, renderSvg, renderPngAndWebp } from "./render.js";
export type { RasterPair, RenderSize } from "./render.js";
export { closeRenderer, CHROMIUM_PATH, warmRenderer } from "./chromiumSession.js";
export { renderPdf, PDF_MARGIN } from "./renderPdf.js";
export type { PdfMargin, PdfOptions } from "./renderPdf.js";
export { exportFigure } from "./export.js";
export type { ExportedFiles, ExportFormat, ExportOptions } from "./export.js";
export { showFigure, setDisplaySink, resetFigureSession } from "./display.js";
export type { ShowOptions, DisplaySink } from "./display.js";
export { standaloneHtml, notebookFigureHtml, plotlyLoaderHtml } from "./html.js";
