import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { barChart } from "../../src/charts/bar.js";
import { exportFigure } from "../../src/charts/export.js";
import { CHROMIUM_PATH, closeRenderer, renderPng } from "../../src/charts/render.js";
import { pngSize } from "./png.js";

const fig = barChart(["SP", "RJ", "MG"], [{ name: "Orders", values: [41746, 12852, 11635] }], {
  title: "Orders by state — São Paulo first",
});

describe("static export through Chromium", () => {
  let dir: string;
  before(() => {
    // Fail (never skip) when the browser is missing: CI installs it through the project setup.
    assert.ok(
      existsSync(CHROMIUM_PATH),
      `${CHROMIUM_PATH} is missing: run the project setup (npm run setup installs Debian's chromium)`,
    );
    dir = mkdtempSync(join(tmpdir(), "olist-export-"));
  });
  after(async () => {
    await closeRenderer();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes real PNG (slide size × scale), SVG with the title, and offline HTML", async () => {
    const files = await exportFigure(fig, join(dir, "eda"), "orders-by-state", {
      width: 800,
      height: 450,
      scale: 2,
    });
    assert.deepEqual(Object.keys(files).sort(), ["html", "png", "svg"]);
    const png = readFileSync(files.png!);
    assert.deepEqual(pngSize(png), { width: 1600, height: 900 });
    assert.ok(png.length > 5000, `PNG is only ${png.length} bytes`);
    const svg = readFileSync(files.svg!, "utf8");
    assert.ok(svg.startsWith("<svg"), svg.slice(0, 40));
    assert.ok(svg.includes("Orders by state — São Paulo first"));
    const html = readFileSync(files.html!, "utf8");
    assert.ok(!/<script[^>]+src=["']?https?:/i.test(html), "no CDN script");
    assert.ok(html.includes("window.Plotly = Plotly"), "plotly.min.js is inline");
    assert.ok(statSync(files.html!).size > 4_000_000);
  });

  it("uses 1600 × 900 by default, writes only the requested formats, shares plotly.min.js on request", async () => {
    const files = await exportFigure(fig, dir, "slide", {
      formats: ["png", "html"],
      plotlyJs: "sibling",
    });
    assert.equal(files.svg, undefined);
    assert.deepEqual(pngSize(readFileSync(files.png!)), { width: 1600, height: 900 });
    assert.ok(existsSync(join(dir, "plotly.min.js")));
    assert.ok(readFileSync(files.html!, "utf8").includes('<script src="plotly.min.js"></script>'));
    assert.ok(statSync(files.html!).size < 20_000);
  });

  it("renders warm figures quickly in the shared browser", async () => {
    await renderPng(fig);
    const start = performance.now();
    for (let i = 0; i < 5; i++) await renderPng(fig, { width: 900, height: 500 });
    const ms = (performance.now() - start) / 5;
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms per figure`);
  });

  it("rejects names unusable as file names and unknown formats", async () => {
    await assert.rejects(
      exportFigure(fig, dir, "orders/state"),
      /"orders\/state" is not usable as a file name/,
    );
    await assert.rejects(
      exportFigure(fig, dir, "ok", { formats: ["pdf" as "png"] }),
      /Unknown export format "pdf"/,
    );
    await assert.rejects(renderPng(fig, { width: 0 }), /width must be an integer number of pixels/);
  });

  it("tells to run the project setup when Chromium is missing", () => {
    const script =
      'import { renderPng } from "./src/charts/render.ts";' +
      "renderPng({ data: [], layout: {} }).catch((e) => { process.stdout.write(e.message); });";
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        env: { ...process.env, OLIST_CHROMIUM: "/nonexistent/chromium" },
        encoding: "utf8",
      },
    );
    assert.match(out, /Chromium not found at \/nonexistent\/chromium.*Run the project setup/);
  });
});
