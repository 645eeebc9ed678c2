/**
 * Scale benchmark (issue 14): the Olist twin at 1×, 3× and 10× Kaggle's size, `npm run segment`
 * and `npm start -- --skip-notebooks` on each, time and peak memory, the slope of time against
 * customers, and every target of the issue against its figure, measured in this run:
 *
 * - k-means 93k × 6, k = 6, 10 restarts: at most half of scikit-learn's time (bench/kmeansVsSklearn.ts);
 * - `npm run segment` at 1×: at most 0.2 × the scikit-learn pipeline (bench/sklearn_pipeline.py),
 *   our silhouette computed (no cached silhouette), the selection and the maintenance study cached
 *   (scikit-learn's pipeline does neither);
 * - the model selection itself (computed, every cache cold) at most 15 s;
 * - `npm start -- --skip-notebooks` at 1× at most 20 s with only the selection cached (the
 *   silhouette, stability and maintenance study computed); the same with every cache warm is
 *   printed too;
 * - the modelling notebook at most 45 s (selection and maintenance study cached) and the
 *   maintenance notebook at most 30 s (its study computed), both headless at 1×;
 * - 10×: `npm start -- --skip-notebooks` completes, within 12 × its 1× time, peak memory ≤ 8 GB;
 *   `npm run segment` completes; `npm start` with the four notebooks completes (skip it with
 *   `--skip-full-start`, ~20 min on 2 cores).
 *
 * Every run says which caches it found: each scale gets its own empty cache folder
 * (`OLIST_CACHE_DIR`), so `npm run segment` there computes everything (selection, silhouette,
 * maintenance study), and the other runs are given copies of exactly the entries named.
 *
 *   npm run bench:scale -- [--scales 1,3,10] [--cache data/scale] [--skip-sklearn]
 *                          [--skip-notebooks] [--skip-full-start] [--json FILE]
 *
 * Twins are generated once per size with `npm run data:twin` into `<cache>/twin-<customers>`
 * (not committed) and regenerated when the twin's source (src/twin/) changes; the 1× twin in
 * data/twin is reused when it matches. Each command runs as a user runs it, in a fresh process,
 * under /usr/bin/time: time is wall-clock, peak memory the largest resident set of the process
 * tree. Logs go to reports/bench/scale/. The machine's load average is printed with every
 * figure: on a shared machine, figures measured under load are upper bounds.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_TWIN_CUSTOMERS, DEFAULT_TWIN_SEED } from "../src/twin/index.js";
import { readTwinMarker } from "../src/data/twinMarker.js";
import { projectPath } from "../src/util/paths.js";
import { compareKMeans, kmeansComparisonLines, median } from "./kmeansVsSklearn.js";

const { values } = parseArgs({
  options: {
    scales: { type: "string", default: "1,3,10" },
    cache: { type: "string", default: projectPath("data", "scale") },
    "skip-sklearn": { type: "boolean", default: false },
    "skip-notebooks": { type: "boolean", default: false },
    "skip-full-start": { type: "boolean", default: false },
    json: { type: "string", default: projectPath("reports", "bench", "scale.json") },
  },
});
const scales = values.scales.split(",").map(Number);
if (scales.some((s) => !(s > 0)))
  throw new Error(`--scales must list positive numbers, got ${values.scales}`);
const logDir = projectPath("reports", "bench", "scale");
mkdirSync(logDir, { recursive: true });
const load = () => loadavg()[0].toFixed(1);

/** A timed child process: wall seconds, peak resident set (MB), exit status, log file. */
interface Timed {
  seconds: number;
  peakMb: number;
  /** User + system CPU seconds of the command and its waited-for children (load-independent). */
  cpuSeconds: number;
  status: number;
  log: string;
  load: string;
}

/**
 * Runs a command under /usr/bin/time, output to a log file, with `env` added to the environment;
 * never throws on failure.
 */
