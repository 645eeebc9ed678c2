/**
 * The WebAssembly SIMD version of the silhouette's pair kernel (code and why bit-identical:
 * `silhouetteWasmCode.ts`), on the thread's wasm memory (`cluster/wasmArena.ts`) and switched like
 * the k-means kernels (`setWasmKernels`, `OLIST_WASM=0`).
 *
 * Data: the rows, codes, starts and sums are copied into staging slots of the arena on every call
 * and the sums copied back (O(n·(d + clusters)) against the O(n²·d) of the pairs: ~10 ms of a
 * chunk's seconds at 96k rows), so any caller's arrays work, plain or in a `SharedArrayBuffer`.
 */
import { arenaFits, arenaInstance, stageIn, stageOut } from "../cluster/wasmArena.js";
import { wasmKernelsOn } from "../cluster/wasmKernels.js";
import { silhouettePairModule } from "./silhouetteWasmCode.js";

/**
 * Columns up to which the wasm kernel runs: the JavaScript kernel's register-blocked range
 * (`MAX_BLOCKED_COLS` in `silhouetteKernel.ts`; the tests at 10 and 12 columns catch a mismatch).
 */
export const WASM_PAIR_MAX_COLS = 12;

/** The pair kernel's arguments (see `silhouetteDistanceSums`); false when it did not run. */
export type WasmPairKernel = (
  data: Float64Array,
  n: number,
  codes: Int32Array,
  starts: Int32Array,
  from: number,
  to: number,
  sums: Float64Array,
) => boolean;

const kernels = new Map<number, WasmPairKernel>();

/**
 * The wasm pair kernel for `d` columns, or `undefined` when the wasm kernels are off or
 * unsupported or `d` is outside 1…{@link WASM_PAIR_MAX_COLS}; the kernel returns false (and does
 * nothing) when the arrays do not fit in the wasm memory.
 *
 * @example
 * const ran = wasmPairKernel(4)?.(data, n, codes, starts, from, to, sums) ?? false;
 */
export function wasmPairKernel(d: number): WasmPairKernel | undefined {
  if (!Number.isInteger(d) || d < 1 || d > WASM_PAIR_MAX_COLS || !wasmKernelsOn()) return undefined;
  const known = kernels.get(d);
  if (known) return known;
  const run = arenaInstance(silhouettePairModule(d)).pairs as (...a: number[]) => void;
  const kernel: WasmPairKernel = (data, n, codes, starts, from, to, sums) => {
    const rows = data.subarray(0, n * d);
    const bytes = rows.byteLength + codes.byteLength + starts.byteLength + sums.byteLength;
    if (!arenaFits(bytes + 64)) return false;
    const dataAt = stageIn(rows, "silhouette:data", true);
    const codesAt = stageIn(codes, "silhouette:codes", true);
    const startsAt = stageIn(starts, "silhouette:starts", true);
    const sumsAt = stageIn(sums, "silhouette:sums", true);
    run(dataAt, n, codesAt, startsAt, starts.length - 1, from, to, sumsAt);
    stageOut(sums, sumsAt);
    return true;
  };
  kernels.set(d, kernel);
  return kernel;
}
