/**
 * The "What each segment is worth" section of the brief: expected 12-month revenue per segment
 * (total and per customer) with its holdout error, the rule card in words with its fidelity, the
 * bootstrap stability with its flag, and the Pareto view (customer share vs revenue share, and the
 * top-20 % share within the segment), with the Pareto chart. Every number comes from the
 * {@link BriefWorth} it describes.
 */
import { escapeHtml } from "../charts/html.js";
import { segmentColor } from "../charts/theme.js";
import { paretoChart } from "../revenue/chart.js";
import type { SegmentConcentration } from "../revenue/concentration.js";
import type { StabilityFlag } from "../stability/bootstrapJaccard.js";
import { renderBriefSvg } from "./charts.js";
import { formatDecimal, formatMoney, formatShare } from "./format.js";
import { ruleLeafLines } from "../rules/ruleLeafLines.js";
import { methodErrors, valueComparisonText } from "./valueComparison.js";
import type { BriefParetoCurve, BriefValue, BriefWorth, BriefWorthSegment } from "./worth.js";

const esc = escapeHtml;

/** A relative error with its sign ("+62.6%", "−15.4%"; "n/a" when unknown). */
export function formatSignedShare(x: number | null): string {
  if (x == null || !Number.isFinite(x)) return "n/a";
  return `${x >= 0 ? "+" : "−"}${formatShare(Math.abs(x))}`;
}

/** The flag of a mean Jaccard in words, with the number and the threshold it passes or misses. */
export function stabilityWords(
  jaccard: number,
  flag: StabilityFlag,
  thresholds: BriefWorth["stability"],
): string {
  const j = formatDecimal(jaccard, 2);
  if (flag === "stable") return `${j}: stable (≥ ${thresholds.stable})`;
  if (flag === "doubtful")
    return `${j}: a real pattern, doubtful members (${thresholds.untrusted} to under ${thresholds.stable})`;
  return `${j}: not to be trusted (below ${thresholds.untrusted})`;
}

/** The flag of a mean Jaccard in a table cell: the number and one word ("0.97 stable"). */
export function stabilityCell(jaccard: number, flag: StabilityFlag): string {
  const word =
    flag === "stable" ? "stable" : flag === "doubtful" ? "doubtful" : "not to be trusted";
  return `${formatDecimal(jaccard, 2)} ${word}`;
}

/** Which figures the value column shows, in one sentence (from the verdict). */
export function valueMethodText(worth: Pick<BriefWorth, "value">): string {
  const v = worth.value;
  if (v.shown === null) return `No expected revenue: ${v.reason}`;
  const months = Math.round(v.horizonDays / 30.4);
  const what =
    v.shown === "model"
      ? `Expected revenue of the next ${months} months from the customer-value model (MBG/NBD purchases × Gamma-Gamma spend), which beat the segment baseline on a holdout year.`
      : `Expected revenue of the next ${months} months from the segment baseline (each segment's historical repeat rate and mean order value): the customer-value model did not beat it on a holdout year, so the baseline is shown.`;
  return `${what} ${v.reason}`;
}

/** An amount in reais with cents ("R$ 1.46"), for per-customer figures. */
export function formatMoneyCents(x: number | null): string {
  return formatMoney(x, true);
}

/**
 * The holdout error of a value in words ("+24.9% (baseline +84.3%)"); when nothing was bought in
 * the holdout year (no relative error), the predicted and actual revenue instead.
 */
export function valueErrorText(
  value: BriefValue | null,
  shown: BriefWorth["value"]["shown"],
): string {
  if (!value || shown === null) return "n/a";
  if (value.error === null) return "not validated";
  if (!Number.isFinite(value.error)) {
    return `predicted ${formatMoney(value.holdoutPredicted)} vs actual ${formatMoney(value.holdoutActual)}`;
  }
  const other = shown === "model" ? "baseline" : "model";
  return `${formatSignedShare(value.error)} (${other} ${formatSignedShare(value.otherError)})`;
}

