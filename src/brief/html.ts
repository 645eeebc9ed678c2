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
import { NEUTRAL_COLOR, SEGMENT_PALETTE, segmentColor } from "../charts/theme.js";
import type { MarketingRow } from "../segments/naming.js";
import type { SegmentProfile } from "../segments/profiles.js";
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
import type { BriefInput, BriefMaintenance } from "./input.js";
import { revenueShares } from "./input.js";
import { worthHtml } from "./worthHtml.js";

/** Default title of the brief. */
export const BRIEF_TITLE = "Customer segments: marketing brief";

/** The synthetic-data warning, written on top and in the footer of a brief on the twin. */
export const SYNTHETIC_WARNING =
  "These figures describe the synthetic Olist twin, not real customers.";

/** One segment with everything the brief shows about it. */
interface Segment {
  row: MarketingRow;
  profile: SegmentProfile;
  revenueShare: number;
  color: string;
}

/** Pairs marketing rows with profiles and revenue shares; largest segment first. */
function segmentsOf(input: BriefInput): Segment[] {
  const { profiles, marketing } = input;
  if (profiles.length === 0) throw new Error("The brief needs at least one segment profile");
  const revenue = input.revenueShare ?? revenueShares(profiles);
  if (revenue.length !== profiles.length) {
    throw new Error(
      `revenueShare has ${revenue.length} values for ${profiles.length} profiles (one per profile, same order)`,
    );
  }
  if (input.k !== profiles.length) {
    throw new Error(`k is ${input.k} but there are ${profiles.length} segment profiles`);
  }
  if (marketing.length !== profiles.length) {
    throw new Error(`${marketing.length} marketing rows for ${profiles.length} profiles`);
  }
  return profiles
    .map((profile, i) => {
      const row = marketing.find((r) => r.segment === profile.segment);
      if (!row) throw new Error(`No marketing row for segment ${profile.segment}`);
      return { row, profile, revenueShare: revenue[i], color: segmentColor(profile.segment) };
    })
    .sort((a, b) => b.row.customers - a.row.customers || a.row.segment - b.row.segment);
}

const esc = escapeHtml;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The sentence on retraining used in the summary (rendered by the maintenance module). */
function retrainSentence(m: BriefMaintenance | null): string {
  if (!m) {
    return "The maintenance study was not run, so this brief gives no retraining interval yet.";
  }
  return `<strong>${esc(m.text.summary)}</strong>`;
}

/** The segment with the largest revenue share (the larger one on a tie, as segments are sorted). */
function mostValuable(segs: Segment[]): Segment {
  return segs.reduce((a, s) => (s.revenueShare > a.revenueShare ? s : a), segs[0]);
}

function summaryHtml(input: BriefInput, segs: Segment[]): string {
  const biggest = segs[0];
  const richest = mostValuable(segs);
  const name = (s: Segment) => `<strong>${esc(s.row.name)}</strong>`;
  const who =
    biggest === richest
      ? `The biggest segment, ${name(biggest)}, is also the most valuable: ` +
        `${formatShare(biggest.row.share)} of customers and ${formatShare(biggest.revenueShare)} of revenue.`
      : `The biggest, ${name(biggest)}, holds ${formatShare(biggest.row.share)} of customers; ` +
        `the most valuable, ${name(richest)}, brings ${formatShare(richest.revenueShare)} of revenue ` +
        `from ${formatShare(richest.row.share)} of customers.`;
  return (
    `<p class="summary">The ${formatCount(input.customers)} customers of the Olist marketplace, as of ` +
    `${esc(formatDate(input.asOf))}, fall into ${formatCount(input.k)} ${plural(input.k, "segment", "segments")}, ` +
    `each with its own action, channel and measure of success. ${who} ${retrainSentence(input.maintenance)}</p>`
  );
}

function syntheticBanner(input: BriefInput, where: "top" | "footer"): string {
  if (!input.dataSource.synthetic) return "";
  // Plain-text banners decorate the line with asterisks ("*** … ***"); the box says it louder.
  const extra = input.dataSource.banner.replace(/^[\s*]+|[\s*]+$/g, "");
  const details = where === "top" && extra ? ` <span class="banner-text">${esc(extra)}</span>` : "";
  return (
    `<div class="synthetic synthetic-${where}" role="note"><strong>⚠ Synthetic data.</strong> ` +
    `${esc(SYNTHETIC_WARNING)}${details}</div>`
  );
}

function tilesHtml(input: BriefInput, segs: Segment[]): string {
  const m = input.maintenance;
  const richest = mostValuable(segs);
  const tiles: [string, string][] = [
    [formatCount(input.customers), "customers"],
    [formatCount(segs.length), plural(segs.length, "segment", "segments")],
    [formatShare(richest.revenueShare), `of revenue from ${esc(richest.row.name)}`],
    m
      ? [
          `${formatCount(m.everyWeeks)}\u00a0${plural(m.everyWeeks, "week", "weeks")}`,
          "between retrainings",
        ]
      : ["not studied", "retraining interval"],
  ];
  return `<div class="tiles">${tiles
    .map(
      ([v, l]) =>
        `<div class="tile"><div class="tile-value">${v}</div><div class="tile-label">${l}</div></div>`,
    )
    .join("")}</div>`;
}

