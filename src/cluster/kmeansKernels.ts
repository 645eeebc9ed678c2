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
 */

/** Columns up to which the coordinate loops are unrolled. */
export const MAX_UNROLL = 32;

/** The generated kernels for one column count. */
export interface KMeansKernels {
  /**
   * Exact nearest centre of every row (ties to the lowest index), plain Lloyd. Writes `labels` and
   * returns how many labels changed.
   */
  assignPlain(
    data: Float64Array,
    n: number,
    centers: Float64Array,
    k: number,
    labels: Int32Array,
  ): number;
  /**
   * {@link KMeansKernels.assignPlain} that also adds every row, in row order, to `sums[label]` and
   * counts the rows per label (`sums` and `counts` zeroed by the caller), for the centre update in
   * the same pass over the data. The Hamerly kernels below accumulate the same way.
   */
  assignPlainSums(
    data: Float64Array,
    n: number,
    centers: Float64Array,
    k: number,
    labels: Int32Array,
    sums: Float64Array,
    counts: Float64Array,
  ): number;
  /**
   * Full scan of every row: nearest centre, `upper` = its distance, `lower` = the distance to the
   * second-nearest; accumulates `sums` and `counts`. Returns how many labels changed.
   */
  assignFull(
    data: Float64Array,
    n: number,
    centers: Float64Array,
    k: number,
    labels: Int32Array,
    upper: Float64Array,
    lower: Float64Array,
    sums: Float64Array,
    counts: Float64Array,
  ): number;
  /**
   * Hamerly's assignment step. First moves the bounds by the last centre shifts
   * (`upper += moved[label]`, `lower -= maxMove`), then skips the rows whose bounds prove the label
   * unchanged and rescans the others; accumulates `sums` and `counts`. Returns how many labels
   * changed.
   */
  assignHamerly(
    data: Float64Array,
    n: number,
    centers: Float64Array,
    k: number,
    labels: Int32Array,
    upper: Float64Array,
    lower: Float64Array,
    halfGap: Float64Array,
    moved: Float64Array,
    maxMove: number,
    sums: Float64Array,
    counts: Float64Array,
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

const cache = new Map<string, KMeansKernels>();

/**
 * Largest k·d for which the centre loop is unrolled too (centres held in locals for the pass):
 * measured 5.2 → 3.4 ms per plain assignment pass at 93k × 4, k = 9.
 */
export const MAX_UNROLL_CENTRES = 64;

/**
 * Code generator for `d` columns. `load(p, arr, off)` declares the row `arr[off..off+d)` as locals
 * `p0…` (unrolled) or nothing (loop form); `dist(target, p, arr, off, c, off2)` assigns to `target`
 * the squared distance between that row and `c[off2..off2+d)`, summed left to right.
 */
function generator(d: number) {
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

function build(d: number, kFixed: number): KMeansKernels {
  const { load, dist, dims, unroll } = generator(d);
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

  const assignPlain = make<KMeansKernels["assignPlain"]>(
    "assignPlain",
    ["data", "n", "centers", "k", "labels"],
    `
    ${centreLocals}
    let changes = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      ${nearest(false)}
      if (labels[i] !== bestC) {
        labels[i] = bestC;
        changes++;
      }
    }
    return changes;`,
  );

  const addRow = unroll
    ? dims.map((t) => `sums[ob + ${t}] += x${t};`).join(" ")
    : `for (let t = 0; t < ${d}; t++) sums[ob + t] += data[oi + t];`;
  const assignPlainSums = make<KMeansKernels["assignPlainSums"]>(
    "assignPlainSums",
    ["data", "n", "centers", "k", "labels", "sums", "counts"],
    `
    ${centreLocals}
    let changes = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      ${nearest(false)}
      if (labels[i] !== bestC) {
        labels[i] = bestC;
        changes++;
      }
      counts[bestC]++;
      const ob = bestC * ${d};
      ${addRow}
    }
    return changes;`,
  );

  const assignFull = make<KMeansKernels["assignFull"]>(
    "assignFull",
    ["data", "n", "centers", "k", "labels", "upper", "lower", "sums", "counts"],
    `
    ${centreLocals}
    let changes = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      ${scan}
      if (labels[i] !== bestC) {
        labels[i] = bestC;
        changes++;
      }
      upper[i] = Math.sqrt(best);
      lower[i] = Math.sqrt(second);
      counts[bestC]++;
      const ob = bestC * ${d};
      ${addRow}
    }
    return changes;`,
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
      counts[bestC]++;
      const ob = bestC * ${d};
      ${addRow}
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

  const inertia = make<KMeansKernels["inertia"]>(
    "inertia",
    ["data", "n", "centers", "labels"],
    `
    let total = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      const oc = labels[i] * ${d};
      let s;
      ${dist("s", "x", "data", "oi", "centers", "oc")}
      total += Math.sqrt(s) ** 2;
    }
    return total;`,
  );

  const labelDistances = make<KMeansKernels["labelDistances"]>(
    "labelDistances",
    ["data", "n", "centers", "labels", "out"],
    `
    for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
      ${load("x", "data", "oi")}
      const oc = labels[i] * ${d};
      let s;
      ${dist("s", "x", "data", "oi", "centers", "oc")}
      out[i] = Math.sqrt(s) ** 2;
    }`,
  );

  return {
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

/**
 * k-means++ candidate passes for several candidates in one pass over the data:
 * `outs[t][i] = min(closest[i], ‖x_i − x_candidates[t]‖²)` and `pots[t] = Σ_i outs[t][i]`, each
 * exactly as {@link KMeansKernels.candidatePass} computes it (same expression, rows in order), so
 * the seeding is bit-identical; reading each row once for all the trials saves ~30 % of the
 * seeding time. Needs at least `candidates.length` arrays in `outs`.
 */
export type CandidateBatch = (
  data: Float64Array,
  n: number,
  candidates: Int32Array,
  closest: Float64Array,
  outs: Float64Array[],
  pots: Float64Array,
) => void;

const batches = new Map<string, CandidateBatch>();

/**
 * The batched candidate pass for `d` columns and `trials` candidates (generated on first use);
 * above {@link MAX_UNROLL} columns, `trials` calls of the single pass (the same values).
 *
 * @example
 * candidateBatch(6, 3)(data, n, Int32Array.of(5, 9, 12), closest, outs, pots);
 */
export function candidateBatch(d: number, trials: number): CandidateBatch {
  const key = `${d}:${trials}`;
  const cached = batches.get(key);
  if (cached) return cached;
  let batch: CandidateBatch;
  if (d > MAX_UNROLL) {
    const single = kmeansKernels(d, 0).candidatePass;
    batch = (data, n, candidates, closest, outs, pots) => {
      for (let t = 0; t < trials; t++) pots[t] = single(data, n, candidates[t], closest, outs[t]);
    };
  } else {
    const dims = Array.from({ length: d }, (_, j) => j);
    const ts = Array.from({ length: trials }, (_, t) => t);
    const body = `
      ${ts.map((t) => `const out${t} = outs[${t}]; const o${t} = candidates[${t}] * ${d}; let pot${t} = 0;`).join("\n")}
      ${ts.map((t) => dims.map((j) => `const y${t}_${j} = data[o${t} + ${j}];`).join(" ")).join("\n")}
      for (let i = 0, oi = 0; i < n; i++, oi += ${d}) {
        ${dims.map((j) => `const x${j} = data[oi + ${j}];`).join(" ")}
        const c = closest[i];
        ${ts
          .map(
            (t) =>
              `{ ${dims.map((j) => `const u${j} = x${j} - y${t}_${j};`).join(" ")} const s = ${dims.map((j) => `u${j} * u${j}`).join(" + ")}; const m = s < c ? s : c; out${t}[i] = m; pot${t} += m; }`,
          )
          .join("\n")}
      }
      ${ts.map((t) => `pots[${t}] = pot${t};`).join(" ")}
      //# sourceURL=kmeans-candidateBatch-d${d}-t${trials}.js`;
    batch = new Function("data, n, candidates, closest, outs, pots", body) as CandidateBatch;
  }
  batches.set(key, batch);
  return batch;
}
