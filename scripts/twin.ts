/**
 * CLI: writes the Olist twin (nine synthetic CSV files with the Kaggle names and formats).
 *
 *   npm run data:twin -- [--out data/twin] [--seed 20180901] [--customers 96096]
 */
import { DEFAULT_TWIN_CUSTOMERS, DEFAULT_TWIN_SEED, writeOlistTwin } from "../src/twin/index.js";

const USAGE =
  "Usage: npm run data:twin -- [--out DIR] [--seed N] [--customers N]\n" +
  `  --out        output folder (default data/twin)\n` +
  `  --seed       random seed, an integer (default ${DEFAULT_TWIN_SEED})\n` +
  `  --customers  unique customers; other tables scale with it (default ${DEFAULT_TWIN_CUSTOMERS}, Kaggle scale)`;

function parseArgs(argv: string[]): { out: string; seed: number; customers: number } {
  const opts: { out: string; seed: number; customers: number } = {
    out: "data/twin",
    seed: DEFAULT_TWIN_SEED,
    customers: DEFAULT_TWIN_CUSTOMERS,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === "--out") opts.out = value;
    else if (flag === "--seed" || flag === "--customers") {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new Error(`${flag} must be an integer, got "${value}"`);
      opts[flag === "--seed" ? "seed" : "customers"] = n;
    } else throw new Error(`Unknown option "${flag}"\n${USAGE}`);
  }
  return opts;
}

try {
  const { out, seed, customers } = parseArgs(process.argv.slice(2));
  const summary = await writeOlistTwin({ outDir: out, seed, customers });
  console.log(`Olist twin (synthetic) written to ${out}  seed=${seed} customers=${customers}`);
  for (const [file, n] of Object.entries(summary.records)) {
    console.log(`  ${file.padEnd(44)} ${String(n).padStart(9)} records`);
  }
  const s = summary.seconds;
  console.log(
    `  generate ${s.generate.toFixed(2)} s, write ${s.write.toFixed(2)} s, total ${s.total.toFixed(2)} s`,
  );
} catch (e) {
  console.error(`data:twin failed: ${(e as Error).message}`);
  process.exit(1);
}
