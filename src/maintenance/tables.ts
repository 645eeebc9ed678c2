/**
 * The tables of notebook 3 (and of anyone presenting the maintenance study) as plain rows, each
 * from the report or the recommendation: the study design, the sensitivity of the decision to the
 * threshold, the runs with their crossing and warning, the trade-off of the candidate intervals,
 * the trigger candidates, the contract's steps and the cost assumptions; and the data of the cost
 * chart.
 */
import {
  besideText,
  everyWeeksText,
  formatAri,
  formatHours,
  formatNumber,
  formatReais,
  formatWeeks,
} from "./format.js";
import type { CostAssumptions, MaintenanceStep } from "./policy.js";
import { MAINTENANCE_STEPS } from "./policy.js";
import type { MaintenanceRecommendation } from "./recommend.js";
import type { MaintenanceReport } from "./report.js";

const isoDay = (iso: string): string => iso.slice(0, 10);

/**
 * The study's set-up, one row per setting.
 *
 * @example
 * showTable(studyDesignRows(report), { caption: "Study design" });
 */
export function studyDesignRows(
  report: MaintenanceReport,
  cached = false,
): { setting: string; value: string }[] {
  const o = report.options;
  const first = report.dates[0];
  const last = report.dates[report.dates.length - 1];
  const rows = [
    {
      setting: "features",
      value: `${o.features.join(", ")} (log1p: ${o.log1p.join(", ") || "none"})`,
    },
    { setting: "segments k / restarts per fit", value: `${o.k} / ${o.nInit}` },
    { setting: "training dates (origins)", value: o.origins.map(isoDay).join(", ") },
    { setting: "seeds", value: o.seeds.join(", ") },
    {
      setting: "evaluation dates",
      value: `${report.dates.length}, every ${o.stepDays} days, ${isoDay(first.date)} → ${isoDay(o.end)}`,
    },
    { setting: "runs (origins × seeds)", value: String(report.runs.length) },
    {
      setting: "agreement check sample",
      value: `${formatNumber(o.checkSampleSize)} customers, seed ${o.checkSeed}`,
    },
    { setting: "customers at the last date", value: formatNumber(last.customers) },
    {
      setting: "computing time",
      value:
        `${report.seconds.toFixed(1)} s (${o.workers} worker threads${besideText(report)})` +
        (cached ? ", read from the cache" : ""),
    },
  ];
  if (report.design) rows.push({ setting: "why this design", value: report.design.reason });
  return rows;
}

/**
 * Days until ARI falls below each threshold of the sensitivity table.
 *
 * @example
 * showTable(sensitivityRows(report), { caption: "Days until ARI < threshold" });
 */
export function sensitivityRows(report: MaintenanceReport) {
  return report.sensitivity.map((d) => ({
    threshold: d.threshold,
    median_days: d.medianDays,
    min_days: d.minDays,
    max_days: d.maxDays,
    runs_fell: d.fell,
    runs_never_below: d.neverBelow,
  }));
}

/**
 * Each run: when its ARI crossed the threshold, when the trigger warned, the lead time.
 *
 * @example
 * showTable(runRows(rec), { caption: "Runs of the study" });
 */
export function runRows(rec: MaintenanceRecommendation) {
  return rec.trigger.perRun.map((r) => ({
    training_date: isoDay(r.origin),
    seed: r.seed,
    days_to_ari_below_threshold: r.crossingDays,
    trigger_fired_after_days: r.firedDays,
    lead_days: r.leadDays,
    warned_in_time: r.firedBefore ? "yes" : "no",
  }));
}

/**
 * The trade-off table: one row per candidate interval, the recommended one marked.
 *
 * @example
 * showTable(tradeoffRows(rec), { caption: "Retraining interval: quality and cost" });
 */
