/**
 * The `Figure` type every builder returns and the input checks they share.
 */
import type { Data, Layout } from "plotly.js";

/** A Plotly figure: traces plus layout, as accepted by `Plotly.newPlot(div, data, layout)`. */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
  /**
   * What static renders (PNG, SVG, the notebook's image fallback) draw instead of this figure,
   * when a still image of it would not read: e.g. a pair of 2-D projections for a 3-D scene.
   * Interactive outputs (notebook, HTML export) keep the figure itself.
   */
  staticView?: Figure;
}

/** The figure a static render draws: its `staticView` if it has one, else the figure itself. */
export function staticFigure(fig: Figure): Figure {
  return fig.staticView ?? fig;
}

/** The figure as Plotly takes it (`data` and `layout` only), for interactive outputs. */
export function interactiveFigure(fig: Figure): Figure {
  return { data: fig.data, layout: fig.layout };
}

/** Numbers as plain arrays or typed arrays (columns come from DuckDB as `Float64Array`). */
export type NumericArray = ArrayLike<number>;

/** Copies a numeric column into a plain array (Plotly serialises typed arrays poorly in JSON). */
export function toNumbers(values: NumericArray, argName: string): number[] {
  if (values == null || typeof values.length !== "number") {
    throw new Error(`${argName} must be an array of numbers`);
  }
  return Array.from(values, (v) => Number(v));
}

/** Like `toNumbers`, but rejects NaN/±Infinity, naming the argument and the first bad index. */
export function toFiniteNumbers(values: NumericArray, argName: string): number[] {
  const out = toNumbers(values, argName);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new Error(`${argName}[${bad}] is ${out[bad]}; only finite numbers can be plotted`);
  }
  return out;
}

/** Throws when two parallel arrays differ in length, naming both. */
export function assertSameLength(
  a: { length: number },
  aName: string,
  b: { length: number },
  bName: string,
): void {
  if (a.length !== b.length) {
    throw new Error(`${aName} and ${bName} must have the same length (${a.length} vs ${b.length})`);
  }
}

/** Throws when an array is empty. */
export function assertNonEmpty(a: { length: number }, name: string): void {
  if (a.length === 0) throw new Error(`${name} must not be empty`);
}

/**
 * Indices of an evenly spaced subsample of at most `max` of `n` items (every k-th item, first one
 * kept). Deterministic, so notebooks re-render identically; used to keep notebooks small.
 */
export function strideIndices(n: number, max: number): number[] {
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`maxPoints must be a positive integer, got ${max}`);
  }
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = n / max;
  return Array.from({ length: max }, (_, i) => Math.floor(i * step));
}

/** The title text of a figure's layout, if any. */
export function figureTitle(fig: Figure): string | undefined {
  const title = fig.layout.title;
  if (typeof title === "string") return title;
  return title?.text;
}
