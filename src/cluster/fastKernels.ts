/**
 * The k-means kernels a fit uses: the WebAssembly SIMD ones (`wasmKernels.ts`) where the runtime
 * has wasm SIMD and d, k are in their generated range, else the JavaScript ones
 * (`kmeansKernels.ts`, `candidateBatch.ts`). Both give the same results bit for bit (tested), so
 * the choice changes only the speed.
 */
import { candidateBatch, type CandidateBatch } from "./candidateBatch.js";
import { kmeansKernels } from "./kmeansKernels.js";
import type { KMeansKernels } from "./kmeansKernelTypes.js";
import { wasmCandidateBatch, wasmKernels } from "./wasmKernels.js";

/**
 * The fastest available kernels for `d` columns and `k` centres.
 *
 * @example
 * const kernels = fastKmeansKernels(6, 6);
 */
export function fastKmeansKernels(d: number, k: number): KMeansKernels {
  return wasmKernels(d, k) ?? kmeansKernels(d, k);
}

/**
 * The batched k-means++ candidate pass for `d` columns and `trials` candidates that goes with the
 * kernels of {@link fastKmeansKernels}`(d, k)`: the wasm one only with the wasm kernels, whose
 * rows and buffers lie in the wasm memory (with the JavaScript kernels it would copy the rows in
 * on every call).
 *
 * @example
 * const batch = fastCandidateBatch(6, 6, 3);
 */
export function fastCandidateBatch(d: number, k: number, trials: number): CandidateBatch {
  return (wasmKernels(d, k) && wasmCandidateBatch(d, trials)) || candidateBatch(d, trials);
}
