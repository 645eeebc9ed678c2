/**
 * Static rendering of figures to PNG and SVG with Debian's Chromium driven by playwright-core.
 * One browser and one page per process, started on first use, with Plotly loaded from
 * node_modules (no network); closed by `closeRenderer()`, after an idle period, or at exit.
 */
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import type { Figure } from "./figure.js";
import { PLOTLY_JS_PATH } from "./html.js";

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

async function toImage(fig: Figure, format: "png" | "svg", size: RenderSize): Promise<string> {
  const opts = { format, ...checkSize(size) };
  // Renders run one at a time in the single page; the queue survives a failed render.
  const run = queue.then(async () => {
    if (idleTimer) clearTimeout(idleTimer);
    const p = await page();
    try {
      return await p.evaluate(
        ([f, o]) =>
          (
            globalThis as unknown as {
              Plotly: { toImage(f: unknown, o: unknown): Promise<string> };
            }
          ).Plotly.toImage(f, o),
        [fig, opts] as const,
      );
    } finally {
      idleTimer = setTimeout(() => void closeRenderer(), IDLE_CLOSE_MS);
      idleTimer.unref();
    }
  });
  queue = run.catch(() => undefined);
  return run;
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

/** Closes the shared browser (it restarts on the next render). Safe to call at any time. */
export async function closeRenderer(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  const b = browser;
  const pending = pagePromise;
  browser = undefined;
  pagePromise = undefined;
  if (pending) await pending.catch(() => undefined);
  await b?.close().catch(() => undefined);
}
