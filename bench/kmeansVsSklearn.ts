/**
 * k-means against scikit-learn in the same run (issue 14's target: ours at most half of
 * scikit-learn's time), shared by bench/cluster.ts and bench/scale.ts.
 *
 * Data: 93,000 × 6 rows shaped like the Olist customer table (six skewed blobs, seeded), k = 6,
 * 10 restarts. Ours: `kmeans` on this thread and `kmeansParallel` on the shared worker pool, each
 * after one untimed call (the pool's threads started and the kernels compiled, as in a command
 * that fits more than once); scikit-learn 1.2 (Debian's python3-sklearn) in bench/sklearn_kmeans.py,
 * after one untimed fit. The figure compared is the median wall time of `repeats` fits of each.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { kmeans } from "../src/cluster/kmeans.js";
import { kmeansParallel } from "../src/cluster/kmeansParallel.js";
import { makeBlobs } from "../test/helpers/makeBlobs.js";
import { sharedWorkerPool } from "../src/util/sharedWorkerPool.js";
import { shareFloat64 } from "../src/util/workerPool.js";
import { median } from "../src/util/stats.js";

/** The figures of one comparison (seconds). */
export interface KMeansComparison {
  rows: number;
  cols: number;
  k: number;
  nInit: number;
  threads: number;
  /** First kmeansParallel call of the process: threads started, worker modules loaded. */
  coldParallel: number;
  serial: number[];
  parallel: number[];
  inertia: number;
  /** scikit-learn's timed fits, or why they were skipped. */
  sklearn: { wall: number[]; cpu: number[]; inertia: number } | { skipped: string };
}

/** Median of a list (the toolbox's one median, `src/util/stats.ts`). */
export { median };

const seconds = async (f: () => unknown): Promise<number> => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

/**
 * Runs the comparison.
 *
 * @example
 * const c = await compareKMeans({ repeats: 5 });
 */
export async function compareKMeans(options: { repeats?: number } = {}): Promise<KMeansComparison> {
  const { repeats = 5 } = options;
  const rows = 93_000;
  const cols = 6;
  const k = 6;
  const nInit = 10;
  const { matrix } = makeBlobs(rows, cols, {
    centers: 6,
    skew: 0.5,
    clusterStd: 1,
    spread: 4,
    seed: 2024,
  });
  const shared = { ...matrix, data: shareFloat64(matrix.data) };
  const pool = sharedWorkerPool();
  const fit = { nInit, seed: 0 };
  const coldParallel = await seconds(() => kmeansParallel(shared, k, { ...fit, pool }));
  kmeans(matrix, k, fit); // compiles the kernels on this thread
  const serial: number[] = [];
  const parallel: number[] = [];
  let inertia = NaN;
  for (let r = 0; r < repeats; r++) {
    serial.push(await seconds(() => (inertia = kmeans(matrix, k, fit).inertia)));
    parallel.push(await seconds(() => kmeansParallel(shared, k, { ...fit, pool })));
  }
  let sklearn: KMeansComparison["sklearn"];
  const dir = mkdtempSync(path.join(tmpdir(), "bench-kmeans-"));
  try {
    const file = path.join(dir, "x.f64");
    writeFileSync(
      file,
      Buffer.from(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength),
    );
    const script = new URL("./sklearn_kmeans.py", import.meta.url).pathname;
    const out = execFileSync(
      "/usr/bin/python3",
      [script, file, String(cols), String(k), String(nInit), String(repeats)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    sklearn = JSON.parse(out) as { wall: number[]; cpu: number[]; inertia: number };
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    sklearn = { skipped: `${reason} (apt-get install python3-sklearn)` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    rows,
    cols,
    k,
    nInit,
    threads: pool.threads,
    coldParallel,
    serial,
    parallel,
    inertia,
    sklearn,
  };
}

/** Lines describing a comparison, ending with the target verdict. */
export function kmeansComparisonLines(c: KMeansComparison): string[] {
  const f = (s: number) => `${s.toFixed(3)} s`;
  const lines = [
    `k-means ${c.rows.toLocaleString("en-US")} × ${c.cols}, k = ${c.k}, ${c.nInit} restarts (median of ${c.serial.length}):`,
    `  ours, 1 thread            ${f(median(c.serial))}  inertia ${c.inertia.toFixed(3)}`,
    `  ours, ${c.threads} pool threads     ${f(median(c.parallel))}  (first call of the process ${f(c.coldParallel)})`,
  ];
  if ("skipped" in c.sklearn) {
    lines.push(`  scikit-learn              skipped: ${c.sklearn.skipped}`);
    return lines;
  }
  const sk = median(c.sklearn.wall);
  const ratio = median(c.parallel) / sk;
  lines.push(
    `  scikit-learn 1.2          ${f(sk)}  (cpu ${f(median(c.sklearn.cpu))})  inertia ${c.sklearn.inertia.toFixed(3)}`,
    `  target ours ≤ 0.5 × scikit-learn: ${ratio.toFixed(2)} × → ${ratio <= 0.5 ? "met" : "NOT met"}`,
  );
  return lines;
}
