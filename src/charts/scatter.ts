/**
 * Scatter plots (2-D and 3-D) of customers coloured by segment, one trace per segment so the
 * legend doubles as the segment key. Large inputs are thinned to `maxPoints` (said in the title).
 * Axis limits are robust by default: they cover 99.9 % of all points, and the few beyond are drawn
 * at the edge as triangles pointing to them, counted and named in a note. A 3-D scene does not read as a still
 * image, so its static view (PNG, SVG) is a pair of 2-D projections.
 */
import type { Figure, NumericArray } from "./figure.js";
import { plotlyText } from "./hover.js";
import { noteAnnotation, panel } from "./scatterPanel.js";
import type { ScatterOptions, SegmentPoints } from "./scatterPoints.js";
import { bySegment, prepare, prepare3d } from "./scatterPoints.js";
import { axisStyle, baseLayout, segmentColor, word } from "./theme.js";

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
