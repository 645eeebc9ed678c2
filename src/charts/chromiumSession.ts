/**
 * The one Chromium of a process for static rendering, driven by playwright-core: started on first
 * use with Plotly loaded from node_modules (no network), its page shared by a queue that runs one
 * render at a time, closed by `closeRenderer()`, after an idle period, or at exit.
 */
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
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

/**
 * Runs `job` on the shared page once the jobs before it are done: renders run one at a time, the
 * queue survives a failed job, and the idle timer restarts after each job.
 */
export function enqueue<T>(job: (p: Page) => Promise<T>): Promise<T> {
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
