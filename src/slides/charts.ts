/**
 * The deck's charts: the three exploration findings, the candidates' scores and the segments'
 * value, built with the project's bar charts and theme; the brief's own charts are reused for the
 * segments and the maintenance study. Every chart is enlarged for a projector (no text under
 * {@link SLIDE_MIN_FONT_PX}) and rendered to deterministic inline SVG.
 */
import type { Data, PlotData } from "plotly.js";
import { barChart } from "../charts/bar.js";
import type { Figure } from "../charts/figure.js";
import { NEUTRAL_COLOR, segmentColor } from "../charts/theme.js";
import { renderBriefSvg } from "../brief/charts.js";
import { maxOf } from "../util/arrayStats.js";
import type { OrdersFinding, ReviewFinding, SpendFinding } from "./findings.js";

/** Smallest text on a slide, in CSS pixels of the 1280 × 720 slide (charts included). */
export const SLIDE_MIN_FONT_PX = 16;

const FONT_KEYS = new Set(["font", "tickfont", "textfont", "insidetextfont", "outsidetextfont"]);

/**
 * A copy of the figure where every font is at least `minPx` (the base font, axis ticks and titles,
 * legend, annotations, bar texts, colour bars) and the builder's title is dropped (the slide's
 * title says the takeaway).
 *
 * @example
 * projectorFigure(fig).layout.font?.size; // ≥ 16
 */
export function projectorFigure(fig: Figure, minPx = SLIDE_MIN_FONT_PX): Figure {
  const copy = JSON.parse(JSON.stringify(fig)) as Figure;
  copy.layout.title = { text: "" };
  copy.layout.font = { ...copy.layout.font, size: Math.max(copy.layout.font?.size ?? 0, minPx) };
  // Walk the figure's objects (a few dozen: no per-customer data) with an explicit stack.
  const stack: unknown[] = [copy.layout, copy.data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const v of node) if (v !== null && typeof v === "object") stack.push(v);
      continue;
    }
    const rec = node as Record<string, unknown>;
    for (const [key, v] of Object.entries(rec)) {
      if (FONT_KEYS.has(key) && v !== null && typeof v === "object" && !Array.isArray(v)) {
        const f = v as { size?: unknown };
        if (typeof f.size !== "number" || f.size < minPx) f.size = minPx;
      }
      if (v !== null && typeof v === "object") stack.push(v);
    }
  }
  // Axis and legend fonts that were never set inherit the base font; tick labels too.
  return copy;
}

/**
 * Inline SVG of a slide chart at `width` × `height` CSS pixels, fonts enlarged for a projector,
 * ids prefixed with `id` (unique in the deck), byte-identical for the same figure.
 */
export async function slideSvg(
  fig: Figure,
  id: string,
  width: number,
  height: number,
): Promise<string> {
  return renderBriefSvg(projectorFigure(fig), id, height, width);
}

function plainBars(
  labels: string[],
  values: number[],
  name: string,
  format: string,
  colors: string[],
  valueTitle: string,
  axisFormat = format.replace(/\.\d/, ".0"),
): Figure {
  const fig = barChart(labels, [{ name, values }], {
    title: name,
    valueTitle,
    textFormat: format,
    valueFormat: axisFormat,
  });
  return {
    data: fig.data.map((t): Data => ({
      ...(t as Partial<PlotData>),
      marker: { color: colors },
      textposition: "outside" as const,
      cliponaxis: false,
      constraintext: "none" as const,
    })),
    layout: {
      ...fig.layout,
      showlegend: false,
      margin: { l: 80, r: 20, t: 30, b: 50 },
      yaxis: { ...fig.layout.yaxis, range: [0, maxOf(values) * 1.18] },
    },
  };
}

/** Customers by number of orders; the single-order bar in the accent colour. */
export function ordersFigure(f: OrdersFinding): Figure {
  const colors = f.labels.map((_, i) => (i === 0 ? segmentColor(0) : NEUTRAL_COLOR));
  return plainBars(f.labels, f.customers, "Customers", ",d", colors, "Customers");
}

/** Share of total spend by tenth of customers (biggest spenders first); the top tenth highlighted. */
export function spendFigure(f: SpendFinding): Figure {
  const labels = f.decileShares.map((_, i) => (i === 0 ? "Top 10%" : `${i * 10}–${i * 10 + 10}%`));
  const colors = labels.map((_, i) => (i === 0 ? segmentColor(1) : NEUTRAL_COLOR));
  return plainBars(labels, f.decileShares, "Share of spend", ".1%", colors, "Share of all spend");
}

/** Customers by mean review score (whole stars); 1 and 2 stars highlighted. */
export function reviewFigure(f: ReviewFinding): Figure {
  const colors = f.labels.map((_, i) => (i < 2 ? segmentColor(5) : NEUTRAL_COLOR));
  return plainBars(f.labels, f.customers, "Customers", ",d", colors, "Customers");
}

/** One score of each candidate segmentation, the picked one in the accent colour. */
export function candidatesFigure(
  labels: string[],
  scores: number[],
  picked: boolean[],
  scoreName: string,
): Figure {
  const colors = picked.map((p) => (p ? segmentColor(2) : NEUTRAL_COLOR));
  return plainBars(labels, scores, scoreName, ".3f", colors, scoreName, ".2f");
}

/** Expected 12-month revenue of each segment, in the segment's colour. */
export function valueFigure(names: string[], revenue: number[], segments: number[]): Figure {
  const fig = plainBars(
    names,
    revenue,
    "Expected revenue",
    ",.0f",
    segments.map((s) => segmentColor(s)),
    "R$, next 12 months",
  );
  return fig;
}
