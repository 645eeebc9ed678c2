/**
 * The O(n²) part of the exact silhouette: for every row, the sum of its distances to the rows of
 * every cluster, with each unordered pair computed once. Rows are in cluster order (each cluster
 * a contiguous block, see `silhouette.ts`); a pair's distance goes to row i's sum for cluster(j)
 * and to row j's sum for cluster(i).
 *
 * Two paths, with the same sums to the last bit:
 * - WebAssembly SIMD (`silhouetteWasm.ts`, code in `silhouetteWasmCode.ts`), used when the runtime
 *   has it, for 1…12 columns, unless the wasm kernels are off (`setWasmKernels(false)`,
 *   `OLIST_WASM=0`). It is the JavaScript kernel below with the four rows of a block in two f64x2
 *   vectors, so one `f64x2.sqrt` takes two of the square roots the loop is bound by: ~1.8× less
 *   CPU time (0.36 s → 0.20 s for 2·10⁸ pairs at d = 4, same run; `bench/cluster.ts`). Every sum is
 *   done in the JavaScript kernel's order, which makes it bit-identical (why: its module comment).
 * - JavaScript (this file), generated: the fallback and the reference (the tests compare the two
 *   bit for bit).
 *
 * Why generated code: V8 does not unroll the coordinate loop, and unrolled it is ~3× faster
 * (3.7 s → 1.0 s for 2·10⁸ pairs at d = 6). On top of that the kernel is register-blocked: four
 * rows of the same cluster are held in locals and compared with each row j in one pass, so row j
 * is loaded, and its running sum updated, once per four pairs instead of once per pair: ~25 %
 * less CPU time (1.30 s → 0.95 s for 2·10⁸ pairs at d = 6, same machine, same run). The sum of
 * row j then receives the four distances added together, so the last bits differ from a
 * pair-by-pair loop (relative 10⁻¹⁴), but every path uses this order on the same fixed chunks:
 * results stay bit-identical whatever the thread count and whichever of the two kernels runs.
 * The source is fixed text parameterised only by the integer `d`.
 */

import { wasmPairKernel } from "./silhouetteWasm.js";

/** Signature of a generated kernel (see {@link silhouetteDistanceSums}). */
type PairKernel = (
  data: Float64Array,
  n: number,
  codes: Int32Array,
  starts: Int32Array,
  from: number,
  to: number,
  sums: Float64Array,
) => void;

/** Rows per register block; 1 (no blocking) above {@link MAX_BLOCKED_COLS} columns. */
const BLOCK = 4;
/** Up to this many columns the four rows' coordinates fit in locals without heavy spilling. */
const MAX_BLOCKED_COLS = 12;

const kernels = new Map<number, PairKernel>();

function pairKernel(d: number): PairKernel {
  const cached = kernels.get(d);
  if (cached) return cached;
  const B = d <= MAX_BLOCKED_COLS ? BLOCK : 1;
  const dims = Array.from({ length: d }, (_, t) => t);
  const rows = Array.from({ length: B }, (_, b) => b);
  const sqDist = (p: string, q: string) =>
    dims.map((t) => `(${p}${t} - ${q}${t}) * (${p}${t} - ${q}${t})`).join(" + ");
  const inBlock: string[] = [];
  for (let a = 0; a < B; a++)
    for (let b = a + 1; b < B; b++)
      inBlock.push(
        `{ const dist = Math.sqrt(${sqDist(`x${a}_`, `x${b}_`)}); sums[own + i + ${a}] += dist; sums[own + i + ${b}] += dist; }`,
      );
  const body = `
    const m = starts.length - 1;
    let i = from;
    while (i < to) {
      const li = codes[i];
      const own = li * n;
      const blockEnd = to < starts[li + 1] ? to : starts[li + 1];
      if (i + ${B} <= blockEnd) {
        ${rows.map((b) => dims.map((t) => `const x${b}_${t} = data[(i + ${b}) * ${d} + ${t}];`).join(" ")).join("\n")}
        ${inBlock.join("\n")}
        for (let c = li; c < m; c++) {
          const start = c === li ? i + ${B} : starts[c];
          const end = starts[c + 1];
          ${rows.map((b) => `let acc${b} = 0;`).join(" ")}
          for (let j = start; j < end; j++) {
            const oj = j * ${d};
            ${dims.map((t) => `const y${t} = data[oj + ${t}];`).join(" ")}
            ${rows.map((b) => `const d${b} = Math.sqrt(${sqDist(`x${b}_`, "y")});`).join("\n")}
            ${rows.map((b) => `acc${b} += d${b};`).join(" ")}
            sums[own + j] += ${rows.map((b) => `d${b}`).join(" + ")};
          }
          ${rows.map((b) => `sums[c * n + i + ${b}] += acc${b};`).join(" ")}
        }
        i += ${B};
      } else {
        // The last rows of a cluster (or of the chunk) that do not fill a block: one at a time.
        const oi = i * ${d};
        ${dims.map((t) => `const x${t} = data[oi + ${t}];`).join(" ")}
        for (let c = li; c < m; c++) {
          const start = c === li ? i + 1 : starts[c];
          const end = starts[c + 1];
          let acc = 0;
          for (let j = start; j < end; j++) {
            const oj = j * ${d};
            ${dims.map((t) => `const y${t} = data[oj + ${t}];`).join(" ")}
            const dist = Math.sqrt(${sqDist("x", "y")});
            acc += dist;
            sums[own + j] += dist;
          }
          sums[c * n + i] += acc;
        }
        i++;
      }
    }
    //# sourceURL=silhouette-pairs-d${d}.js`;
  const kernel = new Function("data, n, codes, starts, from, to, sums", body) as PairKernel;
  kernels.set(d, kernel);
  return kernel;
}

