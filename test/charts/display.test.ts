import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, describe, it } from "node:test";
import { barChart } from "../../src/charts/bar.js";
import { compactFigure, PLOTLY_MIME } from "../../src/charts/bundle.js";
import type { MimeMetadata } from "../../src/display/notebook.js";
import { resetFigureSession, setDisplaySink, showFigure } from "../../src/charts/display.js";
import type { Figure } from "../../src/charts/figure.js";
import { CHROMIUM_PATH, closeRenderer, renderPng } from "../../src/charts/render.js";
import { segmentScatter3d } from "../../src/charts/scatter.js";
import { recompressPng } from "../../src/charts/pngRecompress.js";
import { withChromiumPage } from "../helpers/chromium.js";
import { pngSize } from "./png.js";

const fig = barChart(["a", "b"], [{ name: "n", values: [1, 2] }], { title: "Demo <chart>" });

/** One captured output, its entries typed as the bundle holds them. */
interface Output {
  html: string;
  png: string;
  plain: string;
  plotly: { data: unknown[]; layout: Record<string, unknown>; config: Record<string, unknown> };
  keys: string[];
  metadata: MimeMetadata;
}

async function capture(run: () => Promise<void>): Promise<Output[]> {
  const outputs: Output[] = [];
  setDisplaySink((b, metadata) =>
    outputs.push({
      html: b["text/html"] as string,
      png: b["image/png"] as string,
      plain: b["text/plain"] as string,
      plotly: b[PLOTLY_MIME] as Output["plotly"],
      keys: Object.keys(b).sort(),
      metadata,
    }),
  );
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

  it("outputs one MIME bundle per chart: Plotly JSON, HTML with a WebP fallback, PNG, text", async () => {
    const outputs = await capture(async () => {
      await showFigure(fig, { name: "first" });
      await showFigure(fig, { name: "second", title: "Renamed", width: 600, height: 300 });
    });
    assert.equal(outputs.length, 2);
    for (const o of outputs) {
      assert.deepEqual(o.keys, [PLOTLY_MIME, "image/png", "text/html", "text/plain"]);
      assert.ok(!/<script[^>]*\ssrc=["']?https?:/i.test(o.html), "no CDN script source");
      assert.ok(!/https?:\/\/cdn/i.test(o.html), "no CDN URL at all");
      assert.match(o.html, /<img src="data:image\/webp;base64,[^"]+" alt="/, "fallback image");
      assert.match(o.html, /class="olist-figure tex2jax_ignore mathjax_ignore"/);
      assert.equal(o.plotly.config.typesetMath, false, "Plotly never typesets $…$ labels");
      assert.deepEqual(o.plotly.data, fig.data);
    }
    assert.ok(outputs[0].html.includes("__olistPlotly = gunzip("), "loader in the first output");
    assert.ok(outputs[0].html.length > 1_500_000);
    assert.ok(!outputs[1].html.includes("__olistPlotly = gunzip("), "loader only once");
    assert.ok(outputs[1].html.length < 40_000, `${outputs[1].html.length} characters`);
    assert.match(outputs[0].html, /alt="Demo &lt;chart&gt;"/);
    assert.equal(outputs[1].plain, "[figure second: Renamed]");
    assert.equal((outputs[1].plotly.layout.title as { text: string }).text, "Renamed");
    assert.deepEqual(pngSize(Buffer.from(outputs[1].png, "base64")), { width: 600, height: 300 });
    assert.deepEqual(outputs[1].metadata, { "image/png": { width: 600, height: 300 } });
    // The WebP fallback is smaller than the PNG it stands for, itself recompressed at level 9.
    const webp = /base64,([^"]+)" alt/.exec(outputs[1].html)![1];
    assert.ok(webp.length < outputs[1].png.length, `${webp.length} vs ${outputs[1].png.length}`);
    const raw = await renderPng(
      { data: fig.data, layout: { ...fig.layout, title: { text: "Renamed" } } },
      { width: 600, height: 300 },
    );
    assert.ok(Buffer.from(outputs[1].png, "base64").length < raw.length, "recompressed PNG");
  });

  it("draws a figure's static view in the still images, the figure itself in the interactive ones", async () => {
    const n = 50;
    const cloud = {
      x: Array.from({ length: n }, (_, i) => Math.sin(i)),
      y: Array.from({ length: n }, (_, i) => Math.cos(i)),
      z: Array.from({ length: n }, (_, i) => i / n),
      segment: Array.from({ length: n }, (_, i) => i % 2),
    };
    const scene = segmentScatter3d(cloud, {
      title: "Scene",
      xTitle: "PC1",
      yTitle: "PC2",
      zTitle: "PC3",
    });
    assert.ok(scene.staticView, "3-D scatter has a static view");
    const [o] = await capture(() => showFigure(scene, { name: "scene" }));
    assert.deepEqual(
      o.plotly.data.map((t) => (t as { type: string }).type),
      ["scatter3d", "scatter3d"],
    );
    assert.ok(!("staticView" in o.plotly) && !o.html.includes("staticView"));
    const still = recompressPng(await renderPng(scene.staticView, { width: 900, height: 500 }));
    assert.ok(Buffer.from(o.png, "base64").equals(still), "image/png is the 2-D pair");
    assert.ok(!(await renderPng(scene)).equals(await renderPng(interactiveOnly(scene))));
  });

  it("keeps 6 significant digits of the traces' numbers in notebook outputs", () => {
    const compact = compactFigure({
      data: [{ type: "scatter", x: [0.123456789, 3, -1234.56789], y: [1e-9 / 3, 2, 3] }],
      layout: { title: { text: "t" } },
    });
    const [t] = compact.data as { x: number[]; y: number[] }[];
    assert.deepEqual(t.x, [0.123457, 3, -1234.57]);
    assert.deepEqual(t.y, [3.33333e-10, 2, 3]);
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
    assert.ok(outputs.every((o) => o.html.includes("__olistPlotly = gunzip(")));
  });

  it("draws the interactive chart over the image in a browser, once Plotly is unpacked", async () => {
    assert.ok(existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: run the project setup`);
    const outputs = await capture(async () => {
      await showFigure(fig, { name: "p1" });
      await showFigure(fig, { name: "p2" });
    });
    await withChromiumPage(async (page) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      // Both outputs, then the first one again: a re-opened page must not load Plotly twice.
      const body =
        outputs.map((o) => o.html).join("\n") + outputs[0].html.replace(/olist-p1-/g, "olist-p1b-");
      await page.setContent(`<!DOCTYPE html><html><body>${body}</body></html>`);
      // A string expression: the test is compiled without DOM types.
      await page.waitForFunction(
        'document.querySelectorAll(".olist-figure .main-svg").length >= 3',
        undefined,
        { timeout: 20_000 },
      );
      assert.equal(await page.locator(".olist-figure img").count(), 0, "static images replaced");
      assert.deepEqual(errors, []);
    });
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

/** The figure without its static view: what a still image would show without one. */
function interactiveOnly(f: Figure): Figure {
  return { data: f.data, layout: f.layout };
}
