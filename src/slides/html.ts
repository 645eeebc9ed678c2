/**
 * The deck as one self-contained HTML file: 16:9 slides of 1280 × 720 CSS pixels (one PDF page
 * each), charts inline as SVG, system fonts, no script and no URL. Numbers are written in spans
 * naming their source (`data-src`), speaker notes follow each slide in an `<aside class="notes">`
 * (shown on screen, not printed). Nothing depends on the clock: the same deck gives the same bytes.
 */
import { SYNTHETIC_WARNING } from "../brief/html.js";
import { escapeHtml } from "../charts/html.js";
import { NEUTRAL_COLOR, SEGMENT_PALETTE } from "../charts/theme.js";
import { SLIDE_MIN_FONT_PX, slideSvg } from "./charts.js";
import type { Block, Deck, Slide, Text } from "./deck.js";

/** Slide size in CSS pixels (16:9). */
export const SLIDE_SIZE = { width: 1280, height: 720 } as const;

/** Horizontal padding of a slide, and the width of the left column of a split slide. */
const PAD_X = 56;
const SPLIT_LEFT = 440;
const GAP = 32;

/** Width of a chart in a slide of this layout. */
export function chartWidth(layout: Slide["layout"]): number {
  const inner = SLIDE_SIZE.width - 2 * PAD_X;
  return layout === "split" ? inner - SPLIT_LEFT - GAP : inner;
}

const esc = escapeHtml;

/** A run of text as HTML, each fact in a span naming its source. */
export function textHtml(t: Text | string): string {
  if (typeof t === "string") return esc(t);
  return t
    .map((p) =>
      typeof p === "string"
        ? esc(p)
        : `<span class="fact" data-src="${esc(p.src)}">${esc(p.text)}</span>`,
    )
    .join("");
}

async function blockHtml(b: Block, layout: Slide["layout"]): Promise<string> {
  switch (b.kind) {
    case "text":
      return `<p class="text ${b.style ?? "normal"}">${textHtml(b.text)}</p>`;
    case "bullets":
      return `${b.heading ? `<h2 class="block-heading">${esc(b.heading)}</h2>` : ""}<ul class="bullets">${b.items.map((i) => `<li>${textHtml(i)}</li>`).join("")}</ul>`;
    case "tiles":
      return `<div class="tiles">${b.tiles
        .map(
          (t) =>
            `<div class="tile"><div class="tile-value">${textHtml(t.value)}</div><div class="tile-label">${esc(t.label)}</div></div>`,
        )
        .join("")}</div>`;
    case "table": {
      const cls = (i: number) => (b.numeric?.[i] ? ' class="num"' : "");
      const head = b.head.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join("");
      const rows = b.rows
        .map(
          (r) => `<tr>${r.map((cell, i) => `<td${cls(i)}>${textHtml(cell)}</td>`).join("")}</tr>`,
        )
        .join("\n");
      return `<table class="deck-table"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case "chart": {
      const svg = await slideSvg(b.figure, b.id, chartWidth(layout), b.height);
      return `<figure class="chart" data-chart="${esc(b.id)}">${svg}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    }
  }
}

async function slideHtml(deck: Deck, s: Slide, n: number): Promise<string> {
  const blocks: string[] = [];
  for (const b of s.blocks) blocks.push(await blockHtml(b, s.layout));
  const body =
    s.layout === "split"
      ? `<div class="col left">${blocks[0] ?? ""}</div><div class="col right">${blocks.slice(1).join("\n")}</div>`
      : blocks.join("\n");
  const banner = deck.synthetic
    ? `<div class="synthetic" role="note"><strong>⚠ Synthetic data.</strong> ${esc(SYNTHETIC_WARNING)}</div>`
    : "";
  return `<section class="slide" id="slide-${esc(s.id)}" data-slide="${n}">
${banner}<header><div class="section">${esc(s.section)}</div><h1>${textHtml(s.title)}</h1></header>
<div class="body ${s.layout}">
${body}
</div>
<footer><span>${esc(deck.title)}</span><span class="page">${n} / ${deck.slides.length}</span></footer>
</section>
<aside class="notes" data-for="slide-${esc(s.id)}"><h2>Speaker notes · slide ${n}</h2><p>${textHtml(s.notes)}</p></aside>`;
}

