/**
 * CLI: writes the Olist twin (nine synthetic CSV files with the Kaggle names and formats).
 *
 *   npm run data:twin -- [--out data/twin] [--seed 20180901] [--customers 96096] [--tidy]
 *
 * The files are generated in a temporary folder beside the output and renamed into it once
 * complete (the marker TWIN.json last): an interrupted or failed run leaves the previous twin.
 */
import { DEFAULT_TWIN_CUSTOMERS, DEFAULT_TWIN_SEED, writeOlistTwin } from "../src/twin/index.js";
import { TWIN_MARKER_FILE } from "../src/data/twinMarker.js";
import { FLAG_LIMITS, integerFlag, parseFlags, runCommand } from "../src/util/cli.js";
import { writeFilesAtomic } from "../src/util/atomicWrite.js";
import { checkOutputFolder } from "../src/util/outputPath.js";

const USAGE =
  "Usage: npm run data:twin -- [--out DIR] [--seed N] [--customers N] [--tidy]\n" +
  `  --out        output folder (default data/twin)\n` +
  `  --seed       random seed, an integer (default ${DEFAULT_TWIN_SEED})\n` +
  `  --customers  unique customers, 1 to ${FLAG_LIMITS.customers}; other tables scale with it (default ${DEFAULT_TWIN_CUSTOMERS}, Kaggle scale)\n` +
  `  --tidy       the tidy twin, without the real data's quirks (default: quirks at their published rates)`;

runCommand(
  "data:twin",
  async () => {
    const flags = parseFlags("data:twin", USAGE, {
      out: { type: "string", default: "data/twin" },
      seed: { type: "string" },
      customers: { type: "string" },
      tidy: { type: "boolean", default: false },
    });
    const out = checkOutputFolder("--out", flags.out);
    const seed = integerFlag("data:twin", USAGE, "seed", flags.seed) ?? DEFAULT_TWIN_SEED;
    const customers =
      integerFlag("data:twin", USAGE, "customers", flags.customers, 1, FLAG_LIMITS.customers) ??
      DEFAULT_TWIN_CUSTOMERS;
    const summary = await writeFilesAtomic(
      out,
      (tmp) =>
        writeOlistTwin({
          outDir: tmp,
          seed,
          customers,
          tidy: flags.tidy === true,
          onShard: (i, n, s) => console.log(`  shard ${i + 1}/${n} written (${s.toFixed(1)} s)`),
        }),
      [TWIN_MARKER_FILE],
    );
    console.log(
      `Olist twin (synthetic${flags.tidy ? ", tidy" : ", with the release's quirks"}) written to ${flags.out}  seed=${seed} customers=${customers}`,
    );
    for (const [file, n] of Object.entries(summary.records)) {
      console.log(`  ${file.padEnd(44)} ${String(n).padStart(9)} records`);
    }
    if (summary.shards !== undefined) console.log(`  in ${summary.shards} shards (see TWIN.json)`);
    const s = summary.seconds;
    console.log(
      `  generate ${s.generate.toFixed(2)} s, write ${s.write.toFixed(2)} s, total ${s.total.toFixed(2)} s`,
    );
  },
  import.meta.url,
);
