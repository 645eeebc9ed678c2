/**
 * CLI: writes the Olist twin (nine synthetic CSV files with the Kaggle names and formats).
 *
 *   npm run data:twin -- [--out data/twin] [--seed 20180901] [--customers 96096]
 */
import { DEFAULT_TWIN_CUSTOMERS, DEFAULT_TWIN_SEED, writeOlistTwin } from "../src/twin/index.js";
import { integerFlag, parseFlags, runCommand } from "../src/util/cli.js";

const USAGE =
  "Usage: npm run data:twin -- [--out DIR] [--seed N] [--customers N]\n" +
  `  --out        output folder (default data/twin)\n` +
  `  --seed       random seed, an integer (default ${DEFAULT_TWIN_SEED})\n` +
  `  --customers  unique customers; other tables scale with it (default ${DEFAULT_TWIN_CUSTOMERS}, Kaggle scale)`;

runCommand("data:twin", async () => {
  const flags = parseFlags("data:twin", USAGE, {
    out: { type: "string", default: "data/twin" },
    seed: { type: "string" },
    customers: { type: "string" },
  });
  const out = flags.out as string;
  const seed = integerFlag("data:twin", USAGE, "seed", flags.seed) ?? DEFAULT_TWIN_SEED;
  const customers =
    integerFlag("data:twin", USAGE, "customers", flags.customers, 1) ?? DEFAULT_TWIN_CUSTOMERS;
  const summary = await writeOlistTwin({ outDir: out, seed, customers });
  console.log(`Olist twin (synthetic) written to ${out}  seed=${seed} customers=${customers}`);
  for (const [file, n] of Object.entries(summary.records)) {
    console.log(`  ${file.padEnd(44)} ${String(n).padStart(9)} records`);
  }
  const s = summary.seconds;
  console.log(
    `  generate ${s.generate.toFixed(2)} s, write ${s.write.toFixed(2)} s, total ${s.total.toFixed(2)} s`,
  );
});
