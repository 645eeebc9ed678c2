/**
 * Customer value over a horizon: the purchase model (MBG/NBD by default) for how many purchases, the
 * Gamma-Gamma model for how much each, combined as expected revenue = expected purchases × expected
 * spend per purchase (the Gamma-Gamma assumption that spend is independent of the purchase process).
 */
import type {
  FitPurchaseOptions,
  FittedPurchaseModel,
  PurchaseModelVariant,
} from "./purchaseModel.js";
import { expectedPurchases, fitPurchaseModel, pAlive } from "./purchaseModel.js";
import type { PurchaseHistories } from "./purchasePatterns.js";
import { purchasePatterns } from "./purchasePatterns.js";
import type { FittedSpendModel } from "./spendModel.js";
import { expectedSpend, fitSpendModel } from "./spendModel.js";

/** 12 months, in the model's time unit (days). */
export const HORIZON_DAYS = 365;

/** What the value model reads per customer (a subset of `ValueInputs`). */
export interface ValueHistories extends PurchaseHistories {
  /** Mean value of the repeat purchases (NaN or ignored when x = 0). */
  repeatMeanValue: Float64Array;
}

/** The fitted value model: purchases and spend. */
export interface CustomerValueModel {
  purchase: FittedPurchaseModel;
  spend: FittedSpendModel;
  /**
   * How spend per purchase is set for one-time buyers: the population mean pγ/(q − 1) of the
   * Gamma-Gamma model, or, when q ≤ 1 (no finite mean), the mean repeat-purchase value.
   */
  oneTimeSpend: { rule: "population mean" | "mean repeat purchase value"; value: number };
}

/** Per-customer predictions over the horizon, aligned with the input rows. */
export interface CustomerValuePredictions {
  horizonDays: number;
  /** Probability of still being active (alive) at the as-of date. */
  pActive: Float64Array;
  /** Expected purchases (purchase days) in the horizon. */
  expectedPurchases: Float64Array;
  /** Expected spend per purchase, R$. */
  expectedSpend: Float64Array;
  /** Expected revenue in the horizon, R$. */
  expectedRevenue: Float64Array;
}

/**
 * Fits the purchase model on all histories and the spend model on the repeat customers' repeat
 * purchases (n = x, mean = repeatMeanValue).
 *
 * @example
 * const model = fitCustomerValueModel(await valueInputs(db, { asOf }));
 * model.purchase.params; // { r, alpha, a, b }, α in days
 */
export function fitCustomerValueModel(
  histories: ValueHistories,
  options: FitPurchaseOptions = {},
): CustomerValueModel {
  const purchase = fitPurchaseModel(purchasePatterns(histories), options);
  const spend = fitSpendModel(histories.repeatMeanValue, histories.x);
  return { purchase, spend, oneTimeSpend: oneTimeSpendRule(spend.populationMean, histories) };
}

/**
 * Spend per purchase of one-time buyers: the Gamma-Gamma population mean when finite (q > 1), else
 * the mean value of all repeat purchases, Σ x · repeatMeanValue / Σ x.
 *
 * @example
 * oneTimeSpendRule(164.9, inputs); // { rule: "population mean", value: 164.9 }
 */
export function oneTimeSpendRule(
  populationMean: number,
  histories: Pick<ValueHistories, "x" | "repeatMeanValue">,
): CustomerValueModel["oneTimeSpend"] {
  if (Number.isFinite(populationMean)) return { rule: "population mean", value: populationMean };
  let sum = 0;
  let n = 0;
  for (let i = 0; i < histories.x.length; i++) {
    if (histories.x[i] > 0) {
      sum += histories.x[i] * histories.repeatMeanValue[i];
      n += histories.x[i];
    }
  }
  return { rule: "mean repeat purchase value", value: sum / n };
}

/**
 * Each customer's P(active), expected purchases, spend and revenue over the next `horizonDays`
 * (default 365) after the date the histories were read at. Computed once per (x, t_x, T) pattern.
 *
 * @example
 * const value = predictCustomerValue(model, inputs);
 * value.expectedRevenue; // R$ over the next 12 months, one per customer
 */
export function predictCustomerValue(
  model: CustomerValueModel,
  histories: ValueHistories,
  horizonDays = HORIZON_DAYS,
): CustomerValuePredictions {
  const { params, variant } = model.purchase;
  const patterns = purchasePatterns(histories);
  const k = patterns.x.length;
  const alive = new Float64Array(k);
  const purchases = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    alive[j] = pAlive(params, patterns.x[j], patterns.tx[j], patterns.T[j], variant);
    purchases[j] = expectedPurchases(
      params,
      horizonDays,
      patterns.x[j],
      patterns.tx[j],
      patterns.T[j],
      variant,
    );
  }
  const n = histories.x.length;
  const out: CustomerValuePredictions = {
    horizonDays,
    pActive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    expectedRevenue: new Float64Array(n),
  };
  const finiteMean = model.oneTimeSpend.rule === "population mean";
  for (let i = 0; i < n; i++) {
    const j = patterns.of[i];
    const x = histories.x[i];
    const spend =
      x > 0 && finiteMean
        ? expectedSpend(model.spend.params, Math.max(histories.repeatMeanValue[i], 0), x)
        : model.oneTimeSpend.value;
    out.pActive[i] = alive[j];
    out.expectedPurchases[i] = purchases[j];
    out.expectedSpend[i] = spend;
    out.expectedRevenue[i] = purchases[j] * spend;
  }
  return out;
}

/** Mean P(active) of the one-time buyers (x = 0), their number, and the range of their P(active). */
export function oneTimeBuyerSummary(
  histories: Pick<PurchaseHistories, "x">,
  predictions: Pick<CustomerValuePredictions, "pActive">,
): {
  customers: number;
  share: number;
  meanPActive: number;
  minPActive: number;
  maxPActive: number;
} {
  let customers = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < histories.x.length; i++) {
    if (histories.x[i] !== 0) continue;
    const p = predictions.pActive[i];
    customers++;
    sum += p;
    min = Math.min(min, p);
    max = Math.max(max, p);
  }
  return {
    customers,
    share: histories.x.length === 0 ? NaN : customers / histories.x.length,
    meanPActive: customers === 0 ? NaN : sum / customers,
    minPActive: customers === 0 ? NaN : min,
    maxPActive: customers === 0 ? NaN : max,
  };
}

/** Which variant a treatment sentence describes (for reports). */
export function oneTimeBuyerTreatment(variant: PurchaseModelVariant): string {
  return variant === "modified"
    ? "MBG/NBD: a customer may drop out right after any purchase, the first included, so a one-time " +
        "buyer's P(active) is below 1 and falls with the days since the purchase; their spend per " +
        "purchase is the Gamma-Gamma population mean (they have no repeat purchase to learn from)."
    : "BG/NBD: drop-out happens only after a repeat purchase, so every one-time buyer has P(active) = 1 " +
        "whatever the days since the purchase; their spend per purchase is the Gamma-Gamma population mean.";
}
