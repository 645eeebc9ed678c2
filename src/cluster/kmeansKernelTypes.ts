/**
 * The contract of the generated k-means kernels (`kmeansKernels.ts`): their signatures and the
 * limits up to which their loops are unrolled.
 */

/** Columns up to which the coordinate loops are unrolled. */
export const MAX_UNROLL = 32;

/**
 * Largest k·d for which the centre loop is unrolled too (centres held in locals for the pass):
 * measured 5.2 → 3.4 ms per plain assignment pass at 93k × 4, k = 9.
 */
export const MAX_UNROLL_CENTRES = 64;

/**
 * Up to this k·cols the assignment step is plain Lloyd (k distances per row, no bounds); above it,
 * Hamerly's bounds. Both give exactly Lloyd's assignments. Measured on 93k rows (CPU time, 5
 * restarts): the plain scan wins while k·cols < 48 (4 cols k = 5: 0.24 s vs 0.33 s; 6 cols k = 5:
 * 0.15 s vs 0.20 s; k·cols = 48: tie), the bounds win above (6 cols k = 12: 1.23 s vs 0.74 s).
 * This is the JavaScript kernels' `switchMaxWork`; the wasm kernels start plain for every k they
 * cover (see `wasmKernels.ts`).
 */
export const PLAIN_LLOYD_MAX_WORK = 48;

/** The arguments every assignment kernel starts with: the rows, the centres and the labels. */
export type AssignArgs = [
  data: Float64Array,
  n: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
];

/** The per-label sums and counts an accumulating kernel adds every row to. */
export type SumArgs = [sums: Float64Array, counts: Float64Array];

/** The distance bounds of Hamerly's kernels: to the assigned centre, and to the second-nearest. */
export type BoundArgs = [upper: Float64Array, lower: Float64Array];

/** The generated kernels for one column count. */
export interface KMeansKernels {
  /**
   * Up to this k·cols `lloyd` starts with the plain scan and switches to Hamerly's bounds late
   * (`"switch"`), above it takes the bounds throughout (`"bounded"`); the same results either way,
   * only the speed differs, and the best choice depends on the kernels.
   */
  readonly switchMaxWork: number;
  /**
   * Up to this k·cols `lloyd` keeps the plain scan throughout (`"plain"`): the bounds' per-row
   * bookkeeping costs more than the distances it skips. 0 for the JavaScript kernels (their
   * `"switch"` wins from the smallest k measured); see `wasmKernels.ts` for the wasm ones.
   */
  readonly plainMaxWork: number;
  /**
   * Exact nearest centre of every row (ties to the lowest index), plain Lloyd. Writes `labels` and
   * returns how many labels changed.
   */
  assignPlain(...args: AssignArgs): number;
  /**
   * {@link KMeansKernels.assignPlain} that also adds every row, in row order, to `sums[label]` and
   * counts the rows per label (`sums` and `counts` zeroed by the caller), for the centre update in
   * the same pass over the data. The Hamerly kernels below accumulate the same way.
   */
  assignPlainSums(...args: [...AssignArgs, ...SumArgs]): number;
  /**
   * Full scan of every row: nearest centre, `upper` = its distance, `lower` = the distance to the
   * second-nearest; accumulates `sums` and `counts`. Returns how many labels changed.
   */
  assignFull(...args: [...AssignArgs, ...BoundArgs, ...SumArgs]): number;
  /**
   * Hamerly's assignment step. First moves the bounds by the last centre shifts
   * (`upper += moved[label]`, `lower -= maxMove`), then skips the rows whose bounds prove the label
   * unchanged and rescans the others; accumulates `sums` and `counts`. Returns how many labels
   * changed.
   */
  assignHamerly(
    ...args: [
      ...AssignArgs,
      ...BoundArgs,
      halfGap: Float64Array,
      moved: Float64Array,
      maxMove: number,
      ...SumArgs,
    ]
  ): number;
  /**
   * k-means++ candidate pass: `out[i] = min(closest[i], ‖x_i − x_candidate‖²)`; returns Σ out.
   */
  candidatePass(
    data: Float64Array,
    n: number,
    candidate: number,
    closest: Float64Array,
    out: Float64Array,
  ): number;
  /**
   * The rows where these kernels read them fastest: `data` itself for the JavaScript kernels, a
   * copy in the thread's wasm memory for the wasm ones (made by this call: take it once per fit,
   * before any other buffer, as copying the rows in frees the wasm memory of the previous fit and
   * so invalidates every view of it). The result is scratch memory (see `scratch.ts`): it must
   * not escape the fit.
   */
  rows(data: Float64Array): Float64Array;
  /**
   * A scratch Float64Array of length `n` for the named slot where these kernels read it fastest
   * (`scratchFloat64` for the JavaScript kernels, the wasm memory for the wasm ones); arbitrary
   * contents, must not escape.
   */
  float64(slot: string, n: number): Float64Array;
  /** {@link KMeansKernels.float64} for Int32Arrays. */
  int32(slot: string, n: number): Int32Array;
  /** Σ over rows of `Math.sqrt(‖x_i − c_label‖²) ** 2`, the inertia as historically computed. */
  inertia(data: Float64Array, n: number, centers: Float64Array, labels: Int32Array): number;
  /** `out[i] = Math.sqrt(‖x_i − c_label‖²) ** 2` (for the relocation of empty clusters). */
  labelDistances(
    data: Float64Array,
    n: number,
    centers: Float64Array,
    labels: Int32Array,
    out: Float64Array,
  ): void;
}
