/**
 * Scatter plots (2-D and 3-D) of customers coloured by segment, one trace per segment so the
 * legend doubles as the segment key. Large inputs are thinned to `maxPoints` (said in the title).
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, strideIndices, toFiniteNumbers } from "./figure.js";
import { axisStyle, baseLayout, segmentColor, word } from "./theme.js";

/** Points with a segment index (0-based) each. */
export interface SegmentPoints {
  x: NumericArray;
  y: NumericArray;
  /** Segment index of each point (integers >= 0). */
  segment: NumericArray;
  /** Display name of each segment index; default "Segment i". */
  segmentNames?: string[];
}

/** Options of `segmentScatter` and `segmentScatter3d`. */
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
  segment: NumericArray,
  segmentNames: string[] | undefined,
  options: ScatterOptions,
  defaultMax: number,
): Prepared {
  const [first, firstName] = columns[0];
  assertNonEmpty(first, firstName);
  for (const [col, name] of columns.slice(1)) assertSameLength(first, firstName, col, name);
  assertSameLength(first, firstName, segment, "segment");
  const segments = Array.from(segment, (s, i) => {
    if (!Number.isInteger(s) || s < 0) {
      throw new Error(`segment[${i}] must be a non-negative integer, got ${s}`);
    }
    return s;
  });
  const keep = strideIndices(first.length, options.maxPoints ?? defaultMax);
  const title =
    keep.length < first.length
      ? `${options.title} (${word("sample")} ${keep.length} ${word("of")} ${first.length} ${word("points")})`
      : options.title;
  return {
    columns: columns.map(([col, name]) => toFiniteNumbers(col, name)),
    segments,
    names: (k) => segmentNames?.[k] ?? `${word("segment")} ${k}`,
    keep,
    title,
  };
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

/**
 * 2-D scatter coloured by segment (`segmentColor(k)` for segment k).
 *
 * @example
 * segmentScatter({ x: pc1, y: pc2, segment: labels }, { title: "PCA", xTitle: "PC1", yTitle: "PC2" });
 */
export function segmentScatter(points: SegmentPoints, options: ScatterOptions): Figure {
  const p = prepare(
    [
      [points.x, "x"],
      [points.y, "y"],
    ],
    points.segment,
    points.segmentNames,
    options,
    3000,
  );
  const [x, y] = p.columns;
  return {
    data: [...bySegment(p)].map(([k, idx]) => ({
      type: "scatter" as const,
      mode: "markers" as const,
      name: p.names(k),
      x: idx.map((i) => x[i]),
      y: idx.map((i) => y[i]),
      marker: { color: segmentColor(k), size: options.markerSize ?? 5, opacity: 0.7 },
    })),
    layout: {
      ...baseLayout(p.title),
      xaxis: axisStyle(options.xTitle),
      yaxis: axisStyle(options.yTitle),
      legend: { title: { text: word("segment") }, itemsizing: "constant" },
    },
  };
}

/**
 * 3-D scatter coloured by segment (WebGL in browsers; rendered with SwiftShader for static images).
 *
 * @example
 * segmentScatter3d({ x: r, y: f, z: m, segment: labels }, { title: "RFM" });
 */
export function segmentScatter3d(
  points: SegmentPoints & { z: NumericArray },
  options: ScatterOptions,
): Figure {
  const p = prepare(
    [
      [points.x, "x"],
      [points.y, "y"],
      [points.z, "z"],
    ],
    points.segment,
    points.segmentNames,
    options,
    3000,
  );
  const [x, y, z] = p.columns;
  return {
    data: [...bySegment(p)].map(([k, idx]) => ({
      type: "scatter3d" as const,
      mode: "markers" as const,
      name: p.names(k),
      x: idx.map((i) => x[i]),
      y: idx.map((i) => y[i]),
      z: idx.map((i) => z[i]),
      marker: { color: segmentColor(k), size: options.markerSize ?? 3, opacity: 0.8 },
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
  };
}