export function tradeoffRows(rec: MaintenanceRecommendation) {
  return rec.tradeoff.map((r) => ({
    interval: formatWeeks(r.weeks),
    days: r.days,
    worst_ari_at_end: r.worstAri,
    median_ari_at_end: r.medianAri,
    lowest_ari_in_cycle: r.lowestInCycle,
    keeps_the_rule: r.meetsRule ? "yes" : "no",
    refits_per_year: r.refitsPerYear,
    check_every:
      r.checkEveryWeeks > 0 ? everyWeeksText(r.checkEveryWeeks).replace("every ", "") : "none",
    checks_per_year: r.checksPerYear,
    hours_per_year: r.hoursPerYear,
    cost_per_year: formatReais(r.costPerYear),
    plan: r.recommended ? "◀ recommended" : "",
  }));
}

/**
 * The trigger candidates, validated in the same runs.
 *
 * @example
 * showTable(triggerRows(rec), { caption: "Early-warning trigger candidates" });
 */
export function triggerRows(rec: MaintenanceRecommendation) {
  return rec.triggerCandidates.map((c) => ({
    trigger: c.rule,
    warned_before_crossing: `${c.firedBefore} of ${c.crossed}`,
    median_lead_days: c.medianLeadDays,
    min_lead_days: c.minLeadDays,
    validated: c.validated ? "yes" : "no",
    chosen: c.id === rec.trigger.id ? "◀ trigger" : "",
  }));
}

/**
 * The contract's steps: who, what, how it is checked, effort.
 *
 * @example
 * showTable(contractRows(), { caption: "What each retraining involves" });
 */
export function contractRows(steps: readonly MaintenanceStep[] = MAINTENANCE_STEPS) {
  return steps.map((s, i) => ({
    "#": i + 1,
    step: s.step,
    owner: s.owner,
    command: s.command ?? "",
    input: s.input,
    output: s.output,
    check: s.check,
    hours: s.hours,
  }));
}

/**
 * The cost assumptions, one row each.
 *
 * @example
 * showTable(costAssumptionRows(rec.cost), { caption: "Cost assumptions" });
 */
export function costAssumptionRows(cost: CostAssumptions) {
  return [
    {
      assumption: "hourly rate (analyst or marketing time)",
      value: `${formatReais(cost.ratePerHour)} per hour`,
    },
    {
      assumption: "hours per retraining (sum of the steps)",
      value: formatHours(cost.hoursPerRetraining),
    },
    {
      assumption: "hours per check between retrainings",
      value: formatHours(cost.hoursPerCheck),
    },
    { assumption: "compute time", value: "negligible (a refit takes seconds)" },
  ];
}

/** The data of the cost chart: one bar per interval, the recommended one apart, ARI as labels. */
export interface CostChartData {
  categories: string[];
  /** Cost of the recommended interval (NaN elsewhere) and of the others (NaN at the recommended). */
  recommended: number[];
  others: number[];
  /** One label per bar: cost and the worst / median ARI at the end of a cycle. */
  labels: string[];
}

/**
 * The cost chart's data, bars in increasing interval.
 *
 * @example
 * const c = costChartData(rec);
 * barChart(c.categories, [{ name: "recommended", values: c.recommended }, …], { text: c.labels, mode: "stack" });
 */
export function costChartData(rec: MaintenanceRecommendation): CostChartData {
  const rows = [...rec.tradeoff].sort((a, b) => a.weeks - b.weeks);
  return {
    categories: rows.map((r) =>
      r.recommended ? `${formatWeeks(r.weeks)} ★` : formatWeeks(r.weeks),
    ),
    recommended: rows.map((r) => (r.recommended ? r.costPerYear : NaN)),
    others: rows.map((r) => (r.recommended ? NaN : r.costPerYear)),
    labels: rows.map(
      (r) =>
        `${formatReais(r.costPerYear)}<br>worst ${formatAri(r.worstAri)}<br>median ${formatAri(r.medianAri)}`,
    ),
  };
}
