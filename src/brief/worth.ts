/**
 * What each segment is worth, as plain data for the brief (numbers, strings, arrays): expected
 * 12-month revenue with its holdout error (model or baseline, as the verdict shows), the rule card
 * in words with its fidelity, the bootstrap stability with its flag, and the Pareto view. Built
 * from the toolbox's results by {@link briefWorth}, or by hand in a test.
 */
import type { segmentConcentration } from "../revenue/concentration.js";
import { conditionWords } from "../rules/featureUnits.js";
import { ruleCardText, rulesSummaryText } from "../rules/ruleCardText.js";
import type { SegmentRules } from "../rules/segmentRules.js";
import type { BootstrapJaccardResult, StabilityFlag } from "../stability/bootstrapJaccard.js";
import { JACCARD_STABLE, JACCARD_UNTRUSTED } from "../stability/bootstrapJaccard.js";
import { stabilityDesignWords } from "../stability/stabilityTable.js";
import { valueBySegment } from "../value/valueOutput.js";
import type { ValueStudy } from "../value/valueStudy.js";

/** A Pareto curve: the top `customerShare` of customers by spend bring `revenueShare` of revenue. */
export interface BriefParetoCurve {
  customerShare: number[];
  revenueShare: number[];
}

/** Expected 12-month value of one group, with its holdout error. */
export interface BriefValue {
  customers: number;
  expectedRevenue: number;
  expectedRevenuePerCustomer: number;
  /** Relative error (predicted − actual) / actual of the shown method's revenue on the holdout year; null without validation. */
  error: number | null;
  /** The same error of the method not shown (for comparison); null without validation. */
  otherError: number | null;
  /** The holdout year's revenue of the group's customers: shown method's prediction and what happened (R$); null without validation. */
  holdoutPredicted: number | null;
  holdoutActual: number | null;
}

/**
 * What a segment's customers did over the last period before the as-of date (the value study's
 * segment baseline: the customers the segment held at its start and what they bought in it),
 * scaled to 90 days: the measured current value of the playbook's 90-day KPIs.
 */
export interface BriefHistory {
  /** Days observed (the baseline's window), or null for the lifetime-rate baseline. */
  windowDays: number | null;
  /** Customers the figures rest on. */
  customers: number;
  /** Orders (purchase days) per customer in 90 days. */
  ordersPer90Days: number;
  /** Revenue per customer in 90 days, R$. */
  revenuePer90Days: number;
}

/** Everything the brief shows of one segment's worth. */
export interface BriefWorthSegment {
  segment: number;
  name: string;
  /** Null when the value study was skipped. */
  value: BriefValue | null;
  /** The last period's orders and revenue per customer (null without a value study). */
  history?: BriefHistory | null;
  /** The conditions of each of the segment's rule leaves in words (one per leaf). */
  ruleLeaves?: string[];
  /** The rule card in words (`ruleCardText`), its fidelity and precision. */
  rule: string;
  fidelity: number;
  precision: number;
  /** Mean bootstrap Jaccard and its flag (Hennig's thresholds). */
  jaccard: number;
  flag: StabilityFlag;
  /** Shares of all customers and of all revenue, the top-20 % share within the segment, its curve. */
  customerShare: number;
  revenueShare: number;
  top20: number;
  curve: BriefParetoCurve;
}

/** The worth part of the brief. */
export interface BriefWorth {
  value: {
    /** Which figures the brief shows (null when the study was skipped), and why. */
    shown: "model" | "baseline" | null;
    reason: string;
    horizonDays: number;
    /** All customers (null when skipped). */
    total: BriefValue | null;
  };
  rules: { fidelity: number; costRatio: number; leaves: number; summary: string };
  stability: { method: string; stable: number; untrusted: number };
  revenue: { top10: number; top20: number; gini: number; curve: BriefParetoCurve };
  segments: BriefWorthSegment[];
}

/** What {@link briefWorth} reads (the fields of `SegmentWorth` in src/pipeline/segmentWorth.ts). */
export interface BriefWorthParts {
  value: ValueStudy | null;
  valueSkipped: string | null;
  rules: SegmentRules;
  stability: BootstrapJaccardResult;
  concentration: ReturnType<typeof segmentConcentration>;
  names: readonly string[];
}

