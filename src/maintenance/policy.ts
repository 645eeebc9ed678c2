/**
 * The maintenance policy in one place: the design of the one maintenance study (used by
 * `npm run maintenance`, `npm start`, notebook 3 and the brief), the thresholds and rules that turn
 * it into a decision, the early-warning trigger candidates, the maintenance contract's steps and the
 * cost assumptions. Change a value here and every output re-decides with it.
 *
 * **The study design and why.** Six training dates (origins) four weeks apart, the latest one
 * 26 weeks before the end of the data, each frozen model evaluated weekly to the end; two seeds per
 * origin: 12 runs.
 * - *Origins over seeds.* Refits with different seeds agree at ARI ≈ 0.99 (the noise floor, 10
 *   restarts per fit), so extra seeds add almost nothing: the spread of the answer comes from the
 *   training date. Two seeds still measure that noise floor; six origins cover half a year of
 *   starting conditions. The worst of 12 runs is the statement the cadence rule rests on (with
 *   exchangeable runs, a new run falls below the worst of n with probability ≤ 1/(n + 1)).
 * - *Anchored at the end.* The latest origin leaves exactly 26 weeks of data (the longest usual
 *   cadence), so every run is evaluated at the end of every candidate interval, and the study
 *   measures the recent behaviour of the customers, whatever the length of the history. Each
 *   origin keeps at least a year of history before it.
 * - *Weekly.* Every usual cadence (1, 2, 4, 6, 8, 13, 26 weeks) falls on the grid, and the trigger's
 *   lead time is measured at the resolution of a weekly check.
 * - *Affordable.* The cost is one customer table, two refits and one quick refit on a sample per
 *   weekly date, shared by all origins: 47 dates, 94 full refits of k-means with 10 restarts (the
 *   former 5-seed study made 255) and 46 quick ones; the result is cached by data checksums,
 *   design and {@link MAINTENANCE_METHOD_VERSION}.
 */
import type { FitSegmentModelOptions } from "../segments/model.js";

/** ARI (frozen model vs a refit) below which the segments are stale and must be retrained. */
export const ARI_THRESHOLD = 0.8;

/** Thresholds of the sensitivity table (days until ARI falls below each). */
export const SENSITIVITY_THRESHOLDS: readonly number[] = [0.7, 0.8, 0.9];

/** Retraining cadences marketing calendars use, in weeks: the candidates of the trade-off table. */
export const CADENCE_WEEKS: readonly number[] = [1, 2, 4, 6, 8, 13, 26];

/**
 * Share of the runs the cadence rule must keep at or above the threshold until the end of the
 * interval: 1 = every run (the worst run decides).
 */
export const RUN_COVERAGE = 1;

/** PSI levels of the rule of thumb: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift. */
export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;

/**
 * Warning level of the sampled agreement check: the live model's ARI against a quick refit on a
 * sample, above the retraining threshold so that it fires before the segments are stale.
 */
export const WARNING_ARI = 0.85;

/**
 * Customers in the sample of the agreement check (all of them when there are fewer). On the
 * full-scale twin the check's ARI differs from the full refit's by sd 0.006 at 20,000 customers
 * (0.020 at 5,000, which made it fire on noise), for about a fifth of a full refit's time.
 */
export const CHECK_SAMPLE_SIZE = 20_000;

/** Seed of the check's sample and of its quick refit. */
export const CHECK_SEED = 0;

/**
 * A trigger is validated when it fires strictly before the ARI crosses the threshold in at least
 * this share of the runs that crossed it.
 */
export const TRIGGER_MIN_SHARE = 0.9;

/** Cadences of the check between retrainings, in weeks (the shortest is the study's resolution). */
export const CHECK_CADENCE_WEEKS: readonly number[] = [1, 2, 4];

/** What a trigger reads in each run: the maximum PSI over the model features, or the check's ARI. */
export type TriggerSignal = "psi" | "sampledAri";

/** A candidate early-warning trigger: fires when its signal crosses `level` in `direction`. */
export interface TriggerCandidate {
  id: string;
  signal: TriggerSignal;
  /** `"above"`: fires when the signal exceeds the level (PSI); `"below"`: when it falls under it. */
  direction: "above" | "below";
  level: number;
}

/**
 * The trigger candidates, in the order the rule tries them (cheapest first): today's PSI rule, the
 * moderate-shift PSI level, then the sampled agreement check.
 */
export const TRIGGER_CANDIDATES: readonly TriggerCandidate[] = [
  { id: "psi-major", signal: "psi", direction: "above", level: PSI_MAJOR },
  { id: "psi-moderate", signal: "psi", direction: "above", level: PSI_MODERATE },
  { id: "sampled-agreement", signal: "sampledAri", direction: "below", level: WARNING_ARI },
];

/** Most evaluation dates of one simulation: an absurd date range is an error, not hours of work. */
export const MAX_EVALUATION_DATES = 120;

