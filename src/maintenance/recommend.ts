/**
 * The maintenance recommendation (`recommendation` of maintenance.json): the retraining interval
 * by the cadence rule (cadence.ts), the trade-off table of the candidate intervals (worst and
 * median ARI at the end of a cycle, refits and checks per year, cost in R$), the validated
 * early-warning trigger with its lead time and check cadence (trigger.ts), computed from a
 * maintenance report alone. One object: `npm start`'s summary, metrics.json, the brief and
 * notebook 3 all read the interval from it.
 */
import type { CadenceQuality } from "./cadence.js";
import { cadenceRuleText, chooseCadence } from "./cadence.js";
import type { PlanCost } from "./cost.js";
import { planCost } from "./cost.js";
import { formatAri, formatWeeks, ofRuns } from "./format.js";
import type { CostAssumptions } from "./policy.js";
import {
  CADENCE_WEEKS,
  COST_ASSUMPTIONS,
  RUN_COVERAGE,
  TRIGGER_CANDIDATES,
  TRIGGER_MIN_SHARE,
} from "./policy.js";
import type { MaintenanceReport } from "./report.js";
import type { TriggerValidation } from "./trigger.js";
import { checkCadenceWeeks, chooseTrigger } from "./trigger.js";
import type { RetrainRecommendation } from "../segments/retrainField.js";

/** One row of the trade-off table: a candidate interval, its quality and its cost. */
export type TradeoffRow = CadenceQuality &
  PlanCost & {
    /** Check between retrainings every … weeks (0: none, the interval is too short). */
    checkEveryWeeks: number;
    recommended: boolean;
  };

/** The trigger chosen, with how often it is checked in the recommended plan. */
export type RecommendedTrigger = Omit<TriggerValidation, "perRun"> & {
  perRun: TriggerValidation["perRun"];
  checkEveryWeeks: number;
  checkEveryDays: number;
  /**
   * Days left, at the least, between a check that sees the warning and the crossing: the shortest
   * lead time less the check interval plus the study's step (a check may come up to a check
   * interval minus a step after the first warning); null when the trigger never warned in time.
   */
  actWithinDays: number | null;
  /** The check cadence rule in words. */
  checkRule: string;
  /**
   * Runs where it fired more than `actWithinDays` before the scheduled retraining: acting on the
   * warning would then bring the retraining forward.
   */
  earlyRetrainings: number;
};

/** The recommendation of maintenance.json. */
export interface MaintenanceRecommendation {
  threshold: number;
  intervalWeeks: number;
  intervalDays: number;
  /** The cadence rule in words. */
  rule: string;
  /** Share of the runs the rule keeps at or above the threshold (1: every run). */
  coverage: number;
  /** Whether a usual cadence keeps the rule's promise (false: the interval is the shortest and `note` says why). */
  satisfied: boolean;
  /** Lowest and median ARI of the runs at the end of one interval (null: no run reaches it). */
  worstAri: number | null;
  medianAri: number | null;
  /** Lowest ARI of any run at any evaluation within one interval. */
  lowestInCycle: number | null;
  /** Runs the rule rests on (training dates × seeds). */
  runs: number;
  /** Days until each run's ARI fell below the threshold: median, earliest, latest (null: none fell). */
  crossing: {
    medianDays: number | null;
    minDays: number | null;
    maxDays: number | null;
    fell: number;
  };
  /** Mean seed-to-seed ARI of refits on the same data. */
  noiseFloor: number;
  /** Candidate intervals in increasing length; the recommended row is marked. */
  tradeoff: TradeoffRow[];
  cost: CostAssumptions;
  trigger: RecommendedTrigger;
  /** Every trigger candidate, validated in the same runs (without per-run details). */
  triggerCandidates: Omit<TriggerValidation, "perRun">[];
  /** The study behind it, in words. */
  basis: string;
  /** A plain sentence when the rule is not satisfied or the trigger not validated; null otherwise. */
  note: string | null;
}

/** Options of {@link recommendRetraining} (defaults from policy.ts). */
export interface RecommendOptions {
  cadences?: readonly number[];
  coverage?: number;
  cost?: CostAssumptions;
}

/**
 * The check cadence rule in words.
 *
 * @example
 * checkRuleText(); // "The check runs at the longest of every 1, 2 or 4 weeks that is …"
 */
export function checkRuleText(): string {
  return (
    "The check runs at the longest cadence (every 1, 2 or 4 weeks) no longer than the trigger's " +
    "shortest lead time in the study, so that a check always falls between the warning and the " +
    "crossing, and no longer than half the retraining interval; weekly at the least."
  );
}

/**
 * The recommendation of a maintenance report.
 *
 * @example
 * const rec = recommendRetraining(report);
 * rec.intervalWeeks; // e.g. 4
 */
