/**
 * Gauss–Legendre quadrature: n nodes and weights on [−1, 1] (Newton's method on the Legendre
 * polynomial from Tricomi's initial guesses), exact for polynomials of degree ≤ 2n − 1, and the
 * integral of a smooth function over [lo, hi] with them.
 */

/** Nodes (ascending) and weights of the n-point rule on [−1, 1]. */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

/**
 * The n-point Gauss–Legendre rule on [−1, 1] (cached per n).
 *
 * @example
 * gaussLegendre(2).nodes; // [−1/√3, 1/√3]
 */
export function gaussLegendre(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Gauss–Legendre needs n ≥ 1 nodes, got ${n}.`);
  const known = cache.get(n);
  if (known) return known;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // P_n(x) and P_{n−1}(x) by the three-term recurrence.
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pn1 = n === 1 ? 1 : p0;
      derivative = (n * (x * pn - pn1)) / (x * x - 1);
      const step = pn / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[(n - 1) / 2] = 0;
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/**
 * ∫ f over [lo, hi] by the n-point Gauss–Legendre rule (default 40 nodes).
 *
 * @example
 * integrate(Math.exp, 0, 1); // e − 1
 */
export function integrate(f: (x: number) => number, lo: number, hi: number, n = 40): number {
  const { nodes, weights } = gaussLegendre(n);
  const half = (hi - lo) / 2;
  const mid = (hi + lo) / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] * f(mid + half * nodes[i]);
  return sum * half;
}
