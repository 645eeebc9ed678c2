/**
 * Output locations checked before any work: a command that would compute for a minute and then
 * fail on an unwritable `--out` checks it first, and says why in one line (exit 2). The check
 * creates nothing: it probes the folder that will hold the outputs (or its nearest existing
 * ancestor, when the folder is still to be created) with a temporary folder it removes at once.
 */
import { mkdtempSync, rmdirSync, statSync } from "node:fs";
import path from "node:path";
import { fsReason, UsageError } from "./errors.js";

/** The nearest existing ancestor of `target` (itself when it exists), with its stat. */
function nearestExisting(target: string): { dir: string; isDirectory: boolean } {
  let dir = target;
  for (;;) {
    try {
      return { dir, isDirectory: statSync(dir).isDirectory() };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a parent is a file; the loop reaches it and says so.
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        throw new UsageError(`cannot use ${dir} for the outputs (${fsReason(e)}).`);
      }
      const parent = path.dirname(dir);
      if (parent === dir) return { dir, isDirectory: false };
      dir = parent;
    }
  }
}

/** Throws unless a file can be created in the existing folder `dir` (probe: a temporary folder). */
function probeWritable(flag: string, dir: string, target: string): void {
  let probe: string | undefined;
  try {
    probe = mkdtempSync(path.join(dir, ".olist-write-check-"));
  } catch (e) {
    const where = dir === target ? target : `${target} (its folder ${dir})`;
    throw new UsageError(
      `${flag} ${where} cannot be written (${fsReason(e)}); choose another ${flag} or make it writable.`,
    );
  } finally {
    if (probe !== undefined) rmdirSync(probe);
  }
}

/**
 * Checks that `dir` is, or can be created as, a writable folder; returns its absolute path.
 * `--out ""`, a file, a folder under a file, or an unwritable place are {@link UsageError}s naming
 * the flag and the path.
 *
 * @example
 * const out = checkOutputFolder("--out", flags.out); // before loading any data
 */
export function checkOutputFolder(flag: string, dir: string | undefined): string {
  if (dir === undefined || dir.trim() === "") {
    throw new UsageError(`${flag} is empty; give a folder for the outputs (e.g. ${flag} reports).`);
  }
  const target = path.resolve(dir);
  const existing = nearestExisting(target);
  if (!existing.isDirectory) {
    throw new UsageError(
      existing.dir === target
        ? `${flag} ${dir} is a file; give a folder for the outputs.`
        : `${flag} ${dir} cannot be created: ${existing.dir} is a file, not a folder.`,
    );
  }
  probeWritable(flag, existing.dir, target);
  return target;
}

/**
 * Checks that `file` names a writable file with extension `ext` (e.g. `.csv`): an existing folder
 * of that name, a missing or unwritable folder are {@link UsageError}s; returns the absolute path.
 *
 * @example
 * const out = checkOutputFile("--out", "data/customer_features.csv", ".csv");
 */
export function checkOutputFile(flag: string, file: string | undefined, ext: string): string {
  if (file === undefined || file.trim() === "") {
    throw new UsageError(`${flag} is empty; give a ${ext} file (e.g. ${flag} customers${ext}).`);
  }
  if (!file.endsWith(ext)) {
    throw new UsageError(`${flag} "${file}" must name a ${ext} file.`);
  }
  const target = path.resolve(file);
  const existing = nearestExisting(target);
  if (existing.dir === target) {
    if (existing.isDirectory)
      throw new UsageError(`${flag} ${file} is a folder; give a ${ext} file.`);
    probeWritable(flag, path.dirname(target), target);
    return target;
  }
  if (!existing.isDirectory) {
    throw new UsageError(
      `${flag} ${file} cannot be created: ${existing.dir} is a file, not a folder.`,
    );
  }
  probeWritable(flag, existing.dir, target);
  return target;
}