export function recommendRetraining(
  report: MaintenanceReport,
  options: RecommendOptions = {},
): MaintenanceRecommendation {
  const cadences = options.cadences ?? CADENCE_WEEKS;
  const coverage = options.coverage ?? RUN_COVERAGE;
  const cost = options.cost ?? COST_ASSUMPTIONS;
  const o = report.options;
  const threshold = o.threshold;
  if (report.runs.length === 0) throw new Error("The maintenance report has no run.");
  const { trigger, candidates } = chooseTrigger(
    report.runs,
    threshold,
    o.checkSampleSize,
    TRIGGER_CANDIDATES,
    TRIGGER_MIN_SHARE,
  );
  const chosen = chooseCadence(report.runs, threshold, cadences, coverage);
  const tradeoff: TradeoffRow[] = chosen.rows.map((row) => {
    const checkEveryWeeks = checkCadenceWeeks(trigger.minLeadDays, row.days);
    return {
      ...row,
      ...planCost(row.days, 7 * checkEveryWeeks, cost),
      checkEveryWeeks,
      recommended: row.weeks === chosen.weeks,
    };
  });
  const best = tradeoff.find((r) => r.recommended)!;
  const { perRun, ...summary } = trigger;
  const checkDays = 7 * best.checkEveryWeeks;
  const actWithinDays =
    trigger.minLeadDays === null || trigger.minLeadDays <= 0
      ? null
      : Math.max(o.stepDays, trigger.minLeadDays - Math.max(checkDays, o.stepDays) + o.stepDays);
  const decision = report.retrain;
  const notes: string[] = [];
  if (!chosen.satisfied) {
    notes.push(
      `No usual cadence keeps the runs at ARI ≥ ${threshold}: even within ${formatWeeks(best.weeks)} ` +
        `the worst run falls to ${formatAri(best.lowestInCycle)}, so the shortest cadence is ` +
        `recommended and the segments can be stale before each retraining.`,
    );
  }
  if (!trigger.validated) {
    notes.push(
      `No trigger candidate fires before the crossing in ${Math.round(100 * TRIGGER_MIN_SHARE)} % ` +
        `of the runs that crossed; the best one (${trigger.rule}) does in ` +
        `${ofRuns(trigger.firedBefore, trigger.crossed)}.`,
    );
  }
  return {
    threshold,
    intervalWeeks: best.weeks,
    intervalDays: best.days,
    rule: cadenceRuleText(threshold, cadences, coverage),
    coverage,
    satisfied: chosen.satisfied,
    worstAri: best.worstAri,
    medianAri: best.medianAri,
    lowestInCycle: best.lowestInCycle,
    runs: report.runs.length,
    crossing: {
      medianDays: decision.medianDays,
      minDays: decision.minDays,
      maxDays: decision.maxDays,
      fell: decision.fell,
    },
    noiseFloor: report.noiseFloor.mean,
    tradeoff,
    cost: { ...cost },
    trigger: {
      ...summary,
      perRun,
      checkEveryWeeks: best.checkEveryWeeks,
      checkEveryDays: checkDays,
      actWithinDays,
      checkRule: checkRuleText(),
      earlyRetrainings: perRun.filter(
        (r) => r.firedDays !== null && r.firedDays + (actWithinDays ?? 0) < best.days,
      ).length,
    },
    triggerCandidates: candidates.map(({ perRun: _perRun, ...c }) => c),
    basis:
      `${o.origins.length} training dates × ${o.seeds.length} seeds = ${report.runs.length} runs, evaluated every ` +
      `${o.stepDays} days to ${o.end.slice(0, 10)} (k = ${o.k}, ${o.nInit} restarts per fit)`,
    note: notes.length ? notes.join(" ") : null,
  };
}

/** The part of the recommendation metrics.json carries (`retrain`), declared by the segment outputs. */
export type { RetrainRecommendation };

/**
 * The summary of a recommendation that metrics.json carries (the full one is in maintenance.json).
 *
 * @example
 * metrics.retrain = retrainSummary(recommendRetraining(report));
 */
export function retrainSummary(rec: MaintenanceRecommendation): RetrainRecommendation {
  const t = rec.trigger;
  return {
    threshold: rec.threshold,
    intervalWeeks: rec.intervalWeeks,
    intervalDays: rec.intervalDays,
    satisfied: rec.satisfied,
    worstAri: rec.worstAri,
    rule: rec.rule,
    basis: rec.basis,
    note: rec.note,
    trigger: {
      id: t.id,
      rule: t.rule,
      checkEveryWeeks: t.checkEveryWeeks,
      medianLeadDays: t.medianLeadDays,
      minLeadDays: t.minLeadDays,
      validated: t.validated,
    },
  };
}
