/**
 * The value model against the segment baseline on a holdout period: errors of each method per
 * segment and in total, and the decision which one the brief shows, by a stated rule.
 */
import { formatMoney } from "../util/money.js";
import { segmentCount } from "./segmentBaseline.js";

/** Purchases and revenue per customer over the holdout horizon (actual or predicted). */
export interface PurchaseOutcome {
  purchases: ArrayLike<number>;
  revenue: ArrayLike<number>;
}

/** Errors of one method on a group of customers. */
export interface PredictionErrors {
  customers: number;
  actualPurchases: number;
  predictedPurchases: number;
  /** R$. */
  actualRevenue: number;
  predictedRevenue: number;
  /** Mean absolute error per customer, purchases. */
  maePurchases: number;
  /** Mean absolute error per customer, R$. */
  maeRevenue: number;
  /** Root mean squared error per customer, R$ (minimised by the conditional mean, which both methods predict). */
  rmseRevenue: number;
  /** Predicted − actual revenue of the group, R$. */
  revenueTotalError: number;
  /** (Predicted − actual) / actual revenue of the group (NaN when nothing was bought). */
  revenueTotalRelativeError: number;
}

/** The method the brief shows, and why. */
export interface ValueVerdict {
  shown: "model" | "baseline";
  reason: string;
  rule: string;
}

/** The holdout comparison. */
export interface HoldoutComparison {
  segments: { segment: number; model: PredictionErrors; baseline: PredictionErrors }[];
  total: { model: PredictionErrors; baseline: PredictionErrors };
  /** Σ over segments of |predicted − actual| segment revenue, R$: the error of the figures the brief shows. */
  segmentTotalsError: { model: number; baseline: number };
  verdict: ValueVerdict;
}

/** The decision rule, in words. */
export const VALUE_VERDICT_RULE =
  "The model is shown when it beats the segment baseline on both the error of the segment totals of " +
  "12-month revenue (sum over segments of |predicted − actual|, the figures the brief shows) and the " +
  "per-customer RMSE of 12-month revenue; otherwise the baseline is shown.";

class Accumulator {
  customers = 0;
  actualPurchases = 0;
  predictedPurchases = 0;
  actualRevenue = 0;
  predictedRevenue = 0;
  absPurchases = 0;
  absRevenue = 0;
  squaredRevenue = 0;

  add(actualPurchases: number, actualRevenue: number, purchases: number, revenue: number): void {
    this.customers++;
    this.actualPurchases += actualPurchases;
    this.predictedPurchases += purchases;
    this.actualRevenue += actualRevenue;
    this.predictedRevenue += revenue;
    this.absPurchases += Math.abs(purchases - actualPurchases);
    this.absRevenue += Math.abs(revenue - actualRevenue);
    this.squaredRevenue += (revenue - actualRevenue) ** 2;
  }

  errors(): PredictionErrors {
    const n = this.customers;
    const totalError = this.predictedRevenue - this.actualRevenue;
    return {
      customers: n,
      actualPurchases: this.actualPurchases,
      predictedPurchases: this.predictedPurchases,
      actualRevenue: this.actualRevenue,
      predictedRevenue: this.predictedRevenue,
      maePurchases: n === 0 ? NaN : this.absPurchases / n,
      maeRevenue: n === 0 ? NaN : this.absRevenue / n,
      rmseRevenue: n === 0 ? NaN : Math.sqrt(this.squaredRevenue / n),
      revenueTotalError: totalError,
      revenueTotalRelativeError: this.actualRevenue === 0 ? NaN : totalError / this.actualRevenue,
    };
  }
}

const money = (v: number): string => formatMoney(v, { cents: true, space: " " });

/**
 * The verdict of {@link VALUE_VERDICT_RULE} on a comparison's totals.
 *
 * @example
 * valueVerdict({ model: 900, baseline: 1200 }, { model: 40, baseline: 41 }).shown; // "model"
 */
export function valueVerdict(
  segmentTotalsError: { model: number; baseline: number },
  rmseRevenue: { model: number; baseline: number },
): ValueVerdict {
  const totals = segmentTotalsError.model < segmentTotalsError.baseline;
  const rmse = rmseRevenue.model < rmseRevenue.baseline;
  const facts =
    `segment-total revenue error ${money(segmentTotalsError.model)} (model) vs ` +
    `${money(segmentTotalsError.baseline)} (baseline); per-customer revenue RMSE ` +
    `${money(rmseRevenue.model)} vs ${money(rmseRevenue.baseline)}`;
  const shown = totals && rmse ? "model" : "baseline";
  const reason =
    shown === "model"
      ? `The model beats the baseline on both: ${facts}.`
      : `The model does not beat the baseline on ${totals ? "the per-customer RMSE" : rmse ? "the segment totals" : "either error"}: ${facts}.`;
  return { shown, reason, rule: VALUE_VERDICT_RULE };
}

/**
 * Compares model and baseline predictions with what happened, per segment (labels 0 … k − 1) and
 * over all customers, and takes the verdict.
 *
 * @example
 * const c = compareOnHoldout(outcome, modelPrediction, baselinePrediction, labels);
 * c.verdict.shown; // "model" or "baseline"
 */
export function compareOnHoldout(
  actual: PurchaseOutcome,
  model: PurchaseOutcome,
  baseline: PurchaseOutcome,
  labels: ArrayLike<number>,
  segments = segmentCount(labels),
): HoldoutComparison {
  const n = labels.length;
  for (const [name, o] of [
    ["actual", actual],
    ["model", model],
    ["baseline", baseline],
  ] as const) {
    if (o.purchases.length !== n || o.revenue.length !== n) {
      throw new Error(`${name} purchases and revenue need one entry per labelled customer (${n}).`);
    }
  }
  const bySegment = Array.from({ length: segments }, () => ({
    model: new Accumulator(),
    baseline: new Accumulator(),
  }));
  const all = { model: new Accumulator(), baseline: new Accumulator() };
  for (let i = 0; i < n; i++) {
    const s = bySegment[labels[i]];
    if (s === undefined)
      throw new Error(`Segment label ${i} is ${labels[i]}, outside 0 … ${segments - 1}.`);
    const ap = actual.purchases[i];
    const ar = actual.revenue[i];
    s.model.add(ap, ar, model.purchases[i], model.revenue[i]);
    s.baseline.add(ap, ar, baseline.purchases[i], baseline.revenue[i]);
    all.model.add(ap, ar, model.purchases[i], model.revenue[i]);
    all.baseline.add(ap, ar, baseline.purchases[i], baseline.revenue[i]);
  }
  const rows = bySegment.map((s, segment) => ({
    segment,
    model: s.model.errors(),
    baseline: s.baseline.errors(),
  }));
  const segmentTotalsError = {
    model: rows.reduce((sum, r) => sum + Math.abs(r.model.revenueTotalError), 0),
    baseline: rows.reduce((sum, r) => sum + Math.abs(r.baseline.revenueTotalError), 0),
  };
  const total = { model: all.model.errors(), baseline: all.baseline.errors() };
  const verdict = valueVerdict(segmentTotalsError, {
    model: total.model.rmseRevenue,
    baseline: total.baseline.rmseRevenue,
  });
  return { segments: rows, total, segmentTotalsError, verdict };
}
