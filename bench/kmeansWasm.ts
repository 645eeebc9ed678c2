/**
 * The wasm SIMD k-means kernels (src/cluster/wasmKernels.ts) against the JavaScript ones, in one
 * process, interleaved (JS, wasm, JS, wasm…, the order alternating per round) so that the load of a
 * shared machine falls on both alike: the whole serial `kmeans(matrix, k, { nInit: 10, seed: 0 })`
 * and each hot kernel alone, wall and CPU time, medians after warm-up, with the load average.
 *
 * Data: 93,000 × 6 rows shaped like the Olist customer table (as bench/kmeansVsSklearn.ts).
 *
 *   node --import tsx bench/kmeansWasm.ts [--rounds 7] [--k 6] [--cols 6]
 */
import { deepStrictEqual } from "node:assert/strict";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { candidateBatch } from "../src/cluster/candidateBatch.js";
import { kmeans } from "../src/cluster/kmeans.js";
import { kmeansKernels } from "../src/cluster/kmeansKernels.js";
import {
  setWasmKernels,
  wasmCandidateBatch,
  wasmKernels,
  wasmSimdSupported,
} from "../src/cluster/wasmKernels.js";
import { median } from "../src/util/stats.js";
import { makeBlobs } from "../test/helpers/makeBlobs.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "7" },
    k: { type: "string", default: "6" },
    cols: { type: "string", default: "6" },
  },
});
const rounds = Number(values.rounds);
const k = Number(values.k);
const cols = Number(values.cols);
if (!wasmSimdSupported()) throw new Error("this runtime has no wasm SIMD");
const { matrix } = makeBlobs(93_000, cols, {
  centers: 6,
  skew: 0.5,
  clusterStd: 1,
  spread: 4,
  seed: 2024,
});
const n = matrix.rows;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
console.log(`data ${n} × ${cols}, k = ${k}, ${rounds} interleaved rounds; load ${load()}`);

/** Wall and CPU milliseconds of `f` (CPU of the whole process: no worker threads run here). */
const measure = (f: () => unknown): [number, number] => {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const used = process.cpuUsage(c);
  return [performance.now() - t, (used.user + used.system) / 1000];
};

/** Runs the two variants interleaved and prints the medians. */
function compare(label: string, js: () => unknown, wasm: () => unknown, warm = 2): void {
  for (let w = 0; w < warm; w++) {
    js();
    wasm();
  }
  const wall: Record<string, number[]> = { js: [], wasm: [] };
  const cpu: Record<string, number[]> = { js: [], wasm: [] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (["js", "wasm"] as const) : (["wasm", "js"] as const);
    for (const which of order) {
      const [w, c] = measure(which === "js" ? js : wasm);
      wall[which].push(w);
      cpu[which].push(c);
    }
  }
  const [wj, ww, cj, cw] = [median(wall.js), median(wall.wasm), median(cpu.js), median(cpu.wasm)];
  console.log(
    `${label}: JS ${wj.toFixed(1)} ms (cpu ${cj.toFixed(1)}), wasm ${ww.toFixed(1)} ms (cpu ${cw.toFixed(1)}); ` +
      `wasm/JS wall ${(ww / wj).toFixed(2)}, cpu ${(cw / cj).toFixed(2)}; load ${load()}`,
  );
}

// The whole fit, as the pipeline calls it (same result checked).
const fit = { nInit: 10, seed: 0 };
const withKernels = (on: boolean) => () => {
  setWasmKernels(on);
  return kmeans(matrix, k, fit);
};
deepStrictEqual(withKernels(true)(), withKernels(false)());
compare(
  `kmeans(${n} × ${cols}, k = ${k}, nInit 10), whole serial fit`,
  withKernels(false),
  withKernels(true),
);

// The kernels alone, one pass over the rows against fixed centres (the wasm ones on rows in the
// wasm memory, as in a fit). Ten passes per sample.
const js = kmeansKernels(cols, k);
const wasm = wasmKernels(cols, k);
if (!wasm) throw new Error(`no wasm kernels for d = ${cols}, k = ${k}`);
const centers = new Float64Array(k * cols);
for (let c = 0; c < k; c++)
  centers.set(matrix.data.subarray(c * 997 * cols, (c * 997 + 1) * cols), c * cols);
const rows = wasm.rows(matrix.data);
const kernelArrays = (on: "js" | "wasm") => {
  const side = on === "js" ? js : wasm;
  return {
    data: on === "js" ? matrix.data : rows,
    labels: side.int32(`bench:${on}:labels`, n).fill(0),
    upper: side.float64(`bench:${on}:upper`, n),
    lower: side.float64(`bench:${on}:lower`, n),
    sums: new Float64Array(k * cols),
    counts: new Float64Array(k),
  };
};
const a = { js: kernelArrays("js"), wasm: kernelArrays("wasm") };
const ten = (f: () => unknown) => () => {
  for (let q = 0; q < 10; q++) f();
};
const plain = (on: "js" | "wasm") => {
  const { data, labels, sums, counts } = a[on];
  const side = on === "js" ? js : wasm;
  return ten(() => side.assignPlainSums(data, n, centers, k, labels, sums.fill(0), counts.fill(0)));
};
compare("assignPlainSums, 10 passes", plain("js"), plain("wasm"));
const full = (on: "js" | "wasm") => {
  const { data, labels, upper, lower, sums, counts } = a[on];
  const side = on === "js" ? js : wasm;
  return ten(() =>
    side.assignFull(data, n, centers, k, labels, upper, lower, sums.fill(0), counts.fill(0)),
  );
};
compare("assignFull, 10 passes", full("js"), full("wasm"));
// Hamerly with the bounds of a full pass and no centre move: every row's bound check, some rescans.
const halfGap = new Float64Array(k).fill(0.5);
const moved = new Float64Array(k);
const hamerly = (on: "js" | "wasm") => {
  const { data, labels, upper, lower, sums, counts } = a[on];
  const side = on === "js" ? js : wasm;
  const u0 = upper.slice();
  const l0 = lower.slice();
  return ten(() => {
    upper.set(u0);
    lower.set(l0);
    side.assignHamerly(data, n, centers, k, labels, upper, lower, halfGap, moved, 0, sums, counts);
  });
};
compare("assignHamerly (after a full pass), 10 passes", hamerly("js"), hamerly("wasm"));
const trials = 2 + Math.floor(Math.log(k));
const wasmBatch = wasmCandidateBatch(cols, trials);
if (!wasmBatch) throw new Error("no wasm candidate batch");
const candidates = Int32Array.from({ length: trials }, (_, t) => 1000 * t + 17);
const batch = (on: "js" | "wasm") => {
  const side = on === "js" ? js : wasm;
  const closest = side.float64(`bench:${on}:closest`, n).fill(50);
  const outs = Array.from({ length: trials }, (_, t) => side.float64(`bench:${on}:out${t}`, n));
  const pots = new Float64Array(trials);
  const run = on === "js" ? candidateBatch(cols, trials) : wasmBatch;
  const data = on === "js" ? matrix.data : rows;
  return ten(() => run(data, n, candidates, closest, outs, pots));
};
compare(`candidateBatch (${trials} trials), 10 passes`, batch("js"), batch("wasm"));
