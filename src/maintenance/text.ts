/**
 * The sentences that state the maintenance decision, rendered from the recommendation object
 * (recommend.ts): the interval and its promise, the crossing days, the trigger and its lead time,
 * the cost, who retrains. Notebook 3, the brief and the command summaries print these, so an
 * interval, a number of days, a score or a cost is written from one value everywhere.
 */
import {
  besideText,
  everyWeeksText,
  formatAri,
  formatDays,
  formatHours,
  formatNumber,
  formatReais,
  formatWeeks,
  ofRuns,
} from "./format.js";
import type { MaintenanceStep } from "./policy.js";
import { MAINTENANCE_STEPS, WARNING_ARI, ARI_THRESHOLD, CHECK_CADENCE_WEEKS } from "./policy.js";
import type { MaintenanceRecommendation } from "./recommend.js";
import type { MaintenanceReport } from "./report.js";

/** The row of the trade-off table after the recommended one (the next longer cadence), if any. */
function nextLonger(rec: MaintenanceRecommendation) {
  const i = rec.tradeoff.findIndex((r) => r.recommended);
  return i >= 0 && i + 1 < rec.tradeoff.length ? rec.tradeoff[i + 1] : undefined;
}

/** "every one of the 12 runs" or "at least 95 % of the 12 runs". */
function whichRuns(rec: MaintenanceRecommendation): string {
  return rec.coverage >= 1
    ? `every one of the ${rec.runs} runs`
    : `at least ${Math.round(100 * rec.coverage)} % of the ${rec.runs} runs`;
}

/**
 * The promise the interval keeps (or the plain statement that no cadence keeps it).
 *
 * @example
 * promiseText(rec);
 * // "Up to the end of each 8-week interval, every one of the 12 runs of the study still agrees …"
 */
export function promiseText(rec: MaintenanceRecommendation): string {
  if (!rec.satisfied) return rec.note ?? "";
  const next = nextLonger(rec);
  const longer = next
    ? ` The next usual cadence, ${formatWeeks(next.weeks)}, would let the worst run fall to ${formatAri(next.lowestInCycle)}.`
    : " It is the longest usual cadence.";
  return (
    `Up to the end of each ${rec.intervalWeeks}-week interval, ${whichRuns(rec)} of the study still ` +
    `agrees with a fresh refit at ARI ≥ ${rec.threshold} (at the end: worst run ${formatAri(rec.worstAri)}, ` +
    `median ${formatAri(rec.medianAri)}).${longer}`
  );
}

/**
 * The interval and the promise it keeps.
 *
 * @example
 * recommendationText(rec); // "Retrain every 8 weeks (56 days). Up to the end of each 8-week interval, …"
 */
export function recommendationText(rec: MaintenanceRecommendation): string {
  return `Retrain ${everyWeeksText(rec.intervalWeeks)} (${formatDays(rec.intervalDays)}). ${promiseText(rec)}`.trim();
}

/**
 * When the runs' ARI fell below the threshold.
 *
 * @example
 * crossingText(rec); // "Over the 12 runs, the agreement fell below 0.8 after a median of 74 days (earliest 63, latest 77)."
 */
export function crossingText(rec: MaintenanceRecommendation): string {
  const c = rec.crossing;
  if (c.fell === 0) {
    return `Over the ${rec.runs} runs, the agreement never fell below ${rec.threshold} within the data studied.`;
  }
  const never = c.fell < rec.runs ? `; in ${ofRuns(rec.runs - c.fell, rec.runs)} it never did` : "";
  return (
    `Over the ${rec.runs} runs, the agreement fell below ${rec.threshold} after a median of ` +
    `${formatDays(c.medianDays)} (earliest ${formatDays(c.minDays)}, latest ${formatDays(c.maxDays)})${never}.`
  );
}

/**
 * The trigger between retrainings: the check, its cadence, its level and its lead time in the
 * study, and the candidates it replaced.
 *
 * @example
 * triggerText(rec); // "Between retrainings, run the agreement check every 2 weeks: …"
 */
