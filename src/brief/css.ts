/** The marketing brief's stylesheet (theme colours, system fonts, A4 print rules). */
import { NEUTRAL_COLOR, SEGMENT_PALETTE } from "../charts/theme.js";

/** The brief's stylesheet: theme colours, system fonts, A4 print rules. */
export function briefCss(): string {
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
table.segments tbody th { font-weight: 600; }
table.segments tfoot th, table.segments tfoot td { border-bottom: none; border-top: 1.5px solid #BDBDBD; font-weight: 600; }
table.segments .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.segments .wrap { white-space: normal; }
table.segments td.closer { font-weight: 700; }
ul.either { margin: 1pt 0 2pt; padding-left: 14pt; list-style: none; }
ul.either li::before { content: "– "; }
table.act-table { font-size: 8.5pt; }
table.act-table th, table.act-table td { vertical-align: top; }
table.act-table code.list { font-size: 7.5pt; font-weight: 400; overflow-wrap: anywhere; }
table.act-table ul { margin: 0; padding-left: 11pt; }
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
