/**
 * The top of the brief: the synthetic-data banner, the summary paragraph and the headline tiles.
 * Its superlatives state their basis (customers; share of revenue to date) and name every segment
 * tied as written.
 */
import { escapeHtml as esc } from "../charts/html.js";
import type { BriefSegment } from "./briefSegments.js";
import { REVENUE_BASIS, revenueLeaders, sizeLeaders } from "./briefSegments.js";
import { formatCount, formatDate, formatShare } from "./format.js";
import type { BriefInput, BriefMaintenance } from "./input.js";
import { joinNames } from "./superlative.js";

/** The synthetic-data warning, written on top and in the footer of a brief on the twin. */
export const SYNTHETIC_WARNING =
  "These figures describe the synthetic Olist twin, not real customers.";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const strong = (segs: readonly BriefSegment[]) =>
  joinNames(segs.map((s) => `<strong>${esc(s.row.name)}</strong>`));

/** The sentence on retraining used in the summary (rendered by the maintenance module). */
function retrainSentence(m: BriefMaintenance | null): string {
  if (!m) {
    return "The maintenance study was not run, so this brief gives no retraining interval yet.";
  }
  return `<strong>${esc(m.text.summary)}</strong>`;
}

/**
 * Who is biggest (by customers) and who brings the largest share of revenue to date, in one or
 * two sentences; tied segments are all named, with "each".
 */
export function leadersSentence(segs: readonly BriefSegment[]): string {
  const big = sizeLeaders(segs);
  const rich = revenueLeaders(segs);
  const each = (tie: boolean) => (tie ? " each" : "");
  const one = (l: typeof big) => l.leaders[0];
  if (!big.tie && !rich.tie && one(big) === one(rich)) {
    const s = one(big);
    return (
      `The biggest segment by customers, ${strong([s])}, also brings ${REVENUE_BASIS}: ` +
      `${formatShare(s.row.share)} of customers and ${formatShare(s.revenueShare)} of revenue.`
    );
  }
  const bigWords = big.tie
    ? "The biggest segments by customers"
    : "The biggest segment by customers";
  const richWords = rich.tie
    ? `bring ${REVENUE_BASIS}, as much as each other`
    : `brings ${REVENUE_BASIS}`;
  return (
    `${bigWords}: ${strong(big.leaders)} (${formatShare(one(big).row.share)} of customers${each(big.tie)}). ` +
    `${strong(rich.leaders)} ${richWords}: ${formatShare(one(rich).revenueShare)}${each(rich.tie)}` +
    `${rich.tie ? "" : ` from ${formatShare(one(rich).row.share)} of customers`}.`
  );
}

/** The summary paragraph. */
export function summaryHtml(input: BriefInput, segs: readonly BriefSegment[]): string {
  return (
    `<p class="summary">The ${formatCount(input.customers)} customers of the Olist marketplace, as of ` +
    `${esc(formatDate(input.asOf))}, fall into ${formatCount(input.k)} ${plural(input.k, "segment", "segments")}, ` +
    `each with its own action, channel and measure of success. ${leadersSentence(segs)} ${retrainSentence(input.maintenance)}</p>`
  );
}

/** The synthetic-data banner, on top (with the data source's own words) or in the footer. */
export function syntheticBanner(input: BriefInput, where: "top" | "footer"): string {
  if (!input.dataSource.synthetic) return "";
  // Plain-text banners decorate the line with asterisks ("*** … ***"); the box says it louder.
  const extra = input.dataSource.banner.replace(/^[\s*]+|[\s*]+$/g, "");
  const details = where === "top" && extra ? ` <span class="banner-text">${esc(extra)}</span>` : "";
  return (
    `<div class="synthetic synthetic-${where}" role="note"><strong>⚠ Synthetic data.</strong> ` +
    `${esc(SYNTHETIC_WARNING)}${details}</div>`
  );
}

/** The four headline tiles: customers, segments, revenue share of the leader(s), retraining. */
export function tilesHtml(input: BriefInput, segs: readonly BriefSegment[]): string {
  const m = input.maintenance;
  const rich = revenueLeaders(segs);
  const names = esc(joinNames(rich.leaders.map((s) => s.row.name)));
  const tiles: [string, string][] = [
    [formatCount(input.customers), "customers"],
    [formatCount(segs.length), plural(segs.length, "segment", "segments")],
    [rich.shown, `of revenue to date from ${rich.tie ? `each of ${names}` : names}`],
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
