/**
 * What the value study hands on: the three customer columns (for customers.csv), the per-segment
 * summary (for the marketing table and the brief), `customer-value.csv` and `value.json`.
 */
import path from "node:path";
import { writeFileAtomic } from "../util/atomicWrite.js";
import { csvField } from "../util/csv.js";
import type { PredictionErrors, ValueVerdict } from "./holdoutComparison.js";
import type { SegmentBaseline } from "./segmentBaseline.js";
import type { ValueStudy } from "./valueStudy.js";

/** A baseline as plain JSON: its form and, per segment, what its figures rest on. */
function baselineJson(b: SegmentBaseline): Record<string, unknown> {
  return {
    kind: b.kind,
    horizonDays: b.horizonDays,
    windowDays: b.windowDays,
    segments: Array.from(b.customers, (customers, segment) => ({
      segment,
      customers,
      purchasesPerCustomer: b.purchasesPerCustomer[segment],
      revenuePerCustomer: b.revenuePerCustomer[segment],
      fallbackToAllCustomers: b.fallback[segment],
    })),
  };
}

/** The customer columns, each with what it holds. */
export const VALUE_COLUMN_DOCS = {
  p_active:
    "Probability (MBG/NBD) that the customer is still active at the as-of date; empty when the baseline is shown (it has none).",
  expected_orders_12m:
    "Expected purchases in the 365 days after the as-of date (orders placed on one day count once).",
  expected_revenue_12m: "Expected revenue in the 365 days after the as-of date, R$.",
} as const;

/** Name of a value column. */
export type ValueColumn = keyof typeof VALUE_COLUMN_DOCS;

/** The value columns in order. */
export const VALUE_COLUMNS = Object.keys(VALUE_COLUMN_DOCS) as ValueColumn[];

/**
 * The three value columns aligned with `ids` (a customer table's), from the method the verdict shows
 * (or `method`). An id the study does not know gets NaN.
 *
 * @example
 * const columns = valueColumns(study, table.ids);
 * columns.expected_revenue_12m; // Float64Array, table order
 */
export function valueColumns(
  study: ValueStudy,
  ids: readonly string[],
  method: ValueVerdict["shown"] = study.verdict.shown,
): Record<ValueColumn, Float64Array> {
  const row = new Map<string, number>();
  study.inputs.ids.forEach((id, i) => row.set(id, i));
  const model = method === "model";
  const out = {
    p_active: new Float64Array(ids.length),
    expected_orders_12m: new Float64Array(ids.length),
    expected_revenue_12m: new Float64Array(ids.length),
  };
  for (let j = 0; j < ids.length; j++) {
    const i = row.get(ids[j]);
    if (i === undefined) {
      out.p_active[j] = out.expected_orders_12m[j] = out.expected_revenue_12m[j] = NaN;
      continue;
    }
    out.p_active[j] = model ? study.predictions.pActive[i] : NaN;
    out.expected_orders_12m[j] = model
      ? study.predictions.expectedPurchases[i]
      : study.baselinePredictions.purchases[i];
    out.expected_revenue_12m[j] = model
      ? study.predictions.expectedRevenue[i]
      : study.baselinePredictions.revenue[i];
  }
  return out;
}

/** Expected 12-month value of a group under one method. */
export interface GroupValue {
  expectedOrders: number;
  expectedRevenue: number;
  expectedRevenuePerCustomer: number;
}

/** One row of {@link valueBySegment}. */
export interface SegmentValueRow {
  /** Segment number, or null for the total row. */
  segment: number | null;
  customers: number;
  model: GroupValue;
  baseline: GroupValue;
  /** The method the verdict shows, and its figures. */
  shown: ValueVerdict["shown"];
  expectedRevenue: number;
  expectedRevenuePerCustomer: number;
  /** Holdout errors of the shown method on this segment's customers at the cut (null without validation). */
  validation: PredictionErrors | null;
}

/**
 * Expected 12-month revenue per segment (total and per customer) under both methods, the shown one,
 * and its holdout error; the last row is the total (segment null). Segment rows sum to the total.
 *
 * @example
 * valueBySegment(study).map((r) => [r.segment, r.expectedRevenue, r.validation?.revenueTotalRelativeError]);
 */
export function valueBySegment(study: ValueStudy): SegmentValueRow[] {
  const k = study.segments;
  const sums = Array.from({ length: k + 1 }, () => ({ n: 0, mo: 0, mr: 0, bo: 0, br: 0 }));
  for (let i = 0; i < study.labels.length; i++) {
    for (const s of [sums[study.labels[i]], sums[k]]) {
      s.n++;
      s.mo += study.predictions.expectedPurchases[i];
      s.mr += study.predictions.expectedRevenue[i];
      s.bo += study.baselinePredictions.purchases[i];
      s.br += study.baselinePredictions.revenue[i];
    }
  }
  const shown = study.verdict.shown;
  const comparison = study.validation?.comparison;
  const group = (orders: number, revenue: number, n: number): GroupValue => ({
    expectedOrders: orders,
    expectedRevenue: revenue,
    expectedRevenuePerCustomer: n === 0 ? NaN : revenue / n,
  });
  return sums.map((s, j) => {
    const segment = j === k ? null : j;
    const model = group(s.mo, s.mr, s.n);
    const baseline = group(s.bo, s.br, s.n);
    const pick = shown === "model" ? model : baseline;
    const errors = comparison
      ? segment === null
        ? comparison.total
        : comparison.segments[segment]
      : null;
    return {
      segment,
      customers: s.n,
      model,
      baseline,
      shown,
      expectedRevenue: pick.expectedRevenue,
      expectedRevenuePerCustomer: pick.expectedRevenuePerCustomer,
      validation: errors ? errors[shown] : null,
    };
  });
}

