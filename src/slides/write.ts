/**
 * Writes the deck: `slides.html` and `slides.pdf` (one 16:9 page per slide, printed from the very
 * HTML that is written). Both are rendered in memory first, then each file is written atomically,
 * so a failure leaves the previous files untouched.
 */
import path from "node:path";
import type { PdfOptions } from "../charts/render.js";
import { renderPdf } from "../charts/render.js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import { buildDeck } from "./build.js";
import type { Deck } from "./deck.js";
import { readDeckSources } from "./files.js";
import { deckHtml } from "./html.js";

/** File names of the deck. */
export const SLIDES_FILES = { html: "slides.html", pdf: "slides.pdf" } as const;

/** PDF settings of the deck: the page size of the slides' CSS, no margin. */
export const SLIDES_PDF_OPTIONS: PdfOptions = {
  cssPageSize: true,
  margin: { top: "0", right: "0", bottom: "0", left: "0" },
};

/** Options of {@link writeSlides}. */
export interface WriteSlidesOptions {
  /** Folder of the result files to read; default the output folder. */
  from?: string;
  /** What prints the HTML to PDF; default the project's Chromium (`renderPdf`). */
  renderPdf?: (html: string, options: PdfOptions) => Promise<Uint8Array>;
}

/** What {@link writeSlides} wrote. */
export interface SlidesResult {
  html: string;
  pdf: string;
  deck: Deck;
}

/**
 * Reads the result files, builds the deck and writes `slides.html` and `slides.pdf` into `dir`.
 *
 * @example
 * const { pdf, deck } = await writeSlides("reports");
 * deck.slides.length; // 14
 */
export async function writeSlides(
  dir: string,
  options: WriteSlidesOptions = {},
): Promise<SlidesResult> {
  const deck = buildDeck(readDeckSources(options.from ?? dir));
  const html = await deckHtml(deck);
  const pdf = await (options.renderPdf ?? renderPdf)(html, SLIDES_PDF_OPTIONS);
  const files = { html: path.join(dir, SLIDES_FILES.html), pdf: path.join(dir, SLIDES_FILES.pdf) };
  writeFileAtomic(files.html, html);
  writeFileAtomic(files.pdf, pdf);
  return { ...files, deck };
}
