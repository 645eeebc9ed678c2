/**
 * One customer list per segment, for the CRM: `segment-lists/<n>-<slug>.csv` with the anonymised
 * `customer_unique_id`, the segment number and its name. Written by `npm start` and `npm run segment`
 * next to customers.csv; stale lists of an earlier run (other names) are removed.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { writeChunksAtomic } from "../util/atomicWrite.js";

/** The folder of the lists inside an output folder. */
export const SEGMENT_LISTS_DIR = "segment-lists";

/** File-name slug of a segment name: lower case, letters and digits, words joined by "-". */
export function segmentSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "segment";
}

/** The list file name of segment `segment` called `name`, e.g. `0-buyers-of-the-last-half-year.csv`. */
export function segmentListFile(segment: number, name: string): string {
  return `${segment}-${segmentSlug(name)}.csv`;
}

/** The lines joined, each ending with a newline, in chunks (a list of millions never is one string). */
function* lineChunks(lines: readonly string[], size = 65_536): Generator<string> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join("\n") + "\n";
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * Writes one CSV per segment (`customer_unique_id,segment,segment_name`, ids in table order) into
 * `<outDir>/segment-lists/`, each atomically; returns the paths in segment order.
 */
export function writeSegmentLists(
  outDir: string,
  ids: readonly string[],
  labels: ArrayLike<number>,
  names: readonly string[],
): string[] {
  const dir = path.join(outDir, SEGMENT_LISTS_DIR);
  mkdirSync(dir, { recursive: true });
  const lines = names.map(() => ["customer_unique_id,segment,segment_name"]);
  for (let i = 0; i < ids.length; i++) {
    const s = labels[i];
    if (s >= 0 && s < names.length) lines[s].push(`${csvField(ids[i])},${s},${csvField(names[s])}`);
  }
  const files = names.map((name, s) => path.join(dir, segmentListFile(s, name)));
  const keep = new Set(files.map((f) => path.basename(f)));
  for (const f of readdirSync(dir))
    if (/^\d+-.*\.csv$/.test(f) && !keep.has(f)) rmSync(path.join(dir, f));
  files.forEach((file, s) => writeChunksAtomic(file, lineChunks(lines[s])));
  return files;
}
