/**
 * Scatter plots (2-D and 3-D) of customers coloured by segment, one trace per segment so the
 * legend doubles as the segment key. Large inputs are thinned to `maxPoints` (said in the title).
 * Axis limits are robust by default: they cover 99.9 % of all points, and the few beyond are drawn
 * at the edge as triangles pointing to them, counted and named in a note. A 3-D scene does not read as a still
 * image, so its static view (PNG, SVG) is a pair of 2-D projections.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, strideIndices, toFiniteNumbers } from "./figure.js";
import { plotlyText } from "./hover.js";
import type { RobustRange } from "./robustRange.js";
import { robustRange } from "./robustRange.js";
import { axisStyle, baseLayout, NEUTRAL_COLOR, segmentColor, word } from "./theme.js";

/** Points with a segment index (0-based) each. */
export interface SegmentPoints {
  x: NumericArray;
  y: NumericArray;
  /** Segment index of each point (integers >= 0). */
  segment: NumericArray;
  /** Display name of each segment index; default "Segment i". */
  segmentNames?: string[];
  /** Identifier of each point (e.g. customer ids), used to name the points beyond the axes. */
  labels?: ArrayLike<string>;
}

/** Options of `segmentScatter`, `segmentScatter3d` and `segmentScatterPair`. */
export interface ScatterOptions {
  /** Chart title (required); a "(sample of n of N points)" note is appended when thinned. */
  title: string;
  xTitle?: string;
  yTitle?: string;
  zTitle?: string;
  /** Keep at most this many points, evenly spaced; default 3000 (2-D and 3-D). */
  maxPoints?: number;
  /** Marker size in pixels; default 5 (2-D) and 3 (3-D). */
  markerSize?: number;
  /**
   * Share of all points inside the axis limits of 2-D charts (see `robustRange`); default 0.999.
   * 1 shows every point however far.
   */
  coverage?: number;
}

interface Prepared {
  columns: number[][];
  segments: number[];
  names: (k: number) => string;
  keep: number[];
  title: string;
}

function prepare(
  columns: [NumericArray, string][],
  points: { segment: NumericArray; segmentNames?: string[] },
  options: ScatterOptions,
): Prepared {
  const [first, firstName] = columns[0];
  assertNonEmpty(first, firstName);
  for (const [col, name] of columns.slice(1)) assertSameLength(first, firstName, col, name);
  assertSameLength(first, firstName, points.segment, "segment");
  const segments = Array.from(points.segment, (s, i) => {
    if (!Number.isInteger(s) || s < 0) {
      throw new Error(`segment[${i}] must be a non-negative integer, got ${s}`);
    }
    return s;
  });
  const keep = strideIndices(first.length, options.maxPoints ?? 3000);
  const title =
    keep.length < first.length
      ? `${options.title} (${word("sample")} ${keep.length} ${word("of")} ${first.length} ${word("points")})`
      : options.title;
  return {
    columns: columns.map(([col, name]) => toFiniteNumbers(col, name)),
    segments,
    names: (k) => points.segmentNames?.[k] ?? `${word("segment")} ${k}`,
    keep,
    title,
  };
}

function prepare3d(points: SegmentPoints & { z: NumericArray }, options: ScatterOptions): Prepared {
  const columns: [NumericArray, string][] = [
    [points.x, "x"],
    [points.y, "y"],
    [points.z, "z"],
  ];
  return prepare(columns, points, options);
}

