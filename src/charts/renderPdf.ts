/**
 * HTML documents to PDF, printed by the shared Chromium (`chromiumSession.ts`) from a short-lived
 * second page, so the page that holds Plotly is kept.
 */
import { enqueue } from "./chromiumSession.js";

/** Page margins of a PDF, as CSS lengths ("14mm", "0.5in", "40px"). */
export interface PdfMargin {
  top?: string;
  right?: string;
  bottom?: string;
  left?: string;
}

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** Paper size; default "A4". */
  format?: "A4" | "A3" | "A5" | "Letter" | "Legal";
  /** Landscape pages; default false (portrait). */
  landscape?: boolean;
  /** Page margins; default 14 mm on every side (each side given replaces only that side). */
  margin?: PdfMargin;
  /**
   * Print "n / N" small and grey, centred in the bottom margin of every page; default false. Keep
   * a bottom margin of at least 10 mm for it.
   */
  pageNumbers?: boolean;
  /** Give up loading the HTML after this many milliseconds; default 30,000. */
  timeoutMs?: number;
  /** Use the page size of the document's CSS `@page` rule (e.g. 16:9 slides) over `format`; default false. */
  cssPageSize?: boolean;
}

/** Default PDF margin on every side. */
export const PDF_MARGIN = "14mm";

const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;text-align:center;font-size:8px;color:#6E6E6E;' +
  'font-family:system-ui,sans-serif"><span class="pageNumber"></span> / ' +
  '<span class="totalPages"></span></div>';

/**
 * PDF bytes of an HTML document, printed by Chromium with the print stylesheet and backgrounds.
 * The document must be self-contained: network requests are refused, so external images, fonts or
 * scripts are simply missing. The bytes differ between runs (Chromium stamps a creation date).
 *
 * @example
 * writeFileSync("brief.pdf", await renderPdf(html, { pageNumbers: true }));
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  if (typeof html !== "string") throw new Error("renderPdf: html must be a string");
  const {
    format = "A4",
    landscape = false,
    margin = {},
    pageNumbers = false,
    timeoutMs = 30_000,
    cssPageSize = false,
  } = options;
  if (!(timeoutMs > 0)) throw new Error(`timeoutMs must be positive, got ${timeoutMs}`);
  const sides = {
    top: margin.top ?? PDF_MARGIN,
    right: margin.right ?? PDF_MARGIN,
    bottom: margin.bottom ?? PDF_MARGIN,
    left: margin.left ?? PDF_MARGIN,
  };
  return enqueue(async (plotlyPage) => {
    // A page of its own (closed with its context below): setContent would otherwise replace the
    // page that holds Plotly.
    const owner = plotlyPage.context().browser();
    if (!owner) throw new Error("renderPdf: the renderer's browser is not available");
    const p = await owner.newPage();
    try {
      await p.route(/^(https?|wss?):/, (route) => route.abort());
      await p.setContent(html, { waitUntil: "load", timeout: timeoutMs });
      return await p.pdf({
        format,
        landscape,
        printBackground: true,
        margin: sides,
        preferCSSPageSize: cssPageSize,
        ...(pageNumbers
          ? {
              displayHeaderFooter: true,
              headerTemplate: "<div></div>",
              footerTemplate: PAGE_NUMBER_FOOTER,
            }
          : {}),
      });
    } finally {
      await p.close().catch(() => undefined);
    }
  });
}
