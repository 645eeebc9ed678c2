/**
 * The marketing brief as one self-contained HTML file: no script, no external URL, charts inline
 * as SVG, system fonts, a print stylesheet for A4. Written for a marketing reader: what the
 * segments are, what to do with each, and when to retrain. Every text coming from the data is
 * escaped, and nothing depends on the clock or on randomness, so the same input gives the same
 * bytes.
 */
import { escapeHtml } from "../charts/html.js";
import { actHtml } from "./actHtml.js";
import { notStudiedText } from "../maintenance/text.js";
import type { BriefSegment } from "./briefSegments.js";
import { briefSegments, revenueLeaders } from "./briefSegments.js";
import type { BriefChartSegment } from "./charts.js";
import {
  ariFigure,
  PROFILE_CAPTION,
  profileFigure,
  renderBriefSvg,
  sharesFigure,
} from "./charts.js";
import {
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatMoney,
  formatShare,
} from "./format.js";
import { briefCss } from "./css.js";
import type { BriefInput, BriefMaintenance } from "./input.js";
import { summaryHtml, syntheticBanner, tilesHtml } from "./summaryHtml.js";
import { worthHtml } from "./worthHtml.js";

export { SYNTHETIC_WARNING } from "./summaryHtml.js";

/** Default title of the brief. */
export const BRIEF_TITLE = "Customer segments: marketing brief";

const esc = escapeHtml;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const swatch = (color: string) => `<span class="swatch" style="background:${color}"></span>`;

function tableHtml(input: BriefInput, segs: readonly BriefSegment[]): string {
  const cell = (s: string) => `<td class="num">${s}</td>`;
  const rows = segs.map(({ row, profile: p, revenueShare, color }) =>
    [
      `<tr><th scope="row">${swatch(color)}${esc(row.name)}</th>`,
      cell(formatCount(row.customers)),
      cell(formatShare(row.share)),
      cell(formatShare(revenueShare)),
      cell(formatCount(p.median.recency_days)),
      // Two decimals: nearly everyone has one order, one decimal would hide the repeat buyers.
      cell(formatDecimal(p.mean.frequency, 2)),
      cell(formatMoney(p.median.monetary)),
      cell(formatDecimal(p.mean.mean_review_score, 1)),
      "</tr>",
    ].join(""),
  );
  const total = segs.reduce((a, s) => a + s.row.customers, 0);
  return `<table class="segments">
<thead><tr><th scope="col">Segment</th><th scope="col" class="num">Customers</th><th scope="col" class="num">Share</th><th scope="col" class="num">Revenue<br><span class="unit">share</span></th><th scope="col" class="num">Last order<br><span class="unit">days ago, median</span></th><th scope="col" class="num">Orders<br><span class="unit">mean</span></th><th scope="col" class="num">Spend<br><span class="unit">median</span></th><th scope="col" class="num">Review<br><span class="unit">mean, 1–5</span></th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
<tfoot><tr><th scope="row">All segments</th>${cell(formatCount(total))}${cell(formatShare(total / Math.max(1, input.customers)))}${cell(formatShare(segs.reduce((a, s) => a + s.revenueShare, 0)))}<td colspan="4"></td></tr></tfoot>
</table>`;
}

/** "bed_bath_table" → "bed bath table". */
const readable = (s: string) => s.replace(/_/g, " ");

function cardHtml(s: BriefSegment): string {
  const { row, profile: p, revenueShare, color } = s;
  const traits = row.traits
    .split(";")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  const defines =
    traits.length > 0
      ? `<ul>${traits.map((t) => `<li>${esc(t)}</li>`).join("")}</ul>`
      : `<p>Close to the average customer on every feature.</p>`;
  const where: string[] = [];
  if (p.topCategory.value && p.topCategory.value !== "unknown") {
    where.push(
      `Most bought category: <strong>${esc(readable(p.topCategory.value))}</strong> (${formatShare(p.topCategory.share, 0)} of the segment)`,
    );
  }
  if (p.topState.value) {
    where.push(
      `Top state: <strong>${esc(p.topState.value)}</strong> (${formatShare(p.topState.share, 0)})`,
    );
  }
  return `<article class="card" style="--seg:${color}">
<header><h3>${swatch(color)}${esc(row.name)}</h3><p class="size">${formatCount(row.customers)} customers · ${formatShare(row.share)} of customers · ${formatShare(revenueShare)} of revenue</p></header>
<div class="card-body">
<div class="defines"><h4>What defines it</h4>${defines}${where.length ? `<p class="where">${where.join(" · ")}</p>` : ""}</div>
<dl class="play">
<div class="action"><dt>Action</dt><dd>${esc(row.action)}</dd></div>
<div><dt>Channel</dt><dd>${esc(row.channel)}</dd></div>
<div><dt>KPI</dt><dd>${esc(row.kpi)}</dd></div>
</dl>
</div>
</article>`;
}

function stepsHtml(m: BriefMaintenance): string {
  const items = m.steps
    .map(
      (s) =>
        `<li><strong>${esc(s.step)}</strong> (${esc(s.owner)})${s.command ? `: <code>${esc(s.command)}</code>` : ""}. <span class="muted">Check: ${esc(s.check)}.</span></li>`,
    )
    .join("\n");
  return `<div class="trigger"><h3>Who retrains, and how</h3>
<p>${esc(m.text.who)}</p>
<ol>
${items}
</ol>
</div>`;
}

