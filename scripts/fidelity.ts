/**
 * CLI: fidelity report of an Olist folder (the twin by default) against the calibration targets
 * and, when present, the complete real files.
 *
 *   npm run data:fidelity -- [--data data/twin] [--real ../shared/olist]
 */
import { existsSync } from "node:fs";
import { fidelityReport, formatFidelity } from "../src/twin/fidelity.js";
import { parseFlags, runCommand } from "../src/util/cli.js";

const USAGE = "Usage: npm run data:fidelity -- [--data DIR] [--real DIR_WITH_REAL_FILES]";

runCommand("data:fidelity", async () => {
  const flags = parseFlags("data:fidelity", USAGE, {
    data: { type: "string", default: "data/twin" },
    real: { type: "string" },
  });
  const data = flags.data as string;
  const real = flags.real ?? (existsSync("../shared/olist") ? "../shared/olist" : undefined);
  const lines = await fidelityReport({ dataDir: data, realDir: real });
  console.log(formatFidelity(lines));
  const out = lines.filter((l) => !l.pass);
  console.log(`\n${lines.length - out.length}/${lines.length} statistics within tolerance`);
  process.exit(out.length === 0 ? 0 : 2);
});