function bySegment(p: Prepared): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const i of p.keep) {
    const k = p.segments[i];
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(i);
  }
  return new Map([...groups.entries()].sort((a, b) => a[0] - b[0]));
}

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
function panel(
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

function noteAnnotation(text: string, x = 0) {
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

/**
 * 2-D scatter coloured by segment (`segmentColor(k)` for segment k), robust axis limits.
 *
 * @example
 * segmentScatter({ x: pc1, y: pc2, segment: labels }, { title: "PCA", xTitle: "PC1 (30 %)", yTitle: "PC2 (25 %)" });
 */
export function segmentScatter(points: SegmentPoints, options: ScatterOptions): Figure {
  const p = prepare(
    [
      [points.x, "x"],
      [points.y, "y"],
    ],
    points,
    options,
  );
  const titles: [string, string] = [options.xTitle ?? "x", options.yTitle ?? "y"];
  const { data, ranges, note } = panel(p, points, [0, 1], titles, options, {
    x: "x",
    y: "y",
    showlegend: true,
  });
  return {
    data,
    layout: {
      ...baseLayout(p.title),
      xaxis: { ...axisStyle(options.xTitle), range: ranges[0].range },
      yaxis: { ...axisStyle(options.yTitle), range: ranges[1].range },
      legend: { title: { text: word("segment") }, itemsizing: "constant" },
      annotations: note(false) ? [noteAnnotation(note(false))] : [],
    },
  };
}

/**
 * The static view of a 3-D scatter: z against x (left) and z against y (right), side by side,
 * with robust limits and one shared legend.
 *
 * @example
 * segmentScatterPair({ x: pc1, y: pc2, z: pc3, segment: labels }, { title: "PCA", xTitle: "PC1", yTitle: "PC2", zTitle: "PC3" });
 */
export function segmentScatterPair(
  points: SegmentPoints & { z: NumericArray },
  options: ScatterOptions,
): Figure {
  const p = prepare3d(points, options);
  const [xT, yT, zT] = [options.xTitle ?? "x", options.yTitle ?? "y", options.zTitle ?? "z"];
  const left = panel(p, points, [0, 2], [xT, zT], options, { x: "x", y: "y", showlegend: true });
  const right = panel(p, points, [1, 2], [yT, zT], options, {
    x: "x2",
    y: "y2",
    showlegend: false,
  });
  return {
    data: [...left.data, ...right.data],
    layout: {
      ...baseLayout(p.title),
      xaxis: { ...axisStyle(xT), domain: [0, 0.47], range: left.ranges[0].range },
      yaxis: { ...axisStyle(zT), range: left.ranges[1].range },
      xaxis2: { ...axisStyle(yT), domain: [0.53, 1], range: right.ranges[0].range },
      yaxis2: { ...axisStyle(zT), anchor: "x2", range: right.ranges[1].range },
      legend: { title: { text: word("segment") }, itemsizing: "constant" },
      annotations: [
        ...(left.note(true) ? [noteAnnotation(left.note(true))] : []),
        ...(right.note(true) ? [noteAnnotation(right.note(true), 0.53)] : []),
      ],
    },
  };
}

/**
 * 3-D scatter coloured by segment (WebGL in browsers, interactive only): its static view, used by
 * PNG and SVG renders, is `segmentScatterPair` of the same points.
 *
 * @example
 * segmentScatter3d({ x: r, y: f, z: m, segment: labels }, { title: "RFM" });
 */
export function segmentScatter3d(
  points: SegmentPoints & { z: NumericArray },
  options: ScatterOptions,
): Figure {
  const p = prepare3d(points, options);
  const [x, y, z] = p.columns;
  const [xT, yT, zT] = [options.xTitle ?? "x", options.yTitle ?? "y", options.zTitle ?? "z"];
  return {
    data: [...bySegment(p)].map(([k, idx]) => ({
      type: "scatter3d" as const,
      mode: "markers" as const,
      name: p.names(k),
      x: idx.map((i) => x[i]),
      y: idx.map((i) => y[i]),
      z: idx.map((i) => z[i]),
      marker: { color: segmentColor(k), size: options.markerSize ?? 3, opacity: 0.8 },
      hovertemplate:
        `${plotlyText(p.names(k))}<br>${plotlyText(xT)}: %{x:.2f}<br>${plotlyText(yT)}: %{y:.2f}` +
        `<br>${plotlyText(zT)}: %{z:.2f}<extra></extra>`,
    })),
    layout: {
      ...baseLayout(p.title),
      scene: {
        xaxis: { title: { text: options.xTitle ?? "" } },
        yaxis: { title: { text: options.yTitle ?? "" } },
        zaxis: { title: { text: options.zTitle ?? "" } },
      },
      margin: { l: 0, r: 0, t: 60, b: 0 },
      legend: { title: { text: word("segment") }, itemsizing: "constant" },
    },
    staticView: segmentScatterPair(points, {
      ...options,
      title: `${options.title}: two 2-D views of the 3-D chart`,
    }),
  };
}
