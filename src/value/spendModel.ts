/**
 * The spend half of the customer-value model: the Gamma-Gamma model of Fader and Hardie (2013, "The
 * Gamma-Gamma Model of Monetary Value"). Each transaction of a customer is Gamma(p, ν) with the
 * customer's ν ~ Gamma(q, γ), so the mean z̄ of n transactions has the density
 * Γ(pn+q) / (Γ(pn) Γ(q)) · γ^q n^(pn) z̄^(pn−1) / (γ + n z̄)^(pn+q), and
 *
 *   E[Z | z̄, n] = p (γ + n z̄) / (pn + q − 1)
 *              = (q−1)/(pn+q−1) · pγ/(q−1) + pn/(pn+q−1) · z̄,
 *
 * a weighted mean of the population mean pγ/(q−1) and the customer's own mean. It is fitted on
 * repeat customers' repeat purchases (n = x ≥ 1) only; one-time buyers have no repeat purchase, so
 * n = 0 and their expected spend is the population mean pγ/(q−1). The model assumes spend is
 * independent of purchase frequency: {@link fitSpendModel} reports their correlation.
 */
import { logGamma } from "./specialFunctions.js";
import type { NelderMeadResult } from "./nelderMead.js";
import { invertSpd, nelderMead, numericGradient, numericHessian } from "./nelderMead.js";

/** Gamma-Gamma parameters: transaction shape p, and ν ~ Gamma(shape q, rate γ). */
export interface SpendParameters {
  p: number;
  q: number;
  gamma: number;
}

/**
 * Log-likelihood of customers' mean spends `mean` over `count` transactions each (entries with
 * count < 1 or mean ≤ 0 must be left out by the caller).
 */
export function spendLogLikelihood(
  params: SpendParameters,
  mean: ArrayLike<number>,
  count: ArrayLike<number>,
): number {
  const { p, q, gamma } = params;
  // Terms that depend on the count only, once per distinct count (counts are small integers).
  const perCount = new Map<number, number>();
  const base = q * Math.log(gamma) - logGamma(q);
  let total = 0;
  for (let i = 0; i < mean.length; i++) {
    const n = count[i];
    const z = mean[i];
    const pn = p * n;
    let c = perCount.get(n);
    if (c === undefined) {
      c = logGamma(pn + q) - logGamma(pn) + base + pn * Math.log(n);
      perCount.set(n, c);
    }
    total += c + (pn - 1) * Math.log(z) - (pn + q) * Math.log(gamma + n * z);
  }
  return total;
}

/** Population mean spend per transaction, pγ/(q − 1); NaN when q ≤ 1 (no finite mean). */
export function populationMeanSpend(params: SpendParameters): number {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : NaN;
}

/**
 * Expected spend of a customer's next transactions given the mean `mean` of `count` past ones;
 * `count` = 0 gives the population mean.
 *
 * @example
 * expectedSpend({ p: 6, q: 4, gamma: 15 }, 0, 0); // 6 · 15 / 3 = 30
 */
export function expectedSpend(params: SpendParameters, mean: number, count: number): number {
  if (count === 0) return populationMeanSpend(params);
  const { p, q, gamma } = params;
  return (p * (gamma + count * mean)) / (p * count + q - 1);
}

/** Pearson correlation of two equally long arrays (NaN with < 2 entries or no variance). */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** A fitted spend model with its diagnostics. */
export interface FittedSpendModel {
  params: SpendParameters;
  standardErrors: SpendParameters | null;
  logLikelihood: number;
  /** Customers the model was fitted on (count ≥ 1, mean > 0). */
  customers: number;
  /** Customers with count ≥ 1 left out because their mean spend is not positive. */
  excludedNonPositive: number;
  /** pγ/(q−1): the expected spend of a customer without repeat purchases. */
  populationMean: number;
  /** Pearson correlation of transaction count and mean spend over the fitted customers. */
  countSpendCorrelation: number;
  convergence: Omit<NelderMeadResult, "x" | "value"> & { gradientNorm: number };
}

const NAMES = ["p", "q", "gamma"] as const;
const toParams = (theta: readonly number[]): SpendParameters =>
  Object.fromEntries(NAMES.map((n, i) => [n, Math.exp(theta[i])])) as unknown as SpendParameters;

/**
 * Fits (p, q, γ) by maximum likelihood on the customers with count ≥ 1 and a positive mean (those
 * with a mean ≤ 0 are excluded and counted). Nelder–Mead on log-parameters bounded to [e^−20, e^20],
 * starting from p = 1, q = 2, γ = mean spend.
 *
 * @example
 * const fit = fitSpendModel(meanRepeatSpend, repeatPurchases);
 * fit.populationMean; // R$ per purchase for a one-time buyer
 */
export function fitSpendModel(mean: ArrayLike<number>, count: ArrayLike<number>): FittedSpendModel {
  if (mean.length !== count.length) throw new Error("mean and count must have equal lengths.");
  const keptMean: number[] = [];
  const keptCount: number[] = [];
  let excludedNonPositive = 0;
  for (let i = 0; i < mean.length; i++) {
    if (!(count[i] >= 1)) continue;
    if (mean[i] > 0) {
      keptMean.push(mean[i]);
      keptCount.push(count[i]);
    } else excludedNonPositive++;
  }
  const customers = keptMean.length;
  if (customers < 3) {
    throw new Error(
      `The spend model needs at least 3 repeat customers with spend > 0, got ${customers}.`,
    );
  }
  const m = Float64Array.from(keptMean);
  const n = Float64Array.from(keptCount);
  let average = 0;
  for (const v of m) average += v / customers;
  const objective = (theta: number[]): number =>
    -spendLogLikelihood(toParams(theta), m, n) / customers;
  const result = nelderMead(objective, [0, Math.log(2), Math.log(average)], {
    lower: [-20, -20, -20],
    upper: [20, 20, 20],
  });
  const params = toParams(result.x);
  const covariance = invertSpd(numericHessian((t) => objective(t) * customers, result.x));
  const standardErrors = covariance
    ? (Object.fromEntries(
        NAMES.map((k, i) => [k, params[k] * Math.sqrt(covariance[i][i])]),
      ) as unknown as SpendParameters)
    : null;
  const { x: _x, value, ...report } = result;
  return {
    params,
    standardErrors,
    logLikelihood: -value * customers,
    customers,
    excludedNonPositive,
    populationMean: populationMeanSpend(params),
    countSpendCorrelation: pearsonCorrelation(n, m),
    convergence: {
      ...report,
      gradientNorm: Math.sqrt(numericGradient(objective, result.x).reduce((s, g) => s + g * g, 0)),
    },
  };
}
