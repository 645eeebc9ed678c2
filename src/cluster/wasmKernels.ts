/**
 * WebAssembly SIMD versions of the hottest k-means kernels (`assignPlainSums`, `assignFull`,
 * `assignHamerly` and the batched k-means++ candidate pass), bit-identical to the JavaScript
 * kernels of `kmeansKernels.ts` and `candidateBatch.ts` (why: `wasmKernelCode.ts`). The other
 * kernels of the set are the JavaScript ones, which read the same arrays.
 *
 * Data: the kernels read the rows, labels and bounds in place when they lie in the thread's wasm
 * memory (`wasmArena.ts`), which is where `lloyd` and `kmeansPlusPlus` put them (the rows copied
 * in once per fit with {@link KMeansKernels.rows}); other arrays are copied in and out around each
 * call, which keeps the kernels correct for any caller (the tests compare them on plain arrays).
 * The few centres (k × cols) are copied to the pair layout on every call.
 */
import { kmeansKernels as jsKernels } from "./kmeansKernels.js";
import type { KMeansKernels } from "./kmeansKernelTypes.js";
import {
  arenaFits,
  arenaFloat64,
  arenaInstance,
  arenaMemory,
  arenaReset,
  arenaSlot,
  inArena,
  stageIn,
  stageOut,
} from "./wasmArena.js";
import { ARENA_MAX_PAGES } from "./wasmArena.js";
import { assignModule, candidateModule, pairCount } from "./wasmKernelCode.js";
import { candidateBatch, type CandidateBatch } from "./candidateBatch.js";

/** Columns up to which the wasm kernels are generated (the centre pairs are held in locals). */
export const WASM_MAX_COLS = 16;
/** Centres up to which the wasm kernels are generated. */
export const WASM_MAX_K = 32;

let support: boolean | undefined;
let enabled = process.env.OLIST_WASM !== "0";

/** Whether this runtime has WebAssembly with SIMD and shared memory (Node 20: on by default). */
export function wasmSimdSupported(): boolean {
  if (support === undefined) {
    try {
      support =
        typeof WebAssembly === "object" &&
        WebAssembly.validate(assignModule(1, 1)) &&
        arenaMemory() instanceof WebAssembly.Memory;
    } catch {
      support = false;
    }
  }
  return support === true;
}

/**
 * Turns the wasm kernels on or off for this thread (for benchmarks and tests; both give the same
 * results). They start on unless the environment has `OLIST_WASM=0`. Returns the previous state.
 *
 * @example
 * const before = setWasmKernels(false); // JavaScript kernels from here on
 */
export function setWasmKernels(on: boolean): boolean {
  const before = enabled;
  enabled = on;
  return before;
}

/**
 * Whether the wasm kernels are on for this thread and this runtime supports them (what every
 * wasm kernel checks before it is used, e.g. the silhouette's pair kernel in `metrics/`).
 *
 * @example
 * const kernel = wasmKernelsOn() ? wasmVersion : jsVersion;
 */
export function wasmKernelsOn(): boolean {
  return enabled && wasmSimdSupported();
}

/** Writes `count` points (row-major, `d` columns) in the pair layout; +∞ in a missing lane. */
function writePairs(points: Float64Array, count: number, d: number, slot: string): number {
  const P = pairCount(count);
  const pairs = arenaFloat64(slot, P * d * 2);
  for (let p = 0; p < P; p++) {
    for (let lane = 0; lane < 2; lane++) {
      const c = 2 * p + lane;
      for (let t = 0; t < d; t++)
        pairs[(p * d + t) * 2 + lane] = c < count ? points[c * d + t] : Infinity;
    }
  }
  return pairs.byteOffset;
}

const cache = new Map<string, KMeansKernels>();

/**
 * The kernels for `d` columns and `k` centres with the assignment steps in wasm SIMD, or
 * `undefined` when wasm SIMD is unavailable or d, k are outside the generated range.
 *
 * @example
 * const kernels = wasmKernels(6, 6) ?? kmeansKernels(6, 6);
 */
