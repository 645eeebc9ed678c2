/**
 * Writes the brief to disk: `brief.html` and `brief.pdf` side by side. Both are produced in memory
 * first (the PDF printed from the very HTML that is written), then each file is written atomically
 * (temporary name in the same folder, then rename), so a failed render leaves the previous files
 * untouched and a reader never sees a half-written file.
 */
import path from "node:path";
import type { PdfOptions } from "../charts/render.js";
import { renderPdf } from "../charts/render.js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import { briefHtml } from "./html.js";
import type { BriefInput } from "./input.js";
import { writeBriefInputFile } from "./inputFile.js";

/** File names of the brief. */
export const BRIEF_FILES = { html: "brief.html", pdf: "brief.pdf" } as const;

/** PDF settings of the brief: A4, 14 mm margins, page numbers in the bottom margin. */
export const BRIEF_PDF_OPTIONS: PdfOptions = {
  format: "A4",
  margin: { top: "14mm", right: "14mm", bottom: "16mm", left: "14mm" },
  pageNumbers: true,
};

/** Options of {@link writeBrief}. */
export interface WriteBriefOptions {
  /** PDF settings; default {@link BRIEF_PDF_OPTIONS}. */
  pdf?: PdfOptions;
  /**
   * What prints the HTML to PDF; default the project's Chromium (`renderPdf`). Another engine can
   * be plugged in here.
   */
  renderPdf?: (html: string, options: PdfOptions) => Promise<Uint8Array>;
  /**
   * Also write the input itself as `brief-input.json` (see src/brief/inputFile.ts), the one source
   * the slides render from; default false.
   */
  saveInput?: boolean;
}

/**
 * Writes `brief.html` and `brief.pdf` into `dir` (created if missing) and returns their paths.
 * Nothing is written until both are rendered.
 *
 * @example
 * const files = await writeBrief("reports/brief", input);
 * files.pdf; // "reports/brief/brief.pdf"
 */
export async function writeBrief(
  dir: string,
  input: BriefInput,
  options: WriteBriefOptions = {},
): Promise<{ html: string; pdf: string; input?: string }> {
  const html = await briefHtml(input);
  const print = options.renderPdf ?? renderPdf;
  const pdf = await print(html, options.pdf ?? BRIEF_PDF_OPTIONS);
  const files = { html: path.join(dir, BRIEF_FILES.html), pdf: path.join(dir, BRIEF_FILES.pdf) };
  writeFileAtomic(files.html, html);
  writeFileAtomic(files.pdf, pdf);
  return options.saveInput ? { ...files, input: writeBriefInputFile(dir, input) } : files;
}
