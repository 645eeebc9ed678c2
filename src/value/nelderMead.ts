/**
 * A small bounded Nelder–Mead minimiser for the few parameters of the value models (3–4 positive
 * parameters, optimised on their logarithms), with restarts from the best point (a standard cure for
 * the simplex collapsing early) and a numeric Hessian for standard errors. Deterministic: no random
 * starting points, so no seed is needed.
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Initial simplex step on each coordinate (default 0.5; on log-parameters, a factor of 1.65). */
  step?: number;
  /** Lower bound of each coordinate (default −Infinity); trial points are clamped into the box. */
  lower?: readonly number[];
  /** Upper bound of each coordinate (default +Infinity). */
  upper?: readonly number[];
  /** Stop when the simplex spans less than this on every coordinate (default 1e-9)… */
  xTolerance?: number;
  /**
   * … or when its vertices' values differ by less than this (absolute, default 1e-12): along a flat
   * ridge of the objective the simplex never shrinks, while its values agree. A restart then
   * checks that the stop was not premature.
   */
  fTolerance?: number;
  /** Iterations per run before stopping unconverged (default 5,000). */
  maxIterations?: number;
  /** Restarts from the best point after convergence, while they still improve (default 3). */
  restarts?: number;
}

/** The result of {@link nelderMead}. */
export interface NelderMeadResult {
  /** The best point found. */
  x: number[];
  /** The objective at `x`. */
  value: number;
  /** True when the last run met a tolerance within `maxIterations`. */
  converged: boolean;
  /** Iterations over all runs. */
  iterations: number;
  /** Objective evaluations over all runs. */
  evaluations: number;
  /** Restarts run from the best point (the last one found no further improvement, or the limit was hit). */
  restarts: number;
  /** Coordinates (indices) of `x` on a bound (within 1e-3): the optimum may lie outside the box. */
  atBounds: number[];
}

const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;
const BOUND_SLACK = 1e-3;

/** One Nelder–Mead run from `start`; returns the best vertex and the counts. */
function run(
  f: (x: number[]) => number,
  start: number[],
  clamp: (x: number[]) => number[],
  options: Required<Omit<NelderMeadOptions, "lower" | "upper" | "restarts">>,
): { x: number[]; value: number; converged: boolean; iterations: number; evaluations: number } {
  const d = start.length;
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const simplex: number[][] = [clamp(start)];
  for (let i = 0; i < d; i++) {
    const up = simplex[0].slice();
    up[i] += options.step;
    const down = simplex[0].slice();
    down[i] -= options.step;
    // On an upper bound, step down instead so that the simplex is not degenerate.
    const vertex = clamp(up);
    simplex.push(vertex[i] === simplex[0][i] ? clamp(down) : vertex);
  }
  const values = simplex.map(value);
  const order = Array.from({ length: d + 1 }, (_, i) => i);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations) {
    order.sort((i, j) => values[i] - values[j]);
    const best = order[0];
    const worst = order[d];
    let spread = 0;
    for (const i of order) {
      for (let k = 0; k < d; k++)
        spread = Math.max(spread, Math.abs(simplex[i][k] - simplex[best][k]));
    }
    if (spread <= options.xTolerance || values[worst] - values[best] <= options.fTolerance) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(d).fill(0);
    for (let j = 0; j < d; j++) {
      const v = simplex[order[j]];
      for (let k = 0; k < d; k++) centroid[k] += v[k] / d;
    }
    const along = (t: number): number[] =>
      clamp(centroid.map((c, k) => c + t * (c - simplex[worst][k])));
    const reflected = along(REFLECT);
    const fr = value(reflected);
    const secondWorst = values[order[d - 1]];
    if (fr < values[best]) {
      const expanded = along(EXPAND);
      const fe = value(expanded);
      const [p, fp] = fe < fr ? [expanded, fe] : [reflected, fr];
      simplex[worst] = p;
      values[worst] = fp;
    } else if (fr < secondWorst) {
      simplex[worst] = reflected;
      values[worst] = fr;
    } else {
      const outside = fr < values[worst];
      const contracted = along(outside ? CONTRACT : -CONTRACT);
      const fc = value(contracted);
      if (fc < (outside ? fr : values[worst])) {
        simplex[worst] = contracted;
        values[worst] = fc;
      } else {
        for (const i of order.slice(1)) {
          simplex[i] = clamp(
            simplex[i].map((v, k) => simplex[best][k] + SHRINK * (v - simplex[best][k])),
          );
          values[i] = value(simplex[i]);
        }
      }
    }
  }
  order.sort((i, j) => values[i] - values[j]);
  return { x: simplex[order[0]], value: values[order[0]], converged, iterations, evaluations };
}

