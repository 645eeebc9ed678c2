/**
 * One 2-D panel of a segment scatter: a trace per segment inside robust axis limits, the points
 * beyond drawn at the edge as triangles pointing to them, and the note that counts and names them.
 */
import type { Figure } from "./figure.js";
import { plotlyText } from "./hover.js";
import type { RobustRange } from "./robustRange.js";
import { robustRange } from "./robustRange.js";
import {
  type Prepared,
  type ScatterOptions,
  type SegmentPoints,
  bySegment,
} from "./scatterPoints.js";
import { NEUTRAL_COLOR, segmentColor } from "./theme.js";

const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));

/** The triangle that points from the axes' edge towards a point beyond them. */
function edgeSymbol(x: number, y: number, rx: [number, number], ry: [number, number]): string {
  const dx =
    x < rx[0] ? (rx[0] - x) / (rx[1] - rx[0]) : x > rx[1] ? (x - rx[1]) / (rx[1] - rx[0]) : 0;
  const dy =
    y < ry[0] ? (ry[0] - y) / (ry[1] - ry[0]) : y > ry[1] ? (y - ry[1]) / (ry[1] - ry[0]) : 0;
  if (dx >= dy) return x < rx[0] ? "triangle-left" : "triangle-right";
  return y < ry[0] ? "triangle-down" : "triangle-up";
}

/** A share of points as a note writes it: one decimal, "< 0.1 %" below that. */
function shareNote(n: number, of: number): string {
  const pct = (100 * n) / of;
  return pct < 0.05 ? "< 0.1 %" : `${pct.toFixed(1)} %`;
}
const fixed = (v: number) => v.toFixed(2).replace("-", "\u2212");

/** One 2-D panel: traces per segment (points beyond the limits as edge triangles) and its note. */
export function panel(
  p: Prepared,
  points: SegmentPoints,
  [xi, yi]: [number, number],
  [xTitle, yTitle]: [string, string],
  options: ScatterOptions,
  axes: { x: string; y: string; showlegend: boolean },
): { data: Figure["data"]; ranges: [RobustRange, RobustRange]; note: (short: boolean) => string } {
  const x = p.columns[xi];
  const y = p.columns[yi];
  const coverage = options.coverage ?? 0.999;
  const rx = robustRange(x, { coverage });
  const ry = robustRange(y, { coverage });
  const out = (i: number) =>
    x[i] < rx.range[0] || x[i] > rx.range[1] || y[i] < ry.range[0] || y[i] > ry.range[1];
  const template = (name: string) =>
    `${plotlyText(name)}<br>${plotlyText(xTitle)}: %{x:.2f}<br>${plotlyText(yTitle)}: %{y:.2f}<extra></extra>`;
  const data: Figure["data"] = [];
  for (const [k, idx] of bySegment(p)) {
    const inside = idx.filter((i) => !out(i));
    const beyond = idx.filter(out);
    const color = segmentColor(k);
    data.push({
      type: "scatter",
      mode: "markers",
      name: p.names(k),
      legendgroup: String(k),
      showlegend: axes.showlegend,
      xaxis: axes.x,
      yaxis: axes.y,
      x: inside.map((i) => x[i]),
      y: inside.map((i) => y[i]),
      marker: { color, size: options.markerSize ?? 5, opacity: 0.7 },
      hovertemplate: template(p.names(k)),
    });
    if (beyond.length > 0) {
      data.push({
        type: "scatter",
        mode: "markers",
        name: `${p.names(k)} (beyond the axes)`,
        legendgroup: String(k),
        showlegend: false,
        xaxis: axes.x,
        yaxis: axes.y,
        x: beyond.map((i) => clamp(x[i], rx.range)),
        y: beyond.map((i) => clamp(y[i], ry.range)),
        text: beyond.map(
          (i) =>
            `${plotlyText(p.names(k))}${points.labels ? ` ${plotlyText(points.labels[i])}` : ""}` +
            `<br>beyond the axes at ${plotlyText(xTitle)} ${fixed(x[i])}, ${plotlyText(yTitle)} ${fixed(y[i])}`,
        ),
        marker: {
          color,
          size: 10,
          // A triangle on the edge, pointing towards where the point really is.
          symbol: beyond.map((i) => edgeSymbol(x[i], y[i], rx.range, ry.range)),
          line: { color: "#222222", width: 1 },
        },
        cliponaxis: false,
        hovertemplate: "%{text}<extra></extra>",
      });
    }
  }
  let n = 0;
  let far = -1;
  let farDistance = -1;
  for (let i = 0; i < x.length; i++) {
    if (!out(i)) continue;
    n++;
    // Farthest in units of each axis' visible span.
    const d =
      Math.abs(x[i] - clamp(x[i], rx.range)) / (rx.range[1] - rx.range[0]) +
      Math.abs(y[i] - clamp(y[i], ry.range)) / (ry.range[1] - ry.range[0]);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  const note = (short: boolean): string => {
    if (n === 0) return "";
    const count =
      `${n.toLocaleString("en-US")} of ${x.length.toLocaleString("en-US")} points ` +
      `(${shareNote(n, x.length)}) beyond the axes`;
    if (short) return `${count}, drawn at the edge as triangles`;
    return (
      `${count}, drawn at the edge as triangles pointing to them; farthest: ` +
      `${points.labels ? `${plotlyText(points.labels[far])}, ` : ""}${plotlyText(p.names(p.segments[far]))}, ` +
      `${plotlyText(xTitle)} ${fixed(x[far])}, ${plotlyText(yTitle)} ${fixed(y[far])}`
    );
  };
  return { data, ranges: [rx, ry], note };
}

/** A note above the plot, at paper position x (0 = left edge). */
export function noteAnnotation(text: string, x = 0) {
  return {
    xref: "paper" as const,
    yref: "paper" as const,
    x,
    y: 1.0,
    xanchor: "left" as const,
    yanchor: "bottom" as const,
    showarrow: false,
    text,
    font: { size: 11, color: NEUTRAL_COLOR },
  };
}
