/**
 * Hot loops of `kmeans` (kmeans.ts), generated per column count `d` with the coordinate loop
 * unrolled (and, for small k, the loop over the centres too).
 *
 * Why generated code: V8 does not unroll the inner `for (j < d)` loop over coordinates, and for the
 * few-column tables of this project (4–8 features) the loop overhead and repeated typed-array loads
 * dominate. Generating the loops once per `d` (fixed source text parameterised only by the integers
 * `d` and k, as `src/metrics/silhouette.ts` does) keeps each row's coordinates in local variables;
 * with the fused centre update it makes a k-means fit 2–3× faster (figures in kmeans.ts). The
 * arithmetic is written so that every result is bit-identical to the plain loops: a squared
 * distance is summed left to right over the coordinates (`u0*u0 + u1*u1 + …` equals
 * `((0 + u0²) + u1²) + …`), and the centre sums and inertia visit the rows in order. Above
 * {@link MAX_UNROLL} columns the same kernels are generated with plain loops.
 *
 * These are the reference and the fallback: where wasm SIMD is available (cols ≤ 16, k ≤ 32),
 * `fastKernels.ts` hands a fit the wasm versions of the assignment steps and of the k-means++
 * candidate batch (`wasmKernels.ts`), tested equal to these bit for bit. Measured 2026-12-03 on
 * the shared 2-core AMD EPYC machine (`bench/kmeansWasm.ts`, interleaved, 93,000 × 6, k = 6, 10
 * passes, load 2.3): assignPlainSums 34 ms here vs 26 ms in wasm, assignFull 124 vs 36,
 * assignHamerly 26 vs 16, candidateBatch 25 vs 12; the whole 10-restart fit 453 vs 260 ms.
 */

import { kernelSource } from "./kernelSource.js";
import { scratchFloat64, scratchInt32 } from "./scratch.js";
import {
  MAX_UNROLL,
  MAX_UNROLL_CENTRES,
  PLAIN_LLOYD_MAX_WORK,
  type KMeansKernels,
} from "./kmeansKernelTypes.js";

export { MAX_UNROLL, MAX_UNROLL_CENTRES } from "./kmeansKernelTypes.js";
export type { KMeansKernels } from "./kmeansKernelTypes.js";

const cache = new Map<string, KMeansKernels>();