/** The last-period baseline of one segment, scaled to 90 days (see {@link BriefHistory}). */
export function historyOf(
  study: Pick<ValueStudy, "baseline">,
  segment: number,
): BriefHistory | null {
  const b = study.baseline;
  if (segment < 0 || segment >= b.segments || b.fallback[segment]) return null;
  const per90 = 90 / b.horizonDays;
  return {
    windowDays: b.windowDays,
    customers: b.customers[segment],
    ordersPer90Days: b.purchasesPerCustomer[segment] * per90,
    revenuePer90Days: b.revenuePerCustomer[segment] * per90,
  };
}

const curveOf = (c: { curve: { customerShare: Float64Array; revenueShare: Float64Array } }) => ({
  customerShare: Array.from(c.curve.customerShare),
  revenueShare: Array.from(c.curve.revenueShare),
});

/**
 * The brief's worth part from the toolbox's results.
 *
 * @example
 * const input = briefInput({ metrics, marketing, profiles, worth: briefWorth(worth) });
 */
export function briefWorth(parts: BriefWorthParts): BriefWorth {
  const study = parts.value;
  const rows = study ? valueBySegment(study) : [];
  const comparison = study?.validation?.comparison;
  const shown = study ? study.verdict.shown : null;
  const other = shown === "model" ? "baseline" : "model";
  const valueOf = (segment: number | null): BriefValue | null => {
    const row = rows.find((r) => r.segment === segment);
    if (!row || !shown) return null;
    const errors = comparison
      ? segment === null
        ? comparison.total
        : comparison.segments.find((s) => s.segment === segment)
      : undefined;
    return {
      customers: row.customers,
      expectedRevenue: row.expectedRevenue,
      expectedRevenuePerCustomer: row.expectedRevenuePerCustomer,
      error: errors ? errors[shown].revenueTotalRelativeError : null,
      otherError: errors ? errors[other].revenueTotalRelativeError : null,
      holdoutPredicted: errors ? errors[shown].predictedRevenue : null,
      holdoutActual: errors ? errors[shown].actualRevenue : null,
    };
  };
  const reason = study
    ? study.skipped
      ? `${study.skipped} ${study.verdict.reason}`
      : study.verdict.reason
    : (parts.valueSkipped ?? "The value study was not run.");
  const { overall } = parts.concentration;
  return {
    value: { shown, reason, horizonDays: study?.horizonDays ?? 365, total: valueOf(null) },
    rules: {
      fidelity: parts.rules.fidelity,
      costRatio: parts.rules.costRatio,
      leaves: parts.rules.leaves.length,
      summary: rulesSummaryText(parts.rules),
    },
    stability: {
      method: stabilityDesignWords(parts.stability),
      stable: JACCARD_STABLE,
      untrusted: JACCARD_UNTRUSTED,
    },
    revenue: {
      top10: overall.top10,
      top20: overall.top20,
      gini: overall.gini,
      curve: curveOf(overall),
    },
    segments: parts.names.map((name, segment) => {
      const card = parts.rules.segments.find((c) => c.segment === segment);
      const stab = parts.stability.segments.find((s) => s.segment === segment);
      const money = parts.concentration.segments.find((s) => s.segment === segment);
      return {
        segment,
        name,
        value: valueOf(segment),
        history: study ? historyOf(study, segment) : null,
        ruleLeaves: card ? card.conditions.map((leaf) => conditionWords(leaf)) : [],
        rule: card ? ruleCardText(card) : `${name}: no rule card.`,
        fidelity: card?.fidelity ?? NaN,
        precision: card?.precision ?? NaN,
        jaccard: stab?.meanJaccard ?? NaN,
        flag: stab?.flag ?? "unstable",
        customerShare: money?.customerShareOfAll ?? 0,
        revenueShare: money?.revenueShareOfAll ?? 0,
        top20: money?.top20 ?? NaN,
        curve: money ? curveOf(money) : { customerShare: [], revenueShare: [] },
      };
    }),
  };
}
