/**
 * Validation of the early-warning triggers in the simulation: for each run (origin × seed), the
 * first date the trigger fires against the first date the run's ARI crosses the retraining
 * threshold; the lead time is the difference in days. A trigger is validated when it fires strictly
 * before the crossing in at least {@link TRIGGER_MIN_SHARE} of the runs that crossed; the candidates
 * are tried in policy order and the first validated one is the trigger. How often the check runs
 * follows from its lead time ({@link checkCadenceWeeks}).
 */
import { quantileSorted } from "../util/stats.js";
import type { TriggerCandidate } from "./policy.js";
import { CHECK_CADENCE_WEEKS, TRIGGER_CANDIDATES, TRIGGER_MIN_SHARE } from "./policy.js";
import type { ReportRun } from "./report.js";

/** What a trigger validation reads of a run. */
export type TriggerRunSeries = Pick<
  ReportRun,
  "origin" | "seed" | "days" | "ari" | "sampledAri" | "psi"
>;

/** One run's crossing, firing and lead time (days after the origin; null: not within the data). */
export interface TriggerRun {
  origin: string;
  seed: number;
  crossingDays: number | null;
  firedDays: number | null;
  /** crossing − fired, when both happened (negative: the trigger fired after the crossing). */
  leadDays: number | null;
  firedBefore: boolean;
}

/** A trigger candidate checked against every run. */
export interface TriggerValidation extends TriggerCandidate {
  /** What it watches, and the trigger, in words. */
  signalText: string;
  rule: string;
  runs: number;
  /** Runs whose ARI crossed the threshold within the data. */
  crossed: number;
  /** Runs where the trigger fired strictly before the crossing. */
  firedBefore: number;
  /** firedBefore / crossed (null when no run crossed). */
  share: number | null;
  /** Runs where it fired although the ARI never crossed within the data. */
  firedWithoutCrossing: number;
  /** Lead time over the runs where it fired before the crossing, days. */
  medianLeadDays: number | null;
  minLeadDays: number | null;
  maxLeadDays: number | null;
  /** share ≥ the required share. */
  validated: boolean;
  perRun: TriggerRun[];
}

/**
 * What a trigger candidate watches, in words.
 *
 * @example
 * triggerSignalText(TRIGGER_CANDIDATES[0], 20000); // "largest PSI of a model feature since training"
 */
export function triggerSignalText(candidate: TriggerCandidate, sampleSize: number): string {
  if (candidate.signal === "psi") return "largest PSI of a model feature since training";
  return (
    `ARI of the live model against a quick refit on a ` +
    `${sampleSize.toLocaleString("en-US")}-customer sample`
  );
}

/**
 * A trigger candidate in words.
 *
 * @example
 * triggerRule(TRIGGER_CANDIDATES[0], 20000); // "largest PSI of a model feature since training above 0.25"
 */
export function triggerRule(candidate: TriggerCandidate, sampleSize: number): string {
  return `${triggerSignalText(candidate, sampleSize)} ${candidate.direction} ${candidate.level}`;
}

const fires = (c: TriggerCandidate, v: number | null): boolean =>
  v !== null && Number.isFinite(v) && (c.direction === "above" ? v > c.level : v < c.level);

/**
 * Checks a trigger against every run: when it fires, when the ARI crosses `threshold`, the lead
 * time, and whether it fires before the crossing in at least `minShare` of the runs that crossed.
 *
 * @example
 * validateTrigger(report.runs, TRIGGER_CANDIDATES[2], 0.8, 5000).medianLeadDays; // e.g. 14
 */
export function validateTrigger(
  runs: readonly TriggerRunSeries[],
  candidate: TriggerCandidate,
  threshold: number,
  sampleSize: number,
  minShare = TRIGGER_MIN_SHARE,
): TriggerValidation {
  const perRun: TriggerRun[] = runs.map((run) => {
    const signal = candidate.signal === "psi" ? run.psi : run.sampledAri;
    const crossing = run.days.findIndex((_, i) => run.ari[i] < threshold);
    const fired = run.days.findIndex((_, i) => fires(candidate, signal[i]));
    const crossingDays = crossing >= 0 ? run.days[crossing] : null;
    const firedDays = fired >= 0 ? run.days[fired] : null;
    const both = crossingDays !== null && firedDays !== null;
    return {
      origin: run.origin,
      seed: run.seed,
      crossingDays,
      firedDays,
      leadDays: both ? crossingDays - firedDays : null,
      firedBefore: both && firedDays < crossingDays,
    };
  });
  const crossed = perRun.filter((r) => r.crossingDays !== null).length;
  const leads = perRun
    .filter((r) => r.firedBefore)
    .map((r) => r.leadDays!)
    .sort((a, b) => a - b);
  const share = crossed > 0 ? leads.length / crossed : null;
  return {
    ...candidate,
    signalText: triggerSignalText(candidate, sampleSize),
    rule: triggerRule(candidate, sampleSize),
    runs: runs.length,
    crossed,
    firedBefore: leads.length,
    share,
    firedWithoutCrossing: perRun.filter((r) => r.crossingDays === null && r.firedDays !== null)
      .length,
    medianLeadDays: leads.length ? quantileSorted(leads, 0.5) : null,
    minLeadDays: leads.length ? leads[0] : null,
    maxLeadDays: leads.length ? leads[leads.length - 1] : null,
    validated: share !== null && share >= minShare,
    perRun,
  };
}

/**
 * Every candidate validated, and the trigger: the first validated candidate in policy order, or,
 * when none is, the one that fired before the crossing in the largest share of runs (then
 * `validated` is false and the recommendation says so).
 *
 * @example
 * const { trigger, candidates } = chooseTrigger(report.runs, 0.8, 5000);
 */
export function chooseTrigger(
  runs: readonly TriggerRunSeries[],
  threshold: number,
  sampleSize: number,
  candidates: readonly TriggerCandidate[] = TRIGGER_CANDIDATES,
  minShare = TRIGGER_MIN_SHARE,
): { trigger: TriggerValidation; candidates: TriggerValidation[] } {
  if (candidates.length === 0) throw new Error("chooseTrigger needs at least one candidate.");
  const checked = candidates.map((c) => validateTrigger(runs, c, threshold, sampleSize, minShare));
  const trigger =
    checked.find((v) => v.validated) ??
    checked.reduce((best, v) => ((v.share ?? -1) > (best.share ?? -1) ? v : best), checked[0]);
  return { trigger, candidates: checked };
}

/**
 * How often the check runs between two retrainings, in weeks: the longest of `cadences` that is
 * no longer than the trigger's shortest lead time (so a check always falls between the firing and
 * the crossing) nor than half the retraining interval (at least one check inside each cycle); the
 * shortest cadence when none is (weekly: the resolution of the study). 0 when the interval is too
 * short for a check inside it.
 *
 * @example
 * checkCadenceWeeks(14, 28); // 2: every two weeks
 */
export function checkCadenceWeeks(
  minLeadDays: number | null,
  intervalDays: number,
  cadences: readonly number[] = CHECK_CADENCE_WEEKS,
): number {
  const shortest = cadences.reduce((a, w) => Math.min(a, w), Infinity);
  if (7 * shortest >= intervalDays) return 0;
  const lead = minLeadDays ?? 0;
  const fitting = cadences.filter((w) => 7 * w <= lead && 7 * w <= intervalDays / 2);
  return fitting.length ? fitting.reduce((a, w) => Math.max(a, w), 0) : shortest;
}
