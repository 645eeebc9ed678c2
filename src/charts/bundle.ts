/**
 * The notebook output of a chart as a proper MIME bundle, one output per chart:
 *
 * - `application/vnd.plotly.v1+json`: the figure, which JupyterLab (with Plotly's renderer) and
 *   VS Code draw natively;
 * - `text/html`: the interactive chart for classic Notebook, nbviewer and nbconvert's HTML, drawn
 *   by the one Plotly bundle the notebook carries (in its first chart), with a WebP still inside
 *   for where scripts do not run;
 * - `image/png`: the static fallback of GitHub, LaTeX/PDF export and other static renderers;
 * - `text/plain`: one line naming the chart.
 *
 * Numbers in the traces are kept to 6 significant digits: tooltips show at most 4, and long
 * decimals would make up most of a scatter plot's bytes.
 */
import type { MimeBundle, MimeMetadata } from "../display/notebook.js";
import type { Figure } from "./figure.js";
import { figureTitle, interactiveFigure } from "./figure.js";
import { notebookFigureHtml, plotlyConfig } from "./html.js";
import type { RasterPair } from "./render.js";

/** The MIME type of Plotly figures in notebooks (JupyterLab, VS Code, nbformat). */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Significant digits kept for numbers in notebook outputs. */
export const NOTEBOOK_DIGITS = 6;

/**
 * A deep copy of the figure's traces and layout with every non-integer number rounded to `digits`
 * significant digits (integers, strings and structure unchanged). Iterative, so long arrays cost
 * no stack.
 *
 * @example
 * compactFigure({ data: [{ type: "scatter", x: [0.123456789] }], layout: {} }).data[0]; // { type: "scatter", x: [0.123457] }
 */
export function compactFigure(fig: Figure, digits = NOTEBOOK_DIGITS): Figure {
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new Error(`digits must be an integer in [1, 17], got ${digits}`);
  }
  const copy = JSON.parse(JSON.stringify(interactiveFigure(fig))) as Figure;
  const round = (v: number) => (Number.isInteger(v) ? v : Number(v.toPrecision(digits)));
  const stack: unknown[] = [copy.data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === "number") node[i] = round(v);
        else if (v !== null && typeof v === "object") stack.push(v);
      }
    } else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const v = record[key];
        if (typeof v === "number") record[key] = round(v);
        else if (v !== null && typeof v === "object") stack.push(v);
      }
    }
  }
  return copy;
}

/** Options of `figureBundle`. */
export interface FigureBundleOptions {
  /** Figure name: export file name, download-button file name, part of the DOM id. */
  name: string;
  /** DOM id of the HTML container, unique in the page. */
  id: string;
  width: number;
  height: number;
  /** The still images of the figure's static view. */
  images: RasterPair;
  /** Carry the Plotly loader in the HTML (first chart of the kernel session). */
  withLoader: boolean;
}

/**
 * The display bundle and metadata of one chart (see the module comment for what each entry is for).
 *
 * @example
 * const { data, metadata } = figureBundle(fig, { name: "orders", id: "olist-orders-1", width: 900, height: 500, images, withLoader: true });
 */
export function figureBundle(
  fig: Figure,
  options: FigureBundleOptions,
): { data: MimeBundle; metadata: MimeMetadata } {
  const { name, width, height, images } = options;
  const compact = compactFigure(fig);
  const title = figureTitle(fig) ?? name;
  const data: MimeBundle = {
    [PLOTLY_MIME]: {
      data: compact.data,
      layout: compact.layout,
      config: plotlyConfig(name),
    },
    "text/html": notebookFigureHtml(compact, {
      id: options.id,
      image: { bytes: images.webp, mime: "image/webp" },
      alt: title,
      name,
      width,
      height,
      withLoader: options.withLoader,
    }),
    "image/png": images.png.toString("base64"),
    "text/plain": `[figure ${name}: ${title}]`,
  };
  return { data, metadata: { "image/png": { width, height } } };
}
