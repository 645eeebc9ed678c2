/**
 * Clustering benchmark on synthetic data shaped like the Olist customer table (93,000 × 6, six
 * skewed Gaussian blobs, seeded). Prints timings, inertia and peak memory; compares k-means with
 * scikit-learn in the same run (bench/kmeansVsSklearn.ts) and with ml-kmeans. The exact silhouette
 * is timed on the calling thread and on 2 worker threads (same value, checked), and the sampled
 * estimate that takes over above 100,000 rows (estimateSilhouette) against it. Then the
 * silhouette's pair kernel alone, JavaScript against WebAssembly SIMD (20,000 × 4, 5 clusters,
 * interleaved rounds, same sums checked), and the exact silhouette with the wasm kernels off and
 * on, 1 thread and 2 workers, on these rows and, with `--twin <dir>`, on the model matrix of the
 * twin in `<dir>` (the chosen segmentation's 4 features, k = 5, as `npm run segment` measures it).
 * `--silhouette-only` skips the k-means parts.
 *
 *   node --import tsx bench/cluster.ts [--skip-exact] [--silhouette-only] [--twin data/twin]
 */
import { deepStrictEqual } from "node:assert/strict";
import { loadavg } from "node:os";
import { kmeans as mlKmeans } from "ml-kmeans";
import { setWasmKernels, wasmSimdSupported } from "../src/cluster/wasmKernels.js";
import type { Matrix } from "../src/cluster/matrix.js";
import { silhouetteDistanceSums } from "../src/metrics/silhouetteKernel.js";
import { customerFeatures } from "../src/features/customers.js";
import { openOlist } from "../src/pipeline/openData.js";
import { chosenSegmentation } from "../src/segments/chosen.js";
import { fitSegmentModelOnPool } from "../src/segments/model.js";
import { median } from "../src/util/stats.js";
import { kmeans } from "../src/cluster/kmeans.js";
import { matrixToRows } from "../src/cluster/matrix.js";
import { makeBlobs } from "../test/helpers/makeBlobs.js";
import { wardMicroClusters } from "../src/cluster/ward.js";
import { estimateSilhouette } from "../src/metrics/silhouetteEstimate.js";
import { compareKMeans, kmeansComparisonLines } from "./kmeansVsSklearn.js";
import {
  calinskiHarabaszScore,
  daviesBouldinScore,
  inertia,
  silhouetteSample,
  silhouetteScore,
  silhouetteScoreParallel,
} from "../src/metrics/index.js";

const ROWS = 93_000;
const COLS = 6;
const { matrix } = makeBlobs(ROWS, COLS, {
  centers: 6,
  skew: 0.5,
  clusterStd: 1,
  spread: 4,
  seed: 2024,
});
// Wall time, plus this process's CPU time (less sensitive to other processes on a shared machine;
// it adds up all threads, so with workers it exceeds the wall time).
let lastCpu = 0;
const time = <T>(f: () => T): [T, number] => {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  lastCpu = process.cpuUsage(c).user / 1e6;
  return [value, (performance.now() - t) / 1000];
};
const timeAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  lastCpu = process.cpuUsage(c).user / 1e6;
  return [value, (performance.now() - t) / 1000];
};
const fmt = (s: number) => `${s.toFixed(2)} s (cpu ${lastCpu.toFixed(2)} s)`;
console.log(`data: ${ROWS} × ${COLS}, 6 skewed blobs`);

const silhouetteOnly = process.argv.includes("--silhouette-only");
const [fit] = time(() => kmeans(matrix, 6, { nInit: 10, seed: 0 }));
if (!silhouetteOnly) await kmeansParts();

/** (1) and (2): k-means against scikit-learn and ml-kmeans, the k sweep and Ward. */
async function kmeansParts(): Promise<void> {
  // (1) k-means k = 6, nInit = 10: ours on 1 thread and on the pool against scikit-learn, same run
  const comparison = await compareKMeans({ repeats: 5 });
  console.log(kmeansComparisonLines(comparison).join("\n"));
  const [ml, mlTime] = time(() =>
    mlKmeans(matrixToRows(matrix), 6, { seed: 0, initialization: "kmeans++" }),
  );
  const mlLabels = Int32Array.from(ml.clusters);
  const mlInertia = inertia(matrix, mlLabels, {
    data: Float64Array.from(ml.centroids.flat()),
    rows: 6,
    cols: COLS,
  });
  console.log(
    `ml-kmeans 7 single run: ${fmt(mlTime)}, inertia ${mlInertia.toFixed(3)}, iterations ${ml.iterations}, converged ${ml.converged}`,
  );

  // (2) sweep k = 2..10 with DB, CH and a 10k-sample silhouette
  const [, sweepTime] = time(() => {
    for (let k = 2; k <= 10; k++) {
      const r = kmeans(matrix, k, { nInit: 10, seed: 0 });
      const db = daviesBouldinScore(matrix, r.labels);
      const ch = calinskiHarabaszScore(matrix, r.labels);
      const sil = silhouetteSample(matrix, r.labels, { sampleSize: 10_000, seed: 0 });
      console.log(
        `  k=${k}: inertia ${r.inertia.toFixed(1)}, DB ${db.toFixed(4)}, CH ${ch.toFixed(1)}, silhouette(10k) ${sil.toFixed(4)}`,
      );
    }
  });
  console.log(
    `sweep k=2..10 (nInit 10 + DB + CH + 10k silhouette) [target ≤ 13 s]: ${fmt(sweepTime)}`,
  );

  // Ward on 300 k-means micro-clusters
  const [ward, wardTime] = time(() =>
    wardMicroClusters(matrix, 6, { microClusters: 300, seed: 0 }),
  );
  console.log(
    `wardMicroClusters(300 micro-clusters, k=6) [target: a few s]: ${fmt(wardTime)}, top merge height ${ward.linkage.at(-1)?.[2].toFixed(2)}`,
  );
}