export function wasmKernels(d: number, k: number): KMeansKernels | undefined {
  if (!enabled || d < 1 || d > WASM_MAX_COLS || k < 1 || k > WASM_MAX_K || !wasmSimdSupported())
    return undefined;
  const key = `${d}:${k}`;
  const known = cache.get(key);
  if (known) return known;
  const js = jsKernels(d, k);
  const wasm = arenaInstance(assignModule(d, k)) as {
    assignPlainSums: (...a: number[]) => number;
    assignFull: (...a: number[]) => number;
    assignHamerly: (...a: number[]) => number;
  };
  const sumsAt = (sums: Float64Array, counts: Float64Array) => [
    stageIn(sums, "sums", true),
    stageIn(counts, "counts", true),
  ];
  // Rows too many for the wasm memory go to the JavaScript kernels (checked per call).
  const tooBig = (data: Float64Array) => !inArena(data) && !arenaFits(4 * data.byteLength);
  const kernels: KMeansKernels = {
    ...js,
    // With these kernels a run that starts plain and switches to the bounds late beats the bounds
    // throughout for every k measured (93k rows, 10 restarts, CPU, 2026-12-03: 4 cols k = 5…16 and
    // 6 cols k = 5…16, e.g. 6 cols k = 10 1.08 s vs 1.23 s, k = 16 1.86 s vs 2.03 s).
    switchMaxWork: Infinity,
    // With few centres the SIMD scan of all k is cheaper per row than the bounds' scalar
    // bookkeeping, even in the last iterations where most rows keep their centre: measured on the
    // 1× twin's customer table (96k rows, 8 restarts, CPU ms per iteration, plain against switch,
    // 2026-12-04, load 1.3): 4 cols k = 5 0.53 vs 0.84, k = 12 0.88 vs 1.21, k = 16 1.15 vs 1.25,
    // k = 20 1.49 vs 1.39; 6 cols k = 6 0.78 vs 0.91, k = 8 0.90 vs 0.90, k = 12 1.20 vs 1.16;
    // 8 cols k = 6 1.00 vs 1.23, k = 8 1.20 vs 1.21, k = 10 1.43 vs 1.13. The crossing is near
    // k·cols = 64.
    plainMaxWork: 64,
    assignPlainSums(data, n, centers, kk, labels, sums, counts) {
      if (tooBig(data)) return js.assignPlainSums(data, n, centers, kk, labels, sums, counts);
      const pairs = writePairs(centers, k, d, "wasm:pairs");
      const dataAt = stageIn(data.subarray(0, n * d), "data", true);
      const labelsAt = stageIn(labels.subarray(0, n), "labels", true);
      const [s, c] = sumsAt(sums, counts);
      const changes = wasm.assignPlainSums(dataAt, n, pairs, labelsAt, s, c);
      stageOut(labels.subarray(0, n), labelsAt);
      stageOut(sums, s);
      stageOut(counts, c);
      return changes;
    },
    assignFull(data, n, centers, kk, labels, upper, lower, sums, counts) {
      if (tooBig(data))
        return js.assignFull(data, n, centers, kk, labels, upper, lower, sums, counts);
      const pairs = writePairs(centers, k, d, "wasm:pairs");
      const dataAt = stageIn(data.subarray(0, n * d), "data", true);
      const labelsAt = stageIn(labels.subarray(0, n), "labels", true);
      const upperAt = stageIn(upper.subarray(0, n), "upper", false);
      const lowerAt = stageIn(lower.subarray(0, n), "lower", false);
      const [s, c] = sumsAt(sums, counts);
      const changes = wasm.assignFull(dataAt, n, pairs, labelsAt, upperAt, lowerAt, s, c);
      stageOut(labels.subarray(0, n), labelsAt);
      stageOut(upper.subarray(0, n), upperAt);
      stageOut(lower.subarray(0, n), lowerAt);
      stageOut(sums, s);
      stageOut(counts, c);
      return changes;
    },
    assignHamerly(
      data,
      n,
      centers,
      kk,
      labels,
      upper,
      lower,
      halfGap,
      moved,
      maxMove,
      sums,
      counts,
    ) {
      if (tooBig(data))
        return js.assignHamerly(
          data,
          n,
          centers,
          kk,
          labels,
          upper,
          lower,
          halfGap,
          moved,
          maxMove,
          sums,
          counts,
        );
      const pairs = writePairs(centers, k, d, "wasm:pairs");
      const centersAt = stageIn(centers.subarray(0, k * d), "centers", true);
      const dataAt = stageIn(data.subarray(0, n * d), "data", true);
      const labelsAt = stageIn(labels.subarray(0, n), "labels", true);
      const upperAt = stageIn(upper.subarray(0, n), "upper", true);
      const lowerAt = stageIn(lower.subarray(0, n), "lower", true);
      const gapAt = stageIn(halfGap.subarray(0, k), "halfGap", true);
      const movedAt = stageIn(moved.subarray(0, k), "moved", true);
      const [s, c] = sumsAt(sums, counts);
      const changes = wasm.assignHamerly(
        dataAt,
        n,
        pairs,
        centersAt,
        labelsAt,
        upperAt,
        lowerAt,
        gapAt,
        movedAt,
        maxMove,
        s,
        c,
      );
      stageOut(labels.subarray(0, n), labelsAt);
      stageOut(upper.subarray(0, n), upperAt);
      stageOut(lower.subarray(0, n), lowerAt);
      stageOut(sums, s);
      stageOut(counts, c);
      return changes;
    },
    rows(data) {
      if (inArena(data)) return data;
      arenaReset(); // a new fit: the memory of the last one is free again
      if (!arenaFits(4 * data.byteLength)) return data;
      const rows = arenaFloat64("wasm:rows", data.length);
      rows.set(data);
      return rows;
    },
    float64: (slot, n) => arenaFloat64(`kmeans:${slot}`, n),
    int32(slot, n) {
      const offset = arenaSlot(`kmeans:${slot}`, n * 4);
      return new Int32Array(arenaMemory().buffer, offset, n);
    },
  };
  cache.set(key, kernels);
  return kernels;
}