/**
 * Minimises `f` from `x0` by Nelder–Mead (reflection 1, expansion 2, contraction and shrink ½),
 * inside optional box bounds; restarts from the best point while that still lowers the value by
 * more than `fTolerance`.
 *
 * @example
 * const r = nelderMead(([x, y]) => (x - 1) ** 2 + 10 * (y + 2) ** 2, [0, 0]);
 * r.x; // ≈ [1, −2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const d = x0.length;
  const lower = options.lower ?? new Array<number>(d).fill(-Infinity);
  const upper = options.upper ?? new Array<number>(d).fill(Infinity);
  if (lower.length !== d || upper.length !== d) throw new Error(`Bounds must have ${d} entries.`);
  const clamp = (x: number[]): number[] =>
    x.map((v, k) => Math.min(upper[k], Math.max(lower[k], v)));
  const settings = {
    step: options.step ?? 0.5,
    xTolerance: options.xTolerance ?? 1e-9,
    fTolerance: options.fTolerance ?? 1e-12,
    maxIterations: options.maxIterations ?? 5000,
  };
  let best = run(f, [...x0], clamp, settings);
  let { iterations, evaluations } = best;
  let restarts = 0;
  for (let i = 0; i < (options.restarts ?? 3); i++) {
    const again = run(f, best.x, clamp, settings);
    iterations += again.iterations;
    evaluations += again.evaluations;
    restarts++;
    const improved = again.value < best.value - settings.fTolerance;
    if (again.value <= best.value) best = again;
    if (!improved) break;
  }
  // Within 1e-3 of a bound counts as on it: along a ridge the optimum creeps towards the bound.
  const atBounds = best.x.flatMap((v, k) =>
    v - lower[k] <= BOUND_SLACK || upper[k] - v <= BOUND_SLACK ? [k] : [],
  );
  return {
    x: best.x,
    value: best.value,
    converged: best.converged,
    iterations,
    evaluations,
    restarts,
    atBounds,
  };
}

/**
 * Central-difference Hessian of `f` at `x` (step `h` on every coordinate, default 1e-4): the
 * curvature of a negative log-likelihood, whose inverse estimates the covariance of the MLE.
 */
export function numericHessian(
  f: (x: number[]) => number,
  x: readonly number[],
  h = 1e-4,
): number[][] {
  const d = x.length;
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const p = [...x];
    p[di] += si * h;
    p[dj] += sj * h;
    return f(p);
  };
  const f0 = f([...x]);
  const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    H[i][i] = (at(i, 1, i, 1) - 2 * f0 + at(i, -1, i, -1)) / (4 * h * h);
    for (let j = 0; j < i; j++) {
      const v =
        (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

/** Central-difference gradient of `f` at `x` (step `h`, default 1e-6). */
export function numericGradient(
  f: (x: number[]) => number,
  x: readonly number[],
  h = 1e-6,
): number[] {
  return x.map((_, i) => {
    const up = [...x];
    const down = [...x];
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky, or null when it is not positive
 * definite (the likelihood is flat or not at a maximum in some direction).
 */
export function invertSpd(matrix: readonly (readonly number[])[]): number[][] | null {
  const d = matrix.length;
  const L = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  // Inverse of L (lower triangular), then L^-T L^-1.
  const Li = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    Li[i][i] = 1 / L[i][i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i][k] * Li[k][j];
      Li[i][j] = s / L[i][i];
    }
  }
  const inv = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = Math.max(i, j); k < d; k++) s += Li[k][i] * Li[k][j];
      inv[i][j] = s;
    }
  }
  return inv;
}
