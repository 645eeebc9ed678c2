/** Locates `../shared/olist` beside the checkout (present on developer machines and in CI). */
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/util/paths.js";

/** Absolute path of the shared real Olist files. */
export const SHARED_OLIST = path.resolve(projectRoot(), "..", "shared", "olist");

/** Why tests on real bytes are skipped, or `false` when the files are there (CI must have them). */
export function sharedSkipReason(): string | false {
  if (existsSync(SHARED_OLIST)) return false;
  if (process.env.CI) {
    throw new Error(`CI must provide the real Olist files at ${SHARED_OLIST}`);
  }
  return `real Olist files not found at ${SHARED_OLIST}`;
}
