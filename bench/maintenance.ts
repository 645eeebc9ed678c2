/**
 * Benchmark of the default maintenance simulation (chosen segmentation: 5 seeds, 3 rolling origins,
 * weekly dates to the last delivered purchase) on the data the loader finds (real Olist or the
 * full-scale twin). Prints the seconds (total and in the customer tables), the decision and the
 * peak memory. Target: under 60 s on the full-scale twin.
 *
 *   node --import tsx bench/maintenance.ts [--data DIR] [--workers N]
 *
 * --workers 0 runs every refit on the main thread (the sequential path, for comparison).
 */
import { parseArgs } from "node:util";
import { openOlist } from "../src/data/load.js";
import { simulateMaintenance } from "../src/maintenance/index.js";
import { chosenSegmentation } from "../src/segments/chosen.js";
import { minOf } from "../src/util/arrayStats.js";

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

start = performance.now();
const result = await simulateMaintenance(db, {
  // The chosen segmentation's features, transform, k and restarts (its seed is one of the seeds).
  ...chosenSegmentation(),
  workers,
});
const seconds = (performance.now() - start) / 1000;
db.close();

const o = result.options;
const refits = result.dates.length * o.seeds.length;
console.log(
  `simulation: ${o.origins.length} origins × ${o.seeds.length} seeds, ${result.dates.length} dates ` +
    `(${result.dates[0].date.toISOString().slice(0, 10)} → ${o.end.toISOString().slice(0, 10)}), ` +
    `${refits} refits (k = ${o.k}, nInit ${o.nInit}), ${result.workers} worker(s)`,
);
console.log(
  `time: ${seconds.toFixed(1)} s (target < 60 s); customer tables ${result.tableSeconds.toFixed(1)} s; ` +
    `${((1000 * seconds) / refits).toFixed(0)} ms per refit overall`,
);
const d = result.decision;
console.log(
  `decision (ARI < ${d.threshold}): median ${d.median} d, min ${d.min} d, max ${d.max} d, ` +
    `never below in ${d.neverBelow} of ${d.perRun.length} runs; noise floor min ` +
    `${minOf(result.dates.map((x) => x.noise)).toFixed(3)}`,
);
console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