/** The stylesheet; no size under {@link SLIDE_MIN_FONT_PX}. */
function css(): string {
  const { width, height } = SLIDE_SIZE;
  const min = SLIDE_MIN_FONT_PX;
  return `
@page { size: ${width}px ${height}px; margin: 0; }
:root { --ink: #222222; --muted: ${NEUTRAL_COLOR}; --rule: #E5E5E5; --accent: ${SEGMENT_PALETTE[0]}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #E9EBEF; color: var(--ink); font: 20px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
.slide { position: relative; width: ${width}px; height: ${height}px; margin: 24px auto 0; padding: 28px ${PAD_X}px 0; background: #FFFFFF; overflow: hidden; display: flex; flex-direction: column; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
.synthetic { position: absolute; top: 0; left: 0; right: 0; padding: 4px ${PAD_X}px; font-size: ${min}px; line-height: 1.3; background: #FEF3C7; color: #78350F; border-bottom: 2px solid #B45309; }
.synthetic + header { margin-top: 22px; }
header .section { font-size: ${min}px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); }
h1 { margin: 4px 0 0; font-size: 31px; line-height: 1.2; letter-spacing: -0.01em; }
.body { flex: 1 1 auto; min-height: 0; margin: 18px 0 0; overflow: hidden; display: flex; flex-direction: column; gap: 14px; }
.body.split { display: grid; grid-template-columns: ${SPLIT_LEFT}px 1fr; gap: ${GAP}px; align-items: start; }
.col { min-width: 0; display: flex; flex-direction: column; gap: 14px; }
footer { flex: 0 0 40px; display: flex; justify-content: space-between; align-items: center; font-size: ${min}px; color: var(--muted); border-top: 1px solid var(--rule); }
p { margin: 0; }
h2.block-heading { margin: 0; font-size: 22px; color: var(--accent); }
.text.lead { font-size: 24px; }
.text.small { font-size: ${min + 1}px; color: var(--muted); }
.bullets { margin: 0; padding-left: 26px; font-size: 22px; }
.bullets li { margin: 0 0 12px; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 18px; margin-top: 40px; }
.tile { border: 1px solid var(--rule); border-top: 5px solid var(--accent); border-radius: 6px; padding: 16px 18px; }
.tile-value { font-size: 44px; font-weight: 700; line-height: 1.1; white-space: nowrap; }
.tile-label { font-size: 18px; color: var(--muted); margin-top: 6px; }
table.deck-table { width: 100%; border-collapse: collapse; font-size: 17px; line-height: 1.3; }
table.deck-table th, table.deck-table td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: break-word; white-space: pre-line; }
table.deck-table thead th { background: #F3F4F6; font-size: ${min}px; font-weight: 600; }
table.deck-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure.chart { margin: 0; }
figure.chart svg { display: block; }
figcaption { font-size: ${min}px; color: var(--muted); margin-top: 4px; }
.notes { width: ${width}px; margin: 8px auto 0; padding: 12px ${PAD_X}px; background: #FFFDF4; border: 1px dashed #C9B458; font-size: 18px; }
.notes h2 { font-size: ${min}px; margin: 0 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
@media print {
  body { background: #FFFFFF; }
  .slide { margin: 0; box-shadow: none; break-after: page; page-break-after: always; }
  .notes { display: none; }
}
`;
}

/**
 * The deck as a self-contained HTML document.
 *
 * @example
 * const html = await deckHtml(buildDeck(readDeckSources("reports")));
 */
export async function deckHtml(deck: Deck): Promise<string> {
  const slides: string[] = [];
  for (const [i, s] of deck.slides.entries()) slides.push(await slideHtml(deck, s, i + 1));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=${SLIDE_SIZE.width}">
<meta name="min-font-size" content="${SLIDE_MIN_FONT_PX}px">
<title>${esc(deck.title)}</title>
<style>${css()}</style>
</head>
<body>
${slides.join("\n")}
</body>
</html>
`;
}
