/**
 * Checksums of the data files a result was computed from, so that anyone can tell whether two
 * reports come from the same data (`metrics.json` records them). The hash is of the CSV content:
 * a `.csv.gz` is hashed after decompression, so the same data give the same checksum whether the
 * user kept Kaggle's `.csv` or compressed it (and it matches the checksums published for the
 * Kaggle files). Files already read by the loader's integrity pass are not read again.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { cachedScan, scanDataFile } from "./integrity.js";
import type { DataSource } from "./locate.js";
import { OLIST_TABLES } from "./schema.js";

/** One data file: its name, size and SHA-256. */
export interface FileChecksum {
  table: string;
  /** File name (no folder: the folder is machine-specific). */
  file: string;
  /** Size of the file as stored (compressed for `.csv.gz`). */
  bytes: number;
  /** SHA-256 of the CSV content (decompressed for `.csv.gz`). */
  sha256: string;
}

/**
 * SHA-256 of a file's content, streamed; a `.gz` file is hashed decompressed (and must be a
 * complete gzip file).
 *
 * @example
 * await sha256File("data/raw/olist_sellers_dataset.csv.gz"); // "1f643d2b…" (that of the .csv)
 */
export async function sha256File(file: string): Promise<string> {
  const st = statSync(file);
  return (cachedScan(file, st.size, st.mtimeMs) ?? (await scanDataFile(file))).sha256;
}

/**
 * Name, size and SHA-256 of each of the nine files of a data source, in schema order.
 *
 * @example
 * const { source } = await openOlist();
 * const sums = await dataChecksums(source); // [{ table: "customers", file: "olist_customers_dataset.csv", bytes, sha256 }, …]
 */
export async function dataChecksums(source: Pick<DataSource, "files">): Promise<FileChecksum[]> {
  return Promise.all(
    OLIST_TABLES.map(async (spec) => {
      const file = source.files[spec.table];
      return {
        table: spec.table,
        file: path.basename(file),
        bytes: statSync(file).size,
        sha256: await sha256File(file),
      };
    }),
  );
}
