/**
 * Atomic file writes: the data go to a temporary file in the target's folder, are flushed to disk,
 * then renamed over the target. A rename within one folder is atomic on POSIX file systems, so a
 * reader (or a crash, or a failed step) only ever sees the old content or the new one, never a
 * half-written file. The temporary file is removed when anything fails.
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { onInterrupt } from "./interrupt.js";

/**
 * Temporary name next to `file`: hidden, with the process id and a random suffix so that two
 * writers of the same file never share a temporary file; `.tmp` so leftovers are recognisable.
 */
function temporaryName(file: string): string {
  const suffix = `${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  return path.join(path.dirname(file), `.${path.basename(file)}.${suffix}`);
}

/**
 * Writes `data` to `file` atomically (temporary file in the same folder, fsync, rename), creating
 * the folder if needed. An existing target keeps its permissions. On failure the temporary file is
 * removed, the target is left as it was, and the error is rethrown.
 *
 * @example
 * writeFileAtomic("reports/segments/metrics.json", JSON.stringify(metrics, null, 2) + "\n");
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeChunksAtomic(file, [data]);
}

/**
 * Like {@link writeFileAtomic}, but the content comes in chunks written one after the other, so that
 * a file larger than the longest string V8 can hold (2²⁹ − 24 characters, ~512 MB) can be written
 * (e.g. the assignment of 9.6 million customers). Same bytes as writing the chunks joined.
 *
 * @example
 * writeChunksAtomic("reports/segments/customers.csv", ["id,segment\n", "a,1\n"]);
 */
export function writeChunksAtomic(file: string, chunks: Iterable<string | Uint8Array>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = temporaryName(file);
  let fd: number | undefined;
  try {
    // "wx": never follow or reuse an existing file under the temporary name.
    fd = openSync(tmp, "wx", 0o666);
    // With a file descriptor, writeFileSync writes at the current position: chunks follow each other.
    for (const chunk of chunks) writeFileSync(fd, chunk);
    // Flush before the rename, or a crash could leave the new name pointing at empty blocks.
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    const mode = existingMode(file);
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // The write error matters, not the close error.
      }
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Permission bits of an existing regular file (kept across the rewrite), else undefined. */
function existingMode(file: string): number | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? st.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a set of files into `dir` through a temporary sibling folder: `write(tmp)` fills it, then
 * each file is renamed into `dir` (the names in `last` at the end, e.g. a marker that says the set
 * is complete). A failure or an interrupt (SIGINT / SIGTERM) removes the temporary folder and
 * leaves `dir` as it was; each file of `dir` is always a complete old or new one.
 *
 * @example
 * await writeFilesAtomic("data/twin", (tmp) => writeOlistTwin({ outDir: tmp, seed }), ["TWIN.json"]);
 */
export async function writeFilesAtomic<T>(
  dir: string,
  write: (tmp: string) => Promise<T>,
  last: readonly string[] = [],
): Promise<T> {
  const tmp = path.join(
    path.dirname(dir),
    `.${path.basename(dir)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const clean = () => rmSync(tmp, { recursive: true, force: true });
  const done = onInterrupt(clean);
  try {
    const result = await write(tmp);
    mkdirSync(dir, { recursive: true });
    const files = readdirSync(tmp).sort(
      (a, b) => Number(last.includes(a)) - Number(last.includes(b)),
    );
    for (const f of files) renameSync(path.join(tmp, f), path.join(dir, f));
    return result;
  } finally {
    clean();
    done();
  }
}
