/**
 * Bar chart of one or several series over categories: vertical or horizontal, grouped or stacked.
 */
import type { Figure } from "./figure.js";
import { assertNonEmpty } from "./figure.js";
import { hoverValue, numberStyle, plotlyText } from "./hover.js";
import type { Series } from "./series.js";
import { checkedSeries } from "./series.js";
import { axisStyle, baseLayout, segmentColor } from "./theme.js";

/** Options of `barChart`. */
export interface BarOptions {
  /** Chart title (required). */
  title: string;
  /** Title of the category axis; default none. */
  categoryTitle?: string;
  /** Title of the value axis; default none. */
  valueTitle?: string;
  /** "v" (default): categories along x; "h": categories along y, first category on top. */
  orientation?: "v" | "h";
  /** "group" (default) or "stack" for several series. */
  mode?: "group" | "stack";
  /** With a single series, colour each bar by its category's segment colour; default false. */
  colorByCategory?: boolean;
  /** Print the value on each bar with this d3 format (e.g. ".1%"); default no text. */
  textFormat?: string;
  /** d3 format of the value axis' tick labels (e.g. ".0%" for shares); default Plotly's. */
  valueFormat?: string;
  /** One label per category, printed on its bars (outside), instead of `textFormat`; default none. */
  text?: string[];
}

/**
 * Bars for each series over `categories`; series are coloured `segmentColor(i)` unless they carry
 * their own colour. Tooltips give the category, the series name in full and the value in the
 * style of `numberStyle` (R$ when the value title says so, % for shares, thousands separators).
 *
 * @example
 * barChart(["SP", "RJ"], [{ name: "Orders", values: [41746, 12852] }], { title: "Orders by state" });
 */
export function barChart(categories: string[], series: Series[], options: BarOptions): Figure {
  assertNonEmpty(categories, "categories");
  const checked = checkedSeries(series, categories.length, "categories");
  const { orientation = "v", mode = "group", colorByCategory = false } = options;
  if (orientation !== "v" && orientation !== "h") {
    throw new Error(`orientation must be "v" or "h", got "${String(orientation)}"`);
  }
  if (mode !== "group" && mode !== "stack") {
    throw new Error(`mode must be "group" or "stack", got "${String(mode)}"`);
  }
  const horizontal = orientation === "h";
  const valueField = horizontal ? "x" : "y";
  const categoryField = horizontal ? "y" : "x";
  const style = numberStyle(
    checked.flatMap((s) => s.values),
    { title: options.valueTitle, format: options.textFormat ?? options.valueFormat },
  );
  if (options.text && options.text.length !== categories.length) {
    throw new Error(`text has ${options.text.length} labels for ${categories.length} categories`);
  }
  const data = checked.map((s, i) => ({
    type: "bar" as const,
    name: s.name,
    orientation,
    x: horizontal ? s.values : categories,
    y: horizontal ? categories : s.values,
    marker: {
      color:
        colorByCategory && checked.length === 1
          ? categories.map((_, k) => segmentColor(k))
          : (s.color ?? segmentColor(i)),
    },
    hovertemplate: `%{${categoryField}}<br>${plotlyText(s.name)}: ${hoverValue(valueField, style)}<extra></extra>`,
    ...(options.text
      ? {
          text: options.text,
          textposition: "outside" as const,
          cliponaxis: false,
          constraintext: "none" as const,
        }
      : options.textFormat
        ? {
            texttemplate: `%{${horizontal ? "x" : "y"}:${options.textFormat}}`,
            textposition: "auto" as const,
          }
        : {}),
  }));
  const categoryAxis = {
    ...axisStyle(options.categoryTitle),
    type: "category" as const,
    // Horizontal bars read top-down in the given order.
    ...(horizontal ? { autorange: "reversed" as const } : {}),
  };
  const valueAxis = {
    ...axisStyle(options.valueTitle),
    ...(options.valueFormat ? { tickformat: options.valueFormat } : {}),
  };
  return {
    data,
    layout: {
      ...baseLayout(options.title),
      barmode: mode,
      xaxis: horizontal ? valueAxis : categoryAxis,
      yaxis: horizontal ? categoryAxis : valueAxis,
      showlegend: checked.length > 1,
    },
  };
}
