/**
 * Sends rich output to the notebook when running in the tslab kernel, and plain text to stdout
 * elsewhere (scripts, tests), so toolbox functions can display things without knowing where they run.
 */
import { createRequire } from "node:module";

/** A display bundle: MIME type → content (text, or base64 for binary types). */
export type MimeBundle = Record<string, string>;

type WriteDisplayData = (
  data: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> },
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
export function displayBundle(bundle: MimeBundle): void {
  const write = kernelWriter();
  if (write) {
    write({ data: bundle, metadata: {}, transient: {} }, false);
    return;
  }
  if (bundle["text/plain"] !== undefined) console.log(bundle["text/plain"]);
}

/** Displays HTML in a notebook, with a plain-text alternative for other front ends and stdout. */
export function displayHtml(html: string, text: string): void {
  displayBundle({ "text/html": html, "text/plain": text });
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
