/**
 * Opening the data for a command or a notebook: the data layer's loader (src/data/load.ts) with the
 * twin fallback on top. When no real data are found and the twin folder is empty, the full-scale
 * Olist twin is generated there once (through a temporary folder), then loaded.
 */
import { chooseDataDir } from "../data/locate.js";
import { loadOlist } from "../data/load.js";
import type { LoadOlistOptions, OlistData } from "../data/load.js";
import { OlistDataError } from "../data/errors.js";
import { readTwinMarker, TWIN_MARKER_FILE } from "../data/twinMarker.js";
import { DEFAULT_TWIN_SEED } from "../twin/generate.js";
import { writeOlistTwin } from "../twin/write.js";
import { writeFilesAtomic } from "../util/atomicWrite.js";

/** Options of {@link openOlist}. */
export interface OpenOlistOptions extends LoadOlistOptions {
  /**
   * Generate the twin when the twin folder is chosen but empty (default true). Generation of the
   * full-scale twin takes a few seconds and happens once.
   */
  generateTwin?: boolean;
}

/**
 * Finds the data (see `chooseDataDir`), generates the twin if it is the fallback and missing, then
 * loads and validates the nine tables ({@link loadOlist}) and prints the source. `seconds` counts
 * the generation too.
 *
 * @example
 * const { db, source } = await openOlist();
 * await db.rows("SELECT order_status, count(*) AS n FROM orders GROUP BY 1");
 */
export async function openOlist(options: OpenOlistOptions = {}): Promise<OlistData> {
  const start = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const { dir, chosenBy, searched } = chooseDataDir(options);
  if (chosenBy === "twin-default" && !readTwinMarker(dir)) {
    if (options.generateTwin === false) {
      throw new OlistDataError(
        `No Olist data found (searched ${searched.join(", ")}) and twin generation is off.`,
      );
    }
    log(`No real Olist data found; generating the synthetic Olist twin in ${dir} (once) …`);
    // Through a temporary folder: an interrupted generation leaves no half-written twin.
    await writeFilesAtomic(dir, (tmp) => writeOlistTwin({ outDir: tmp, seed: DEFAULT_TWIN_SEED }), [
      TWIN_MARKER_FILE,
    ]);
  }
  const data = await loadOlist(options);
  return { ...data, seconds: (performance.now() - start) / 1000 };
}
