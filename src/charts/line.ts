/**
 * Line chart of several series over a shared x (dates, periods or numbers).
 */
import type { Figure } from "./figure.js";
import { assertNonEmpty } from "./figure.js";
import type { Series } from "./series.js";
import { hoverValue, numberStyle, plotlyText } from "./hover.js";
import { checkedSeries } from "./series.js";
import { axisStyle, baseLayout, segmentColor } from "./theme.js";

/** x values of a line chart: dates (drawn on a date axis), period labels or numbers. */
export type XValues = Date[] | string[] | number[];

/** Options of `lineChart`. */
export interface LineOptions {
  /** Chart title (required). */
  title: string;
  xTitle?: string;
  yTitle?: string;
  /** Draw markers at the points as well as lines; default false. */
  markers?: boolean;
  /** Logarithmic y axis; default false. */
  logY?: boolean;
}

/** Dates become ISO strings (Plotly parses them and JSON keeps them readable); others pass through. */
export function toPlotlyX(x: XValues, argName = "x"): (string | number)[] {
  return (x as (Date | string | number)[]).map((v, i) => {
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw new Error(`${argName}[${i}] is an invalid Date`);
      return v.toISOString();
    }
    return v;
  });
}

/**
 * One line per series over `x` (a time series when `x` holds dates). Missing values (NaN) leave gaps.
 *
 * @example
 * lineChart(months, [{ name: "Orders", values: counts }], { title: "Orders per month" });
 */
export function lineChart(x: XValues, series: Series[], options: LineOptions): Figure {
  assertNonEmpty(x, "x");
  const xs = toPlotlyX(x);
  const checked = checkedSeries(series, xs.length, "x");
  const style = numberStyle(
    checked.flatMap((s) => s.values),
    { title: options.yTitle },
  );
  return {
    data: checked.map((s, i) => ({
      type: "scatter" as const,
      mode: options.markers ? ("lines+markers" as const) : ("lines" as const),
      name: s.name,
      x: xs,
      y: s.values,
      line: { color: s.color ?? segmentColor(i), width: 2 },
      hovertemplate: `${plotlyText(s.name)}: ${hoverValue("y", style)}<extra></extra>`,
    })),
    layout: {
      ...baseLayout(options.title),
      xaxis: axisStyle(options.xTitle),
      yaxis: { ...axisStyle(options.yTitle), ...(options.logY ? { type: "log" as const } : {}) },
      showlegend: checked.length > 1,
      hovermode: "x unified",
    },
  };
}