export function triggerText(rec: MaintenanceRecommendation): string {
  const t = rec.trigger;
  const cadence =
    t.checkEveryWeeks > 0
      ? `every ${t.checkEveryWeeks === 1 ? "week" : formatWeeks(t.checkEveryWeeks)}`
      : "at each retraining (the interval is too short for a check in between)";
  const act =
    t.actWithinDays !== null ? `retrain within ${formatDays(t.actWithinDays)}` : "retrain at once";
  const evidence =
    t.firedBefore > 0
      ? `In the study it warned before the crossing in ${ofRuns(t.firedBefore, t.crossed)} that crossed, ` +
        (t.minLeadDays === t.maxLeadDays
          ? `${formatDays(t.minLeadDays)} ahead.`
          : `${formatDays(t.minLeadDays)} to ${formatDays(t.maxLeadDays)} ahead (median ${formatDays(t.medianLeadDays)}).`)
      : `In the study it never warned before the crossing (${ofRuns(0, t.crossed)}).`;
  const replaced = rec.triggerCandidates
    .filter((c) => c.id !== t.id && !c.validated)
    .map((c) => `the trigger "${c.rule}" warned in time in ${ofRuns(c.firedBefore, c.crossed)}`);
  const others = replaced.length ? ` By contrast, ${replaced.join("; ")}.` : "";
  const early =
    t.earlyRetrainings > 0
      ? ` In ${ofRuns(t.earlyRetrainings, t.runs)} it would have warned more than ${formatDays(t.actWithinDays)} before the scheduled retraining, which then comes early.`
      : "";
  const caveat = t.validated ? "" : ` ${rec.note ?? ""}`;
  return (
    `Between retrainings, run the agreement check ${cadence}: when the ${t.signalText} ` +
    `is ${t.direction} ${t.level}, ${act}. ${evidence}${early}${others}${caveat}`
  ).trim();
}

/**
 * The yearly cost of the recommended plan under the stated assumptions, against the next longer
 * cadence.
 *
 * @example
 * costText(rec); // "Retraining every 8 weeks costs R$ 3,000 a year: 6.5 retrainings × 5 h …"
 */
export function costText(rec: MaintenanceRecommendation): string {
  const row = rec.tradeoff.find((r) => r.recommended)!;
  const c = rec.cost;
  const checks =
    row.checksPerYear > 0
      ? ` and ${formatNumber(row.checksPerYear, 1)} checks × ${formatHours(c.hoursPerCheck)}`
      : "";
  const next = nextLonger(rec);
  const compare = next
    ? ` Every ${formatWeeks(next.weeks)} would cost ${formatReais(next.costPerYear)} but let the worst run fall to ${formatAri(next.lowestInCycle)}.`
    : "";
  return (
    `Retraining ${everyWeeksText(row.weeks)} costs ${formatReais(row.costPerYear)} a year: ` +
    `${formatNumber(row.refitsPerYear, 1)} retrainings × ${formatHours(c.hoursPerRetraining)}${checks} ` +
    `at ${formatReais(c.ratePerHour)} per hour (assumptions; compute time is negligible).${compare}`
  );
}

/**
 * Who does what, from the contract's steps (numbered from 1).
 *
 * @example
 * ownerText(); // "The data analyst retrains (steps 1, 2, 4 and 5) and runs the checks; the marketing lead does step 3."
 */
export function ownerText(steps: readonly MaintenanceStep[] = MAINTENANCE_STEPS): string {
  const byOwner = new Map<string, number[]>();
  steps.forEach((s, i) => {
    const list = byOwner.get(s.owner) ?? [];
    list.push(i + 1);
    byOwner.set(s.owner, list);
  });
  const numbers = (ns: number[]) =>
    ns.length === 1
      ? `step ${ns[0]}`
      : `steps ${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`;
  const [first, ...rest] = [...byOwner.entries()].sort((a, b) => b[1].length - a[1].length);
  const lead = `The ${first[0]} retrains (${numbers(first[1])}) and runs the checks`;
  const others = rest.map(([owner, ns]) => `the ${owner} does ${numbers(ns)}`);
  return `${[lead, ...others].join("; ")}.`;
}

