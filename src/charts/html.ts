/**
 * HTML for figures: the standalone page of an export and the notebook output (static PNG fallback
 * plus interactive Plotly loaded from the kernel, never from a CDN).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import type { Config } from "plotly.js";
import { NO_MATH_CLASS, escapeHtml } from "../display/text.js";
import type { Figure } from "./figure.js";
import { interactiveFigure } from "./figure.js";

export { escapeHtml };

const require = createRequire(import.meta.url);

/** Absolute path of the bundled `plotly.min.js` (from `plotly.js-dist-min`). */
export const PLOTLY_JS_PATH: string = require.resolve("plotly.js-dist-min/plotly.min.js");

let plotlySource: string | undefined;
let plotlyGzipBase64: string | undefined;

/** The Plotly bundle's source, read once per process. */
export function plotlyJs(): string {
  plotlySource ??= readFileSync(PLOTLY_JS_PATH, "utf8");
  return plotlySource;
}

/** Makes text safe inside an inline `<script>`: nothing can close the element early. */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1");
}

/** JSON that can be pasted into a `<script>` (`<` escaped, so labels cannot inject tags). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Plotly config of interactive figures: no logo, PNG download at slide size, and no TeX: Plotly
 * would otherwise typeset any label holding two `$` (two amounts in R$) when the page has MathJax,
 * as Jupyter pages do.
 */
export function plotlyConfig(filename: string): Partial<Config> {
  return {
    responsive: true,
    displaylogo: false,
    typesetMath: false,
    toImageButtonOptions: { format: "png", filename, width: 1600, height: 900, scale: 1 },
  };
}

/** Options of `standaloneHtml`. */
export interface StandaloneHtmlOptions {
  /** Page title. */
  title: string;
  /** File name used by the chart's own PNG download button. */
  name: string;
  /**
   * "inline" (default): the page embeds plotly.min.js (≈4.8 MB) and works offline on its own;
   * otherwise a relative URL of plotly.min.js written next to the page.
   */
  plotly?: "inline" | { src: string };
}

/**
 * A self-contained HTML page showing the figure interactively, full window.
 *
 * @example
 * writeFileSync("fig.html", standaloneHtml(fig, { title: "Orders", name: "orders" }));
 */
export function standaloneHtml(fig: Figure, options: StandaloneHtmlOptions): string {
  const plotly = options.plotly ?? "inline";
  const plotlyTag =
    plotly === "inline"
      ? `<script>${scriptSafe(plotlyJs())}</script>`
      : `<script src="${escapeHtml(plotly.src)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>html, body { margin: 0; height: 100%; } #figure { width: 100vw; height: 100vh; }</style>
${plotlyTag}
</head>
<body>
<div id="figure"></div>
<script>
var fig = ${scriptJson(interactiveFigure(fig))};
Plotly.newPlot("figure", fig.data, Object.assign({}, fig.layout, { autosize: true }), ${scriptJson(plotlyConfig(options.name))});
</script>
</body>
</html>
`;
}

/** Plotly gzip-compressed and base64-encoded (≈2 MB instead of 4.8 MB), computed once per process. */
export function plotlyGzipBase64Source(): string {
  plotlyGzipBase64 ??= gzipSync(plotlyJs(), { level: 9 }).toString("base64");
  return plotlyGzipBase64;
}

/** Browser-side helper shared by the loader and figure scripts: base64 gzip → text. */
const GUNZIP_BASE64 = `function (b64) {
  var bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}`;

/**
 * The notebook's Plotly loader: a `<script>` that decompresses the embedded bundle and evaluates it
 * once per page, publishing the promise `window.__olistPlotly`. It does nothing when the page
 * already has Plotly or is loading it (cell re-run, notebook re-opened). `module`, `exports` and
 * `define` are hidden so the bundle always sets `window.Plotly`, even next to require.js.
 */
export function plotlyLoaderHtml(): string {
  return `<script>
(function () {
  if (window.__olistPlotly) return;
  if (window.Plotly && window.Plotly.newPlot) { window.__olistPlotly = Promise.resolve(window.Plotly); return; }
  if (typeof DecompressionStream === "undefined") return;
  var gunzip = ${GUNZIP_BASE64};
  window.__olistPlotly = gunzip("${plotlyGzipBase64Source()}").then(function (code) {
    new Function("module", "exports", "define", code)(undefined, undefined, undefined);
    return window.Plotly;
  });
  window.__olistPlotly.catch(function (e) { console.warn("olist charts: Plotly not loaded, static images kept", e); });
})();
</script>`;
}

/** Figures whose JSON exceeds this many characters are embedded gzip+base64 (≈ 3× smaller). */
export const COMPRESS_FIGURE_ABOVE = 20_000;

/** Options of `notebookFigureHtml`. */
export interface NotebookFigureHtmlOptions {
  /** DOM id of the figure container (unique in the page). */
  id: string;
  /** Static image shown where scripts do not run (e.g. a WebP from `renderPngAndWebp`). */
  image: { bytes: Uint8Array; mime: "image/png" | "image/webp" };
  /** Alternative text of the static image. */
  alt: string;
  /** Figure name (file name of the download button). */
  name: string;
  width: number;
  height: number;
  /** Prepend the Plotly loader (first figure of a kernel session). */
  withLoader: boolean;
}

/**
 * The `text/html` output of a notebook figure: a container holding the static image, and a script
 * that, once `window.__olistPlotly` resolves, draws the interactive chart and removes the image.
 * Where scripts do not run (GitHub, untrusted notebooks) the image stays. MathJax skips the
 * container, so no label is typeset.
 */
export function notebookFigureHtml(fig: Figure, options: NotebookFigureHtmlOptions): string {
  const { id, width, height } = options;
  const shown = interactiveFigure(fig);
  const json = JSON.stringify(shown);
  const payload =
    json.length > COMPRESS_FIGURE_ABOVE
      ? `gunzip("${gzipSync(json, { level: 9 }).toString("base64")}").then(JSON.parse)`
      : `Promise.resolve(${scriptJson(shown)})`;
  const { bytes, mime } = options.image;
  const image = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  return `${options.withLoader ? plotlyLoaderHtml() + "\n" : ""}<div id="${escapeHtml(id)}" class="olist-figure ${NO_MATH_CLASS}" style="max-width:${width}px">
<img src="data:${mime};base64,${image}" alt="${escapeHtml(options.alt)}" width="${width}" height="${height}" style="max-width:100%;height:auto">
</div>
<script>
(function () {
  var box = document.getElementById(${scriptJson(id)});
  var ready = window.__olistPlotly || (window.Plotly && window.Plotly.newPlot ? Promise.resolve(window.Plotly) : null);
  if (!box || !ready || typeof DecompressionStream === "undefined") return;
  var gunzip = ${GUNZIP_BASE64};
  var plot = document.createElement("div");
  Promise.all([ready, ${payload}]).then(function (r) {
    var Plotly = r[0], fig = r[1];
    plot.style.height = "${height}px";
    box.style.maxWidth = "none";
    box.insertBefore(plot, box.firstChild);
    return Plotly.newPlot(plot, fig.data, fig.layout, ${scriptJson(plotlyConfig(options.name))}).then(function () {
      var img = box.querySelector("img");
      if (img) img.remove();
    });
  }).catch(function (e) {
    plot.remove();
    console.warn("olist charts: interactive figure failed, static image kept", e);
  });
})();
</script>`;
}
