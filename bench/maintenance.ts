/**
 * Benchmark of the one maintenance study (design: MAINTENANCE_STUDY in src/maintenance/policy.ts)
 * on the data the loader finds (real Olist or the full-scale twin): the study computed (cold, into
 * an empty cache folder), then read back from that cache (warm), with the time in the customer
 * tables, the refits, the peak memory and the decision. The cold study has no target of its own:
 * it runs once per data set; the targets are the maintenance notebook (≤ 30 s) and
 * `npm start -- --skip-notebooks` (≤ 20 s) with the cache warm.
 *
 *   node --import tsx bench/maintenance.ts [--data DIR] [--workers N]
 *
 * --workers 0 runs every refit on the main thread (the sequential path, for comparison).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openOlist } from "../src/pipeline/openData.js";
import { recommendationText, runMaintenanceStudy } from "../src/maintenance/index.js";

const { values } = parseArgs({
  options: { data: { type: "string" }, workers: { type: "string" } },
});
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
  console.error(`bench/maintenance: --workers "${values.workers}" must be a whole number ≥ 0`);
  process.exit(2);
}

let start = performance.now();
const { db, source } = await openOlist({ dataDir: values.data, log: () => {} });
console.log(`data: ${source.description}`);
console.log(`load: ${((performance.now() - start) / 1000).toFixed(1)} s`);

const cacheDir = mkdtempSync(path.join(tmpdir(), "bench-maintenance-"));
try {
  start = performance.now();
  const cold = await runMaintenanceStudy(db, source, { workers, cacheDir });
  const coldSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const warm = await runMaintenanceStudy(db, source, { workers, cacheDir });
  const warmSeconds = (performance.now() - start) / 1000;
  const r = cold.report;
  const o = r.options;
  const refits = r.dates.length * o.seeds.length;
  console.log(
    `study: ${o.origins.length} origins × ${o.seeds.length} seeds = ${r.runs.length} runs, ${r.dates.length} dates ` +
      `(${r.dates[0].date.slice(0, 10)} → ${o.end.slice(0, 10)}), ${refits} refits + ${r.dates.length - 1} ` +
      `sampled checks (k = ${o.k}, nInit ${o.nInit}), ${o.workers} worker(s)`,
  );
  console.log(
    `cold: ${coldSeconds.toFixed(1)} s (simulation ${r.seconds.toFixed(1)} s, customer tables ` +
      `${r.tableSeconds.toFixed(1)} s, ${((1000 * r.seconds) / refits).toFixed(0)} ms per refit overall)`,
  );
  console.log(`warm (cached: ${warm.cached}): ${warmSeconds.toFixed(2)} s`);
  console.log(`decision: ${recommendationText(warm.recommendation)}`);
  console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  db.close();
  rmSync(cacheDir, { recursive: true, force: true });
}