/**
 * Sums of distances from every row to every cluster: `sums[c * n + p]` for the p-th row in cluster
 * order (rows sorted by cluster code, `starts[c]` = first row of cluster c), over the pairs (i, j)
 * with i in [from, to) and j > i. Splitting [0, n) into ranges and adding the results gives the
 * full sums (this is how the work is shared between threads). The distances are added to `sums`
 * when given (clusters × n values, e.g. zeros in a `SharedArrayBuffer`), else to new zeros. Runs
 * the wasm SIMD kernel where it applies, else the JavaScript one (same values).
 *
 * @example
 * const sums = silhouetteDistanceSums(data, n, d, codes, starts, 0, n); // all pairs
 */
export function silhouetteDistanceSums(
  data: Float64Array,
  n: number,
  d: number,
  codes: Int32Array,
  starts: Int32Array,
  from: number,
  to: number,
  sums: Float64Array = new Float64Array((starts.length - 1) * n),
): Float64Array {
  if (sums.length !== (starts.length - 1) * n)
    throw new Error(`sums has ${sums.length} values, expected ${(starts.length - 1) * n}`);
  if (!wasmPairKernel(d)?.(data, n, codes, starts, from, to, sums))
    pairKernel(d)(data, n, codes, starts, from, to, sums);
  return sums;
}

/**
 * Most chunks of the pair loop. Fixed (it never depends on the number of threads) so that every
 * path adds the same partial sums in the same order and gets bit-identical results. 16 splits
 * evenly over 2, 4 or 8 threads (3 lose ~11 %: 6 chunks for the slowest against 5⅓), and a chunk's
 * partial sums are 3.7 MB at 93k rows × 5 clusters.
 */
const MAX_CHUNKS = 16;

/**
 * The fixed partition of the rows (in cluster order) into chunks with about the same number of
 * pairs: chunk k is rows [bounds[k], bounds[k + 1]). Row i has n − i − 1 pairs (j > i), so early
 * chunks hold fewer rows. It depends on n only: min(16, ⌊n / 8⌋) chunks (at least one), so small
 * inputs are still split (the tests compare paths on them) but no chunk averages under 8 rows.
 *
 * @example
 * silhouetteChunks(93_000); // Int32Array [0, 2954, 6007, …, 60120, 69750, 93000]: 16 chunks
 */
export function silhouetteChunks(n: number): Int32Array {
  const count = Math.max(1, Math.min(MAX_CHUNKS, Math.floor(n / 8)));
  // Pairs of rows [0, b): Σ_{i<b} (n − 1 − i), exact in doubles for any n we can hold in memory.
  const pairsBefore = (b: number) => b * (n - 1) - (b * (b - 1)) / 2;
  const total = pairsBefore(n);
  const bounds = [0];
  for (let k = 1; k < count; k++) {
    const target = (total * k) / count;
    let lo = bounds[bounds.length - 1];
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairsBefore(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo > bounds[bounds.length - 1] && lo < n) bounds.push(lo);
  }
  bounds.push(n);
  return Int32Array.from(bounds);
}
