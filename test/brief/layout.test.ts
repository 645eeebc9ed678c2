import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, describe, it } from "node:test";
import { briefHtml } from "../../src/brief/html.js";
import type { BriefWorth } from "../../src/brief/worth.js";
import { BRIEF_PDF_OPTIONS } from "../../src/brief/write.js";
import { CHROMIUM_PATH, closeRenderer } from "../../src/charts/render.js";
import { valueVerdict } from "../../src/value/holdoutComparison.js";
import { withChromiumPage } from "../helpers/chromium.js";
import { TABLE_FIT_EXPRESSION } from "../helpers/tableFit.js";
import { fixtureInput, MARKETING } from "./fixture.js";
import { WORTH } from "./worthFixture.js";

/** CSS pixels of a length in mm (96 px per inch). */
const px = (mm: number) => Math.floor((mm * 96) / 25.4);

/** The printable width of the brief's A4 page: 210 mm less its left and right margins. */
function printableWidth(): number {
  const m = BRIEF_PDF_OPTIONS.margin ?? {};
  const mm = (s: string | undefined) => Number(/^([\d.]+)mm$/.exec(s ?? "")?.[1] ?? NaN);
  const width = px(210 - mm(m.left) - mm(m.right));
  assert.ok(width > 500 && width < 800, `printable width ${width}px`);
  return width;
}

/** Long names and large amounts, as on the full-scale twin: the widest cells the brief meets. */
const NAMES = [
  "Buyers of the last half-year",
  "Big spenders of the last year",
  "Disappointed customers",
];
const WIDE: BriefWorth = {
  ...WORTH,
  value: {
    ...WORTH.value,
    reason: valueVerdict({ model: 21326.61, baseline: 87628.77 }, { model: 43.79, baseline: 44.05 })
      .reason,
  },
  segments: WORTH.segments.map((s, i) => ({
    ...s,
    name: NAMES[i],
    value: s.value && {
      ...s.value,
      expectedRevenue: 12_345_678.9,
      expectedRevenuePerCustomer: 1234.56,
    },
  })),
};

describe("the brief's layout on an A4 page, in Chromium", () => {
  after(() => closeRenderer());

  it("keeps every table inside the printable width (scrollWidth ≤ clientWidth)", async () => {
    assert.ok(existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: run npm run setup`);
    const input = fixtureInput({
      worth: WIDE,
      marketing: MARKETING.map((r, i) => ({ ...r, name: NAMES[i] })),
    });
    const html = await briefHtml(input);
    // One money formatter: no amount of 1,000 or more without its thousands separator.
    const visible = html.replace(/<style>[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, " ");
    assert.ok(visible.includes("R$\u00a012,345,679"), "large amounts with separators");
    assert.deepEqual(visible.match(/R\$[\s\u00a0]*[−-]?\d{4}/g), null);
    const width = printableWidth();
    const { tables, problems } = await withChromiumPage(async (page) => {
      await page.setViewportSize({ width, height: 1100 });
      await page.emulateMedia({ media: "print" });
      await page.setContent(html, { waitUntil: "load" });
      return {
        tables: await page.evaluate("document.querySelectorAll('table').length"),
        problems: (await page.evaluate(TABLE_FIT_EXPRESSION)) as string[],
      };
    });
    // The overview, the action table and the worth section's two tables.
    assert.ok(Number(tables) >= 4, `${String(tables)} tables`);
    assert.deepEqual(problems, []);
  });

  it("detects a table wider than its page (the check can fail)", async () => {
    const wide = `<main><table><tr><td style="white-space:nowrap">${"x".repeat(400)}</td></tr></table></main>`;
    const problems = await withChromiumPage(async (page) => {
      await page.setViewportSize({ width: printableWidth(), height: 600 });
      await page.setContent(wide);
      return (await page.evaluate(TABLE_FIT_EXPRESSION)) as string[];
    });
    assert.ok(problems.length > 0, "an overflowing table is reported");
  });
});