function build(d: number, kFixed: number): KMeansKernels {
  const { load, dist, dims, unroll } = kernelSource(d);
  // The sourceURL names each kernel in profiles and stack traces (else all are "anonymous").
  const make = <T>(name: string, args: string[], body: string): T =>
    new Function(
      args.join(", "),
      `${body}\n//# sourceURL=kmeans-${name}-d${d}-k${kFixed || "any"}.js`,
    ) as T;

  // Centre coordinates as locals when k is fixed (declared once per call), else a loop over k.
  const ks = Array.from({ length: kFixed }, (_, c) => c);
  const centreLocals = kFixed
    ? ks
        .map((c) => dims.map((t) => `const c${c}_${t} = centers[${c * d + t}];`).join(" "))
        .join("\n")
    : "";
  const fixedDist = (c: number) =>
    `${dims.map((t) => `const u${t} = x${t} - c${c}_${t};`).join(" ")} const s = ${dims.map((t) => `u${t} * u${t}`).join(" + ")};`;
  // Nearest centre of row i (offset oi) into best/bestC; with `second`, also the second-nearest.
  const nearest = (withSecond: boolean): string => {
    const update = (c: string) =>
      withSecond
        ? `if (s < best) { second = best; best = s; bestC = ${c}; } else if (s < second) second = s;`
        : `if (s < best) { best = s; bestC = ${c}; }`;
    const head = `let best = Infinity; ${withSecond ? "let second = Infinity;" : ""} let bestC = 0;`;
    if (kFixed)
      return `${head}\n${ks.map((c) => `{ ${fixedDist(c)} ${update(String(c))} }`).join("\n")}`;
    return `${head}
      for (let c = 0, oc = 0; c < k; c++, oc += ${d}) {
        let s;
        ${dist("s", "x", "data", "oi", "centers", "oc")}
        ${update("c")}
      }`;
  };
  const scan = nearest(true);
  // A pass over the rows that relabels each one with its nearest centre (found by `find`), then
  // runs `after` for the row; returns how many labels changed.
  const relabelPass = (find: string, after: string): string => `
    ${centreLocals}
    let changes = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      ${find}
      if (labels[i] !== bestC) {
        labels[i] = bestC;
        changes++;
      }
      ${after}
    }
    return changes;`;

  const assignPlain = make<KMeansKernels["assignPlain"]>(
    "assignPlain",
    ["data", "n", "centers", "k", "labels"],
    relabelPass(nearest(false), ""),
  );

  const addRow = unroll
    ? dims.map((t) => `sums[ob + ${t}] += x${t};`).join(" ")
    : `for (let t = 0; t < ${d}; t++) sums[ob + t] += data[oi + t];`;
  // The row added to its centre's sum and count, for the centre update in the same pass.
  const accumulate = `counts[bestC]++;
      const ob = bestC * ${d};
      ${addRow}`;
  const assignPlainSums = make<KMeansKernels["assignPlainSums"]>(
    "assignPlainSums",
    ["data", "n", "centers", "k", "labels", "sums", "counts"],
    relabelPass(nearest(false), accumulate),
  );

  const assignFull = make<KMeansKernels["assignFull"]>(
    "assignFull",
    ["data", "n", "centers", "k", "labels", "upper", "lower", "sums", "counts"],
    relabelPass(
      scan,
      `upper[i] = Math.sqrt(best);
      lower[i] = Math.sqrt(second);
      ${accumulate}`,
    ),
  );

  const assignHamerly = make<KMeansKernels["assignHamerly"]>(
    "assignHamerly",
    [
      "data",
      "n",
      "centers",
      "k",
      "labels",
      "upper",
      "lower",
      "halfGap",
      "moved",
      "maxMove",
      "sums",
      "counts",
    ],
    `
    ${centreLocals}
    let changes = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      const a = labels[i];
      ${load("x", "data", "oi")}
      let up = upper[i] + moved[a];
      const lo = lower[i] - maxMove;
      lower[i] = lo;
      const gap = halfGap[a];
      const bound = gap > lo ? gap : lo;
      let bestC = a;
      if (up > bound) {
        const oa = a * ${d};
        let sa;
        ${dist("sa", "x", "data", "oi", "centers", "oa")}
        up = Math.sqrt(sa);
        if (up > bound) {
          ${scan.replace("let bestC = 0;", "bestC = 0;")}
          if (a !== bestC) {
            labels[i] = bestC;
            changes++;
          }
          up = Math.sqrt(best);
          lower[i] = Math.sqrt(second);
        }
      }
      upper[i] = up;
      ${accumulate}
    }
    return changes;`,
  );

  const candidatePass = make<KMeansKernels["candidatePass"]>(
    "candidatePass",
    ["data", "n", "candidate", "closest", "out"],
    `
    const o = candidate * ${d};
    ${load("y", "data", "o")}
    let pot = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      let s;
      ${unroll ? `{ ${dims.map((t) => `const u${t} = x${t} - y${t};`).join(" ")} s = ${dims.map((t) => `u${t} * u${t}`).join(" + ")}; }` : dist("s", "x", "data", "oi", "data", "o")}
      const c = closest[i];
      const m = s < c ? s : c;
      out[i] = m;
      pot += m;
    }
    return pot;`,
  );

  // A pass that puts in `s` each row's squared distance to its own centre, then runs `use`.
  const labelDistancePass = (use: string): string => `
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      const oc = labels[i] * ${d};
      let s;
      ${dist("s", "x", "data", "oi", "centers", "oc")}
      ${use}
    }`;

  const inertia = make<KMeansKernels["inertia"]>(
    "inertia",
    ["data", "n", "centers", "labels"],
    `
    let total = 0;
    ${labelDistancePass("total += Math.sqrt(s) ** 2;")}
    return total;`,
  );

  const labelDistances = make<KMeansKernels["labelDistances"]>(
    "labelDistances",
    ["data", "n", "centers", "labels", "out"],
    labelDistancePass("out[i] = Math.sqrt(s) ** 2;"),
  );

  return {
    switchMaxWork: PLAIN_LLOYD_MAX_WORK,
    plainMaxWork: 0,
    rows: (data) => data,
    float64: scratchFloat64,
    int32: scratchInt32,
    assignPlain,
    assignPlainSums,
    assignFull,
    assignHamerly,
    candidatePass,
    inertia,
    labelDistances,
  };
}

/**
 * The kernels for `d` columns and `k` centres (generated on first use, then cached). The centre
 * loop is unrolled for small k (k·d ≤ {@link MAX_UNROLL_CENTRES}); then the kernels must be called
 * with exactly this k. Otherwise they take any k.
 */
export function kmeansKernels(d: number, k: number): KMeansKernels {
  if (!Number.isInteger(d) || d < 1) throw new Error(`column count must be ≥ 1, got ${d}`);
  const kFixed = d <= MAX_UNROLL && k * d <= MAX_UNROLL_CENTRES ? k : 0;
  const key = `${d}:${kFixed}`;
  let kernels = cache.get(key);
  if (!kernels) {
    kernels = build(d, kFixed);
    cache.set(key, kernels);
  }
  return kernels;
}