function maintenanceHtml(m: BriefMaintenance | null, ariSvg: string | null): string {
  if (!m) {
    return `<section class="maintenance"><h2>Keeping the segments up to date</h2>
<p class="lead">The maintenance study was not run for this brief, so no retraining interval is recommended yet.</p>
<p>Run <code>npm start</code> (or <code>npm run maintenance</code>) to measure how fast the segments age. ${esc(notStudiedText())}</p>
</section>`;
  }
  const t = m.text;
  const figure = ariSvg
    ? `<figure class="chart">${ariSvg}<figcaption>Agreement between the frozen segments and a fresh model, by days after training: mean over the runs with the band of 10–90% of runs; dashed line: threshold ${m.threshold}; green line: the recommended retraining at ${formatDays(m.everyDays)}.</figcaption></figure>`
    : "";
  return `<section class="maintenance"><h2>Keeping the segments up to date</h2>
<p class="lead"><strong>${esc(t.lead)}</strong></p>
<p><strong>Why.</strong> Customers keep buying, new ones arrive and others go quiet, so segments fitted once slowly stop describing the customer base. ${esc(t.study)} ${esc(t.crossing)} ${esc(t.noise)} ${esc(t.promise)}</p>
${figure}
<div class="trigger"><h3>Early-warning trigger</h3>
<p>${esc(t.trigger)}</p>
</div>
${stepsHtml(m)}
<p><strong>Cost.</strong> ${esc(t.cost)}</p>
</section>`;
}

function footerHtml(input: BriefInput): string {
  const s = input.scores;
  return `<footer class="brief-footer">
${syntheticBanner(input, "footer")}
<dl>
<div><dt>Data</dt><dd>${esc(input.dataSource.description)}</dd></div>
<div><dt>As of</dt><dd>${esc(formatDate(input.asOf))}</dd></div>
<div><dt>Model</dt><dd>k-means, ${formatCount(input.k)} segments · silhouette ${formatDecimal(s.silhouette, 3)} (${s.silhouetteMethod === "exact" ? `exact, every one of the ${formatCount(input.customers)} customers; ` : s.silhouetteMethod ? `${escapeHtml(s.silhouetteMethod)}; ` : ""}−1 to 1, higher is better) · Davies-Bouldin ${formatDecimal(s.daviesBouldin, 3)} (lower is better) · Calinski-Harabasz ${formatCount(s.calinskiHarabasz)} (higher is better)</dd></div>
<div><dt>Regenerate</dt><dd>run <code>npm start</code> in the olist-segmentation project: it reloads the data, refits the segments and writes this brief again (same data and seed, same brief).</dd></div>
</dl>
</footer>`;
}

/**
 * The marketing brief as one self-contained HTML page (inline SVG charts rendered through
 * Chromium, no script, no external URL), print-ready on A4. Deterministic: the same input gives
 * the same string.
 *
 * @example
 * const html = await briefHtml(briefInput({ metrics, marketing, profiles, maintenance }));
 */
export async function briefHtml(input: BriefInput): Promise<string> {
  const segs = briefSegments(input);
  const title = input.title ?? BRIEF_TITLE;
  const chartSegs: BriefChartSegment[] = segs.map((s) => ({
    segment: s.row.segment,
    name: s.row.name,
    share: s.row.share,
    revenueShare: s.revenueShare,
    z: s.profile.z,
  }));
  // About 32 px per segment: the bars chart of five segments still fits under the table on page 1.
  const barsHeight = Math.min(900, 40 + 32 * segs.length);
  const sharesSvg = await renderBriefSvg(sharesFigure(chartSegs), "brief-shares", barsHeight);
  const profileSvg = await renderBriefSvg(
    profileFigure(chartSegs),
    "brief-profile",
    Math.min(900, 70 + 40 * segs.length),
  );
  const m = input.maintenance;
  const ariSvg =
    m && m.curve.length > 0 ? await renderBriefSvg(ariFigure(m), "brief-ari", 300) : null;
  const richest = revenueLeaders(segs).leaders[0];
  const worth = input.worth ? await worthHtml(input.worth) : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${briefCss()}</style>
</head>
<body>
<main class="brief">
<header class="masthead">
<p class="kicker">Olist marketplace · customer segmentation</p>
<h1>${esc(title)}</h1>
<p class="meta">Data as of ${esc(formatDate(input.asOf))} · ${formatCount(input.customers)} customers · ${formatCount(segs.length)} ${plural(segs.length, "segment", "segments")}</p>
</header>
${syntheticBanner(input, "top")}
${summaryHtml(input, segs)}
${tilesHtml(input, segs)}
<section class="overview"><h2>The segments at a glance</h2>
${tableHtml(input, segs)}
<figure class="chart">${sharesSvg}<figcaption>Share of customers (light bar) and share of revenue (solid bar) of each segment. ${esc(richest.row.name)} brings ${formatShare(richest.revenueShare)} of revenue from ${formatShare(richest.row.share)} of customers.</figcaption></figure>
<figure class="chart">${profileSvg}<figcaption>${esc(PROFILE_CAPTION)}</figcaption></figure>
${input.imputation ? `<p class="muted imputation"><strong>Missing values.</strong> ${esc(input.imputation)}</p>` : ""}
</section>
<section class="playbook"><h2>What to do with each segment</h2>
<div class="cards">
${segs.map(cardHtml).join("\n")}
</div>
</section>
${actHtml(input)}
${worth}
${maintenanceHtml(m, ariSvg)}
${footerHtml(input)}
</main>
</body>
</html>
`;
}