const batches = new Map<string, CandidateBatch>();

/**
 * The batched k-means++ candidate pass in wasm SIMD for `d` columns and `trials` candidates (same
 * values as `candidateBatch`), or `undefined` when unavailable.
 *
 * @example
 * const batch = wasmCandidateBatch(6, 3) ?? candidateBatch(6, 3);
 */
export function wasmCandidateBatch(d: number, trials: number): CandidateBatch | undefined {
  if (!enabled || d < 1 || d > WASM_MAX_COLS || trials < 1 || trials > 8 || !wasmSimdSupported())
    return undefined;
  const key = `${d}:${trials}`;
  const known = batches.get(key);
  if (known) return known;
  const run = arenaInstance(candidateModule(d, trials)).candidateBatch as (...a: number[]) => void;
  const ys = new Float64Array(trials * d);
  const js = candidateBatch(d, trials);
  const batch: CandidateBatch = (data, n, candidates, closest, outs, pots) => {
    if (!inArena(data) && !arenaFits(4 * data.byteLength)) {
      js(data, n, candidates, closest, outs, pots);
      return;
    }
    for (let t = 0; t < trials; t++)
      ys.set(data.subarray(candidates[t] * d, candidates[t] * d + d), t * d);
    const pairs = writePairs(ys, trials, d, "wasm:candidates");
    const dataAt = stageIn(data.subarray(0, n * d), "data", true);
    const closestAt = stageIn(closest.subarray(0, n), "closest", true);
    const outsAt = outs
      .slice(0, trials)
      .map((out, t) => stageIn(out.subarray(0, n), `out${t}`, false));
    const potsAt = stageIn(pots, "pots", false);
    const table = arenaSlot("wasm:outTable", 4 * trials);
    new Int32Array(arenaMemory().buffer, table, trials).set(outsAt);
    run(dataAt, n, pairs, closestAt, table, potsAt);
    outs.slice(0, trials).forEach((out, t) => stageOut(out.subarray(0, n), outsAt[t]));
    stageOut(pots, potsAt);
  };
  batches.set(key, batch);
  return batch;
}

export { ARENA_MAX_PAGES };
