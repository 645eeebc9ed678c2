/**
 * Histogram with bins computed here (not by Plotly), so only bin counts reach the notebook and
 * the log-x variant can bin in log space.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, toNumbers } from "./figure.js";
import { hoverValue, numberStyle, plotlyText } from "./hover.js";
import { axisStyle, baseLayout, segmentColor, word } from "./theme.js";

/** Options of `histogram`. */
export interface HistogramOptions {
  /** Chart title (required). */
  title: string;
  /** x-axis title; default none. */
  xTitle?: string;
  /** y-axis title; default the generic word "Count". */
  yTitle?: string;
  /** Number of bins; default 40. */
  bins?: number;
  /** Bin and draw on a logarithmic x axis (all values must be > 0); default false. */
  logX?: boolean;
  /** Bar colour; default the first segment colour. */
  color?: string;
}

/** Bin edges and counts of a histogram. */
export interface Bins {
  /** `counts.length + 1` increasing edges. */
  edges: number[];
  counts: number[];
}

/**
 * Counts finite values into `bins` equal-width bins between min and max (equal width in log10
 * space when `logX`). The last bin includes the maximum. Non-finite values (missing) are ignored.
 *
 * @example
 * binValues([1, 2, 2, 3], 2); // { edges: [1, 2, 3], counts: [1, 3] }
 */
export function binValues(values: NumericArray, bins: number, logX = false): Bins {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new Error(`bins must be a positive integer, got ${bins}`);
  }
  const finite = toNumbers(values, "values").filter((v) => Number.isFinite(v));
  if (finite.length === 0) throw new Error("values contains no finite number to bin");
  if (logX) {
    const nonPositive = finite.filter((v) => v <= 0).length;
    if (nonPositive > 0) {
      throw new Error(
        `logX needs values > 0, but ${nonPositive} value(s) are <= 0; filter them or use logX: false`,
      );
    }
  }
  const scaled = logX ? finite.map(Math.log10) : finite;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of scaled) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // A constant column still gets a visible bin of width 1 (in scaled units) around the value.
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of scaled) {
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => {
    const e = i === bins ? hi : lo + i * width;
    return logX ? 10 ** e : e;
  });
  return { edges, counts };
}

/**
 * Histogram of one numeric column. Linear x: bars; log x: a filled step outline, which stays
 * exact on a log axis where bar widths would be distorted.
 *
 * @example
 * histogram(orders.payment, { title: "Order value", xTitle: "BRL", logX: true });
 */
export function histogram(values: NumericArray, options: HistogramOptions): Figure {
  assertNonEmpty(values, "values");
  const { bins = 40, logX = false, color = segmentColor(0) } = options;
  const { edges, counts } = binValues(values, bins, logX);
  const edgeStyle = numberStyle(edges, { title: options.xTitle });
  const countLine = `${plotlyText(options.yTitle ?? word("count"))}: %{y:,.0f}<extra></extra>`;
  const layout = {
    ...baseLayout(options.title),
    xaxis: { ...axisStyle(options.xTitle), ...(logX ? { type: "log" as const } : {}) },
    yaxis: axisStyle(options.yTitle ?? word("count")),
    bargap: 0.02,
    showlegend: false,
  };
  if (!logX) {
    const centres = counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
    const widths = counts.map((_, i) => edges[i + 1] - edges[i]);
    return {
      data: [
        {
          type: "bar",
          x: centres,
          y: counts,
          width: widths,
          marker: { color },
          name: word("count"),
          hovertemplate: `${hoverValue("customdata[0]", edgeStyle)} – ${hoverValue("customdata[1]", edgeStyle)}<br>${countLine}`,
          customdata: counts.map((_, i) => [edges[i], edges[i + 1]]),
        },
      ],
      layout,
    };
  }
  // Step outline: each bin contributes its two edges at its count height.
  const x: number[] = [];
  const y: number[] = [];
  counts.forEach((c, i) => {
    x.push(edges[i], edges[i + 1]);
    y.push(c, c);
  });
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        x,
        y,
        fill: "tozeroy",
        line: { color, width: 1 },
        name: word("count"),
        hovertemplate: `${hoverValue("x", edgeStyle)}<br>${countLine}`,
      },
    ],
    layout,
  };
}
