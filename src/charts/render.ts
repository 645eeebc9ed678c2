/**
 * Static rendering with Debian's Chromium driven by playwright-core: figures to PNG and SVG, HTML
 * documents to PDF. One browser and one page per process, started on first use, with Plotly loaded
 * from node_modules (no network); closed by `closeRenderer()`, after an idle period, or at exit.
 * PDFs are printed from a short-lived second page of the same browser, so the Plotly page is kept.
 */
import { enqueue } from "./chromiumSession.js";
import type { Figure } from "./figure.js";
import { interactiveFigure, staticFigure } from "./figure.js";
import { recompressPng } from "./pngRecompress.js";

export {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  closeRenderer,
  IDLE_CLOSE_MS,
  warmRenderer,
} from "./chromiumSession.js";
export { PDF_MARGIN, renderPdf } from "./renderPdf.js";
export type { PdfMargin, PdfOptions } from "./renderPdf.js";

/** Size of a static image: `width × scale` by `height × scale` pixels. */
export interface RenderSize {
  /** CSS pixels; default 900. */
  width?: number;
  /** CSS pixels; default 500. */
  height?: number;
  /** Pixel ratio of PNGs; default 1. */
  scale?: number;
}

/** The size with its defaults, checked: whole pixels in [10, 8000], a scale in (0, 8]. */
function checkSize(size: RenderSize): Required<RenderSize> {
  const { width = 900, height = 500, scale = 1 } = size;
  for (const [k, v] of Object.entries({ width, height })) {
    if (!Number.isInteger(v) || v < 10 || v > 8000) {
      throw new Error(`${k} must be an integer number of pixels in [10, 8000], got ${v}`);
    }
  }
  if (!(scale > 0 && scale <= 8)) throw new Error(`scale must be in (0, 8], got ${scale}`);
  return { width, height, scale };
}

/** Plotly.toImage of the figure's static view (see `Figure.staticView`). */
async function toImage(fig: Figure, format: "png" | "svg", size: RenderSize): Promise<string> {
  const opts = { format, ...checkSize(size) };
  const still = interactiveFigure(staticFigure(fig));
  return enqueue((p) =>
    p.evaluate(
      ([f, o]) =>
        (
          globalThis as unknown as {
            Plotly: { toImage(f: unknown, o: unknown): Promise<string> };
          }
        ).Plotly.toImage(f, o),
      [still, opts] as const,
    ),
  );
}

/**
 * PNG bytes of a figure, `width × scale` by `height × scale` pixels.
 *
 * @example
 * const png = await renderPng(fig, { width: 1600, height: 900 });
 */
export async function renderPng(fig: Figure, size: RenderSize = {}): Promise<Buffer> {
  const url = await toImage(fig, "png", size);
  const prefix = "data:image/png;base64,";
  if (!url.startsWith(prefix))
    throw new Error(`Plotly.toImage returned no PNG (${url.slice(0, 40)}…)`);
  return Buffer.from(url.slice(prefix.length), "base64");
}

/** A figure's PNG (recompressed losslessly) and the same image as a lossy WebP, several times smaller. */
export interface RasterPair {
  png: Buffer;
  webp: Buffer;
}

/** WebP quality of the notebook's in-HTML fallback image (Chromium's encoder, 0–1). */
export const WEBP_QUALITY = 0.9;

/**
 * PNG bytes of a figure (deflated again at level 9, see `recompressPng`) plus the same pixels as
 * WebP (quality {@link WEBP_QUALITY}, about half the PNG's bytes), from one render: the notebook
 * keeps the PNG as its `image/png` entry and the WebP as the image its HTML shows where scripts
 * do not run.
 *
 * @example
 * const { png, webp } = await renderPngAndWebp(fig, { width: 900, height: 500 });
 */
export async function renderPngAndWebp(fig: Figure, size: RenderSize = {}): Promise<RasterPair> {
  const png = await renderPng(fig, size);
  const { width, height, scale } = checkSize(size);
  const url = await enqueue((p) =>
    p.evaluate(
      async ([b64, w, h, q]) => {
        // Minimal DOM types: the toolbox is compiled without the DOM library.
        interface Canvas {
          width: number;
          height: number;
          getContext(kind: "2d"): { drawImage(img: unknown, x: number, y: number): void };
          toDataURL(type: string, quality: number): string;
        }
        const g = globalThis as unknown as {
          Image: new () => { src: string; decode(): Promise<void> };
          document: { createElement(tag: "canvas"): Canvas };
        };
        const img = new g.Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = g.document.createElement("canvas");
        canvas.width = w;
        canvas.height = h;
        canvas.getContext("2d").drawImage(img, 0, 0);
        return canvas.toDataURL("image/webp", q);
      },
      [
        png.toString("base64"),
        Math.round(width * scale),
        Math.round(height * scale),
        WEBP_QUALITY,
      ] as const,
    ),
  );
  const prefix = "data:image/webp;base64,";
  if (!url.startsWith(prefix)) throw new Error("Chromium returned no WebP image");
  return { png: recompressPng(png), webp: Buffer.from(url.slice(prefix.length), "base64") };
}

/**
 * SVG text of a figure (vector, for print and slides). 3-D scenes are embedded as bitmaps by Plotly.
 *
 * @example
 * writeFileSync("fig.svg", await renderSvg(fig));
 */
export async function renderSvg(fig: Figure, size: RenderSize = {}): Promise<string> {
  const url = await toImage(fig, "svg", size);
  const prefix = "data:image/svg+xml,";
  if (!url.startsWith(prefix))
    throw new Error(`Plotly.toImage returned no SVG (${url.slice(0, 40)}…)`);
  return decodeURIComponent(url.slice(prefix.length));
}
