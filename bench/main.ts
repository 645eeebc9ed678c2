/**
 * Benchmark of the main job (`npm start`) on the full-scale Olist twin: time and peak memory of each
 * stage and of the whole job, without notebooks (target < 30 s) and with notebooks and figures
 * (target < 3 min). Prints a table and saves the figures as JSON (default
 * reports/bench/main-job.json). Each run writes into a temporary folder, removed afterwards.
 *
 *   npm run bench -- [--skip-notebooks] [--json FILE] [--workers N]
 *
 * Memory: the peak resident set of the Node process during each stage (sampled by a thread, see
 * src/util/memory.ts); for the notebooks, the peak of the largest kernel (each notebook runs in its
 * own kernel process, two at a time).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readTwinMarker } from "../src/data/twinMarker.js";
import type { MainJobResult } from "../src/pipeline/mainJob.js";
import { runMainJob, stageTable } from "../src/pipeline/mainJob.js";
import { DEFAULT_TWIN_SEED, writeOlistTwin } from "../src/twin/index.js";
import { projectPath } from "../src/util/paths.js";

const { values } = parseArgs({
  options: {
    "skip-notebooks": { type: "boolean", default: false },
    json: { type: "string", default: projectPath("reports", "bench", "main-job.json") },
    workers: { type: "string" },
  },
});
const workers = values.workers === undefined ? undefined : Number(values.workers);

const twinDir = projectPath("data", "twin");
let twinSeconds: number | null = null;
if (!readTwinMarker(twinDir)) {
  const start = performance.now();
  await writeOlistTwin({ outDir: twinDir, seed: DEFAULT_TWIN_SEED });
  twinSeconds = (performance.now() - start) / 1000;
  console.log(`twin generated in ${twinSeconds.toFixed(1)} s (first use)`);
}

const runs: { name: string; target: string; result: MainJobResult }[] = [];
const variants = values["skip-notebooks"]
  ? [{ name: "without notebooks", skip: true, target: "< 30 s" }]
  : [
      { name: "without notebooks", skip: true, target: "< 30 s" },
      { name: "with notebooks and figures", skip: false, target: "< 180 s" },
    ];
for (const v of variants) {
  const out = mkdtempSync(path.join(tmpdir(), "olist-bench-main-"));
  try {
    console.log(`\n== npm start, ${v.name} (full-scale twin) ==`);
    const result = await runMainJob({
      data: twinDir,
      out,
      skipNotebooks: v.skip,
      workers,
      log: () => {},
      progress: "off",
    });
    if (result.failedNotebooks.length > 0)
      throw new Error(`notebooks failed: ${result.failedNotebooks.join(", ")}`);
    console.log(stageTable(result));
    console.log(
      `  → ${result.seconds.toFixed(1)} s (target ${v.target}), peak ${result.peakMb} MB` +
        (result.kernelPeakMb ? `, largest notebook kernel ${result.kernelPeakMb} MB` : ""),
    );
    runs.push({ name: v.name, target: v.target, result });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const report = {
  kind: "olist-main-job-benchmark",
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
  },
  data: "full-scale Olist twin (synthetic), data/twin",
  twinGenerationSeconds: twinSeconds,
  runs: runs.map((r) => ({
    name: r.name,
    target: r.target,
    seconds: r.result.seconds,
    peakMb: r.result.peakMb,
    kernelPeakMb: r.result.kernelPeakMb,
    stages: r.result.stages,
  })),
};
mkdirSync(path.dirname(values.json), { recursive: true });
writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nSaved ${path.relative(process.cwd(), values.json)}`);
