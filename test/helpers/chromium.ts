/** A fresh Debian Chromium page for browser checks in tests, closed afterwards. */
import type { Page } from "playwright-core";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../src/charts/render.js";

/**
 * Runs `use` on a new page of a headless Chromium (the renderer's flags) and closes the browser.
 *
 * @example
 * await withChromiumPage(async (page) => { await page.setContent("<p>hi</p>"); });
 */
export async function withChromiumPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    return await use(await browser.newPage());
  } finally {
    await browser.close();
  }
}
