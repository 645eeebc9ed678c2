/**
 * Segment stability over time: ARI of each period's segmentation against the reference one, with
 * a min–max (or confidence) band and the maintenance threshold below which to retrain.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, toNumbers } from "./figure.js";
import type { XValues } from "./line.js";
import { toPlotlyX } from "./line.js";
import { axisStyle, baseLayout, NEUTRAL_COLOR, segmentColor, withAlpha, word } from "./theme.js";
import { minOf } from "../util/arrayStats.js";

/** Options of `stabilityChart`. */
export interface StabilityChartOptions {
  /** Chart title (required). */
  title: string;
  /** Horizontal threshold (e.g. 0.8): points below are highlighted. */
  threshold: number;
  /** Lower edge of the band (e.g. min or 2.5 % quantile over repetitions); needs `upper`. */
  lower?: NumericArray;
  /** Upper edge of the band; needs `lower`. */
  upper?: NumericArray;
  xTitle?: string;
  /** y-axis title; default "ARI". */
  yTitle?: string;
  /** Legend label of the band; default "Range". */
  bandName?: string;
}

/**
 * Line of `ari` over `periods`, optional shaded band, dashed threshold line, and the periods below
 * the threshold marked in vermillion. The y axis spans [min(0, data), 1].
 *
 * @example
 * stabilityChart(["M1", "M2", "M3"], [0.95, 0.88, 0.71], { title: "ARI vs T0", threshold: 0.8 });
 */
export function stabilityChart(
  periods: XValues,
  ari: NumericArray,
  options: StabilityChartOptions,
): Figure {
  assertNonEmpty(periods, "periods");
  assertSameLength(periods, "periods", ari, "ari");
  const x = toPlotlyX(periods, "periods");
  const y = toNumbers(ari, "ari").map((v) => (Number.isFinite(v) ? v : null));
  const { threshold } = options;
  if (!Number.isFinite(threshold))
    throw new Error(`threshold must be a finite number, got ${threshold}`);
  if ((options.lower === undefined) !== (options.upper === undefined)) {
    throw new Error("lower and upper must be given together");
  }
  const main = segmentColor(0);
  const data: Figure["data"] = [];
  let bandLow = Infinity;
  if (options.lower && options.upper) {
    assertSameLength(periods, "periods", options.lower, "lower");
    assertSameLength(periods, "periods", options.upper, "upper");
    const lower = toNumbers(options.lower, "lower").map((v) => (Number.isFinite(v) ? v : null));
    const upper = toNumbers(options.upper, "upper").map((v) => (Number.isFinite(v) ? v : null));
    lower.forEach((lo, i) => {
      const hi = upper[i];
      if (lo !== null && hi !== null && lo > hi) {
        throw new Error(`lower[${i}] (${lo}) is above upper[${i}] (${hi})`);
      }
      if (lo !== null) bandLow = Math.min(bandLow, lo);
    });
    // Upper edge first, then lower filled up to it ("tonexty").
    data.push(
      {
        type: "scatter",
        mode: "lines",
        x,
        y: upper,
        line: { width: 0 },
        hoverinfo: "skip",
        showlegend: false,
      },
      {
        type: "scatter",
        mode: "lines",
        x,
        y: lower,
        line: { width: 0 },
        fill: "tonexty",
        fillcolor: withAlpha(main, 0.2),
        name: options.bandName ?? word("range"),
        hoverinfo: "skip",
      },
    );
  }
  data.push({
    type: "scatter",
    mode: "lines+markers",
    x,
    y,
    name: options.yTitle ?? "ARI",
    line: { color: main, width: 2 },
    marker: { color: main, size: 7 },
    hovertemplate: "%{x}: %{y:.3f}<extra></extra>",
  });
  const below = y.map((v, i) => (v !== null && v < threshold ? i : -1)).filter((i) => i >= 0);
  if (below.length > 0) {
    data.push({
      type: "scatter",
      mode: "markers",
      x: below.map((i) => x[i]),
      y: below.map((i) => y[i]),
      name: word("belowThreshold"),
      marker: { color: segmentColor(3), size: 11, symbol: "x" },
      hovertemplate: "%{x}: %{y:.3f}<extra></extra>",
    });
  }
  const finiteY = y.filter((v): v is number => v !== null);
  const yMin = Math.min(0, threshold, bandLow, minOf(finiteY));
  return {
    data,
    layout: {
      ...baseLayout(options.title),
      xaxis: axisStyle(options.xTitle ?? word("period")),
      yaxis: { ...axisStyle(options.yTitle ?? "ARI"), range: [yMin - 0.02, 1.02] },
      shapes: [
        {
          type: "line",
          xref: "paper",
          x0: 0,
          x1: 1,
          y0: threshold,
          y1: threshold,
          line: { color: NEUTRAL_COLOR, dash: "dash", width: 1.5 },
        },
      ],
      annotations: [
        {
          xref: "paper",
          x: 1,
          xanchor: "right",
          y: threshold,
          yanchor: "bottom",
          text: `${word("threshold")} ${threshold}`,
          showarrow: false,
          font: { color: NEUTRAL_COLOR, size: 11 },
        },
      ],
      legend: { orientation: "h", y: -0.2 },
    },
  };
}
