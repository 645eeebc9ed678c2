/**
 * The brief's input as a result file, `brief-input.json`: the plain data the brief was rendered
 * from (segment profiles, marketing table, revenue shares, retraining text), so that the slides and
 * anyone else can render from exactly the same values without recomputing them.
 */
import path from "node:path";
import { writeFileAtomic } from "../util/atomicWrite.js";
import type { BriefInput } from "./input.js";

/** File name of the brief's input in the output folder. */
export const BRIEF_INPUT_FILE = "brief-input.json";

/**
 * Writes `brief-input.json` into `dir` atomically and returns its path.
 *
 * @example
 * writeBriefInputFile("reports", input); // "reports/brief-input.json"
 */
export function writeBriefInputFile(dir: string, input: BriefInput): string {
  const file = path.join(dir, BRIEF_INPUT_FILE);
  writeFileAtomic(file, `${JSON.stringify(input, null, 2)}\n`);
  return file;
}