/** The Pareto view of one segment in words. */
export function paretoText(
  s: Pick<BriefWorthSegment, "name" | "customerShare" | "revenueShare" | "top20">,
): string {
  return (
    `${s.name}: ${formatShare(s.customerShare)} of customers bring ${formatShare(s.revenueShare)} of revenue; ` +
    `the top 20% of its customers by spend bring ${formatShare(s.top20, 0)} of its revenue.`
  );
}

/** The whole tree in words for the brief (fidelity and price of explainability). */
export function rulesLeadText(worth: Pick<BriefWorth, "rules">): string {
  const r = worth.rules;
  return (
    `${r.leaves} threshold rules on the raw customer features give ${formatShare(r.fidelity)} of customers ` +
    `their model segment (fidelity); grouping customers by the rules costs ${formatDecimal(r.costRatio, 2)} × ` +
    `the k-means partition (the price of explainability).`
  );
}

const toCurve = (c: BriefParetoCurve) => ({
  customerShare: Float64Array.from(c.customerShare),
  revenueShare: Float64Array.from(c.revenueShare),
});

/** The Pareto chart of the brief (overall and per segment). */
async function paretoSvg(worth: BriefWorth): Promise<string | null> {
  const n = worth.revenue.curve.customerShare.length;
  if (n === 0) return null;
  const segments = worth.segments
    .filter((s) => s.curve.customerShare.length === n)
    .map(
      (s) =>
        ({
          segment: s.segment,
          name: s.name,
          customers: 0,
          revenue: 0,
          gini: 0,
          top10: 0,
          top20: s.top20,
          curve: toCurve(s.curve),
          customerShareOfAll: s.customerShare,
          revenueShareOfAll: s.revenueShare,
        }) satisfies SegmentConcentration,
    );
  const overall = {
    customers: 0,
    revenue: 0,
    gini: worth.revenue.gini,
    top10: worth.revenue.top10,
    top20: worth.revenue.top20,
    curve: toCurve(worth.revenue.curve),
  };
  return renderBriefSvg(paretoChart(overall, segments), "brief-pareto", 300);
}

const swatch = (color: string) => `<span class="swatch" style="background:${color}"></span>`;

/**
 * One rule card: a segment reached by one leaf reads as its sentence; by several, "customers
 * with" then one line per leaf, "either …" / "or …", then how well the rules find the segment.
 */
export function ruleCardHtml(
  s: Pick<BriefWorthSegment, "segment" | "name" | "rule" | "ruleLeaves" | "fidelity" | "precision">,
): string {
  const leaves = s.ruleLeaves ?? [];
  const head = swatch(segmentColor(s.segment));
  if (leaves.length <= 1) return `<li>${head}${esc(s.rule)}</li>`;
  const lines = ruleLeafLines(leaves)
    .map((l) => `<li>${esc(l)}</li>`)
    .join("");
  return (
    `<li>${head}${esc(s.name)}: customers with<ul class="either">${lines}</ul>` +
    `The rules find ${formatShare(s.fidelity)} of the segment's customers; ` +
    `${formatShare(s.precision)} of the customers they select are in it.</li>`
  );
}

/**
 * The worth section as HTML (with the Pareto chart rendered inline as SVG).
 *
 * @example
 * const html = await worthHtml(input.worth);
 */
