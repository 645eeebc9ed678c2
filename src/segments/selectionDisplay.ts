/**
 * The selection as notebook 2 shows it: a heading naming the pick, the rule in words, the reason
 * built from the computed values, how the candidates were measured, and the candidates table. Every
 * sentence comes from the decision object (`selection.ts`), none is typed into the notebook.
 */
import { displayBundle } from "../display/notebook.js";
import { showTable } from "../display/table.js";
import { escapeHtml, NO_MATH_CLASS } from "../display/text.js";
import type { SelectionReport } from "./selection.js";

/** A selection as returned by `decideSegmentation` (the report and whether it was cached). */
export interface ShownSelection {
  report: SelectionReport;
  cached: boolean;
  seconds: number;
}

/** The label of the picked candidate (its id when no candidate carries that id). */
export function pickLabel(report: Pick<SelectionReport, "pick" | "candidates">): string {
  return report.candidates.find((c) => c.id === report.pick)?.label ?? report.pick;
}

/** The texts of the selection section: title, rule, reason, method and provenance, as computed. */
export function selectionTexts(s: ShownSelection): {
  title: string;
  rule: string;
  reason: string;
  method: string;
  provenance: string;
} {
  const { report } = s;
  return {
    title: `The choice, by a stated rule: ${pickLabel(report)}`,
    rule: report.rule,
    reason: report.reason,
    method: `Measured as: ${report.method}.`,
    provenance: s.cached
      ? `Decision read from the cache (same data files, as-of date and design); it took ${report.seconds.toFixed(1)} s to compute.`
      : `Decision computed here in ${report.seconds.toFixed(1)} s; \`npm start\` and \`npm run segment\` reuse it for the same data files.`,
  };
}

/**
 * One row per candidate for the table (scores rounded, segments with a true name of k, the
 * exclusion reason, the pick marked).
 */
export function selectionTableRows(report: Pick<SelectionReport, "candidates">) {
  return report.candidates.map((c) => ({
    candidate: c.label,
    features: c.dimensions,
    silhouette: +c.silhouette.toFixed(3),
    null_silhouette: +c.nullSilhouette.toFixed(3),
    lift: +c.silhouetteLift.toFixed(3),
    seed_stability: +c.seedStability.toFixed(3),
    smallest_segment: `${(100 * c.smallestShare).toFixed(1)} %`,
    named: `${c.named}/${c.k}`,
    verdict: c.picked ? "picked" : c.eligible ? "eligible" : `dropped: ${c.excludedBecause}`,
  }));
}

/**
 * Shows the selection in a notebook: heading with the pick, the rule, the reason, the method, then
 * the candidates table (plain text outside a notebook).
 *
 * @example
 * showSelection(await decideSegmentation(customers, { checksums: await dataChecksums(olist.source) }));
 */
export function showSelection(s: ShownSelection): void {
  const t = selectionTexts(s);
  const html =
    `<div class="${NO_MATH_CLASS}"><h2>7 · ${escapeHtml(t.title)}</h2>` +
    `<p><b>Rule.</b> ${escapeHtml(t.rule)}</p><p><b>Pick.</b> ${escapeHtml(t.reason)}</p>` +
    `<p><small>${escapeHtml(t.method)} ${escapeHtml(t.provenance)}</small></p></div>`;
  const text = [`7 · ${t.title}`, `Rule. ${t.rule}`, `Pick. ${t.reason}`, t.method, t.provenance];
  displayBundle({ "text/html": html, "text/plain": text.join("\n\n") });
  showTable(selectionTableRows(s.report), {
    caption: "Selection candidates, each scored in its own feature space",
    decimals: 3,
    maxRows: 100,
  });
}
