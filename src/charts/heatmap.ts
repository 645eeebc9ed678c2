/**
 * Heatmaps: a generic one plus the two the notebooks use (weekday × hour, correlation matrix).
 */
import type { Annotations } from "plotly.js";
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, toNumbers } from "./figure.js";
import { hoverValue, numberStyle, plotlyText } from "./hover.js";
import {
  axisStyle,
  baseLayout,
  DIVERGING_COLORSCALE,
  SEQUENTIAL_COLORSCALE,
  weekdayNames,
  word,
} from "./theme.js";
import { maxOf, minOf } from "../util/arrayStats.js";

/** Options of `heatmap`. */
export interface HeatmapOptions {
  /** Chart title (required). */
  title: string;
  xTitle?: string;
  yTitle?: string;
  /** Title of the colour bar; default none. */
  valueTitle?: string;
  /** "sequential" (default, Viridis) or "diverging" (RdBu, centred on `zmid`). */
  scale?: "sequential" | "diverging";
  /** Write each cell's value with this many decimals; default no annotations. */
  annotateDecimals?: number;
  zmin?: number;
  zmax?: number;
  /** Centre of a diverging scale; default 0. */
  zmid?: number;
}

/**
 * Heatmap of `z` (rows along y, columns along x). NaN cells stay blank.
 *
 * @example
 * heatmap([[1, 2], [3, 4]], ["a", "b"], ["r1", "r2"], { title: "Demo" });
 */
export function heatmap(
  z: NumericArray[],
  xLabels: string[],
  yLabels: string[],
  options: HeatmapOptions,
): Figure {
  assertNonEmpty(z, "z");
  assertSameLength(z, "z (rows)", yLabels, "yLabels");
  const rows = z.map((row, r) => {
    assertSameLength(row, `z[${r}]`, xLabels, "xLabels");
    return toNumbers(row, `z[${r}]`).map((v) => (Number.isFinite(v) ? v : null));
  });
  const { scale = "sequential", annotateDecimals } = options;
  const diverging = scale === "diverging";
  const annotations: Partial<Annotations>[] = [];
  if (annotateDecimals !== undefined) {
    const finite = rows.flat().filter((v): v is number => v !== null);
    const lo = options.zmin ?? minOf(finite);
    const hi = options.zmax ?? maxOf(finite);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        // White text on the dark ends of the scale, dark text in the light middle.
        const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        const dark = diverging ? t < 0.2 || t > 0.8 : t < 0.55;
        annotations.push({
          x: xLabels[c],
          y: yLabels[r],
          text: v.toFixed(annotateDecimals),
          showarrow: false,
          font: { color: dark ? "#FFFFFF" : "#222222", size: 11 },
        });
      }),
    );
  }
  return {
    data: [
      {
        type: "heatmap",
        z: rows,
        x: xLabels,
        y: yLabels,
        colorscale: diverging ? DIVERGING_COLORSCALE : SEQUENTIAL_COLORSCALE,
        ...(diverging ? { zmid: options.zmid ?? 0 } : {}),
        ...(options.zmin !== undefined ? { zmin: options.zmin } : {}),
        ...(options.zmax !== undefined ? { zmax: options.zmax } : {}),
        colorbar: options.valueTitle ? { title: { text: options.valueTitle } } : {},
        hoverongaps: false,
        hovertemplate:
          `%{y} · %{x}<br>${plotlyText(options.valueTitle ?? word("value"))}: ` +
          `${hoverValue("z", numberStyle(rows.flat(), { title: options.valueTitle }))}<extra></extra>`,
      },
    ],
    layout: {
      ...baseLayout(options.title),
      xaxis: { ...axisStyle(options.xTitle), type: "category", showgrid: false },
      // First row on top, as in a table.
      yaxis: {
        ...axisStyle(options.yTitle),
        type: "category",
        autorange: "reversed",
        showgrid: false,
      },
      annotations,
    },
  };
}

/**
 * Orders (or any count) by weekday (rows, Monday first) and hour of day (0–23 columns), with
 * weekday names in the chart language.
 *
 * @example
 * weekdayHourHeatmap(counts7x24, { title: "When customers order" });
 */
export function weekdayHourHeatmap(
  counts: NumericArray[],
  options: Omit<HeatmapOptions, "xTitle" | "yTitle" | "scale">,
): Figure {
  if (counts.length !== 7)
    throw new Error(`counts must have 7 rows (Mon…Sun), got ${counts.length}`);
  counts.forEach((row, r) => {
    if (row.length !== 24) throw new Error(`counts[${r}] must have 24 hours, got ${row.length}`);
  });
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));
  return heatmap(counts, hours, weekdayNames(), {
    valueTitle: word("count"),
    ...options,
    xTitle: word("hour"),
    yTitle: word("weekday"),
    scale: "sequential",
  });
}

/**
 * Correlation matrix on a fixed [-1, 1] diverging scale with the coefficients written in the cells.
 *
 * @example
 * correlationHeatmap(corr, ["recency", "frequency", "monetary"], { title: "Correlations" });
 */
export function correlationHeatmap(
  matrix: NumericArray[],
  names: string[],
  options: { title: string; decimals?: number },
): Figure {
  assertSameLength(matrix, "matrix (rows)", names, "names");
  return heatmap(matrix, names, names, {
    title: options.title,
    valueTitle: word("correlation"),
    scale: "diverging",
    zmin: -1,
    zmax: 1,
    zmid: 0,
    annotateDecimals: options.decimals ?? 2,
  });
}
