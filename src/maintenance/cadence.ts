/**
 * The cadence rule: the retraining interval is the longest usual cadence (`CADENCE_WEEKS`) at
 * which every run of the study (or the stated share `RUN_COVERAGE` of them) stays at or above the
 * ARI threshold at every evaluation up to the end of the interval. It rests on the runs, not on the
 * mean curve: the mean is above the threshold while a third of the runs already are below it. When
 * no cadence keeps the promise, the rule says so (`satisfied: false`) and falls back to the
 * shortest cadence.
 */
import { quantileSorted } from "../util/stats.js";
import { CADENCE_WEEKS, RUN_COVERAGE } from "./policy.js";
import type { ReportRun } from "./report.js";

/** What the cadence rule reads of a run. */
export type CadenceRunSeries = Pick<ReportRun, "days" | "ari">;

/** The runs' ARI over one candidate interval. */
export interface CadenceQuality {
  weeks: number;
  days: number;
  /** Runs evaluated at the end of the interval. */
  runs: number;
  /** Lowest and median ARI of the runs at the end of the interval (null: no run reaches it). */
  worstAri: number | null;
  medianAri: number | null;
  /** Lowest ARI of any run at any evaluation up to the end of the interval. */
  lowestInCycle: number | null;
  /** What the rule compares with the threshold: the (1 − coverage) quantile of each run's lowest ARI in the cycle. */
  coveredAri: number | null;
  /** Every run reaches the end of the interval and `coveredAri` ≥ threshold. */
  meetsRule: boolean;
}

/**
 * The runs' ARI over an interval of `weeks` and whether it keeps the rule's promise.
 *
 * @example
 * cadenceQuality(report.runs, 6, 0.8).worstAri; // e.g. 0.78: six weeks miss the threshold
 */
export function cadenceQuality(
  runs: readonly CadenceRunSeries[],
  weeks: number,
  threshold: number,
  coverage = RUN_COVERAGE,
): CadenceQuality {
  if (!(coverage > 0 && coverage <= 1))
    throw new Error(`coverage must be in (0, 1], got ${coverage}`);
  const days = 7 * weeks;
  const atEnd: number[] = [];
  const lowest: number[] = [];
  for (const run of runs) {
    const end = run.days.indexOf(days);
    if (end < 0) continue;
    atEnd.push(run.ari[end]);
    let low = Infinity;
    for (let i = 0; i < run.days.length; i++)
      if (run.days[i] <= days) low = Math.min(low, run.ari[i]);
    lowest.push(low);
  }
  atEnd.sort((a, b) => a - b);
  lowest.sort((a, b) => a - b);
  const covered = lowest.length ? quantileSorted(lowest, 1 - coverage) : null;
  return {
    weeks,
    days,
    runs: atEnd.length,
    worstAri: atEnd.length ? atEnd[0] : null,
    medianAri: atEnd.length ? quantileSorted(atEnd, 0.5) : null,
    lowestInCycle: lowest.length ? lowest[0] : null,
    coveredAri: covered,
    meetsRule:
      runs.length > 0 && atEnd.length === runs.length && covered !== null && covered >= threshold,
  };
}

/**
 * Every candidate cadence's quality and the rule's choice: the longest cadence that meets the rule
 * (`satisfied`), or the shortest one when none does.
 *
 * @example
 * const { weeks, satisfied, rows } = chooseCadence(report.runs, 0.8);
 */
export function chooseCadence(
  runs: readonly CadenceRunSeries[],
  threshold: number,
  cadences: readonly number[] = CADENCE_WEEKS,
  coverage = RUN_COVERAGE,
): { weeks: number; satisfied: boolean; rows: CadenceQuality[] } {
  if (cadences.length === 0) throw new Error("chooseCadence needs at least one cadence.");
  const rows = [...cadences]
    .sort((a, b) => a - b)
    .map((w) => cadenceQuality(runs, w, threshold, coverage));
  const meeting = rows.filter((r) => r.meetsRule);
  const satisfied = meeting.length > 0;
  return { weeks: satisfied ? meeting[meeting.length - 1].weeks : rows[0].weeks, satisfied, rows };
}

/**
 * The cadence rule in words.
 *
 * @example
 * cadenceRuleText(0.8); // "Retrain at the longest usual cadence (1, 2, 4, 6, 8, 13 or 26 weeks) at which every run …"
 */
export function cadenceRuleText(
  threshold: number,
  cadences: readonly number[] = CADENCE_WEEKS,
  coverage = RUN_COVERAGE,
): string {
  const list = [...cadences].sort((a, b) => a - b);
  const usual =
    list.length > 1 ? `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}` : `${list[0]}`;
  const who =
    coverage >= 1
      ? "every run of the study (training date × seed)"
      : `at least ${Math.round(coverage * 100)} % of the runs of the study (training date × seed)`;
  return (
    `Retrain at the longest usual cadence (${usual} weeks) at which ${who} still agrees with a ` +
    `fresh refit at ARI ≥ ${threshold} at every evaluation up to the end of the interval; ` +
    `if none does, retrain at the shortest and say so.`
  );
}
