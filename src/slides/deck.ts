/**
 * The deck as plain data: slides made of blocks (text, bullets, tables, tiles, charts), whose texts
 * mix words and {@link Fact}s (numbers that name their source). Builders make the slides from the
 * result files; `html.ts` renders them.
 */
import type { Figure } from "../charts/figure.js";
import type { Fact } from "./facts.js";

/** A piece of text: words, or a fact (a number from a result file). */
export type Inline = string | Fact;

/** A run of text. */
export type Text = Inline[];

/** A block of a slide. */
export type Block =
  | { kind: "text"; text: Text; style?: "lead" | "small" }
  | { kind: "bullets"; items: Text[]; heading?: string }
  | { kind: "table"; head: string[]; rows: (Text | string)[][]; numeric?: boolean[] }
  | { kind: "tiles"; tiles: { value: Text; label: string }[] }
  | {
      kind: "chart";
      /** Unique in the deck (used for the SVG's ids). */
      id: string;
      figure: Figure;
      /** Height in CSS pixels (the width is the column's). */
      height: number;
      caption: string;
    };

/** One slide. */
export interface Slide {
  /** Stable id, e.g. `problem`, `finding-orders`. */
  id: string;
  /** Section label shown above the title. */
  section: string;
  /** The takeaway, computed from the results. */
  title: Text;
  /** "stack": blocks one under the other; "split": the first block left, the others right. */
  layout: "stack" | "split";
  blocks: Block[];
  /** Speaker notes (in the HTML, not on the slide). */
  notes: Text;
}

/** The whole deck. */
export interface Deck {
  title: string;
  /** True on the synthetic twin: every slide then carries the synthetic banner. */
  synthetic: boolean;
  /** Data description, for the footer of every slide. */
  source: string;
  slides: Slide[];
}

/**
 * Text from a template: the literal parts stay words, interpolated facts and strings keep their
 * place.
 *
 * @example
 * tx`${fact(m, "metrics.json", "k", "count")} segments`; // [{ text: "5", src: … }, " segments"]
 */
export function tx(strings: TemplateStringsArray, ...parts: (Inline | Text)[]): Text {
  const out: Text = [];
  strings.forEach((s, i) => {
    if (s !== "") out.push(s);
    if (i < parts.length) {
      const p = parts[i];
      if (Array.isArray(p)) for (const q of p) out.push(q);
      else out.push(p);
    }
  });
  return out;
}

/** The text of a run, facts written as shown. */
export function plainText(t: Text): string {
  return t.map((p) => (typeof p === "string" ? p : p.text)).join("");
}
