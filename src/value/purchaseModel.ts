/**
 * The purchase half of the customer-value model: the BG/NBD family of Fader, Hardie and Lee (2005,
 * "Counting your customers the easy way") in its modified form, MBG/NBD (Batislam, Denizel and
 * Filiztekin 2007; expectation corrected by Wagner and Hoppe 2008), fitted by maximum likelihood.
 *
 * While alive, a customer buys at a Poisson rate λ ~ Gamma(r, α) (α in days, so λ is per day) and,
 * right after each purchase, drops out with probability p ~ Beta(a, b).
 *
 * **One-time buyers.** In the classic BG/NBD the drop-out chance comes only after a *repeat*
 * purchase, so a customer who never bought again is certainly alive (P(alive) = 1 whatever the time
 * since the purchase). In the MBG/NBD the customer may also drop out right after the first purchase,
 * so a one-time buyer's P(alive) = 1 / (1 + a/b · ((α + T)/α)^r) is below 1 and falls as the time
 * since the purchase grows. With ~97 % one-time buyers (Olist), only the modified form separates an
 * old one-time buyer from a new one; it is the default (`variant: "modified"`), and the classic form
 * is kept (`"classic"`) to show the difference on the same data.
 *
 * In both forms s = x + 1 (modified) or x (classic) is the number of drop-out chances survived by a
 * customer alive at T, and, given alive, p ~ Beta(a, b + s) and λ ~ Gamma(r + x, α + T).
 */
import { integrate } from "./gaussLegendre.js";
import { hyp2f1, log1pExp, logRisingFactorial } from "./specialFunctions.js";
import type { NelderMeadResult } from "./nelderMead.js";
import { invertSpd, nelderMead, numericGradient, numericHessian } from "./nelderMead.js";
import type { PurchasePatterns } from "./purchasePatterns.js";

/** Which member of the family: drop-out possible after the first purchase ("modified") or not. */
export type PurchaseModelVariant = "modified" | "classic";

/** Parameters: λ ~ Gamma(shape r, rate α), p ~ Beta(a, b); time unit of α is the data's (days). */
export interface PurchaseParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Drop-out chances survived by a customer alive after x repeat purchases. */
const survived = (x: number, variant: PurchaseModelVariant): number =>
  variant === "modified" ? x + 1 : x;

/**
 * ln of the odds "dropped out after the last purchase" : "alive at T" of a history,
 * ln[a/(b+s−1) · ((α+T)/(α+t_x))^(r+x)]; NaN when s = 0 (no drop-out chance yet: alive for sure).
 */