function timed(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Timed {
  const log = path.join(logDir, `${name}.log`);
  const timeFile = path.join(logDir, `${name}.time`);
  const before = load();
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", "-o", timeFile, command, ...args], {
    cwd: projectPath(),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (run.error) throw new Error(`/usr/bin/time: ${run.error.message} (apt-get install time)`);
  writeFileSync(
    log,
    `$ ${command} ${args.join(" ")}\n${run.stdout}\n--- stderr ---\n${run.stderr}`,
  );
  const last = readFileSync(timeFile, "utf8").trim().split("\n").at(-1) ?? "";
  const [seconds, kb, user, system] = last.split(" ").map(Number);
  return {
    seconds,
    peakMb: Math.round(kb / 1024),
    cpuSeconds: user + system,
    status: run.status ?? -1,
    log,
    load: `${before}→${load()}`,
  };
}

/** Digest of the twin generator's source, so that a cached twin is regenerated when it changes. */
function twinSourceDigest(): string {
  const dir = projectPath("src", "twin");
  const hash = createHash("sha256");
  // Every file under src/twin/, sub-folders included (quirks/, tables/), in a fixed order.
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  for (const f of files) hash.update(f).update(readFileSync(path.join(dir, f)));
  return hash.digest("hex").slice(0, 16);
}

/** The twin with `customers` customers: cached, or generated now (with its time). */
function twin(customers: number): { dir: string; generated: Timed | null } {
  const digest = twinSourceDigest();
  const matches = (dir: string, stamp: boolean) => {
    const m = readTwinMarker(dir);
    if (!m || m.customers !== customers || m.seed !== DEFAULT_TWIN_SEED) return false;
    const file = path.join(dir, ".bench-source");
    return !stamp || (existsSync(file) && readFileSync(file, "utf8") === digest);
  };
  // data/twin is the project's own 1× twin, kept up to date by the commands that use it.
  if (customers === DEFAULT_TWIN_CUSTOMERS && matches(projectPath("data", "twin"), false))
    return { dir: projectPath("data", "twin"), generated: null };
  const dir = path.join(values.cache, `twin-${customers}`);
  if (matches(dir, true)) return { dir, generated: null };
  rmSync(dir, { recursive: true, force: true });
  const args = [
    "run",
    "--silent",
    "data:twin",
    "--",
    "--customers",
    String(customers),
    "--out",
    dir,
  ];
  const generated = timed(`twin-${customers}`, "npm", args);
  if (generated.status !== 0) throw new Error(`twin generation failed, see ${generated.log}`);
  writeFileSync(path.join(dir, ".bench-source"), digest);
  return { dir, generated };
}

/** The last lines of a failed run's log (the stack trace), for the report. */
function failure(t: Timed): string {
  const text = readFileSync(t.log, "utf8").trimEnd().split("\n");
  return text
    .slice(-12)
    .map((l) => `      ${l}`)
    .join("\n");
}

/** Stage lines printed by `npm start` ("Stages (seconds, peak memory):" up to "whole job"). */
function stageLines(t: Timed): string[] {
  const lines = readFileSync(t.log, "utf8").split("\n");
  const from = lines.findIndex((l) => l.startsWith("Stages"));
  const to = lines.findIndex((l) => l.includes("whole job"));
  return from >= 0 && to > from ? lines.slice(from + 1, to) : [];
}

console.log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at start`,
);

// npm start first rebuilds dist/ when a source changed (scripts/setup.sh): done here, untimed, so
// that no run pays a one-off build.
const setup = spawnSync("bash", ["scripts/setup.sh", "--quiet"], {
  cwd: projectPath(),
  stdio: "inherit",
});
if (setup.status !== 0) throw new Error(`scripts/setup.sh failed (exit ${setup.status})`);

// (1) k-means against scikit-learn, same run.
const kmeansFigures = await compareKMeans({ repeats: 5 });
console.log(`\n${kmeansComparisonLines(kmeansFigures).join("\n")}  (load ${load()})`);

// (2) the commands at every scale.
const ok = (t: Timed) => t.status === 0;

/** A new cache folder holding copies of the entries of `from` whose file names pass `keep`. */
function cacheCopy(from: string | null, keep: (file: string) => boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), "olist-bench-cache-"));
  if (from)
    for (const file of readdirSync(from).filter(keep))
      copyFileSync(path.join(from, file), path.join(dir, file));
  return dir;
}
/** Cache entries by kind: a file `selection-<key>.json` is of kind "selection". */
const kind = (file: string) => file.replace(/-[0-9a-f]+\.json$/, "");
const only =
  (...kinds: string[]) =>
  (file: string) =>
    kinds.includes(kind(file));
const allBut =
  (...kinds: string[]) =>
  (file: string) =>
    !kinds.includes(kind(file));

/** One line for a timed command: seconds, CPU seconds, peak memory, or how it failed. */
function report(label: string, t: Timed): void {
  console.log(
    `${label}: ${t.status === 0 ? `${t.seconds.toFixed(1)} s (cpu ${t.cpuSeconds.toFixed(1)} s), peak ${t.peakMb} MB` : `FAILED (exit ${t.status}) after ${t.seconds.toFixed(1)} s`} (load ${t.load})`,
  );
  if (t.status !== 0) console.log(failure(t));
}

/** The model selection's own seconds, from the selection.json a segment run wrote. */
function selectionSeconds(outDir: string): number | null {
  const file = path.join(outDir, "selection.json");
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, "utf8")) as { cached?: boolean; seconds?: number };
  return json.cached === false && typeof json.seconds === "number" ? json.seconds : null;
}

interface ScaleRun {
  scale: number;
  customers: number;
  twinDir: string;
  twinGenerated: Timed | null;
  /** `npm run segment` with every cache cold: selection, silhouette and maintenance study computed. */
  segment: Timed;
  /** The selection's own seconds in that run. */
  selectionSeconds: number | null;
  /** `npm start -- --skip-notebooks` with only the selection cached. */
  start: Timed;
  /** 1×: `npm run segment` with the silhouette computed, the selection and maintenance study cached. */
  segmentSilhouette?: Timed;
  /** 1×: `npm start -- --skip-notebooks` with every cache warm. */
  startWarm?: Timed;
  /** 1×: notebooks headless (`scripts/run_notebooks.py`), by name and cache state. */
  notebooks?: Record<string, Timed>;
  /** The largest scale ≥ 10×: `npm start` with the four notebooks, the segment run's caches. */
  fullStart?: Timed;
}
const runs: ScaleRun[] = [];
const largest = scales.reduce((a, b) => Math.max(a, b), -Infinity);
const cacheDirs: string[] = [];
for (const scale of scales) {
  const customers = Math.round(DEFAULT_TWIN_CUSTOMERS * scale);
  console.log(`\n== ${scale}×: ${customers.toLocaleString("en-US")} customers ==`);
  const { dir, generated } = twin(customers);
  console.log(
    generated
      ? `twin generated in ${generated.seconds.toFixed(1)} s, peak ${generated.peakMb} MB (load ${generated.load})`
      : `twin cached in ${path.relative(projectPath(), dir)}`,
  );
  const out = mkdtempSync(path.join(tmpdir(), "olist-bench-scale-"));
  const cache = cacheCopy(null, () => false);
  cacheDirs.push(cache);
  const withCache = (c: string) => ({ OLIST_CACHE_DIR: c });
  const segmentArgs = (o: string) => [
    "run",
    "--silent",
    "segment",
    "--",
    "--data",
    dir,
    "--out",
    o,
  ];
  const startArgs = (o: string, notebooks = false) => [
    "start",
    "--silent",
    "--",
    ...(notebooks ? [] : ["--skip-notebooks"]),
    "--data",
    dir,
    "--out",
    o,
  ];
  try {
    const segment = timed(
      `${scale}x-segment`,
      "npm",
      segmentArgs(path.join(out, "segment")),
      withCache(cache),
    );
    report("npm run segment, every cache cold", segment);
    const seconds = selectionSeconds(path.join(out, "segment"));
    if (seconds !== null) console.log(`  model selection (computed): ${seconds.toFixed(1)} s`);
    const run: ScaleRun = {
      scale,
      customers,
      twinDir: dir,
      twinGenerated: generated,
      segment,
      selectionSeconds: seconds,
      start: segment,
    };
    const selectionOnly = cacheCopy(cache, only("selection"));
    cacheDirs.push(selectionOnly);
    run.start = timed(
      `${scale}x-start`,
      "npm",
      startArgs(path.join(out, "start")),
      withCache(selectionOnly),
    );
    report("npm start -- --skip-notebooks, only the selection cached", run.start);
    if (ok(run.start)) for (const l of stageLines(run.start)) console.log(`  ${l.trim()}`);
    if (scale === 1) {
      const noSilhouette = cacheCopy(cache, allBut("silhouette"));
      cacheDirs.push(noSilhouette);
      run.segmentSilhouette = timed(
        "1x-segment-silhouette",
        "npm",
        segmentArgs(path.join(out, "segment-silhouette")),
        withCache(noSilhouette),
      );
      report(
        "npm run segment, silhouette computed (selection, maintenance study cached)",
        run.segmentSilhouette,
      );
      run.startWarm = timed(
        "1x-start-warm",
        "npm",
        startArgs(path.join(out, "start-warm")),
        withCache(selectionOnly),
      );
      report("npm start -- --skip-notebooks, every cache warm", run.startWarm);
      if (!values["skip-notebooks"]) {
        run.notebooks = {};
        const notebook = (name: string, label: string, cacheDir: string) => {
          const t = timed(
            `1x-notebook-${label.replace(/\W+/g, "-")}`,
            "/usr/bin/python3",
            [
              projectPath("scripts", "run_notebooks.py"),
              projectPath("notebooks", name),
              "--out",
              path.join(out, "notebooks", label.replace(/\W+/g, "-")),
              "--no-html",
            ],
            { ...withCache(cacheDir), OLIST_DATA_DIR: dir },
          );
          report(`${name}, ${label}`, t);
          run.notebooks![label] = t;
        };
        // After the runs above, selectionOnly holds every entry (as after npm start).
        const modellingCold = cacheCopy(selectionOnly, only("selection", "maintenance"));
        const maintenanceCold = cacheCopy(selectionOnly, allBut("maintenance"));
        cacheDirs.push(modellingCold, maintenanceCold);
        notebook("2_modelling.ipynb", "modelling, selection and study cached", modellingCold);
        // The warm runs reuse the folder of the cold run, which now also holds what it computed.
        notebook("2_modelling.ipynb", "modelling, every cache warm", modellingCold);
        notebook("3_maintenance.ipynb", "maintenance, study computed", maintenanceCold);
        notebook("3_maintenance.ipynb", "maintenance, every cache warm", maintenanceCold);
      }
    }
    if (scale === largest && scale >= 10 && !values["skip-full-start"]) {
      run.fullStart = timed(
        `${scale}x-start-notebooks`,
        "npm",
        startArgs(path.join(out, "start-notebooks"), true),
        withCache(cache),
      );
      report("npm start with the four notebooks, the segment run's caches", run.fullStart);
    }
    runs.push(run);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
for (const c of cacheDirs) rmSync(c, { recursive: true, force: true });

// (3) the scikit-learn pipeline on the 1× twin, same run.
const one = runs.find((r) => r.scale === 1);
let sklearnPipeline: (Timed & { stages?: Record<string, number> }) | { skipped: string } = {
  skipped: one ? "--skip-sklearn" : "no 1× run (--scales without 1)",
};
if (one && !values["skip-sklearn"]) {
  const script = projectPath("bench", "sklearn_pipeline.py");
  const t = timed("1x-sklearn-pipeline", "/usr/bin/python3", [script, one.twinDir]);
  if (t.status === 0) {
    const json = JSON.parse(readFileSync(t.log, "utf8").split("\n")[1]) as {
      seconds: Record<string, number>;
    };
    sklearnPipeline = { ...t, stages: json.seconds };
  } else {
    sklearnPipeline = {
      skipped: `failed (exit ${t.status}), see ${t.log}: apt-get install python3-sklearn python3-pandas`,
    };
  }
}

// (4) the table, the slope and the targets.
const cell = (t: Timed) =>
  ok(t)
    ? `${t.seconds.toFixed(1).padStart(7)} s ${String(t.peakMb).padStart(6)} MB`
    : "      FAILED      ";
console.log(
  `\nscale  customers   segment, caches cold  start --skip-notebooks, selection cached   (load)`,
);
for (const r of runs)
  console.log(
    `${`${r.scale}×`.padStart(4)}  ${r.customers.toLocaleString("en-US").padStart(9)}  ${cell(r.segment)}    ${cell(r.start)}   (${r.segment.load}, ${r.start.load})`,
  );
/** Least-squares slope of seconds against customers, in seconds per 100,000 customers. */
const slope = (pick: (r: ScaleRun) => Timed): number | null => {
  const points = runs.filter((r) => ok(pick(r))).map((r) => [r.customers / 1e5, pick(r).seconds]);
  if (points.length < 2) return null;
  const mx = points.reduce((a, p) => a + p[0], 0) / points.length;
  const my = points.reduce((a, p) => a + p[1], 0) / points.length;
  const sxy = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
  const sxx = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return sxy / sxx;
};
for (const [name, pick] of [
  ["npm run segment", (r: ScaleRun) => r.segment],
  ["npm start --skip-notebooks", (r: ScaleRun) => r.start],
] as const) {
  const s = slope(pick);
  console.log(
    `slope of ${name}: ${s === null ? "n/a (fewer than 2 completed runs)" : `${s.toFixed(2)} s per 100,000 customers`}`,
  );
}

const targets: { target: string; figure: string; met: boolean | null }[] = [];
const add = (target: string, figure: string, met: boolean | null) =>
  targets.push({ target, figure, met });
if ("skipped" in kmeansFigures.sklearn)
  add("k-means ≤ 0.5 × scikit-learn", kmeansFigures.sklearn.skipped, null);
else {
  const ratio = median(kmeansFigures.parallel) / median(kmeansFigures.sklearn.wall);
  add(
    "k-means ≤ 0.5 × scikit-learn",
    `${median(kmeansFigures.parallel).toFixed(3)} s vs ${median(kmeansFigures.sklearn.wall).toFixed(3)} s = ${ratio.toFixed(2)} ×`,
    ratio <= 0.5,
  );
}
const pipelineSegment = one?.segmentSilhouette;
if (pipelineSegment && ok(pipelineSegment) && !("skipped" in sklearnPipeline)) {
  const ratio = pipelineSegment.seconds / sklearnPipeline.seconds;
  add(
    "segment at 1× ≤ 0.2 × scikit-learn pipeline (silhouette computed; selection, study cached)",
    `${pipelineSegment.seconds.toFixed(1)} s vs ${sklearnPipeline.seconds.toFixed(1)} s = ${ratio.toFixed(2)} ×`,
    ratio <= 0.2,
  );
} else
  add(
    "segment at 1× ≤ 0.2 × scikit-learn pipeline",
    "skipped" in sklearnPipeline ? sklearnPipeline.skipped : "segment failed or not run",
    null,
  );
if (one) {
  add(
    "model selection at 1× (computed) ≤ 15 s",
    one.selectionSeconds === null ? "not computed" : `${one.selectionSeconds.toFixed(1)} s`,
    one.selectionSeconds === null ? null : one.selectionSeconds <= 15,
  );
  add(
    "npm start --skip-notebooks at 1× ≤ 20 s, only the selection cached",
    ok(one.start) ? `${one.start.seconds.toFixed(1)} s` : "failed",
    ok(one.start) ? one.start.seconds <= 20 : false,
  );
  if (one.startWarm)
    add(
      "npm start --skip-notebooks at 1× ≤ 20 s, every cache warm",
      ok(one.startWarm) ? `${one.startWarm.seconds.toFixed(1)} s` : "failed",
      ok(one.startWarm) ? one.startWarm.seconds <= 20 : false,
    );
  for (const [label, limit] of [
    ["modelling, selection and study cached", 45],
    ["modelling, every cache warm", 45],
    ["maintenance, study computed", 30],
    ["maintenance, every cache warm", 30],
  ] as const) {
    const t = one.notebooks?.[label];
    add(
      `${label.split(",")[0]} notebook at 1× ≤ ${limit} s (${label.split(", ")[1]})`,
      t ? (ok(t) ? `${t.seconds.toFixed(1)} s` : "failed") : "not run (--skip-notebooks)",
      t ? ok(t) && t.seconds <= limit : null,
    );
  }
}
const ten = runs.find((r) => r.scale === 10);
if (ten) {
  add(
    "10×: npm start --skip-notebooks completes",
    ok(ten.start) ? "completed" : `exit ${ten.start.status}`,
    ok(ten.start),
  );
  add(
    "10×: npm run segment completes",
    ok(ten.segment) ? "completed" : `exit ${ten.segment.status}`,
    ok(ten.segment),
  );
  if (one && ok(one.start) && ok(ten.start)) {
    const ratio = ten.start.seconds / one.start.seconds;
    add(
      "10× start ≤ 12 × 1× start",
      `${ten.start.seconds.toFixed(1)} s / ${one.start.seconds.toFixed(1)} s = ${ratio.toFixed(1)} ×`,
      ratio <= 12,
    );
  }
  add(
    "10×: npm start with the four notebooks completes",
    ten.fullStart
      ? ok(ten.fullStart)
        ? `completed in ${ten.fullStart.seconds.toFixed(1)} s, peak ${(ten.fullStart.peakMb / 1024).toFixed(2)} GB`
        : `exit ${ten.fullStart.status}`
      : "not run (--skip-full-start, or 10× is not the largest scale)",
    ten.fullStart ? ok(ten.fullStart) : null,
  );
  if (ok(ten.start))
    add(
      "10× start peak memory ≤ 8 GB",
      `${(ten.start.peakMb / 1024).toFixed(2)} GB`,
      ten.start.peakMb <= 8192,
    );
}
console.log(
  `\ntargets (load average now ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}):`,
);
for (const t of targets)
  console.log(`  ${t.met === null ? "n/a " : t.met ? "met " : "MISS"}  ${t.target}: ${t.figure}`);

mkdirSync(path.dirname(values.json), { recursive: true });
writeFileSync(
  values.json,
  `${JSON.stringify(
    {
      kind: "olist-scale-benchmark",
      machine: {
        cores: availableParallelism(),
        cpu: cpus()[0]?.model ?? "unknown",
        node: process.version,
      },
      kmeans: kmeansFigures,
      runs: runs.map((r) => ({ ...r, twinDir: path.relative(projectPath(), r.twinDir) })),
      sklearnPipeline,
      targets,
    },
    null,
    2,
  )}\n`,
);
console.log(
  `\nSaved ${path.relative(process.cwd(), values.json)}; logs in ${path.relative(process.cwd(), logDir)}/`,
);
