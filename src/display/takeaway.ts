/**
 * The one-line takeaway that follows every chart, written for marketing. It is displayed from a
 * code cell so its numbers are computed from the data actually loaded (real or twin), never typed in.
 */
import { displayBundle } from "./notebook.js";
import { escapeHtml, escapeMarkdown, NO_MATH_CLASS } from "./text.js";

/**
 * The output bundle of a takeaway: HTML and Markdown that MathJax leaves alone (so "R$ 185 … R$ 157"
 * reads as written in every front end), and plain text.
 *
 * @example
 * takeawayBundle("Median order R$ 105")["text/plain"]; // "Takeaway: Median order R$ 105"
 */
export function takeawayBundle(text: string): {
  "text/html": string;
  "text/markdown": string;
  "text/plain": string;
} {
  if (typeof text !== "string") throw new Error("showTakeaway: the takeaway must be a string");
  return {
    "text/html":
      `<div class="olist-takeaway ${NO_MATH_CLASS}" style="border-left:4px solid #0f766e;background:#f0fdfa;` +
      `padding:6px 10px;margin:4px 0 12px 0;font-family:sans-serif"><b>Takeaway:</b> ${escapeHtml(text)}</div>`,
    "text/markdown": `<span class="olist-takeaway ${NO_MATH_CLASS}">**Takeaway:** ${escapeMarkdown(text)}</span>`,
    "text/plain": `Takeaway: ${text}`,
  };
}

/**
 * Shows "Takeaway: …" as a highlighted line (HTML, Markdown and plain text in one output).
 *
 * @example
 * showTakeaway(`${share.toFixed(1)} % of customers ordered only once: loyalty is the first lever.`);
 */
export function showTakeaway(text: string): void {
  displayBundle(takeawayBundle(text));
}

/** Formats a share (0–1) as a percentage with one decimal, e.g. `0.9688` → `96.9 %`. */
export function percent(share: number, decimals = 1): string {
  return `${(100 * share).toFixed(decimals)} %`;
}

/** Formats a number with thousands separators and at most `decimals` decimals. */
export function fmt(x: number, decimals = 0): string {
  return x.toLocaleString("en-US", {
    maximumFractionDigits: decimals,
    minimumFractionDigits: decimals,
  });
}
