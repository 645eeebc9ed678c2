/**
 * Tools of the fault-injection tests: copies of a small twin with one fault each, a table of a CSV
 * file as records with their physical lines, and the commands run in-process with their outcome
 * (exit code and the one line they would print).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { tableSpec } from "../../src/data/schema.js";
import type { TableName } from "../../src/data/schema.js";
import { commandOutcome } from "../../src/util/cli.js";
import type { CommandOutcome } from "../../src/util/cli.js";
import { featuresCommand } from "../../scripts/features.js";
import { startCommand } from "../../scripts/main.js";
import { segmentCommand } from "../../scripts/segment.js";
import { parseCsv, readCsvText } from "../helpers/csv.js";

/** The file of a table in a data folder (`.csv`). */
export const tableFile = (dir: string, table: TableName) =>
  path.join(dir, `${tableSpec(table).file}.csv`);

/** Copies every file (and sub-folder, e.g. `segment-lists/`) of `from` into a new folder `to`. */
export function copyFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from))
    cpSync(path.join(from, f), path.join(to, f), { recursive: true });
}

/** A CSV file as header and records (fields as text). */
export interface CsvTable {
  header: string[];
  records: string[][];
}

/** Reads a table's CSV file. */
export function readTable(dir: string, table: TableName): CsvTable {
  const [header, ...records] = parseCsv(readCsvText(tableFile(dir, table)));
  return { header, records };
}

/** A field as the Olist files write it: quoted when it holds a comma, a quote or a line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Serialises records as CSV lines (LF between records, none after the last, as the originals). */
export function csvText(
  header: readonly string[],
  records: readonly (readonly string[])[],
): string {
  return [header, ...records].map((r) => r.map(field).join(",")).join("\n");
}

/**
 * Writes a table back; returns the physical line (1-based) each record starts on, counting the line
 * breaks inside quoted fields (review messages).
 */
export function writeTable(dir: string, table: TableName, t: CsvTable): number[] {
  writeFileSync(tableFile(dir, table), csvText(t.header, t.records));
  const lines: number[] = [];
  let line = 2;
  for (const r of t.records) {
    lines.push(line);
    line += 1 + r.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  }
  return lines;
}

/** Index of a column in a table's header. */
export const col = (t: CsvTable, name: string) => {
  const i = t.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

/** Commands of the fault tests, run in-process. */
export type CommandName = "segment" | "features" | "start";

const quiet = () => {};

/**
 * Runs a command in-process with its arguments and says how it ended. `segment` uses the sampled
 * silhouette and `start` skips the notebooks and runs on one worker thread, to keep the tests fast.
 */
export function runInProcess(command: CommandName, args: string[]): Promise<CommandOutcome> {
  switch (command) {
    case "segment":
      return commandOutcome("segment", () =>
        segmentCommand([...args, "--sampled-silhouette"], quiet),
      );
    case "features":
      return commandOutcome("features", () => featuresCommand(args, quiet));
    case "start":
      return commandOutcome("start", async () => {
        const workers = args.includes("--workers") ? [] : ["--workers", "1"];
        await startCommand([...args, "--skip-notebooks", ...workers], quiet);
      });
  }
}

/** Name → bytes of every file of a folder (to check that a failed command left it as it was). */
export function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    out[f] = statSync(p).isDirectory() ? "(folder)" : readFileSync(p).toString("base64");
  }
  return out;
}

/** Removes a folder and everything in it. */
export const remove = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Rows of a rule in a `cleaning.csv`. */
export function cleaningRows(
  file: string,
): Map<string, { table: string; rows: number; action: string }> {
  const [, ...rows] = parseCsv(readFileSync(file, "utf8").trimEnd());
  return new Map(rows.map((r) => [r[0], { table: r[1], rows: Number(r[2]), action: r[3] }]));
}
