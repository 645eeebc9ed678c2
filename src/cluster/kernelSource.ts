/**
 * The source-text pieces the generated k-means kernels are built from (`kmeansKernels.ts`): a row
 * read into locals and a squared distance summed left to right, unrolled up to
 * {@link MAX_UNROLL} columns, plain loops above.
 */
import { MAX_UNROLL } from "./kmeansKernelTypes.js";

/**
 * Code generator for `d` columns. `load(p, arr, off)` declares the row `arr[off..off+d)` as locals
 * `p0…` (unrolled) or nothing (loop form); `dist(target, p, arr, off, c, off2)` assigns to `target`
 * the squared distance between that row and `c[off2..off2+d)`, summed left to right.
 */
export function kernelSource(d: number) {
  const unroll = d <= MAX_UNROLL;
  const dims = Array.from({ length: d }, (_, t) => t);
  const load = (p: string, arr: string, off: string): string =>
    unroll ? dims.map((t) => `const ${p}${t} = ${arr}[${off} + ${t}];`).join(" ") : "";
  const dist = (target: string, p: string, arr: string, off: string, c: string, off2: string) =>
    unroll
      ? `{ ${dims.map((t) => `const u${t} = ${p}${t} - ${c}[${off2} + ${t}];`).join(" ")} ${target} = ${dims.map((t) => `u${t} * u${t}`).join(" + ")}; }`
      : `{ let acc = 0; for (let t = 0; t < ${d}; t++) { const u = ${arr}[${off} + t] - ${c}[${off2} + t]; acc += u * u; } ${target} = acc; }`;
  return { load, dist, dims, unroll };
}
