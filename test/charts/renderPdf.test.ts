import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { barChart } from "../../src/charts/bar.js";
import { execFileSync } from "node:child_process";
import {
  CHROMIUM_PATH,
  closeRenderer,
  renderPdf,
  renderSvg,
  warmRenderer,
} from "../../src/charts/render.js";

/** Chromium processes started by this process (playwright launches the browser as a child). */
const chromiumChildren = () =>
  execFileSync("ps", ["-o", "comm=", "--ppid", String(process.pid)], { encoding: "utf8" })
    .split("\n")
    .filter((l) => /chrom/i.test(l)).length;

/** Pages of a Chromium PDF (its page objects are not compressed into object streams). */
function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;
}

/** Page size in PDF points of the first page's MediaBox. */
function mediaBox(pdf: Uint8Array): number[] {
  const m = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(Buffer.from(pdf).toString("latin1"));
  assert.ok(m, "no MediaBox");
  return m[1].trim().split(/\s+/).map(Number);
}

const paragraphs = (n: number) =>
  "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>" +
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} — São Paulo</p>`).join("") +
  "</body></html>";

describe("renderPdf through Chromium", () => {
  before(() => {
    // Fail (never skip) when the browser is missing: CI installs it through the project setup.
    assert.ok(existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: run npm run setup`);
  });
  after(() => closeRenderer());

  it("warmRenderer launches early; a close during the launch leaves no browser behind", async () => {
    warmRenderer();
    await closeRenderer(); // while the launch is in flight
    assert.equal(chromiumChildren(), 0);
    warmRenderer();
    const pdf = await renderPdf(paragraphs(1)); // the warmed browser, or a new one
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString("latin1"), "%PDF-");
    assert.equal(chromiumChildren(), 1);
    await closeRenderer();
    assert.equal(chromiumChildren(), 0);
  });

  it("prints an A4 PDF, one page for a short document, several for a long one", async () => {
    const short = await renderPdf(paragraphs(3));
    assert.equal(Buffer.from(short.subarray(0, 5)).toString("latin1"), "%PDF-");
    assert.equal(pdfPageCount(short), 1);
    const [x0, y0, w, h] = mediaBox(short);
    // A4 is 595.28 × 841.89 points (Chromium rounds up to whole CSS pixels: 596 × 843).
    assert.deepEqual([x0, y0], [0, 0]);
    assert.ok(Math.abs(w - 595.28) < 1.5 && Math.abs(h - 841.89) < 1.5, `${w} × ${h}`);
    const long = await renderPdf(paragraphs(150), { pageNumbers: true });
    assert.ok(pdfPageCount(long) >= 3, `${pdfPageCount(long)} pages`);
  });

  it("honours landscape and the paper format", async () => {
    const pdf = await renderPdf(paragraphs(1), { format: "Letter", landscape: true });
    const [, , w, h] = mediaBox(pdf);
    assert.ok(Math.abs(w - 792) < 1.5 && Math.abs(h - 612) < 1.5, `${w} × ${h}`);
  });

  it("refuses the network instead of waiting for it, and keeps figures rendering", async () => {
    const start = performance.now();
    const pdf = await renderPdf(
      "<p>offline</p><img src='http://example.invalid/logo.png'><link rel='stylesheet' href='https://example.invalid/a.css'>",
      { timeoutMs: 10_000 },
    );
    assert.equal(pdfPageCount(pdf), 1);
    assert.ok(performance.now() - start < 5000, "did not wait for the network");
    // The PDF used a page of its own: the Plotly page still renders figures.
    const svg = await renderSvg(
      barChart(["a"], [{ name: "n", values: [1] }], { title: "After PDF" }),
    );
    assert.ok(svg.includes("After PDF"));
  });

  it("checks its arguments", async () => {
    await assert.rejects(renderPdf(42 as unknown as string), /html must be a string/);
    await assert.rejects(renderPdf("<p>x</p>", { timeoutMs: 0 }), /timeoutMs must be positive/);
  });
});
