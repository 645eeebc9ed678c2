/**
 * A cache of computed results on disk, keyed by everything the result depends on: the data files'
 * checksums, the design of the computation (its options) and a version the caller bumps when the
 * method changes. Same key, same result, no recomputation; any change of data, design or method
 * gives another key, so a stale entry is never read. Entries are plain JSON files written
 * atomically; deleting the folder is always safe.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./atomicWrite.js";
import { projectPath } from "./paths.js";

/** The cache folder: `OLIST_CACHE_DIR` when set, else `.cache/` in the project (not committed). */
export function resultCacheDir(): string {
  return process.env.OLIST_CACHE_DIR || projectPath(".cache");
}

/** JSON with object keys sorted, so that equal values always give the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

/**
 * The cache key of a result: SHA-256 (hex) of the canonical JSON of what it depends on.
 *
 * @example
 * resultCacheKey({ version: 1, design, files: checksums }); // "3f2a…" (64 hex digits)
 */
export function resultCacheKey(dependsOn: unknown): string {
  return createHash("sha256").update(canonicalJson(dependsOn)).digest("hex");
}

/** Path of the entry of `kind` (a file-name-safe word, e.g. `"maintenance"`) under `key`. */
export function resultCachePath(kind: string, key: string, dir = resultCacheDir()): string {
  if (!/^[a-z0-9-]+$/.test(kind)) throw new Error(`Cache kind must be lower-case words: ${kind}`);
  return path.join(dir, `${kind}-${key.slice(0, 32)}.json`);
}

/**
 * The cached value of `kind` under `key`, or undefined when there is none (or the entry is not
 * readable JSON of that key: it is then recomputed and overwritten).
 */
export function readCachedResult<T>(kind: string, key: string, dir?: string): T | undefined {
  const file = resultCachePath(kind, key, dir);
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as { key?: string; value?: T };
    return entry.key === key ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` (plain JSON) as the entry of `kind` under `key`, atomically; returns its path. */
export function writeCachedResult(kind: string, key: string, value: unknown, dir?: string): string {
  const file = resultCachePath(kind, key, dir);
  writeFileAtomic(file, `${JSON.stringify({ kind, key, value })}\n`);
  return file;
}

/**
 * The cached value under `key`, or `compute()`'s value, stored before it is returned. `cached`
 * says which; `useCache: false` always computes (and refreshes the entry).
 *
 * @example
 * const { value, cached } = await cachedResult("selection", key, () => selectModel(db));
 */
export async function cachedResult<T>(
  kind: string,
  key: string,
  compute: () => Promise<T> | T,
  options: { dir?: string; useCache?: boolean } = {},
): Promise<{ value: T; cached: boolean }> {
  if (options.useCache !== false) {
    const hit = readCachedResult<T>(kind, key, options.dir);
    if (hit !== undefined) return { value: hit, cached: true };
  }
  const value = await compute();
  writeCachedResult(kind, key, value, options.dir);
  return { value, cached: false };
}
