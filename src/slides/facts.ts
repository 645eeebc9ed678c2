/**
 * Every number on a slide is a fact: its text, and where it comes from (a result file, a path in
 * it, the format it is written in). The deck writes that source next to the text
 * (`data-src="metrics.json:silhouette|dec3"`), so a test can read the value again from the file
 * and check that the slide shows exactly it. Formats are the brief's (src/brief/format.ts); an ARI
 * is written as the maintenance text writes it (3 decimals near the threshold).
 */
import {
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatMoney,
  formatShare,
} from "../brief/format.js";
import { formatAri } from "../maintenance/format.js";
import { formatSignedShare } from "../brief/worthHtml.js";

/** How a value is written on a slide. */
export type FactFormat =
  | "count"
  | "dec1"
  | "dec2"
  | "dec3"
  | "share"
  | "share0"
  | "money"
  | "date"
  | "days"
  | "mb"
  | "ari"
  | "signedShare"
  | "text";

/** A number (or a sentence holding numbers) and its source. */
export interface Fact {
  /** As shown on the slide. */
  text: string;
  /** `file:path|format`, e.g. `brief-input.json:profiles.0.size|count`. */
  src: string;
}

/**
 * A value written in a format (the brief's formatters); "text" writes a string as it is.
 *
 * @example
 * formatFact(0.3312, "share"); // "33.1%"
 */
export function formatFact(value: unknown, format: FactFormat): string {
  if (format === "text") return String(value);
  if (format === "date") return formatDate(String(value));
  const x = value == null ? null : Number(value);
  switch (format) {
    case "count":
      return formatCount(x);
    case "dec1":
      return formatDecimal(x, 1);
    case "dec2":
      return formatDecimal(x, 2);
    case "dec3":
      return formatDecimal(x, 3);
    case "share":
      return formatShare(x);
    case "share0":
      return formatShare(x, 0);
    case "money":
      return formatMoney(x);
    case "days":
      return formatDays(x);
    case "ari":
      return formatAri(x);
    case "signedShare":
      return formatSignedShare(x);
    case "mb":
      return x == null ? formatDecimal(x) : `${formatDecimal(x / 1e6, 1)}\u00a0MB`;
  }
}

/**
 * The value at a dotted path of a parsed JSON file (`"profiles.0.median.monetary"`), or undefined.
 *
 * @example
 * valueAt({ a: [{ b: 2 }] }, "a.0.b"); // 2
 */
export function valueAt(root: unknown, dotted: string): unknown {
  let v: unknown = root;
  for (const key of dotted.split(".")) {
    if (v == null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Splits a fact source into file, path and format. */
export function parseSource(src: string): { file: string; path: string; format: FactFormat } {
  const m = /^([^:]+):([^|]+)\|(\w+)$/.exec(src);
  if (!m) throw new Error(`Bad fact source "${src}" (expected file:path|format)`);
  return { file: m[1], path: m[2], format: m[3] as FactFormat };
}

/**
 * A fact from a value of a result file, written in `format`.
 *
 * @example
 * fact(metrics, "metrics.json", "silhouette", "dec3"); // { text: "0.326", src: "metrics.json:silhouette|dec3" }
 */
export function fact(root: unknown, file: string, dotted: string, format: FactFormat): Fact {
  return { text: formatFact(valueAt(root, dotted), format), src: `${file}:${dotted}|${format}` };
}
