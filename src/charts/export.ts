/**
 * Export of a figure to files for slides and reports: PNG (slide resolution), SVG and a
 * standalone offline HTML page.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Figure } from "./figure.js";
import { figureTitle } from "./figure.js";
import { PLOTLY_JS_PATH, standaloneHtml } from "./html.js";
import { checkFigureName } from "./names.js";
import { renderPng, renderSvg } from "./render.js";
import { EXPORT_SIZE } from "./theme.js";

/** A file format `exportFigure` writes. */
export type ExportFormat = "png" | "svg" | "html";

/** Options of `exportFigure`. */
export interface ExportOptions {
  /** Formats to write; default all three. */
  formats?: ExportFormat[];
  /** Width in CSS pixels; default 1600. */
  width?: number;
  /** Height in CSS pixels; default 900. */
  height?: number;
  /** PNG pixel ratio (2 gives 3200 × 1800 at the defaults); default 1. */
  scale?: number;
  /**
   * How the HTML page gets Plotly: "inline" (default; ≈4.8 MB per page, each file works alone) or
   * "sibling" (one `plotly.min.js` copied into `dir`, pages of a few KB that work offline together).
   */
  plotlyJs?: "inline" | "sibling";
}

/** Paths of the files written by `exportFigure`. */
export type ExportedFiles = Partial<Record<ExportFormat, string>>;

/**
 * Writes `<dir>/<name>.png`, `.svg` and `.html` (as selected), creating `dir` if needed.
 *
 * @example
 * await exportFigure(fig, "reports/figures/eda", "orders-by-state");
 */
export async function exportFigure(
  fig: Figure,
  dir: string,
  name: string,
  options: ExportOptions = {},
): Promise<ExportedFiles> {
  checkFigureName(name);
  const {
    formats = ["png", "svg", "html"],
    width = EXPORT_SIZE.width,
    height = EXPORT_SIZE.height,
    scale = 1,
    plotlyJs = "inline",
  } = options;
  for (const f of formats) {
    if (f !== "png" && f !== "svg" && f !== "html") {
      throw new Error(`Unknown export format "${String(f)}"; expected "png", "svg" or "html"`);
    }
  }
  if (plotlyJs !== "inline" && plotlyJs !== "sibling") {
    throw new Error(`plotlyJs must be "inline" or "sibling", got "${String(plotlyJs)}"`);
  }
  mkdirSync(dir, { recursive: true });
  const written: ExportedFiles = {};
  if (formats.includes("png")) {
    written.png = join(dir, `${name}.png`);
    writeFileSync(written.png, await renderPng(fig, { width, height, scale }));
  }
  if (formats.includes("svg")) {
    written.svg = join(dir, `${name}.svg`);
    writeFileSync(written.svg, await renderSvg(fig, { width, height }));
  }
  if (formats.includes("html")) {
    written.html = join(dir, `${name}.html`);
    if (plotlyJs === "sibling" && !existsSync(join(dir, "plotly.min.js"))) {
      copyFileSync(PLOTLY_JS_PATH, join(dir, "plotly.min.js"));
    }
    const html = standaloneHtml(fig, {
      title: figureTitle(fig) ?? name,
      name,
      plotly: plotlyJs === "inline" ? "inline" : { src: "plotly.min.js" },
    });
    writeFileSync(written.html, html);
  }
  return written;
}
