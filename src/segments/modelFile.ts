/**
 * Reading a `model.json` given on the command line (`--model`): the file must be readable JSON, a
 * self-consistent model with a matching checksum (`modelIntegrity.ts`); anything else is a
 * {@link UsageError} (exit 2) naming the file and the field, before any data is loaded.
 */
import { readFileSync } from "node:fs";
import { cannotRead, UsageError } from "../util/errors.js";
import { SegmentModel } from "./model.js";
import { checkModelJson, ModelFileError } from "./modelIntegrity.js";

/**
 * Reads, checks and builds the segment model saved in `file`.
 *
 * @example
 * const model = readModelFile("reports/model.json");
 */
export function readModelFile(file: string): SegmentModel {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(
      cannotRead(file, e, "give a model.json written by npm start or npm run segment"),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `${file} is not valid JSON (${(e as Error).message}); give a model.json written by npm start or npm run segment.`,
    );
  }
  try {
    checkModelJson(json, file);
    return SegmentModel.fromJSON(json);
  } catch (e) {
    if (e instanceof ModelFileError) throw new UsageError(e.message);
    throw new UsageError(
      `${file}: ${(e as Error).message}; give a model.json written by npm start or npm run segment.`,
    );
  }
}
