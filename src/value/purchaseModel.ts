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
import { logRisingFactorial, log1pExp, expm1Ratio, hyp2f1Excess } from "./specialFunctions.js";
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
  if (s === 0) return base;
  const u = Math.log(a / (b + s - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return base + log1pExp(u);
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
  const { r, alpha, a, b } = params;
  const s = survived(x, variant);
  if (s === 0) return 1;
  const u = Math.log(a / (b + s - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(u));
}

/**
 * Expected purchases in (T, T + t] of a customer known to be alive at T:
 * C/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+s; C; z)] with C = a+b+s−1, z = t/(α+T+t).
 * Euler's transformation rewrites the bracket as 1 − (1−z)^(a−1) [1 + (a−1) S], S = (2F1(C−r−x,
 * a−1; C; z) − 1)/(a−1), so the 1/(a−1) pole cancels exactly and a = 1 needs no special case.
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
  const s = survived(x, variant);
  const C = a + b + s - 1;
  const z = t / (alpha + T + t);
  const L = -Math.log1p(t / (alpha + T));
  const S = hyp2f1Excess(C - r - x, a - 1, C, z);
  return C * (-L * expm1Ratio((a - 1) * L) - Math.exp((a - 1) * L) * S);
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
  /** Optimiser report; `gradientNorm` is that of the mean log-likelihood in log-parameters. */
  convergence: Omit<NelderMeadResult, "x" | "value"> & { gradientNorm: number };
}

const NAMES = ["r", "alpha", "a", "b"] as const;
const toParams = (theta: readonly number[]): PurchaseParameters =>
  Object.fromEntries(NAMES.map((n, i) => [n, Math.exp(theta[i])])) as unknown as PurchaseParameters;

/**
 * Fits (r, α, a, b) by maximum likelihood: Nelder–Mead on the log-parameters (bounded to
 * [e^−20, e^20]) of the mean negative log-likelihood, with restarts; standard errors from the
 * numeric Hessian. Throws when no customer bought twice (nothing identifies the purchase rate).
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
  const theta0 = NAMES.map((n) => Math.log(start[n]));
  const objective = (theta: number[]): number =>
    -purchaseLogLikelihood(toParams(theta), patterns, variant) / customers;
  const result = nelderMead(objective, theta0, {
    lower: [-20, -20, -20, -20],
    upper: [20, 20, 20, 20],
  });
  const params = toParams(result.x);
  const hessian = numericHessian((theta) => objective(theta) * customers, result.x);
  const covariance = invertSpd(hessian);
  const standardErrors = covariance
    ? (Object.fromEntries(
        NAMES.map((n, i) => [n, params[n] * Math.sqrt(covariance[i][i])]),
      ) as unknown as PurchaseParameters)
    : null;
  const gradient = numericGradient(objective, result.x);
  const { x: _x, value, ...report } = result;
  return {
    variant,
    params,
    standardErrors,
    logLikelihood: -value * customers,
    customers,
    patterns: patterns.x.length,
    convergence: { ...report, gradientNorm: Math.hypot(...gradient) },
  };
}
