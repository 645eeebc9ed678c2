/** The brief's "Acting on the segments" section as HTML, from {@link briefAct}. */
import { escapeHtml as esc } from "../charts/html.js";
import type { BriefAct, KpiBaseline } from "./act.js";
import { briefAct } from "./act.js";
import { formatCount, formatDecimal, formatMoney, formatShare } from "./format.js";
import type { BriefInput } from "./input.js";

/** A KPI baseline in words, e.g. "Second-order rate: 3.1% (share with 2+ orders)". */
export function kpiBaselineText(b: KpiBaseline): string {
  const value =
    b.value === null || !Number.isFinite(b.value)
      ? null
      : b.unit === "share"
        ? formatShare(b.value)
        : b.unit === "R$"
          ? formatMoney(b.value, b.value < 100)
          : b.unit === "orders"
            ? `${formatDecimal(100 * b.value, 1)} per 100 customers`
            : formatDecimal(b.value, 2);
  return value === null ? `${b.kpi}: ${b.measure}` : `${b.kpi}: ${value} now (${b.measure})`;
}

/** The section's HTML from the action data. */
export function actSectionHtml(act: BriefAct): string {
  const rows = act.segments
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.name)}<br><code class="list">${esc(s.listFile)}</code></th><td class="num">${formatCount(s.customers)}</td><td class="num">${formatMoney(s.revenue)}</td><td class="num">${formatShare(s.revenueShare)}</td><td class="num">${formatMoney(s.meanOrderValue)}</td><td class="kpis"><ul>${s.kpis.map((k) => `<li>${esc(kpiBaselineText(k))}</li>`).join("")}</ul></td></tr>`,
    )
    .join("\n");
  const t = act.text;
  return `<section class="act"><h2>Acting on the segments</h2>
<p><strong>Customer lists.</strong> ${esc(t.lists)} ${esc(t.ids)}</p>
<table class="segments act-table">
<thead><tr><th scope="col">Segment<br><span class="unit">list file</span></th><th scope="col" class="num">Customers</th><th scope="col" class="num">Revenue</th><th scope="col" class="num">Revenue<br><span class="unit">share</span></th><th scope="col" class="num">Mean order<br><span class="unit">value</span></th><th scope="col">KPI baselines<br><span class="unit">current value</span></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><strong>New customers and refresh.</strong> ${esc(t.newCustomers)} ${esc(t.refresh)}</p>
<p><strong>Retraining.</strong> ${esc(t.retrain)}</p>
</section>`;
}

/** The "Acting on the segments" section of a brief input. */
export function actHtml(input: BriefInput): string {
  return actSectionHtml(briefAct(input));
}
