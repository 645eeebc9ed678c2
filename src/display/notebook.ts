/**
 * Sends rich output to the notebook when running in the tslab kernel, and plain text to stdout
 * elsewhere (scripts, tests), so toolbox functions can display things without knowing where they run.
 */
import { createRequire } from "node:module";
import { NO_MATH_CLASS } from "./text.js";

export { escapeHtml } from "./text.js";

/** JSON content of a MIME type ending in `+json` (e.g. `application/vnd.plotly.v1+json`). */
export type MimeJson = { [key: string]: unknown };

/**
 * A display bundle: MIME type → content (text, base64 for binary types such as `image/png`, or a
 * JSON object for `…+json` types).
 */
export type MimeBundle = Record<string, string | MimeJson>;

/** Per-MIME-type metadata of an output, e.g. `{ "image/png": { width: 900, height: 500 } }`. */
export type MimeMetadata = Record<string, Record<string, unknown>>;

type WriteDisplayData = (
  data: { data: MimeBundle; metadata: MimeMetadata; transient: Record<string, unknown> },
  update: boolean,
) => void;

const require = createRequire(import.meta.url);

/**
 * The display writer of the tslab kernel running this process, if any (tslab sets it for each cell
 * execution). tslab's public `display` sends one MIME type per output; bundles need several. It is
 * found through the module cache, so it is the kernel's own tslab whatever its install path.
 */
export function kernelDisplayWriter(): WriteDisplayData | null {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) {
      const writer = (mod?.exports as { lastWriteDisplayData?: WriteDisplayData } | undefined)
        ?.lastWriteDisplayData;
      if (typeof writer === "function") return writer;
    }
  }
  return null;
}

function kernelWriter(): WriteDisplayData | null {
  return kernelDisplayWriter();
}

/** Whether code runs inside a tslab notebook kernel. */
export function inNotebook(): boolean {
  return kernelWriter() !== null;
}

/**
 * Displays one output with several representations (e.g. `text/html` and `text/plain`); outside a
 * notebook prints the `text/plain` entry.
 */
export function displayBundle(bundle: MimeBundle, metadata: MimeMetadata = {}): void {
  const write = kernelWriter();
  if (write) {
    write({ data: bundle, metadata, transient: {} }, false);
    return;
  }
  if (typeof bundle["text/plain"] === "string") console.log(bundle["text/plain"]);
}

/**
 * Displays HTML in a notebook, with a plain-text alternative for other front ends and stdout. The
 * HTML is wrapped in an element MathJax skips, so a `$` in it (R$) is never read as TeX.
 */
export function displayHtml(html: string, text: string): void {
  displayBundle({ "text/html": noMathHtml(html), "text/plain": text });
}

/**
 * Wraps HTML in a `<div>` carrying MathJax's ignore classes ({@link NO_MATH_CLASS}).
 *
 * @example
 * noMathHtml("<p>R$ 5 or R$ 6</p>"); // '<div class="tex2jax_ignore mathjax_ignore"><p>R$ 5 or R$ 6</p></div>'
 */
export function noMathHtml(html: string): string {
  return `<div class="${NO_MATH_CLASS}">${html}</div>`;
}