const swatch = (color: string) => `<span class="swatch" style="background:${color}"></span>`;

function tableHtml(input: BriefInput, segs: Segment[]): string {
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

function cardHtml(s: Segment): string {
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

/** The stylesheet: theme colours, system fonts, A4 print rules. */
function css(): string {
  return `
@page { size: A4; margin: 14mm; }
:root { --ink: #222222; --muted: ${NEUTRAL_COLOR}; --rule: #E5E5E5; --accent: ${SEGMENT_PALETTE[0]}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #F4F5F7; color: var(--ink); font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 210mm; margin: 0 auto; padding: 14mm; background: #FFFFFF; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 22pt; margin: 0 0 4pt; letter-spacing: -0.01em; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; padding-bottom: 3pt; border-bottom: 2px solid var(--accent); }
h3 { font-size: 11.5pt; margin: 0; }
h4 { font-size: 8pt; margin: 0 0 3pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
p { margin: 0 0 6pt; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; background: #F1F1F1; padding: 0 3px; border-radius: 3px; }
.kicker { color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: 0.08em; font-size: 8.5pt; margin-bottom: 4pt; }
.meta, .muted, figcaption, .unit, .where { color: var(--muted); }
.flag { color: #B00020; font-weight: 600; }
.masthead { border-bottom: 1px solid var(--rule); padding-bottom: 8pt; margin-bottom: 10pt; }
.synthetic { border: 2px solid #B45309; background: #FEF3C7; color: #78350F; padding: 7pt 10pt; border-radius: 5px; margin: 0 0 10pt; }
.synthetic .banner-text { display: block; font-size: 8.5pt; margin-top: 2pt; overflow-wrap: anywhere; }
.summary { font-size: 11.5pt; line-height: 1.5; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8pt; margin: 8pt 0 0; break-inside: avoid; }
.tile { border: 1px solid var(--rule); border-top: 3px solid var(--accent); border-radius: 4px; padding: 6pt 8pt; }
.tile-value { font-size: 14pt; font-weight: 700; }
.tile-label { font-size: 7.5pt; line-height: 1.25; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
table.segments { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 4pt 0 8pt; break-inside: avoid; }
table.segments th, table.segments td { padding: 4pt 5pt; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: bottom; }
table.segments thead th { background: #F3F4F6; font-weight: 600; font-size: 8.5pt; }
table.segments tbody th { font-weight: 600; white-space: nowrap; }
table.segments tfoot th, table.segments tfoot td { border-bottom: none; border-top: 1.5px solid #BDBDBD; font-weight: 600; }
table.segments .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.unit { font-weight: 400; font-size: 7.5pt; }
.swatch { display: inline-block; width: 9pt; height: 9pt; border-radius: 2px; margin-right: 5pt; vertical-align: -1pt; }
figure.chart { margin: 8pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 8.5pt; margin-top: 2pt; }
.cards { display: block; }
.card { border: 1px solid var(--rule); border-left: 5px solid var(--seg); border-radius: 5px; padding: 8pt 10pt; margin: 0 0 8pt; break-inside: avoid; page-break-inside: avoid; }
.card header { margin-bottom: 5pt; }
.card .size { color: var(--muted); font-size: 9pt; margin: 1pt 0 0; }
.card-body { display: grid; grid-template-columns: 1fr 1.25fr; gap: 10pt; }
.card ul { margin: 0; padding-left: 13pt; font-size: 9pt; }
.card .where { font-size: 8.5pt; margin: 4pt 0 0; }
.play { margin: 0; font-size: 9pt; }
.play div { margin-bottom: 4pt; }
.play dt { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); font-weight: 600; }
.play dd { margin: 0; }
.play .action dd { font-weight: 500; }
.lead { font-size: 12pt; }
.trigger { border: 1px solid var(--rule); background: #F8FAFC; border-radius: 5px; padding: 8pt 10pt; margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
.trigger h3 { margin-bottom: 4pt; }
.trigger ul { margin: 0 0 6pt; padding-left: 14pt; }
.brief-footer { margin-top: 18pt; padding-top: 8pt; border-top: 1px solid var(--rule); font-size: 8.5pt; color: var(--muted); break-inside: avoid; }
.brief-footer dl { margin: 0; display: grid; grid-template-columns: 20mm 1fr; gap: 2pt 8pt; }
.brief-footer dl div { display: contents; }
.brief-footer dt { font-weight: 600; color: var(--ink); }
.brief-footer dd { margin: 0; overflow-wrap: anywhere; }
@media print {
  body { background: none; }
  main { max-width: none; margin: 0; padding: 0; }
}
`;
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
  const segs = segmentsOf(input);
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
  const richest = mostValuable(segs);
  const worth = input.worth ? await worthHtml(input.worth) : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css()}</style>
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
