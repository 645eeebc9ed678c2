/**
 * Benchmark: full-scale Olist twin generation and writing. Prints seconds per phase, peak memory
 * (maxRSS) and the bytes written. Usage: node --import tsx bench/twin.ts [customers] [runs]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TWIN_CUSTOMERS, DEFAULT_TWIN_SEED, writeOlistTwin } from "../src/twin/index.js";

const customers = Number(process.argv[2] ?? DEFAULT_TWIN_CUSTOMERS);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "olist-twin-bench-"));
try {
  for (let r = 1; r <= runs; r++) {
    const s = await writeOlistTwin({ outDir: dir, seed: DEFAULT_TWIN_SEED, customers });
    const mb = Object.values(s.bytes).reduce((a, b) => a + b, 0) / 1e6;
    console.log(
      `run ${r}: customers=${customers} generate ${s.seconds.generate.toFixed(2)} s, ` +
        `write ${s.seconds.write.toFixed(2)} s, total ${s.seconds.total.toFixed(2)} s, ` +
        `${mb.toFixed(1)} MB written`,
    );
  }
  // maxRSS is in kilobytes on Linux.
  console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
