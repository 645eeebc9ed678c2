/**
 * The marker `TWIN.json` that labels a data folder as the synthetic Olist twin: its name, its
 * content, and reading it. Written by the twin generator (src/twin/write.ts), read by the data layer.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** File name of the marker that labels a folder as synthetic. */
export const TWIN_MARKER_FILE = "TWIN.json";

/** Content of `TWIN.json` (no timestamp, so the folder stays byte-identical for a seed). */
export interface TwinMarker {
  synthetic: true;
  generator: "olist-twin";
  version: 1;
  seed: number;
  customers: number;
  createdBy: "npm run data:twin";
  /** Present (`true`) when the twin carries the real data's quirks (the default twin). */
  quirks?: true;
  /**
   * Present when the twin was generated shard by shard (above one shard's size, see
   * src/twin/shards.ts): shard count, customers and seed of each shard, and the rule in one line.
   */
  shards?: { count: number; customers: number[]; seeds: number[]; rule: string };
}

/** The marker of a twin folder, or `null` when `dir` holds no (valid) `TWIN.json`. */
export function readTwinMarker(dir: string): TwinMarker | null {
  const path = join(dir, TWIN_MARKER_FILE);
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(
      `${path} is not valid JSON (${(e as Error).message}); delete it or regenerate with npm run data:twin`,
    );
  }
  const m = parsed as Partial<TwinMarker>;
  if (m?.synthetic !== true || m.generator !== "olist-twin") return null;
  return m as TwinMarker;
}

/** Whether `dir` holds an Olist twin (a `TWIN.json` marker written by this generator). */
export function isTwinDir(dir: string): boolean {
  return readTwinMarker(dir) !== null;
}
