/**
 * Benchmark: where the time of `npm run segment` goes. Runs the command's own function
 * (`segmentCommand`, scripts/segment.ts) with the same flags, and a stage clock on its stages: data,
 * checksums, customer table, model selection, segment model, assignments, metrics (silhouette),
 * cleaning report, maintenance study, files. Prints the command's lines, then seconds, peak RSS
 * (of this process, sampled by a worker thread) and CPU seconds per stage, and the load average.
 *
 *   npm run bench:segment-stages -- --data data/scale/twin-9609600 --out /tmp/seg100
 *
 * The figures of the 100× run in the README (issue 14) were measured this way, under
 * `/usr/bin/time -v`, with an empty `OLIST_CACHE_DIR`.
 */
import { loadavg } from "node:os";
import { segmentCommand } from "../scripts/segment.js";
import { StageClock, stageTable } from "../src/pipeline/stages.js";

const argv = process.argv.slice(2).filter((a) => a !== "--");
const stamp = () => new Date().toISOString().slice(11, 19);
const cpu: { stage: string; cpuSeconds: number; load: number }[] = [];
let cpuAt = process.cpuUsage();
let current = "";
const endCpu = () => {
  if (current === "") return;
  const used = process.cpuUsage(cpuAt);
  cpu.push({ stage: current, cpuSeconds: (used.user + used.system) / 1e6, load: loadavg()[0] });
};
const clock = new StageClock((stage) => {
  endCpu();
  current = stage;
  cpuAt = process.cpuUsage();
  console.log(`[${stamp()}] ${stage} … (load ${loadavg()[0].toFixed(2)})`);
});
await segmentCommand(
  argv,
  (line) => console.log(line),
  (stage) => clock.start(stage),
);
endCpu();
await clock.close();
const peakMb = clock.records.reduce((m, r) => Math.max(m, r.peakMb), 0);
console.log("\nstage                          seconds   peak RSS");
console.log(stageTable({ stages: clock.records, seconds: clock.elapsedSeconds, peakMb }));
console.log("\nstage                          CPU s (main process, all threads)   load at end");
for (const c of cpu) {
  console.log(
    `  ${c.stage.padEnd(28)} ${c.cpuSeconds.toFixed(1).padStart(7)}   ${c.load.toFixed(2)}`,
  );
}
