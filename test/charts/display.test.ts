import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, describe, it } from "node:test";
import { chromium } from "playwright-core";
import { barChart } from "../../src/charts/bar.js";
import type { MimeBundle } from "../../src/display/notebook.js";
import { resetFigureSession, setDisplaySink, showFigure } from "../../src/charts/display.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH, closeRenderer } from "../../src/charts/render.js";
import { pngSize } from "./png.js";

const fig = barChart(["a", "b"], [{ name: "n", values: [1, 2] }], { title: "Demo <chart>" });

async function capture(run: () => Promise<void>): Promise<MimeBundle[]> {
  const outputs: MimeBundle[] = [];
  setDisplaySink((b) => outputs.push(b));
  try {
    await run();
  } finally {
    setDisplaySink(undefined);
  }
  return outputs;
}

describe("showFigure", () => {
  afterEach(() => resetFigureSession());
  after(() => closeRenderer());

  it("outputs a fallback <img>, no CDN script, and Plotly only in the first output", async () => {
    const outputs = await capture(async () => {
      await showFigure(fig, { name: "first" });
      await showFigure(fig, { name: "second", title: "Renamed", width: 600, height: 300 });
    });
    assert.equal(outputs.length, 2);
    for (const o of outputs) {
      assert.ok(!/<script[^>]*\ssrc=["']?https?:/i.test(o["text/html"]), "no CDN script source");
      assert.ok(!/https?:\/\/cdn/i.test(o["text/html"]), "no CDN URL at all");
      const img = /<img src="data:image\/png;base64,([^"]+)" alt="([^"]*)"/.exec(o["text/html"]);
      assert.ok(img, "fallback image present");
      assert.ok(o["image/png"] === undefined, "no duplicate image/png by default");
    }
    assert.ok(
      outputs[0]["text/html"].includes("__olistPlotly = gunzip("),
      "loader in the first output",
    );
    assert.ok(outputs[0]["text/html"].length > 1_500_000);
    assert.ok(!outputs[1]["text/html"].includes("__olistPlotly = gunzip("), "loader only once");
    assert.ok(outputs[1]["text/html"].length < 100_000);
    assert.match(outputs[0]["text/html"], /alt="Demo &lt;chart&gt;"/);
    assert.equal(outputs[1]["text/plain"], "[figure second: Renamed]");
    const png = Buffer.from(/base64,([^"]+)"/.exec(outputs[1]["text/html"])![1], "base64");
    assert.deepEqual(pngSize(png), { width: 600, height: 300 });
  });

  it("adds image/png on request, for LaTeX/PDF exporters", async () => {
    const [o] = await capture(() => showFigure(fig, { name: "with-png", imagePng: true }));
    assert.deepEqual(pngSize(Buffer.from(o["image/png"], "base64")), { width: 900, height: 500 });
  });

  it("throws on a duplicate or unusable name", async () => {
    await capture(async () => {
      await showFigure(fig, { name: "dup" });
      await assert.rejects(showFigure(fig, { name: "dup" }), /Figure name "dup" is already used/);
      await assert.rejects(showFigure(fig, { name: "a b" }), /"a b" is not usable as a file name/);
    });
  });

  it("re-injects Plotly after a kernel restart and when the carrying cell is re-run", async () => {
    const outputs = await capture(async () => {
      await showFigure(fig, { name: "one" });
      resetFigureSession();
      await showFigure(fig, { name: "two" });
    });
    assert.ok(outputs.every((o) => o["text/html"].includes("__olistPlotly = gunzip(")));
  });

  it("draws the interactive chart over the image in a browser, once Plotly is unpacked", async () => {
    assert.ok(existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: run the project setup`);
    const outputs = await capture(async () => {
      await showFigure(fig, { name: "p1" });
      await showFigure(fig, { name: "p2" });
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      // Both outputs, then the first one again: a re-opened page must not load Plotly twice.
      const body =
        outputs.map((o) => o["text/html"]).join("\n") +
        outputs[0]["text/html"].replace(/olist-p1-/g, "olist-p1b-");
      await page.setContent(`<!DOCTYPE html><html><body>${body}</body></html>`);
      // A string expression: the test is compiled without DOM types.
      await page.waitForFunction(
        'document.querySelectorAll(".olist-figure .main-svg").length >= 3',
        undefined,
        {
          timeout: 20_000,
        },
      );
      assert.equal(await page.locator(".olist-figure img").count(), 0, "static images replaced");
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  it("exports each shown figure when OLIST_FIGURES_DIR is set", () => {
    const dir = mkdtempSync(join(tmpdir(), "olist-figs-"));
    try {
      const script =
        'import { showFigure, setDisplaySink, closeRenderer, barChart } from "./src/charts/index.ts";' +
        "setDisplaySink(() => {});" +
        'const fig = barChart(["a"], [{ name: "n", values: [1] }], { title: "T" });' +
        'await showFigure(fig, { name: "kpi" });' +
        'await showFigure(fig, { name: "kpi" }).catch((e) => process.stdout.write(e.message));' +
        "await closeRenderer();";
      const out = execFileSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script],
        {
          env: { ...process.env, OLIST_FIGURES_DIR: dir },
          encoding: "utf8",
        },
      );
      for (const ext of ["png", "svg", "html"])
        assert.ok(existsSync(join(dir, `kpi.${ext}`)), `kpi.${ext}`);
      assert.match(out, /Figure name "kpi" is already used/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