/** The sentences of the brief's retraining section. */
export interface RetrainingText {
  /** One sentence for the brief's summary paragraph. */
  summary: string;
  /** The headline ("Retrain every 8 weeks (56 days)."). */
  lead: string;
  /** How the study measured it. */
  study: string;
  /** The interval's promise (or that no cadence keeps it). */
  promise: string;
  crossing: string;
  noise: string;
  trigger: string;
  cost: string;
  who: string;
}

/**
 * Every sentence of the brief's retraining section.
 *
 * @example
 * const text = retrainingText(rec, report.options.origins.length, report.options.stepDays);
 */
export function retrainingText(
  rec: MaintenanceRecommendation,
  origins: number,
  stepDays: number,
): RetrainingText {
  const every = everyWeeksText(rec.intervalWeeks);
  const summary = rec.satisfied
    ? `Retrain the segmentation ${every}: in the maintenance study every run still matched a fresh model ` +
      `(agreement ≥ ${rec.threshold}) at the end of that interval (worst ${formatAri(rec.worstAri)}).`
    : `Retrain the segmentation ${every}, the shortest usual cadence: even then the segments can be stale before each retraining.`;
  return {
    summary,
    lead: `Retrain ${every} (${formatDays(rec.intervalDays)}).`,
    study:
      `The maintenance study froze the segments at ${origins} training dates and compared them every ` +
      `${formatDays(stepDays)} with segments fitted afresh on the data of that day (adjusted Rand index, ` +
      `ARI: 1 = the same segments, 0 = no better than chance), ${rec.runs} runs in all.`,
    promise: promiseText(rec),
    crossing: crossingText(rec),
    noise:
      `Two fresh models trained on the same data agree at ${formatAri(rec.noiseFloor)}, so the fall ` +
      `is real change among the customers, not noise.`,
    trigger: triggerText(rec),
    cost: costText(rec),
    who: ownerText(),
  };
}

/**
 * What to do while no study has been run (no interval measured): the check of the policy.
 *
 * @example
 * notStudiedText(); // "… run the agreement check every week: below 0.85, retrain; …"
 */
export function notStudiedText(): string {
  const weekly = CHECK_CADENCE_WEEKS.reduce((a, w) => Math.min(a, w), Infinity);
  return (
    `Until it is, run the agreement check ${everyWeeksText(weekly)} (the live segments against a ` +
    `quick refit on a sample of today's customers): below ${WARNING_ARI}, retrain; the segments are ` +
    `stale below ${ARI_THRESHOLD}.`
  );
}

/**
 * The study in a few lines for a terminal (`npm run maintenance`): design and time, the noise
 * floor, the crossing days, the interval, the trigger and the cost.
 *
 * @example
 * console.log(studySummaryLines(study.report, study.recommendation, study.cached).join("\n"));
 */
export function studySummaryLines(
  report: Pick<
    MaintenanceReport,
    "options" | "dates" | "seconds" | "tableSeconds" | "noiseFloor" | "source" | "ranBeside"
  >,
  rec: MaintenanceRecommendation,
  cached: boolean,
): string[] {
  const o = report.options;
  const time = cached
    ? `read from the cache (computed in ${report.seconds.toFixed(1)} s${besideText(report)})`
    : `${report.seconds.toFixed(1)} s (tables ${report.tableSeconds.toFixed(1)} s, ${o.workers} worker(s)${besideText(report)})`;
  return [
    ...(report.source.synthetic ? [report.source.banner] : []),
    `Study: ${rec.basis}; ${report.dates.length} dates: ${time}.`,
    `Noise floor (seed-to-seed ARI): mean ${report.noiseFloor.mean.toFixed(3)}, min ${report.noiseFloor.min.toFixed(3)}.`,
    crossingText(rec),
    recommendationText(rec),
    triggerText(rec),
    costText(rec),
  ];
}
