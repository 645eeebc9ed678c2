/**
 * The data-source banner shown at the top of every notebook and report: a loud warning when the data
 * are the synthetic Olist twin, a quiet attribution line when they are the real Kaggle files.
 */
import type { DataSource } from "../data/locate.js";
import { GET_REAL_DATA } from "../data/locate.js";
import { displayBundle } from "./notebook.js";
import { escapeHtml, NO_MATH_CLASS } from "./text.js";

/** HTML of the banner for a data source. */
export function sourceBannerHtml(source: DataSource): string {
  if (source.synthetic) {
    const twin = source.twin;
    const scale = twin
      ? ` (seed ${twin.seed}, ${twin.customers.toLocaleString("en-US")} customers)`
      : "";
    return (
      `<div class="olist-banner ${NO_MATH_CLASS}" style="border:2px solid #b45309;background:#fef3c7;color:#78350f;` +
      `padding:8px 12px;border-radius:6px;font-family:sans-serif">` +
      `<b>⚠ Synthetic data — Olist twin${escapeHtml(scale)}.</b> Every figure and table below describes ` +
      `the project's statistically faithful stand-in, not Olist's real customers. ${escapeHtml(GET_REAL_DATA)}</div>`
    );
  }
  return (
    `<div class="olist-banner ${NO_MATH_CLASS}" style="border:1px solid #1d4ed8;background:#eff6ff;color:#1e3a8a;` +
    `padding:6px 12px;border-radius:6px;font-family:sans-serif">${escapeHtml(source.description)}</div>`
  );
}

/** Plain-text banner (scripts, logs, CSV/JSON outputs). */
export function sourceBannerText(source: DataSource): string {
  return source.synthetic ? `*** ${source.description} ***` : source.description;
}

/** Shows the banner in a notebook (or prints it). */
export function showSourceBanner(source: DataSource): void {
  displayBundle({ "text/html": sourceBannerHtml(source), "text/plain": sourceBannerText(source) });
}
