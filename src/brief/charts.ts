/**
 * The brief's charts, built with the project's figure builders and theme, rendered to SVG for
 * inline embedding (deterministic SVG: src/brief/svg.ts).
 */
import type { Data, PlotData } from "plotly.js";
import { barChart } from "../charts/bar.js";
import type { Figure } from "../charts/figure.js";
import { heatmap } from "../charts/heatmap.js";
import { plotlyText } from "../charts/hover.js";
import { stabilityChart } from "../charts/stability.js";
import { NEUTRAL_COLOR, segmentColor, withAlpha, word } from "../charts/theme.js";
import type { BriefMaintenance } from "./input.js";
import { maxOf } from "../util/arrayStats.js";

export { BRIEF_CHART_WIDTH, deterministicSvg, renderBriefSvg } from "./svg.js";

/** A category label led by a square in the segment's colour, as in the table and the cards. */
function swatchLabel(name: string, segment: number): string {
  return `<span style="color:${segmentColor(segment)}">■</span> ${plotlyText(name)}`;
}

/** One segment as the charts need it (ordered as in the brief). */
export interface BriefChartSegment {
  segment: number;
  name: string;
  share: number;
  revenueShare: number;
  /** z-score (sd from the base mean) of each feature. */
  z: Record<string, number>;
}

/**
 * Features of the profile chart, in column order: the feature, its label for readers, and which
 * direction is better for the business. A "lower is better" feature is shown negated under a label
 * that reads the other way (fewer days since the last order = "Bought recently"), so that in every
 * column the same colour means the same thing.
 */
export const BRIEF_PROFILE_FEATURES: readonly (readonly [
  feature: string,
  label: string,
  better?: "higher" | "lower",
])[] = [
  ["recency_days", "Bought<br>recently", "lower"],
  ["frequency", "Orders", "higher"],
  ["monetary", "Spend", "higher"],
  ["mean_review_score", "Review<br>score", "higher"],
];

/**
 * ColorBrewer's 7-class RdBu with a white middle (Plotly's own "RdBu" has a grey middle, which makes
 * average cells look highlighted), oriented red = worse than average, blue = better.
 */
const PROFILE_COLORSCALE: [number, string][] = [
  [0, "#B2182B"],
  [1 / 6, "#EF8A62"],
  [2 / 6, "#FDDBC7"],
  [3 / 6, "#F7F7F7"],
  [4 / 6, "#D1E5F0"],
  [5 / 6, "#67A9CF"],
  [1, "#2166AC"],
];

/** The caption of the profile chart: what its one colour meaning is. */
export const PROFILE_CAPTION =
  "How each segment differs from the average customer, in standard deviations, every column read " +
  "the same way: blue is better than average for the business (bought more recently, more orders, " +
  "more spend, better reviews), red is worse.";

/** One decimal with a true minus sign; values that round to zero are written "0.0". */
function signed(v: number): string {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? "0.0" : `${r < 0 ? "\u2212" : ""}${Math.abs(r).toFixed(1)}`;
}

/** z-scores beyond ±this saturate the colour (the value is still written in the cell). */
export const PROFILE_Z_EXTENT = 2;

/** Drops the builders' title: the brief's figure captions say what the chart shows. */
function untitled(fig: Figure): Figure {
  return { data: fig.data, layout: { ...fig.layout, title: { text: "" } } };
}

/**
 * Share of customers against share of revenue, one pair of horizontal bars per segment: the
 * lighter bar is the customers, the solid one the revenue, both in the segment's colour and
 * labelled in words, so no legend is needed.
 *
 * @example
 * sharesFigure([{ segment: 0, name: "Recent big spenders", share: 0.24, revenueShare: 0.49, z: {} }]);
 */
export function sharesFigure(segments: readonly BriefChartSegment[]): Figure {
  const labels = segments.map((s) => swatchLabel(s.name, s.segment));
  const fig = barChart(
    labels,
    [
      { name: "Customers", values: segments.map((s) => s.share) },
      { name: "Revenue", values: segments.map((s) => s.revenueShare) },
    ],
    { title: "Customers and revenue by segment", orientation: "h", valueFormat: ".0%" },
  );
  const colors = segments.map((s) => segmentColor(s.segment));
  const words = ["of customers", "of revenue"];
  const data = fig.data.map((trace, i): Data => ({
    ...(trace as Partial<PlotData>),
    marker: {
      color: i === 0 ? colors.map((c) => withAlpha(c, 0.35)) : colors,
      line: { color: colors, width: 1 },
    },
    texttemplate: `%{x:.1%} ${words[i]}`,
    textposition: "outside" as const,
    cliponaxis: false,
    textfont: { size: 10, color: "#222222" },
    // Plotly shrinks outside labels to the bar's thickness; keep them readable instead.
    constraintext: "none" as const,
  }));
  const top = Math.max(maxOf(segments.flatMap((s) => [s.share, s.revenueShare])), 0.05);
  return untitled({
    data,
    layout: {
      ...fig.layout,
      showlegend: false,
      bargap: 0.22,
      bargroupgap: 0.04,
      margin: { l: 10, r: 20, t: 8, b: 28 },
      // Room on the right for the "49.0% of revenue" labels.
      xaxis: { ...fig.layout.xaxis, range: [0, top * 1.45], title: { text: "" } },
    },
  });
}

