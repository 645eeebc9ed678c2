/**
 * The Pareto chart of spend: share of revenue brought by the top x % of customers, overall and
 * within each segment, against the equal-share diagonal. Built with the shared `lineChart` (the
 * curves share one grid of customer shares), so theme and segment colours match every other chart.
 */
import type { Figure } from "../charts/figure.js";
import { lineChart } from "../charts/line.js";
import type { Series } from "../charts/series.js";
import { NEUTRAL_COLOR, segmentColor } from "../charts/theme.js";
import type { RevenueConcentration, SegmentConcentration } from "./concentration.js";

/** Options of {@link paretoChart}. */
export interface ParetoChartOptions {
  /** Chart title. Default "Where the money is: revenue share of the top customers". */
  title?: string;
}

const percent = (values: Float64Array) => Array.from(values, (v) => 100 * v);

/**
 * Pareto curves (x: top % of customers by spend, y: % of revenue) of all customers and of each
 * segment (its own customers and revenue); every curve uses the same grid.
 *
 * @example
 * const { overall, segments } = segmentConcentration(spend, labels, names);
 * showFigure(paretoChart(overall, segments), { name: "revenue-pareto" });
 */
export function paretoChart(
  overall: RevenueConcentration,
  segments: readonly SegmentConcentration[],
  options: ParetoChartOptions = {},
): Figure {
  const x = percent(overall.curve.customerShare);
  for (const s of segments) {
    if (s.curve.customerShare.length !== x.length) {
      throw new Error(`segment ${s.segment}'s curve has another grid than the overall curve`);
    }
  }
  const series: Series[] = [
    { name: "All customers", values: percent(overall.curve.revenueShare), color: "#222222" },
  ];
  for (const s of segments) {
    series.push({
      name: s.name,
      values: percent(s.curve.revenueShare),
      color: segmentColor(s.segment),
    });
  }
  series.push({ name: "Equal shares", values: x, color: NEUTRAL_COLOR });
  return lineChart(x, series, {
    title: options.title ?? "Where the money is: revenue share of the top customers",
    xTitle: "Top % of customers by spend",
    yTitle: "% of revenue",
  });
}