/** `customer-value.csv`: customer_unique_id and the value columns of the shown method (NaN → empty). */
export function customerValueCsv(study: ValueStudy): string {
  const columns = valueColumns(study, study.inputs.ids);
  const lines = [["customer_unique_id", ...VALUE_COLUMNS].join(",")];
  const field = (v: number) => (Number.isNaN(v) ? "" : String(v));
  // RFC 4180 quoting (csvField), for ids of other data sources (Olist's are hexadecimal).
  for (let i = 0; i < study.inputs.ids.length; i++) {
    lines.push(
      [csvField(study.inputs.ids[i]), ...VALUE_COLUMNS.map((c) => field(columns[c][i]))].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** `value.json`: parameters, fit diagnostics, holdout validation, verdict, one-time buyers, segments. */
export function valueReport(study: ValueStudy): Record<string, unknown> {
  const day = (d: Date) => d.toISOString();
  const { purchase, spend, oneTimeSpend } = study.model;
  const validation = study.validation;
  return {
    kind: "olist-customer-value",
    version: 1,
    asOf: day(study.asOf),
    horizonDays: study.horizonDays,
    timeUnit: "day",
    countedStatuses: study.countedStatuses,
    purchaseEvent:
      "A purchase is a day with at least one counted order of the customer (orders of one day are summed); " +
      "x = purchase days − 1, t_x and T are days from the first purchase day to the last one and to the as-of date.",
    customers: study.inputs.ids.length,
    columns: VALUE_COLUMN_DOCS,
    purchaseModel: {
      name:
        study.variant === "modified"
          ? "MBG/NBD (Batislam et al. 2007)"
          : "BG/NBD (Fader, Hardie and Lee 2005)",
      variant: study.variant,
      parameters: purchase.params,
      standardErrors: purchase.standardErrors,
      logLikelihood: purchase.logLikelihood,
      patterns: purchase.patterns,
      convergence: purchase.convergence,
    },
    spendModel: {
      name: "Gamma-Gamma (Fader and Hardie 2013)",
      fittedOn: "repeat customers' repeat purchases (the first purchase is not used)",
      parameters: spend.params,
      standardErrors: spend.standardErrors,
      logLikelihood: spend.logLikelihood,
      customers: spend.customers,
      excludedNonPositiveSpend: spend.excludedNonPositive,
      populationMeanSpend: spend.populationMean,
      frequencySpendCorrelation: spend.countSpendCorrelation,
      convergence: spend.convergence,
    },
    oneTimeBuyers: { ...study.oneTimeBuyers, spendPerPurchase: oneTimeSpend },
    validation: validation
      ? {
          cut: day(validation.cut),
          end: day(validation.end),
          cohort: validation.cohort,
          newCustomersNotPredicted: validation.newCustomers,
          ordersInTransitAtCut: validation.inTransitAtCut,
          purchaseModel: {
            parameters: validation.model.purchase.params,
            convergence: validation.model.purchase.convergence,
          },
          spendModel: {
            parameters: validation.model.spend.params,
            frequencySpendCorrelation: validation.model.spend.countSpendCorrelation,
          },
          baseline: baselineJson(validation.baseline),
          total: validation.comparison.total,
          segmentTotalsError: validation.comparison.segmentTotalsError,
          segments: validation.comparison.segments,
          otherVariant: validation.otherVariant,
        }
      : null,
    validationSkipped: study.skipped,
    verdict: study.verdict,
    baseline: baselineJson(study.baseline),
    segments: valueBySegment(study),
    seconds: study.seconds,
  };
}

/** JSON with non-finite numbers as null (JSON.stringify would write them as null anyway, silently). */
function toJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
      2,
    ) + "\n"
  );
}

/**
 * Writes `customer-value.csv` and `value.json` into `outDir`, each atomically; returns their paths.
 *
 * @example
 * writeValueFiles(study, "reports/value");
 */
export function writeValueFiles(study: ValueStudy, outDir: string): { csv: string; json: string } {
  const csv = path.join(outDir, "customer-value.csv");
  const json = path.join(outDir, "value.json");
  const csvText = customerValueCsv(study);
  const jsonText = toJson(valueReport(study));
  writeFileAtomic(csv, csvText);
  writeFileAtomic(json, jsonText);
  return { csv, json };
}
