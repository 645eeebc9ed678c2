/**
 * The special functions of the buy-till-you-die models, in log space where the models need it:
 * log-gamma, log-beta, log rising factorials, a stable log(1 + e^u), and the Gauss hypergeometric
 * function 2F1 on z < 1. Checked against scipy and mpmath values (scripts/value_fixtures.py →
 * test/fixtures/value/special.json).
 */

/** Lanczos coefficients (g = 7, n = 9; Godfrey), relative error of Γ below 2e-15 on x ≥ 0.5. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0 (NaN otherwise): Lanczos on x ≥ 0.5, the reflection formula below.
 *
 * @example
 * logGamma(5); // ln 24 = 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === Infinity ? Infinity : NaN;
  // eslint-disable-next-line local/no-recursion -- depth 1: the reflection maps x < 0.5 to 1 - x > 0.5
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Stirling series coefficients of ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], in powers 1/x^(2k−1). */
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];

/** ln Γ(x) − its Stirling approximation, for x ≥ 10 (error below 1e-16). */
function stirlingCorrection(x: number): number {
  const inv2 = 1 / (x * x);
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * inv2 + STIRLING[k];
  return sum / x;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. When one argument is large (≥ 10),
 * ln Γ(b) − ln Γ(a + b) is taken from Stirling's series, −a ln b − (a + b − ½) log1p(a/b) + a plus
 * the corrections, instead of as a difference of two large numbers.
 *
 * @example
 * logBeta(2, 3); // ln(1/12)
 */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (!(small > 0)) return NaN;
  if (big < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const difference =
    -small * Math.log(big) -
    (small + big - 0.5) * Math.log1p(small / big) +
    small +
    stirlingCorrection(big) -
    stirlingCorrection(small + big);
  return logGamma(small) + difference;
}

/**
 * ln of the rising factorial (a)_n = Γ(a + n) / Γ(a) for a > 0 and an integer n ≥ 0: a sum of
 * logarithms for small n (exact to rounding, unlike a difference of two large log-gammas), the
 * log-gamma difference for n > 64.
 *
 * @example
 * logRisingFactorial(2, 3); // ln(2 · 3 · 4)
 */
export function logRisingFactorial(a: number, n: number): number {
  if (n > 64) return logGamma(a + n) - logGamma(a);
  let s = 0;
  for (let k = 0; k < n; k++) s += Math.log(a + k);
  return s;
}

/**
 * ln(1 + e^u) without overflow or loss of precision.
 *
 * @example
 * log1pExp(1000); // 1000
 */
export function log1pExp(u: number): number {
  if (u > 36) return u + Math.exp(-u);
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** Options of the hypergeometric series. */
export interface SeriesOptions {
  /** Relative size of the last term kept (default 1e-16). */
  tolerance?: number;
  /** Terms before giving up with an error (default 1,000,000). */
  maxTerms?: number;
}

/**
 * Σ_{n ≥ 0} t_n with t_0 = 1 and t_{n+1} = t_n (a + n)(b + n) z / ((c + n)(n + 1)), the power
 * series of 2F1. Stops once a term is below `tolerance` of the sum and no larger than the one before.
 */
function series(a: number, b: number, c: number, z: number, options: SeriesOptions): number {
  const tolerance = options.tolerance ?? 1e-16;
  const maxTerms = options.maxTerms ?? 1_000_000;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    const next = (term * (a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += next;
    if (next === 0) return sum;
    if (Math.abs(next) <= tolerance * Math.abs(sum) && Math.abs(next) <= Math.abs(term)) return sum;
    term = next;
  }
  throw new Error(
    `2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms (z too close to 1).`,
  );
}

/** Throws unless c is a valid lower parameter (not 0, −1, −2, …) and z < 1. */
function checkHypergeometric(c: number, z: number): void {
  if (c <= 0 && Number.isInteger(c)) throw new Error(`2F1 needs c ∉ {0, −1, −2, …}, got c = ${c}.`);
  if (!(z < 1)) throw new Error(`2F1 is computed for z < 1 only, got z = ${z}.`);
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and z < 1: its power series
 * on 0 ≤ z < 1, and Pfaff's transformation 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z/(z − 1))
 * for z < 0 (which maps z to [0, 1)). The series needs about ln(1e-16)/ln(z) terms: fine up to
 * z ≈ 0.999; nearer to 1 it throws rather than return an unconverged value.
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5); // −ln(1 − 0.5)/0.5 = 1.3862943611198906
 */
export function hyp2f1(
  a: number,
  b: number,
  c: number,
  z: number,
  options: SeriesOptions = {},
): number {
  checkHypergeometric(c, z);
  if (z === 0) return 1;
  // eslint-disable-next-line local/no-recursion -- depth 1: Pfaff's transform maps z < 0 to z / (z - 1) in (0, 1)
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1), options);
  return series(a, b, c, z, options);
}
