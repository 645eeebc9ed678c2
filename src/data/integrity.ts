/**
 * File integrity, checked in one streaming pass before DuckDB reads a file: a `.csv.gz` is
 * decompressed to its end, so a truncated file or a wrong gzip trailer (CRC-32 and length) is an
 * error instead of a silently shorter table (DuckDB stops at the last complete block); NUL bytes and
 * UTF-16 text are errors with their line; the SHA-256 of the content comes out of the same pass,
 * so `dataChecksums` does not read the files again.
 */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, fstatSync, openSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { createGunzip } from "node:zlib";
import { cannotRead } from "../util/errors.js";
import { OlistDataError } from "./errors.js";
import { physicalLine } from "./validate.js";

/** What one pass over a file found. */
export interface FileScan {
  /** Size as stored (compressed for `.csv.gz`). */
  bytes: number;
  /** Size of the CSV content (decompressed). */
  contentBytes: number;
  /** SHA-256 of the CSV content. */
  sha256: string;
  /** Modification time when scanned (for the checksum cache). */
  mtimeMs: number;
}

const scans = new Map<string, FileScan>();

/** The scan of `file` made by {@link scanDataFile}, if the file has not changed since. */
export function cachedScan(file: string, bytes: number, mtimeMs: number): FileScan | undefined {
  const scan = scans.get(path.resolve(file));
  return scan && scan.bytes === bytes && scan.mtimeMs === mtimeMs ? scan : undefined;
}

/** Why a gzip stream failed, in words, from zlib's message. */
function gzipProblem(message: string): string {
  if (/unexpected end of file/i.test(message)) {
    return "the compressed data end before the gzip trailer: the file is truncated (an interrupted download or copy)";
  }
  if (/incorrect data check/i.test(message))
    return "its CRC-32 does not match the content: the file is corrupt";
  if (/incorrect length check/i.test(message))
    return "its recorded length does not match the content: the file is corrupt";
  if (/incorrect header check/i.test(message)) {
    return "it is not gzip data (or has bytes after the gzip data)";
  }
  return message;
}

/**
 * Reads a `.csv` or `.csv.gz` file to its end, checking its integrity; returns its size and the
 * SHA-256 of its content. Throws an {@link OlistDataError} naming the file (and the line) for a
 * file that cannot be read, a gzip file that is truncated or fails its CRC / length check, a NUL
 * byte, or UTF-16 text.
 *
 * @example
 * const { sha256 } = await scanDataFile("data/raw/olist_orders_dataset.csv.gz");
 */
export async function scanDataFile(file: string): Promise<FileScan> {
  const name = path.basename(file);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new OlistDataError(cannotRead(name, e, "check the path"), file);
  }
  let stat;
  try {
    stat = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw new OlistDataError(cannotRead(name, e, "check the path"), file);
  }
  const hash = createHash("sha256");
  let contentBytes = 0;
  let nulAt = -1;
  let head: Buffer | undefined;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (head === undefined) head = Buffer.from(chunk.subarray(0, 4));
      if (nulAt < 0) {
        const i = chunk.indexOf(0);
        if (i >= 0) nulAt = contentBytes + i;
      }
      hash.update(chunk);
      contentBytes += chunk.length;
      done();
    },
  });
  const gzip = file.endsWith(".gz");
  const source = createReadStream("", { fd, autoClose: true });
  try {
    if (gzip) await pipeline(source, createGunzip(), sink);
    else await pipeline(source, sink);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (gzip && typeof err.code === "string" && err.code.startsWith("Z_")) {
      throw new OlistDataError(
        `${name} is not a complete gzip file: ${gzipProblem(err.message)}. ` +
          `Re-download it (or unzip it to a plain .csv and check it).`,
        file,
      );
    }
    throw new OlistDataError(cannotRead(name, e, "check the file"), file);
  }
  if (
    head &&
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  ) {
    throw new OlistDataError(
      `${name} is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8, the encoding of the Kaggle files.`,
      file,
    );
  }
  if (nulAt >= 0) {
    throw new OlistDataError(
      `${name} line ${physicalLine(file, nulAt)}: NUL byte in the text (a binary, UTF-16 or damaged file); ` +
        `re-download the file from Kaggle, or save it as UTF-8 text.`,
      file,
    );
  }
  const scan: FileScan = {
    bytes: stat.size,
    contentBytes,
    sha256: hash.digest("hex"),
    mtimeMs: stat.mtimeMs,
  };
  scans.set(path.resolve(file), scan);
  return scan;
}
