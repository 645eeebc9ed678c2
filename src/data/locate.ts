/**
 * Finds the Olist files: an explicit folder, else `OLIST_DATA_DIR`, else `data/raw/`, else the Olist
 * twin (synthetic stand-in) in `data/twin/`. Each table may be `.csv` or `.csv.gz`.
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { cannotRead } from "../util/errors.js";
import { OlistDataError } from "./errors.js";
import type { TableName } from "./schema.js";
import { KAGGLE_DATASET, OLIST_TABLES } from "./schema.js";
import { projectPath } from "../util/paths.js";
import type { TwinMarker } from "./twinMarker.js";
import { readTwinMarker } from "./twinMarker.js";

/** Where the tables come from. */
export interface DataSource {
  /** `real`: files the user downloaded; `twin`: the project's synthetic stand-in. */
  readonly kind: "real" | "twin";
  /** Absolute folder of the files. */
  readonly dir: string;
  /** True for the twin: every result computed on it must say so. */
  readonly synthetic: boolean;
  /** How the folder was chosen (option, environment variable, default folder, twin fallback). */
  readonly chosenBy: "option" | "OLIST_DATA_DIR" | "data/raw" | "twin-default";
  /** Path of each table's file. */
  readonly files: Readonly<Record<TableName, string>>;
  /** One line for people: what the data are and where they come from. */
  readonly description: string;
  /** The twin's marker (seed, scale) when synthetic. */
  readonly twin?: TwinMarker;
}

/** How to obtain the real dataset, appended to "file missing" errors and synthetic banners. */
export const GET_REAL_DATA =
  `Download the Kaggle dataset "${KAGGLE_DATASET}" (https://www.kaggle.com/datasets/${KAGGLE_DATASET}), ` +
  `unzip its nine CSV files (.csv or .csv.gz) into data/raw/ or a folder named by OLIST_DATA_DIR.`;

/** The file of one table in `dir` (`.csv` preferred over `.csv.gz`), or `undefined`. */
export function findTableFile(dir: string, baseName: string): string | undefined {
  for (const ext of [".csv", ".csv.gz"]) {
    const file = path.join(dir, baseName + ext);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/**
 * Throws when an existing folder cannot be listed or entered: "cannot read the data folder …
 * (permission denied)", instead of reporting its files as missing.
 */
export function checkReadableDir(dir: string): void {
  try {
    readdirSync(dir);
    accessSync(dir, constants.R_OK | constants.X_OK);
  } catch (e) {
    throw new OlistDataError(cannotRead(`the data folder ${dir}`, e, "check the folder"));
  }
}

/** Whether a folder holds at least one Olist file (used to decide if `data/raw/` is in use). */
export function hasAnyOlistFile(dir: string): boolean {
  if (!existsSync(dir)) return false;
  checkReadableDir(dir);
  return OLIST_TABLES.some((t) => findTableFile(dir, t.file) !== undefined);
}

/**
 * Resolves the nine files in `dir`, or throws an error that names each missing file, the folders
 * searched and how to get the dataset.
 */
export function resolveTableFiles(
  dir: string,
  searched: readonly string[],
): Record<TableName, string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new OlistDataError(
      `Olist data folder not found: ${dir}\nFolders searched: ${searched.join(", ")}\n${GET_REAL_DATA}`,
    );
  }
  checkReadableDir(dir);
  const files = {} as Record<TableName, string>;
  const missing: string[] = [];
  for (const spec of OLIST_TABLES) {
    const file = findTableFile(dir, spec.file);
    if (file) files[spec.table] = file;
    else missing.push(`${spec.file}.csv (or .csv.gz)`);
  }
  if (missing.length > 0) {
    throw new OlistDataError(
      `Missing Olist file${missing.length > 1 ? "s" : ""} in ${dir}: ${missing.join(", ")}\n` +
        `Folders searched: ${searched.join(", ")}\n${GET_REAL_DATA}`,
    );
  }
  return files;
}

/** Options of {@link locateOlistData}. */
export interface LocateOptions {
  /** Folder of the nine files; overrides everything else. */
  dataDir?: string;
  /** Environment to read `OLIST_DATA_DIR` from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Folder checked after the environment variable (default `<project>/data/raw`). */
  rawDir?: string;
  /** Folder of the twin fallback (default `<project>/data/twin`). */
  twinDir?: string;
}

/** A folder as shown to people: relative to the project when inside it (no machine paths in reports). */
export function displayPath(dir: string): string {
  const rel = path.relative(projectPath(), dir);
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? dir : rel;
}

/** Describes a source in one line, flagging synthetic data. */
export function describeSource(dir: string, twin: TwinMarker | null): string {
  const where = displayPath(dir);
  if (twin) {
    return (
      `SYNTHETIC DATA: Olist twin (seed ${twin.seed}, ${twin.customers.toLocaleString("en-US")} customers) ` +
      `in ${where}. Results describe the twin, not Olist's real customers. ${GET_REAL_DATA}`
    );
  }
  return `Real Olist data (Kaggle ${KAGGLE_DATASET}, CC BY-NC-SA 4.0) in ${where}`;
}

/**
 * Chooses the data folder: `dataDir`, else `OLIST_DATA_DIR`, else `data/raw/` when it holds Olist
 * files, else the twin folder. Does not generate the twin: `openOlist` (src/pipeline/openData.ts) does that when needed.
 * Returns the folder, how it was chosen and the folders searched.
 */
export function chooseDataDir(options: LocateOptions = {}): {
  dir: string;
  chosenBy: DataSource["chosenBy"];
  searched: string[];
} {
  const env = options.env ?? process.env;
  const rawDir = options.rawDir ?? projectPath("data", "raw");
  const twinDir = options.twinDir ?? projectPath("data", "twin");
  if (options.dataDir) {
    return { dir: path.resolve(options.dataDir), chosenBy: "option", searched: [options.dataDir] };
  }
  const fromEnv = env.OLIST_DATA_DIR;
  if (fromEnv && fromEnv.trim() !== "") {
    return {
      dir: path.resolve(fromEnv),
      chosenBy: "OLIST_DATA_DIR",
      searched: [`OLIST_DATA_DIR=${fromEnv}`],
    };
  }
  if (hasAnyOlistFile(rawDir)) {
    return { dir: rawDir, chosenBy: "data/raw", searched: ["OLIST_DATA_DIR (unset)", rawDir] };
  }
  return {
    dir: twinDir,
    chosenBy: "twin-default",
    searched: ["OLIST_DATA_DIR (unset)", `${rawDir} (no Olist file)`, twinDir],
  };
}

/** Builds the {@link DataSource} of a folder whose files exist (see {@link resolveTableFiles}). */
export function dataSourceOf(
  dir: string,
  chosenBy: DataSource["chosenBy"],
  searched: readonly string[],
): DataSource {
  const files = resolveTableFiles(dir, searched);
  const twin = readTwinMarker(dir);
  return {
    kind: twin ? "twin" : "real",
    dir,
    synthetic: twin !== null,
    chosenBy,
    files,
    description: describeSource(dir, twin),
    ...(twin ? { twin } : {}),
  };
}