function logDropOutOdds(
  params: PurchaseParameters,
  x: number,
  tx: number,
  T: number,
  variant: PurchaseModelVariant,
): number {
  const { r, alpha, a, b } = params;
  const s = survived(x, variant);
  if (s === 0) return NaN;
  return Math.log(a / (b + s - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/**
 * ln of the likelihood of one history (x repeat purchases, last at t_x, age T):
 * ln[Γ(r+x) α^r / Γ(r)] + ln[B(a, b+s)/B(a, b)] − (r+x) ln(α+T)
 * + ln[1 + 1{s≥1} · a/(b+s−1) · ((α+T)/(α+t_x))^(r+x)].
 *
 * @example
 * customerLogLikelihood({ r: 1, alpha: 10, a: 1, b: 1 }, 0, 0, 10, "modified"); // ln(1/2 · 1/2 + 1/2)
 */
export function customerLogLikelihood(
  params: PurchaseParameters,
  x: number,
  tx: number,
  T: number,
  variant: PurchaseModelVariant = "modified",
): number {
  const { r, alpha, a, b } = params;
  const s = survived(x, variant);
  const base =
    logRisingFactorial(r, x) +
    r * Math.log(alpha) +
    logRisingFactorial(b, s) -
    logRisingFactorial(a + b, s) -
    (r + x) * Math.log(alpha + T);
  return s === 0 ? base : base + log1pExp(logDropOutOdds(params, x, tx, T, variant));
}

/**
 * Log-likelihood of all customers, summed over the patterns with their weights. Terms that depend on
 * x only are computed once per distinct x.
 */
export function purchaseLogLikelihood(
  params: PurchaseParameters,
  patterns: Pick<PurchasePatterns, "x" | "tx" | "T" | "weight">,
  variant: PurchaseModelVariant = "modified",
): number {
  const { r, alpha, a, b } = params;
  let maxX = 0;
  for (const x of patterns.x) maxX = Math.max(maxX, x);
  const constant = new Float64Array(maxX + 1);
  const logRatio = new Float64Array(maxX + 1);
  const logAlpha = Math.log(alpha);
  for (let x = 0; x <= maxX; x++) {
    const s = survived(x, variant);
    constant[x] =
      logRisingFactorial(r, x) +
      r * logAlpha +
      logRisingFactorial(b, s) -
      logRisingFactorial(a + b, s);
    logRatio[x] = s === 0 ? NaN : Math.log(a / (b + s - 1));
  }
  let total = 0;
  for (let k = 0; k < patterns.x.length; k++) {
    const x = patterns.x[k];
    const logAge = Math.log(alpha + patterns.T[k]);
    let ll = constant[x] - (r + x) * logAge;
    if (!Number.isNaN(logRatio[x])) {
      const tx = patterns.tx[k];
      const logLast = tx === 0 ? logAlpha : Math.log(alpha + tx);
      ll += log1pExp(logRatio[x] + (r + x) * (logAge - logLast));
    }
    total += patterns.weight[k] * ll;
  }
  return total;
}

/**
 * Probability that a customer with this history is still alive at T:
 * 1 / (1 + 1{s≥1} · a/(b+s−1) · ((α+T)/(α+t_x))^(r+x)).
 *
 * @example
 * pAlive({ r: 1, alpha: 10, a: 1, b: 1 }, 0, 0, 10); // 1 / (1 + 2) in the modified model
 */
export function pAlive(
  params: PurchaseParameters,
  x: number,
  tx: number,
  T: number,
  variant: PurchaseModelVariant = "modified",
): number {
  const u = logDropOutOdds(params, x, tx, T, variant);
  return Number.isNaN(u) ? 1 : 1 / (1 + Math.exp(u));
}

/**
 * Expected purchases in (T, T + t] of a customer known to be alive at T. Given alive, λ ~ Gamma(A =
 * r + x, α + T) and p ~ Beta(a, b' = b + s), and an alive customer buys (1/p)(1 − e^(−λpt)) times in
 * expectation, so with u = t/(α + T)
 *
 *   E = E_p[(1 − (1 + pu)^(−A)) / p] = A ∫₀^ln(1+u) e^(−Ay) 2F1(A + 1, b'; a + b'; 1 − e^(−y)) dy
 *
 * (write the bracket as an integral over v ∈ [0, u], take E_p by Euler's integral, apply Pfaff's
 * transformation and substitute 1 − e^(−y) = v/(1 + v)). This equals the closed form of Wagner and
 * Hoppe (2008), C/(a−1) · [1 − ((α+T)/(α+T+t))^A 2F1(A, b'; C; t/(α+T+t))] with C = a + b' − 1, but
 * unlike it has no pole at a = 1 and no huge alternating terms when a and b are large (drop-out
 * nearly the same for everyone): the 2F1 series has positive terms and the integrand is analytic
 * in a strip around the interval, so 40 Gauss–Legendre nodes reach machine precision.
 */
export function expectedPurchasesIfAlive(
  params: PurchaseParameters,
  t: number,
  x: number,
  T: number,
  variant: PurchaseModelVariant = "modified",
): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const A = r + x;
  const bAlive = b + survived(x, variant);
  const upper = Math.log1p(t / (alpha + T));
  const integrand = (y: number) =>
    Math.exp(-A * y) * hyp2f1(A + 1, bAlive, a + bAlive, -Math.expm1(-y));
  return A * integrate(integrand, 0, upper);
}

/**
 * Expected purchases in the next t time units (after T) of a customer with this history:
 * P(alive) × {@link expectedPurchasesIfAlive}.
 *
 * @example
 * expectedPurchases({ r: 0.5, alpha: 200, a: 1.2, b: 0.8 }, 365, 0, 0, 300); // a one-time buyer's next year
 */
export function expectedPurchases(
  params: PurchaseParameters,
  t: number,
  x: number,
  tx: number,
  T: number,
  variant: PurchaseModelVariant = "modified",
): number {
  return pAlive(params, x, tx, T, variant) * expectedPurchasesIfAlive(params, t, x, T, variant);
}

/** Options of {@link fitPurchaseModel}. */
export interface FitPurchaseOptions {
  /** Model variant (default `"modified"`, see the module comment). */
  variant?: PurchaseModelVariant;
  /** Starting parameters (default r = 1, α = mean age, a = 1, b = 1). */
  start?: PurchaseParameters;
}

/** A fitted purchase model with its diagnostics. */
export interface FittedPurchaseModel {
  variant: PurchaseModelVariant;
  params: PurchaseParameters;
  /** Standard errors from the inverse Hessian (delta method), or null when it is not invertible. */
  standardErrors: PurchaseParameters | null;
  /** Maximised log-likelihood (sum over customers). */
  logLikelihood: number;
  customers: number;
  patterns: number;
  /** Optimiser report (`atBounds` indexes θ = ln r, ln r/α, ln a, ln b); `gradientNorm` of the mean log-likelihood in θ. */
  convergence: Omit<NelderMeadResult, "x" | "value"> & { gradientNorm: number };
}

/**
 * The optimiser's coordinates: θ = (ln r, ln(r/α), ln a, ln b). The mean rate r/α is what the data
 * pin down best; when purchase rates barely vary between customers the likelihood rises along
 * r, α → ∞ at a fixed r/α, a ridge that is diagonal in (ln r, ln α) but runs along one axis here.
 */
const toParams = (theta: readonly number[]): PurchaseParameters => ({
  r: Math.exp(theta[0]),
  alpha: Math.exp(theta[0] - theta[1]),
  a: Math.exp(theta[2]),
  b: Math.exp(theta[3]),
});
const toTheta = (p: PurchaseParameters): number[] => [
  Math.log(p.r),
  Math.log(p.r / p.alpha),
  Math.log(p.a),
  Math.log(p.b),
];

/**
 * Upper bound of r: at r = 10⁴ the gamma distribution of purchase rates has a coefficient of
 * variation of 1 %, as good as identical rates; a fit that reaches it says so in `atBounds`.
 */
export const MAX_RATE_SHAPE = 1e4;

/** Standard errors of (r, α, a, b) from the covariance of θ (delta method; ln α = θ₀ − θ₁). */
function standardErrorsOf(params: PurchaseParameters, cov: number[][]): PurchaseParameters {
  const logAlphaVariance = cov[0][0] + cov[1][1] - 2 * cov[0][1];
  return {
    r: params.r * Math.sqrt(cov[0][0]),
    alpha: params.alpha * Math.sqrt(Math.max(logAlphaVariance, 0)),
    a: params.a * Math.sqrt(cov[2][2]),
    b: params.b * Math.sqrt(cov[3][3]),
  };
}

/**
 * Fits (r, α, a, b) by maximum likelihood: Nelder–Mead on θ = (ln r, ln r/α, ln a, ln b) (bounded:
 * r ≤ {@link MAX_RATE_SHAPE}, a and b in [e^−20, e^20]) of the mean negative log-likelihood, with
 * restarts; standard errors from the numeric Hessian. Throws when no customer bought twice (nothing
 * identifies the purchase rate).
 *
 * @example
 * const fit = fitPurchaseModel(purchasePatterns(histories));
 * fit.params; // { r, alpha, a, b }
 */
export function fitPurchaseModel(
  patterns: PurchasePatterns,
  options: FitPurchaseOptions = {},
): FittedPurchaseModel {
  const variant = options.variant ?? "modified";
  let customers = 0;
  let repeats = 0;
  let age = 0;
  for (let k = 0; k < patterns.x.length; k++) {
    customers += patterns.weight[k];
    repeats += patterns.weight[k] * patterns.x[k];
    age += patterns.weight[k] * patterns.T[k];
  }
  if (repeats === 0) {
    throw new Error("No customer has a repeat purchase: the purchase model cannot be fitted.");
  }
  const start = options.start ?? { r: 1, alpha: Math.max(age / customers, 1), a: 1, b: 1 };
  const objective = (theta: number[]): number =>
    -purchaseLogLikelihood(toParams(theta), patterns, variant) / customers;
  const result = nelderMead(objective, toTheta(start), {
    lower: [-20, -30, -20, -20],
    upper: [Math.log(MAX_RATE_SHAPE), 10, 20, 20],
  });
  const params = toParams(result.x);
  const covariance = invertSpd(numericHessian((theta) => objective(theta) * customers, result.x));
  const standardErrors = covariance ? standardErrorsOf(params, covariance) : null;
  const gradient = numericGradient(objective, result.x);
  const { x: _x, value, ...report } = result;
  return {
    variant,
    params,
    standardErrors,
    logLikelihood: -value * customers,
    customers,
    patterns: patterns.x.length,
    convergence: { ...report, gradientNorm: Math.sqrt(gradient.reduce((s, g) => s + g * g, 0)) },
  };
}
