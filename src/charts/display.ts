/**
 * Showing figures in tslab notebooks: one output per chart with the Plotly JSON, interactive HTML
 * and a static PNG (see `bundle.ts`), so every front end shows the best it can. Plotly travels
 * inside the notebook once (first figure of the kernel session, gzip+base64, ≈2 MB), never from a
 * CDN. With `OLIST_FIGURES_DIR` set, every shown figure is also exported for slides.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { MimeBundle, MimeMetadata } from "../display/notebook.js";
import { kernelDisplayWriter } from "../display/notebook.js";
import { figureBundle } from "./bundle.js";
import type { ExportOptions } from "./export.js";
import { exportFigure } from "./export.js";
import type { Figure } from "./figure.js";
import { checkFigureName } from "./names.js";
import { renderPngAndWebp } from "./render.js";
import { NOTEBOOK_SIZE } from "./theme.js";

/** Receives each output; the default writes a `display_data` message through tslab. */
export type DisplaySink = (bundle: MimeBundle, metadata: MimeMetadata) => void;

/** Options of `showFigure`. */
export interface ShowOptions {
  /** Unique name in the notebook: file name of exports and of the chart's download button. */
  name: string;
  /** Replaces the figure's title (and is the static image's alt text). */
  title?: string;
  /** Width of the static image and of the interactive chart's box, in pixels; default 900. */
  width?: number;
  /** Height in pixels; default 500. */
  height?: number;
}

function tslabWriter(): ReturnType<typeof kernelDisplayWriter> | undefined {
  return kernelDisplayWriter() ?? undefined;
}

let customSink: DisplaySink | undefined;

/**
 * Replaces where `showFigure` sends its outputs (tests, other front-ends); `undefined` restores
 * the tslab kernel.
 */
export function setDisplaySink(sink: DisplaySink | undefined): void {
  customSink = sink;
}

interface Session {
  /** Figure name → token of the cell execution that showed it. */
  names: Map<string, unknown>;
  /** Name of the figure whose output carries the Plotly loader, if any. */
  loaderCarrier?: string;
}

let session: Session = { names: new Map() };

/** Forgets the figure names and the Plotly injection (as a kernel restart does). */
export function resetFigureSession(): void {
  session = { names: new Map() };
}

function strictNames(): boolean {
  return Boolean(process.env.OLIST_FIGURES_DIR) || process.env.OLIST_FIGURES_STRICT === "1";
}

/**
 * Registers a figure name. A name shown twice in one cell execution is always an error; across
 * executions it is allowed interactively (re-running a cell) but an error in batch runs
 * (`OLIST_FIGURES_DIR` or `OLIST_FIGURES_STRICT=1`), where two cells would write the same files.
 */
function registerName(name: string, execution: unknown): void {
  if (session.names.has(name)) {
    const previous = session.names.get(name);
    if (strictNames() || execution === undefined || previous === execution) {
      throw new Error(
        `Figure name "${name}" is already used in this notebook run; give each showFigure a ` +
          "unique name (it becomes the exported file name)",
      );
    }
  }
  session.names.set(name, execution);
}

function withTitle(fig: Figure, title: string): Figure {
  const old = fig.layout.title;
  const base = typeof old === "object" && old !== null ? old : {};
  return { ...fig, layout: { ...fig.layout, title: { ...base, text: title } } };
}

/** Export options of the presenter export triggered by `OLIST_FIGURES_DIR`. */
export const PRESENTER_EXPORT: ExportOptions = {
  formats: ["png", "svg", "html"],
  width: 1600,
  height: 900,
  scale: 1,
  // One shared plotly.min.js per folder instead of 4.9 MB inside each page: still works offline.
  plotlyJs: "sibling",
};

/**
 * Shows a figure in the notebook (Plotly JSON, interactive HTML and static PNG in one output) and,
 * when `OLIST_FIGURES_DIR` is set, writes `<dir>/<name>.png|svg|html`. Outside a notebook kernel
 * it prints a one-line placeholder instead. A figure with a `staticView` shows that view in its
 * still images (PNG, the HTML's fallback, exported PNG and SVG).
 *
 * @example
 * await showFigure(histogram(values, { title: "Order value" }), { name: "order-value" });
 */
export async function showFigure(fig: Figure, options: ShowOptions): Promise<void> {
  const name = checkFigureName(options.name);
  const { width = NOTEBOOK_SIZE.width, height = NOTEBOOK_SIZE.height } = options;
  const shown = options.title ? withTitle(fig, options.title) : fig;
  const writer = customSink ? undefined : tslabWriter();
  registerName(name, writer);
  const images = await renderPngAndWebp(shown, { width, height, scale: 1 });
  // Re-running the cell that carried the loader must carry it again: its old output is replaced.
  const withLoader = session.loaderCarrier === undefined || session.loaderCarrier === name;
  const { data, metadata } = figureBundle(shown, {
    name,
    // Deterministic id (same notebook run, same bytes), distinct across notebooks in one page.
    id: `olist-${name}-${createHash("sha1").update(JSON.stringify(shown)).digest("hex").slice(0, 8)}`,
    width,
    height,
    images,
    withLoader,
  });
  if (customSink) customSink(data, metadata);
  else if (writer) writer({ data, metadata, transient: {} }, false);
  else console.log(data["text/plain"]);
  if (withLoader && (customSink || writer)) session.loaderCarrier = name;
  const dir = process.env.OLIST_FIGURES_DIR;
  if (dir) await exportFigure(shown, join(dir), name, PRESENTER_EXPORT);
}
