/**
 * Static rendering with Debian's Chromium driven by playwright-core: figures to PNG and SVG, HTML
 * documents to PDF. One browser and one page per process, started on first use, with Plotly loaded
 * from node_modules (no network); closed by `closeRenderer()`, after an idle period, or at exit.
 * PDFs are printed from a short-lived second page of the same browser, so the Plotly page is kept.
 */
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import type { Figure } from "./figure.js";
import { interactiveFigure, staticFigure } from "./figure.js";
import { PLOTLY_JS_PATH } from "./html.js";
import { recompressPng } from "./pngRecompress.js";

/** Chromium used for static rendering; `OLIST_CHROMIUM` overrides the Debian path. */
export const CHROMIUM_PATH: string = process.env.OLIST_CHROMIUM || "/usr/bin/chromium";

/**
 * Chromium flags: headless without sandbox (containers), no GPU, and no background networking
 * (the network is closed and Chromium would otherwise retry forever). SwiftShader gives WebGL
 * without a GPU, which 3-D scatter plots need.
 */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
]);

/** Size of a static image: `width × scale` by `height × scale` pixels. */
export interface RenderSize {
  /** CSS pixels; default 900. */
  width?: number;
  /** CSS pixels; default 500. */
  height?: number;
  /** Pixel ratio of PNGs; default 1. */
  scale?: number;
}

/** Close the browser after this long without rendering (ms), so kernels do not keep it forever. */
export const IDLE_CLOSE_MS = 60_000;

let browser: Browser | undefined;
let pagePromise: Promise<Page> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: NodeJS.Timeout | undefined;

async function launch(): Promise<Page> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; static charts need it. Run the project setup ` +
        "(npm run setup, which installs Debian's chromium package) or set OLIST_CHROMIUM.",
    );
  }
  const { chromium } = await import("playwright-core");
  // playwright gives each launch a fresh temporary profile (--user-data-dir) and deletes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const page = await browser.newPage();
  // Anything that tries the network fails at once instead of waiting for a timeout.
  await page.route(/^(https?|wss?):/, (route) => route.abort());
  await page.setContent(
    "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body></body></html>",
  );
  await page.addScriptTag({ path: PLOTLY_JS_PATH });
  return page;
}

function page(): Promise<Page> {
  pagePromise ??= launch().catch((e: unknown) => {
    pagePromise = undefined;
    throw e;
  });
  return pagePromise;
}

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

/**
 * Runs `job` on the shared page once the jobs before it are done: renders run one at a time, the
 * queue survives a failed job, and the idle timer restarts after each job.
 */
function enqueue<T>(job: (p: Page) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    if (idleTimer) clearTimeout(idleTimer);
    try {
      return await job(await page());
    } finally {
      idleTimer = setTimeout(() => void closeRenderer(), IDLE_CLOSE_MS);
      idleTimer.unref();
    }
  });
  queue = run.catch(() => undefined);
  return run;
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

/** Page margins of a PDF, as CSS lengths ("14mm", "0.5in", "40px"). */
export interface PdfMargin {
  top?: string;
  right?: string;
  bottom?: string;
  left?: string;
}

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** Paper size; default "A4". */
  format?: "A4" | "A3" | "A5" | "Letter" | "Legal";
  /** Landscape pages; default false (portrait). */
  landscape?: boolean;
  /** Page margins; default 14 mm on every side (each side given replaces only that side). */
  margin?: PdfMargin;
  /**
   * Print "n / N" small and grey, centred in the bottom margin of every page; default false. Keep
   * a bottom margin of at least 10 mm for it.
   */
  pageNumbers?: boolean;
  /** Give up loading the HTML after this many milliseconds; default 30,000. */
  timeoutMs?: number;
  /** Use the page size of the document's CSS `@page` rule (e.g. 16:9 slides) over `format`; default false. */
  cssPageSize?: boolean;
}

/** Default PDF margin on every side. */
export const PDF_MARGIN = "14mm";

const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;text-align:center;font-size:8px;color:#6E6E6E;' +
  'font-family:system-ui,sans-serif"><span class="pageNumber"></span> / ' +
  '<span class="totalPages"></span></div>';

/**
 * PDF bytes of an HTML document, printed by Chromium with the print stylesheet and backgrounds.
 * The document must be self-contained: network requests are refused, so external images, fonts or
 * scripts are simply missing. The bytes differ between runs (Chromium stamps a creation date).
 *
 * @example
 * writeFileSync("brief.pdf", await renderPdf(html, { pageNumbers: true }));
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  if (typeof html !== "string") throw new Error("renderPdf: html must be a string");
  const {
    format = "A4",
    landscape = false,
    margin = {},
    pageNumbers = false,
    timeoutMs = 30_000,
    cssPageSize = false,
  } = options;
  if (!(timeoutMs > 0)) throw new Error(`timeoutMs must be positive, got ${timeoutMs}`);
  const sides = {
    top: margin.top ?? PDF_MARGIN,
    right: margin.right ?? PDF_MARGIN,
    bottom: margin.bottom ?? PDF_MARGIN,
    left: margin.left ?? PDF_MARGIN,
  };
  return enqueue(async (plotlyPage) => {
    // A page of its own (closed with its context below): setContent would otherwise replace the
    // page that holds Plotly.
    const owner = plotlyPage.context().browser();
    if (!owner) throw new Error("renderPdf: the renderer's browser is not available");
    const p = await owner.newPage();
    try {
      await p.route(/^(https?|wss?):/, (route) => route.abort());
      await p.setContent(html, { waitUntil: "load", timeout: timeoutMs });
      return await p.pdf({
        format,
        landscape,
        printBackground: true,
        margin: sides,
        preferCSSPageSize: cssPageSize,
        ...(pageNumbers
          ? {
              displayHeaderFooter: true,
              headerTemplate: "<div></div>",
              footerTemplate: PAGE_NUMBER_FOOTER,
            }
          : {}),
      });
    } finally {
      await p.close().catch(() => undefined);
    }
  });
}

/** Closes the shared browser (it restarts on the next render). Safe to call at any time. */
export async function closeRenderer(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  const b = browser;
  const pending = pagePromise;
  browser = undefined;
  pagePromise = undefined;
  if (pending) await pending.catch(() => undefined);
  if (!b && browser) {
    // A launch was in flight (e.g. started by warmRenderer): close the browser it just opened.
    const late: Browser = browser;
    browser = undefined;
    await late.close().catch(() => undefined);
  }
  await b?.close().catch(() => undefined);
}

/**
 * Starts the shared browser now without waiting for it, so that its launch (seconds) overlaps
 * other work, e.g. the main job's computations before the brief; a failed launch is reported by
 * the first render, which launches again.
 */
export function warmRenderer(): void {
  page().catch(() => undefined);
}
