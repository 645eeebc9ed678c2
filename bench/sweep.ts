/**
 * Benchmark of the modelling notebook's k-means sweep (`sweepFeatureSets`: 4 feature sets × k =
 * 2..10, 10 restarts, scores and stability per fit) on the data the loader finds, without the
 * cache: on the calling thread (0 workers), then on a pool of `--workers` threads (default 2).
 * Prints wall and CPU seconds of each and checks that both give the same rows (but for seconds).
 *
 *   node --import tsx bench/sweep.ts [--data DIR] [--workers N]
 */
import { deepStrictEqual } from "node:assert/strict";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { benchCustomerTable } from "./customerTable.js";
import { FEATURE_SETS, featureSetMatrix } from "../src/segments/compare.js";
import { sweepFeatureSets, type SweepRow } from "../src/segments/comparisonTable.js";

const { values } = parseArgs({
  options: { data: { type: "string" }, workers: { type: "string", default: "2" } },
});
const table = await benchCustomerTable(values.data);
const matrices = FEATURE_SETS.map((s) => featureSetMatrix(table, s));
const runs: SweepRow[][] = [];
for (const workers of [0, Number(values.workers)]) {
  const load = loadavg()[0].toFixed(2);
  const cpu = process.cpuUsage();
  const start = performance.now();
  runs.push(await sweepFeatureSets(FEATURE_SETS, matrices, { workers }));
  const wall = (performance.now() - start) / 1000;
  // Worker threads' CPU is the process's: cpuUsage counts every thread.
  const used = process.cpuUsage(cpu);
  console.log(
    `sweep, ${workers} worker thread(s): ${runs.at(-1)?.length} fits in ${wall.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU (load average ${load})`,
  );
}
const scores = (rows: SweepRow[]) => rows.map(({ seconds: _s, ...r }) => r);
deepStrictEqual(scores(runs[1]), scores(runs[0]));
console.log("rows identical for both thread counts (seconds aside)");
