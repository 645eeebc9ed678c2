/** The points of a segment scatter: their options, checks, thinning and grouping by segment. */
import type { NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, strideIndices, toFiniteNumbers } from "./figure.js";
import { word } from "./theme.js";

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

/** Points checked, thinned and grouped for drawing: the columns, segments, names and title. */
export interface Prepared {
  columns: number[][];
  segments: number[];
  names: (k: number) => string;
  keep: number[];
  title: string;
}

/** Checks and thins the columns of a scatter, and titles it (a note when thinned). */
export function prepare(
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

/** {@link prepare} for the x, y and z of a 3-D scatter. */
export function prepare3d(
  points: SegmentPoints & { z: NumericArray },
  options: ScatterOptions,
): Prepared {
  const columns: [NumericArray, string][] = [
    [points.x, "x"],
    [points.y, "y"],
    [points.z, "z"],
  ];
  return prepare(columns, points, options);
}

/** The kept points of each segment, by segment index. */
export function bySegment(p: Prepared): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const i of p.keep) {
    const k = p.segments[i];
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(i);
  }
  return new Map([...groups.entries()].sort((a, b) => a[0] - b[0]));
}
