/**
 * CLI: fidelity report of an Olist folder (the twin by default) against the calibration targets
 * and, when present, the complete real files.
 *
 *   npm run data:fidelity -- [--data data/twin] [--real ../shared/olist]
 */
import { existsSync } from "node:fs";
import { fidelityReport, formatFidelity } from "../src/twin/fidelity.js";

const USAGE = "Usage: npm run data:fidelity -- [--data DIR] [--real DIR_WITH_REAL_FILES]";

function parseArgs(argv: string[]): { data: string; real: string | undefined } {
  let data = "data/twin";
  let real: string | undefined = existsSync("../shared/olist") ? "../shared/olist" : undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === "--data") data = value;
    else if (flag === "--real") real = value;
    else throw new Error(`Unknown option "${flag}"\n${USAGE}`);
  }
  return { data, real };
}

try {
  const { data, real } = parseArgs(process.argv.slice(2));
  const lines = await fidelityReport({ dataDir: data, realDir: real });
  console.log(formatFidelity(lines));
  const out = lines.filter((l) => !l.pass);
  console.log(`\n${lines.length - out.length}/${lines.length} statistics within tolerance`);
  process.exit(out.length === 0 ? 0 : 2);
} catch (e) {
  console.error(`data:fidelity failed: ${(e as Error).message}`);
  process.exit(1);
}