// (3) the silhouette's pair kernel alone: the JavaScript kernel against the wasm SIMD one.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
if (!wasmSimdSupported()) console.log("no wasm SIMD in this runtime: both runs are JavaScript");
{
  const rows = 20_000;
  const blobs = makeBlobs(rows, 4, { centers: 5, skew: 0.5, seed: 7 });
  // Cluster order, as silhouette.ts arranges the rows.
  const order = Array.from({ length: rows }, (_, i) => i).sort(
    (a, b) => blobs.labels[a] - blobs.labels[b] || a - b,
  );
  const data = new Float64Array(rows * 4);
  const codes = new Int32Array(rows);
  const starts = new Int32Array(6);
  order.forEach((i, p) => {
    data.set(blobs.matrix.data.subarray(i * 4, i * 4 + 4), p * 4);
    codes[p] = blobs.labels[i];
    starts[codes[p] + 1] = p + 1;
  });
  for (let c = 1; c <= 5; c++) starts[c] = Math.max(starts[c], starts[c - 1]);
  const run = (wasm: boolean) => {
    setWasmKernels(wasm);
    return silhouetteDistanceSums(data, rows, 4, codes, starts, 0, rows);
  };
  deepStrictEqual(run(true), run(false), "the two kernels' sums differ");
  const cpu: Record<"js" | "wasm", number[]> = { js: [], wasm: [] };
  for (let r = 0; r < 7; r++) {
    for (const which of r % 2 === 0 ? (["js", "wasm"] as const) : (["wasm", "js"] as const)) {
      time(() => run(which === "wasm"));
      cpu[which].push(lastCpu);
    }
  }
  setWasmKernels(true);
  const [js, wasm] = [median(cpu.js), median(cpu.wasm)];
  console.log(
    `silhouette pair kernel, ${rows} × 4, 5 clusters (${((rows * (rows - 1)) / 2 / 1e6).toFixed(0)} M pairs), ` +
      `median of 7 interleaved rounds: JavaScript cpu ${js.toFixed(3)} s, wasm SIMD cpu ${wasm.toFixed(3)} s ` +
      `(×${(js / wasm).toFixed(2)}), sums bit-identical; load ${load()}`,
  );
}

/**
 * The exact silhouette of `m` with the wasm kernels off, then on: 1 thread and 2 workers (the same
 * fixed chunks, so the same value to the last bit, checked). Returns the value.
 */
async function exactOffOn(label: string, m: Matrix, labels: Int32Array): Promise<number> {
  const scores: number[] = [];
  const seconds: number[] = [];
  for (const on of [false, true]) {
    setWasmKernels(on);
    const [one, oneTime] = time(() => silhouetteScore(m, labels));
    console.log(`${label}, wasm ${on ? "on " : "off"}, 1 thread: ${fmt(oneTime)}; load ${load()}`);
    // New workers read OLIST_WASM from the environment they start with.
    process.env.OLIST_WASM = on ? "1" : "0";
    const [two, twoTime] = await timeAsync(() =>
      silhouetteScoreParallel(m, labels, { workers: 2 }),
    );
    console.log(`${label}, wasm ${on ? "on " : "off"}, 2 workers: ${fmt(twoTime)}; load ${load()}`);
    scores.push(one, two);
    seconds.push(oneTime, twoTime);
  }
  delete process.env.OLIST_WASM;
  setWasmKernels(true);
  console.log(
    `${label}: value ${scores[0].toFixed(6)}, ` +
      `${scores.every((v) => v === scores[0]) ? "identical" : "DIFFERENT"} with wasm off and on, 1 and 2 threads; ` +
      `wasm on: 2 workers ×${(seconds[2] / seconds[3]).toFixed(2)} against 1 thread`,
  );
  return scores[0];
}

// (4) exact silhouette on all rows, wasm off and on, on this thread and on 2 worker threads, then
// the sampled estimate (10 × 20,000 rows) against it.
if (!process.argv.includes("--skip-exact")) {
  const par = await exactOffOn(`exact silhouette on ${ROWS} × ${COLS}`, matrix, fit.labels);
  const [est, estTime] = await timeAsync(() =>
    estimateSilhouette(matrix, fit.labels, { exactMaxRows: 0, seed: 0 }),
  );
  const [lo, hi] = est.interval ?? [NaN, NaN];
  console.log(
    `sampled silhouette (${est.repeats} × ${est.sampleSize} rows, shared pool): ${fmt(estTime)}, ` +
      `value ${est.value.toFixed(6)}, interval [${lo.toFixed(6)}, ${hi.toFixed(6)}] ` +
      `${lo <= par && par <= hi ? "contains" : "MISSES"} the exact value`,
  );
}

// (5) the same on the twin's model matrix.
const twinAt = process.argv.indexOf("--twin");
if (twinAt >= 0) {
  const dataDir = process.argv[twinAt + 1];
  const { db } = await openOlist({ dataDir, log: () => {} });
  const table = await customerFeatures(db);
  db.close();
  const model = await fitSegmentModelOnPool(table, chosenSegmentation());
  const { rows, cols } = model.matrix;
  await exactOffOn(
    `exact silhouette on the twin's model matrix (${dataDir}, ${rows} × ${cols}, k = 5)`,
    model.matrix,
    model.labels,
  );
}
console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