/** The design of the maintenance study (see the module comment for the reasons). */
export interface StudyDesign {
  /** Seeds: each gives one frozen model per origin and one refit per date. */
  seeds: number[];
  /** Days between evaluation dates. */
  stepDays: number;
  /** Days between training dates (origins). */
  originStepDays: number;
  /** Most origins. */
  maxOrigins: number;
  /** Days of data after the latest origin (the longest candidate cadence). */
  minHorizonDays: number;
  /** Days of history before the earliest origin. */
  minHistoryDays: number;
  /** ARI threshold of the decision. */
  threshold: number;
  /** Sample size and seed of the agreement check evaluated at every date. */
  checkSampleSize: number;
  checkSeed: number;
}

/** The one maintenance study design. */
export const MAINTENANCE_STUDY: Readonly<StudyDesign> = Object.freeze({
  seeds: [0, 1],
  stepDays: 7,
  originStepDays: 28,
  maxOrigins: 6,
  minHorizonDays: 182,
  minHistoryDays: 365,
  threshold: ARI_THRESHOLD,
  checkSampleSize: CHECK_SAMPLE_SIZE,
  checkSeed: CHECK_SEED,
});

/**
 * Why the study has its design, in one sentence rendered from the design and the number of
 * training dates the data allowed (for maintenance.json and the notebook).
 *
 * @example
 * studyDesignReason(MAINTENANCE_STUDY); // "6 training dates 28 days apart (the latest 182 days before …"
 */
export function studyDesignReason(design: StudyDesign, origins = design.maxOrigins): string {
  const runs = origins * design.seeds.length;
  return (
    `${origins} training dates ${design.originStepDays} days apart (the latest ` +
    `${design.minHorizonDays} days before the end of the data, so every run reaches the longest usual ` +
    `cadence) × ${design.seeds.length} seeds, evaluated every ${design.stepDays} days: refits with ` +
    `different seeds agree closely (the noise floor), so the spread comes from the training dates; ` +
    `the worst of the ${runs} runs is what the cadence rule rests on.`
  );
}

/**
 * Version of the simulation method: bump it when a change of code changes the simulation's
 * numbers, so that cached results of the former method are not reused.
 */
export const MAINTENANCE_METHOD_VERSION = 2;

/** The segmentation a study simulates (features, transform, k and restarts of the model). */
export type StudySegmentation = Pick<
  FitSegmentModelOptions,
  "features" | "log1p" | "scaler" | "k" | "nInit"
>;

/** One step of a retraining, as the maintenance contract states it. */
export interface MaintenanceStep {
  step: string;
  /** Who does it. */
  owner: string;
  /** The command, when there is one. */
  command: string | null;
  input: string;
  output: string;
  /** How the step is checked. */
  check: string;
  /** Effort, hours of work (an assumption of the cost model). */
  hours: number;
}

/** The segment model file after `npm start` (its default output folder): the one path the brief names. */
export const MODEL_FILE = "reports/model.json";

/** The steps of one retraining (the maintenance contract), with who does them and their effort. */
export const MAINTENANCE_STEPS: readonly MaintenanceStep[] = [
  {
    step: "Refresh the data and the customer table",
    owner: "data analyst",
    command: "npm run features",
    input: "the nine Olist exports of the day",
    output: "data/customer_features.csv",
    check: "row counts against the previous export; the loader stops on any invalid record",
    hours: 0.5,
  },
  {
    step: "Refit the segmentation and check it",
    owner: "data analyst",
    command: "npm run segment -- --out reports",
    input: "customer table",
    output: `${MODEL_FILE} and reports/metrics.json`,
    check: "a second seed agrees with the new model (ARI ≥ 0.95)",
    hours: 1,
  },
  {
    step: "Review the segment names and playbook",
    owner: "marketing lead",
    command: null,
    input: "profiles, marketing table, migration between segments",
    output: "validated names and actions",
    check: "every segment still matches its name; sizes within expectations",
    hours: 2,
  },
  {
    step: "Deploy the daily assignment",
    owner: "data analyst",
    command: `npm run segment -- --model ${MODEL_FILE} --out reports`,
    input: "the new model",
    output: "the segment of every customer, every day",
    check: "share of customers per segment against the day before",
    hours: 0.5,
  },
  {
    step: "Write the update note",
    owner: "data analyst",
    command: null,
    input: "ARI, drift, migration",
    output: "one-page update note",
    check: "signed off by marketing",
    hours: 1,
  },
];

/** Assumptions of the cost model (R$, hours). */
export interface CostAssumptions {
  /** Currency of the costs. */
  currency: "R$";
  /** Cost of an hour of work. */
  ratePerHour: number;
  /** Hours of one retraining (sum of the steps' hours). */
  hoursPerRetraining: number;
  /** Hours of one check between retrainings (automated; someone reads its result). */
  hoursPerCheck: number;
  /** Days of a year (refits per year = days per year / interval). */
  daysPerYear: number;
}

/** The cost assumptions: R$ 80 per hour of analyst or marketing time; compute time is negligible. */
export const COST_ASSUMPTIONS: Readonly<CostAssumptions> = Object.freeze({
  currency: "R$",
  ratePerHour: 80,
  hoursPerRetraining: MAINTENANCE_STEPS.reduce((a, s) => a + s.hours, 0),
  hoursPerCheck: 0.25,
  daysPerYear: 365.25,
});