export async function worthHtml(worth: BriefWorth): Promise<string> {
  const cell = (s: string) => `<td class="num">${s}</td>`;
  const shown = worth.value.shown;
  const errorCells = (v: BriefValue | null) => {
    const e = methodErrors(v, shown);
    if (v && shown && v.error !== null && !Number.isFinite(v.error))
      return [`<td class="num wrap" colspan="2">${valueErrorText(v, shown)}</td>`];
    const mark = (m: "model" | "baseline", x: number | null) =>
      `<td class="num${e.closer === m ? " closer" : ""}">${v && v.error === null ? "not validated" : formatSignedShare(x)}</td>`;
    return [mark("model", e.model), mark("baseline", e.baseline)];
  };
  const name = (s: BriefWorthSegment) =>
    `<th scope="row">${swatch(segmentColor(s.segment))}${esc(s.name)}</th>`;
  const valueRows = worth.segments.map((s) =>
    [
      `<tr>${name(s)}`,
      cell(s.value ? formatMoney(s.value.expectedRevenue) : "n/a"),
      cell(s.value ? formatMoneyCents(s.value.expectedRevenuePerCustomer) : "n/a"),
      ...errorCells(s.value),
      "</tr>",
    ].join(""),
  );
  const trustRows = worth.segments.map((s) =>
    [
      `<tr>${name(s)}`,
      cell(formatShare(s.fidelity)),
      `<td class="stability${s.flag === "unstable" ? " flag" : ""}">${esc(stabilityCell(s.jaccard, s.flag))}</td>`,
      cell(formatShare(s.customerShare)),
      cell(formatShare(s.revenueShare)),
      cell(formatShare(s.top20, 0)),
      "</tr>",
    ].join(""),
  );
  const t = worth.value.total;
  const valueTotal = `<tr><th scope="row">All customers</th>${cell(t ? formatMoney(t.expectedRevenue) : "n/a")}${cell(t ? formatMoneyCents(t.expectedRevenuePerCustomer) : "n/a")}${errorCells(t).join("")}</tr>`;
  const trustTotal = `<tr><th scope="row">All customers</th>${cell(formatShare(worth.rules.fidelity))}<td></td>${cell(formatShare(1))}${cell(formatShare(1))}${cell(formatShare(worth.revenue.top20, 0))}</tr>`;
  const untrusted = worth.segments.filter((s) => s.flag === "unstable");
  const warning =
    untrusted.length > 0
      ? `<p class="flag"><strong>Not to be trusted:</strong> ${untrusted.map((s) => esc(s.name)).join(", ")} (mean bootstrap Jaccard below ${worth.stability.untrusted}): refits on resampled customers do not find ${untrusted.length === 1 ? "this segment" : "these segments"} again.</p>`
      : "";
  const chart = await paretoSvg(worth);
  return `<section class="worth"><h2>What each segment is worth</h2>
<p class="lead">${esc(valueMethodText(worth))}</p>
<table class="segments worth-table value-table">
<thead><tr><th scope="col">Segment</th><th scope="col" class="num">Expected revenue<br><span class="unit">next 12 months</span></th><th scope="col" class="num">Per customer</th><th scope="col" class="num">Model error<br><span class="unit">holdout revenue</span></th><th scope="col" class="num">Baseline error<br><span class="unit">holdout revenue</span></th></tr></thead>
<tbody>
${valueRows.join("\n")}
</tbody>
<tfoot>${valueTotal}</tfoot>
</table>
<p>${esc(valueComparisonText(worth))}</p>
<p class="muted">Holdout error: each method, fitted one year before the data's end, predicted each segment's revenue of that last year; (predicted − actual) / actual, the smaller error in bold.</p>
<table class="segments worth-table trust-table">
<thead><tr><th scope="col">Segment</th><th scope="col" class="num">Rule fidelity</th><th scope="col">Stability<br><span class="unit">bootstrap Jaccard</span></th><th scope="col" class="num">Customers<br><span class="unit">share</span></th><th scope="col" class="num">Revenue<br><span class="unit">share</span></th><th scope="col" class="num">Top 20%<br><span class="unit">share of its revenue</span></th></tr></thead>
<tbody>
${trustRows.join("\n")}
</tbody>
<tfoot>${trustTotal}</tfoot>
</table>
${warning}
<h3>Rule cards: recognising each segment by hand</h3>
<p>${esc(rulesLeadText(worth))}</p>
<ul class="rule-cards">
${worth.segments.map(ruleCardHtml).join("\n")}
</ul>
<p class="muted">Stability: ${esc(worth.stability.method)}. A mean Jaccard ≥ ${worth.stability.stable} is a stable segment; ${worth.stability.untrusted} to under ${worth.stability.stable}, a real pattern with doubtful members; below ${worth.stability.untrusted} it is not to be trusted.</p>
<h3>Where the money is</h3>
<ul class="pareto">
${worth.segments.map((s) => `<li>${esc(paretoText(s))}</li>`).join("\n")}
</ul>
${chart ? `<figure class="chart">${chart}<figcaption>Share of revenue brought by the top customers by spend, overall (top 20%: ${formatShare(worth.revenue.top20, 0)} of revenue) and within each segment; grey: equal shares.</figcaption></figure>` : ""}
</section>`;
}