/**
 * How each segment differs from the average customer: z-scores (standard deviations from the
 * mean) of the model's features, each column oriented so that positive is better for the business
 * (see {@link BRIEF_PROFILE_FEATURES}); blue better, red worse, values written in the cells.
 *
 * @example
 * profileFigure(segments); // rows: segments, columns: bought recently, orders, spend, review
 */
export function profileFigure(
  segments: readonly BriefChartSegment[],
  features: readonly (readonly [string, string, ("higher" | "lower")?])[] = BRIEF_PROFILE_FEATURES,
): Figure {
  const used = features.filter(([f]) => segments.some((s) => f in s.z));
  if (used.length === 0) throw new Error("profileFigure: the profiles have none of the features");
  const z = segments.map((s) =>
    used.map(([f, , better]) => (better === "lower" ? -1 : 1) * (s.z[f] ?? NaN)),
  );
  const extent = PROFILE_Z_EXTENT;
  const fig = heatmap(
    z,
    used.map(([, label]) => label),
    segments.map((s) => swatchLabel(s.name, s.segment)),
    {
      title: "Segment profiles",
      scale: "diverging",
      zmin: -extent,
      zmax: extent,
      zmid: 0,
      annotateDecimals: 1,
      valueTitle: "sd better<br>than average",
    },
  );
  return untitled({
    data: fig.data.map((trace): Data => ({
      ...(trace as Partial<PlotData>),
      colorscale: PROFILE_COLORSCALE,
      // No colour-bar title: the figure caption says the unit, and a title collides with the
      // top tick label at this size.
      colorbar: {
        thickness: 12,
        len: 0.85,
        tickvals: [-extent, -1, 0, 1, extent],
        ticktext: [`≤ −${extent} worse`, "−1", "0", "+1", `≥ +${extent} better`],
        tickfont: { size: 10 },
      },
      xgap: 2,
      ygap: 2,
    })),
    layout: {
      ...fig.layout,
      margin: { l: 10, r: 10, t: 8, b: 10 },
      xaxis: { ...fig.layout.xaxis, side: "top", tickangle: 0 },
      // Cell labels with a true minus sign and no "-0.0"; white only on strongly coloured cells.
      annotations: (fig.layout.annotations ?? []).map((a) => {
        const v = Number(a.text);
        const text = Number.isFinite(v) ? signed(v) : a.text;
        const strong = Number.isFinite(v) && Math.abs(v) >= 0.75 * extent;
        return { ...a, text, font: { ...a.font, color: strong ? "#FFFFFF" : "#222222" } };
      }),
    },
  });
}

/**
 * Agreement of the frozen segments with a fresh model over time (mean ARI and its 10–90 % band),
 * the threshold line and the recommended retraining interval as a vertical line.
 *
 * @example
 * ariFigure(maintenance); // x: days after training, y: ARI
 */
export function ariFigure(maintenance: BriefMaintenance): Figure {
  const c = maintenance.curve;
  if (c.length === 0) throw new Error("ariFigure: the maintenance curve is empty");
  const fig = stabilityChart(
    c.map((p) => p.days),
    c.map((p) => p.mean),
    {
      title: "Agreement with a fresh model",
      threshold: maintenance.threshold,
      lower: c.map((p) => p.p10),
      upper: c.map((p) => p.p90),
      xTitle: "Days after training",
      yTitle: "Agreement (ARI)",
      bandName: "10–90% of runs",
    },
  );
  const weeks = maintenance.everyWeeks;
  const mark = segmentColor(2);
  // The threshold line already shows which days are below it; crosses on every late point would
  // dominate a chart meant for readers.
  const below = word("belowThreshold");
  return untitled({
    data: fig.data.filter((t) => (t as { name?: string }).name !== below),
    layout: {
      ...fig.layout,
      margin: { l: 60, r: 20, t: 24, b: 40 },
      legend: {
        x: 0.01,
        y: 0.02,
        xanchor: "left",
        yanchor: "bottom",
        bgcolor: "rgba(255, 255, 255, 0.85)",
        font: { size: 11 },
      },
      shapes: [
        ...(fig.layout.shapes ?? []),
        {
          type: "line",
          xref: "x",
          yref: "paper",
          x0: maintenance.everyDays,
          x1: maintenance.everyDays,
          y0: 0,
          y1: 1,
          line: { color: mark, width: 2 },
        },
      ],
      annotations: [
        ...(fig.layout.annotations ?? []),
        {
          xref: "x",
          yref: "paper",
          x: maintenance.everyDays,
          y: 1,
          xanchor: "left",
          yanchor: "bottom",
          text: `<b>retrain every ${weeks === 1 ? "week" : `${weeks} weeks`}</b>`,
          showarrow: false,
          font: { color: mark, size: 12 },
        },
      ],
      yaxis: {
        ...fig.layout.yaxis,
        title: { text: "Agreement (ARI)", font: { color: NEUTRAL_COLOR } },
      },
    },
  });
}
