/**
 * The result files the deck is rendered from, read from the output folder of `npm start`: the
 * brief's input (`brief-input.json`), `metrics.json`, `model.json`, `cleaning.csv` and
 * `customers.csv` are required; `maintenance.json` and the files other steps add
 * (`selection.json`, `segment-rules.json`, `value.json`, `segment-stability.json`) are read when
 * present, and their slides are left out otherwise. The raw parsed JSON is kept next to the typed
 * views, so every number on a slide can name the file and path it comes from.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BRIEF_INPUT_FILE } from "../brief/inputFile.js";
import type { BriefInput } from "../brief/input.js";
import { cannotRead, UsageError } from "../util/errors.js";
import { csvFields, csvTable } from "./csv.js";

/** Files the deck cannot do without. */
export const REQUIRED_FILES = [
  BRIEF_INPUT_FILE,
  "metrics.json",
  "model.json",
  "cleaning.csv",
  "customers.csv",
] as const;

/** Files read when present. */
export const OPTIONAL_FILES = [
  "maintenance.json",
  "selection.json",
  "segment-rules.json",
  "value.json",
  "segment-stability.json",
] as const;

/** One row of `cleaning.csv`. */
export interface CleaningFileRow {
  rule: string;
  table: string;
  rows: number;
  action: string;
  share: number;
  description: string;
}

/** The numeric columns of `customers.csv` the exploration findings use (NaN where empty). */
export interface CustomerColumns {
  recency_days: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  mean_review_score: Float64Array;
}

/** Everything the deck reads; `json[file]` is the parsed content of each JSON file present. */
export interface DeckSources {
  dir: string;
  brief: BriefInput;
  cleaning: CleaningFileRow[];
  customers: CustomerColumns;
  json: Partial<Record<string, Record<string, unknown>>>;
}

function readText(dir: string, file: string): string {
  const full = path.join(dir, file);
  try {
    return readFileSync(full, "utf8");
  } catch (e) {
    throw new UsageError(cannotRead(full, e, "run npm start first"));
  }
}

function readJson(dir: string, file: string): Record<string, unknown> {
  const text = readText(dir, file);
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
    return v as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(
      `${path.join(dir, file)} is not a JSON object (${(e as Error).message}); run npm start again to rewrite it.`,
    );
  }
}

const CUSTOMER_COLUMNS = ["recency_days", "frequency", "monetary", "mean_review_score"] as const;

/** The numeric columns of a `customers.csv` text. */
export function customerColumns(text: string, file = "customers.csv"): CustomerColumns {
  const lines = text.split(/\r?\n/);
  const header = csvFields(lines[0] ?? "");
  const at = CUSTOMER_COLUMNS.map((c) => {
    const i = header.indexOf(c);
    if (i < 0)
      throw new UsageError(`${file} has no column ${c}; run npm start again to rewrite it.`);
    return i;
  });
  let n = 0;
  for (let l = 1; l < lines.length; l++) if (lines[l] !== "") n++;
  const cols = CUSTOMER_COLUMNS.map(() => new Float64Array(n));
  let r = 0;
  for (let l = 1; l < lines.length; l++) {
    if (lines[l] === "") continue;
    const f = csvFields(lines[l]);
    for (let c = 0; c < at.length; c++) {
      const v = f[at[c]];
      cols[c][r] = v === undefined || v === "" ? NaN : Number(v);
    }
    r++;
  }
  return {
    recency_days: cols[0],
    frequency: cols[1],
    monetary: cols[2],
    mean_review_score: cols[3],
  };
}

/** The rows of a `cleaning.csv` text. */
export function cleaningRows(text: string): CleaningFileRow[] {
  const { header, rows } = csvTable(text);
  const col = (name: string) => header.indexOf(name);
  const [rule, table, n, action, share, description] = [
    "rule",
    "table",
    "rows",
    "action",
    "share",
    "description",
  ].map(col);
  return rows.map((f) => ({
    rule: f[rule],
    table: f[table],
    rows: Number(f[n]),
    action: f[action],
    share: Number(f[share]),
    description: f[description] ?? "",
  }));
}

/**
 * Reads the result files of `dir`; a missing required file is a {@link UsageError} saying to run
 * `npm start` first.
 *
 * @example
 * const sources = readDeckSources("reports");
 */
export function readDeckSources(dir: string): DeckSources {
  const missing = REQUIRED_FILES.filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new UsageError(
      `${dir} has no ${missing.join(", ")}: run npm start first (it writes the result files the slides are made from).`,
    );
  }
  const json: DeckSources["json"] = {};
  for (const f of [BRIEF_INPUT_FILE, "metrics.json", "model.json"]) json[f] = readJson(dir, f);
  for (const f of OPTIONAL_FILES) {
    if (existsSync(path.join(dir, f))) json[f] = readJson(dir, f);
  }
  return {
    dir,
    brief: json[BRIEF_INPUT_FILE] as unknown as BriefInput,
    cleaning: cleaningRows(readText(dir, "cleaning.csv")),
    customers: customerColumns(readText(dir, "customers.csv")),
    json,
  };
}
