/**
 * Clustering benchmark on synthetic data shaped like the Olist customer table (93,000 × 6, six
 * skewed Gaussian blobs, seeded). Prints timings, inertia and peak memory; compares k-means with
 * scikit-learn in the same run (bench/kmeansVsSklearn.ts) and with ml-kmeans. The exact silhouette
 * is timed on the calling thread and on 2 worker threads (same value, checked), and the sampled
 * estimate that takes over above 100,000 rows (estimateSilhouette) against it.
 *
 *   node --import tsx bench/cluster.ts [--skip-exact]
 */
import { kmeans as mlKmeans } from "ml-kmeans";
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

// (1) k-means k = 6, nInit = 10: ours on 1 thread and on the pool against scikit-learn, same run
const comparison = await compareKMeans({ repeats: 5 });
console.log(kmeansComparisonLines(comparison).join("\n"));
const [fit] = time(() => kmeans(matrix, 6, { nInit: 10, seed: 0 }));
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
const [ward, wardTime] = time(() => wardMicroClusters(matrix, 6, { microClusters: 300, seed: 0 }));
console.log(
  `wardMicroClusters(300 micro-clusters, k=6) [target: a few s]: ${fmt(wardTime)}, top merge height ${ward.linkage.at(-1)?.[2].toFixed(2)}`,
);

// (3) exact silhouette on all rows, on this thread and on 2 worker threads (the same fixed chunks,
// so the same value to the last bit), then the sampled estimate (10 × 20,000 rows) against it.
if (!process.argv.includes("--skip-exact")) {
  const [sil, silTime] = time(() => silhouetteScore(matrix, fit.labels));
  console.log(
    `exact silhouette on ${ROWS} rows, 1 thread: ${fmt(silTime)}, value ${sil.toFixed(6)}`,
  );
  const [par, parTime] = await timeAsync(() =>
    silhouetteScoreParallel(matrix, fit.labels, { workers: 2 }),
  );
  console.log(
    `exact silhouette on ${ROWS} rows, 2 workers: ${fmt(parTime)}, value ${par.toFixed(6)}, ` +
      `${par === sil ? "identical to" : "DIFFERENT from"} 1 thread, speed-up ×${(silTime / parTime).toFixed(2)}`,
  );
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
console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
