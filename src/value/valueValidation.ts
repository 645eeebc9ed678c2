/**
 * The holdout validation of the value study, and the segment labels and baseline it needs: the
 * model fitted on the histories at a cut date predicts each customer's next horizon, the segment
 * baseline (from the horizon before the cut) does too, and both meet what the customers did.
 */
import type { Database } from "../data/db.js";
import type { CustomerTable } from "../features/definitions.js";
import { customerFeatures } from "../features/customers.js";
import type { CustomerValueModel } from "./customerValue.js";
import {
  fitCustomerValueModel,
  oneTimeBuyerSummary,
  predictCustomerValue,
} from "./customerValue.js";
import type { HoldoutComparison } from "./holdoutComparison.js";
import { compareOnHoldout } from "./holdoutComparison.js";
import type { PurchaseModelVariant } from "./purchaseModel.js";
import type { SegmentBaseline } from "./segmentBaseline.js";
import {
  BASELINE_WINDOWS,
  lastPeriodBaseline,
  lifetimeRateBaseline,
  MIN_BASELINE_COHORT,
  predictSegmentBaseline,
  segmentCount,
} from "./segmentBaseline.js";
import type { HoldoutOutcome, ValueInputs } from "./valueInputs.js";
import { holdoutOutcome, valueInputs } from "./valueInputs.js";

/** A segmentation: the segment of each customer of a customer table. */
export type SegmentLabeller = (table: CustomerTable) => ArrayLike<number>;

/** The holdout validation. */
export interface ValueValidation {
  cut: Date;
  end: Date;
  /** Customers with a counted order before the cut (the ones predicted). */
  cohort: number;
  /** Customers whose first counted purchase falls in [cut, end): not predicted by either method. */
  newCustomers: number;
  /** Cohort orders purchased before the cut and counted after it: in neither period. */
  inTransitAtCut: number;
  model: CustomerValueModel;
  /** The baseline the model was compared with (from the horizon before the cut). */
  baseline: SegmentBaseline;
  comparison: HoldoutComparison;
  /** The other variant on the same split (when asked for). */
  otherVariant: {
    variant: PurchaseModelVariant;
    segmentTotalsError: number;
    rmseRevenue: number;
    oneTimeBuyerMeanPActive: number;
  } | null;
}

const DAY_MS = 86_400_000;

/**
 * Segment labels for the rows of `inputs` from `labeller` applied to the customer table of the same
 * date (computed unless given); all 0 without a labeller. Throws when the table's customers are not
 * the inputs' (same definition of a counted order, so this would be a bug).
 */
export async function labelsAt(
  db: Database,
  inputs: ValueInputs,
  labeller: SegmentLabeller | undefined,
  table?: CustomerTable,
): Promise<Int32Array> {
  if (!labeller) return new Int32Array(inputs.ids.length);
  const t =
    table ??
    (await customerFeatures(db, { asOf: inputs.asOf, countedStatuses: inputs.countedStatuses }));
  const same =
    t.asOf.getTime() === inputs.asOf.getTime() &&
    t.ids.length === inputs.ids.length &&
    t.ids.every((id, i) => id === inputs.ids[i]);
  if (!same) {
    throw new Error(
      `The customer table as of ${t.asOf.toISOString()} (${t.ids.length} customers) does not hold the ` +
        `value inputs' customers as of ${inputs.asOf.toISOString()} (${inputs.ids.length}): pass the table of the same date and counted statuses.`,
    );
  }
  const labels = Int32Array.from(labeller(t));
  if (labels.length !== t.ids.length) {
    throw new Error(`The segmentation gave ${labels.length} labels for ${t.ids.length} customers.`);
  }
  return labels;
}

/**
 * The baseline for predicting from the date of `at`: the last-period form over the horizon, from
 * `previous` when already read (the cohort one horizon earlier and what it bought since), else over
 * the longest window with enough customers at its start; the lifetime-rate form when none has.
 */
export async function baselineFor(
  db: Database,
  at: { inputs: ValueInputs; labels: Int32Array },
  horizonDays: number,
  segments: number,
  labeller: SegmentLabeller | undefined,
  previous?: { labels: Int32Array; outcome: HoldoutOutcome },
): Promise<SegmentBaseline> {
  if (previous && previous.labels.length >= MIN_BASELINE_COHORT) {
    return lastPeriodBaseline(
      previous.labels,
      previous.outcome,
      horizonDays,
      horizonDays,
      segments,
    );
  }
  const windows = [horizonDays, ...BASELINE_WINDOWS.filter((w) => w < horizonDays)];
  for (const windowDays of windows) {
    const origin = new Date(at.inputs.asOf.getTime() - windowDays * DAY_MS);
    const before = await valueInputs(db, {
      asOf: origin,
      countedStatuses: at.inputs.countedStatuses,
    });
    if (before.ids.length < MIN_BASELINE_COHORT) continue;
    const labels = await labelsAt(db, before, labeller);
    const outcome = await holdoutOutcome(db, before.ids, {
      cut: origin,
      end: at.inputs.asOf,
      countedStatuses: at.inputs.countedStatuses,
    });
    const k = Math.max(segments, segmentCount(labels));
    return lastPeriodBaseline(labels, outcome, horizonDays, windowDays, k);
  }
  return lifetimeRateBaseline(at.inputs, at.labels, horizonDays, segments);
}

/** Settings of {@link validateOnHoldout}. */
export interface HoldoutSettings {
  /** End of the holdout window (the study's as-of date). */
  end: Date;
  horizonDays: number;
  /** Number of segments of the comparison. */
  segments: number;
  variant: PurchaseModelVariant;
  labeller?: SegmentLabeller;
  /** Also fit the other variant and report its errors. */
  compareVariants: boolean;
}

/**
 * The holdout validation from the histories at the cut (`calibration`, labelled `labels`): returns
 * it with the cohort's outcome in [cut, end) (reused as the next baseline's last period).
 *
 * @example
 * const { validation } = await validateOnHoldout(db, calibration, labels, { end, horizonDays: 365, segments: 5, variant: "modified", compareVariants: true });
 */
export async function validateOnHoldout(
  db: Database,
  calibration: ValueInputs,
  labels: Int32Array,
  settings: HoldoutSettings,
): Promise<{ validation: ValueValidation; outcome: HoldoutOutcome }> {
  const { end, horizonDays, segments, variant } = settings;
  const cut = calibration.asOf;
  const model = fitCustomerValueModel(calibration, { variant });
  const outcome = await holdoutOutcome(db, calibration.ids, {
    cut,
    end,
    countedStatuses: calibration.countedStatuses,
  });
  const baseline = await baselineFor(
    db,
    { inputs: calibration, labels },
    horizonDays,
    segments,
    settings.labeller,
  );
  const base = predictSegmentBaseline(baseline, labels);
  const compare = (m: CustomerValueModel) => {
    const p = predictCustomerValue(m, calibration, horizonDays);
    const predicted = { purchases: p.expectedPurchases, revenue: p.expectedRevenue };
    return { p, comparison: compareOnHoldout(outcome, predicted, base, labels, segments) };
  };
  const { comparison } = compare(model);
  let otherVariant: ValueValidation["otherVariant"] = null;
  if (settings.compareVariants) {
    const other: PurchaseModelVariant = variant === "modified" ? "classic" : "modified";
    const { p, comparison: c } = compare(fitCustomerValueModel(calibration, { variant: other }));
    otherVariant = {
      variant: other,
      segmentTotalsError: c.segmentTotalsError.model,
      rmseRevenue: c.total.model.rmseRevenue,
      oneTimeBuyerMeanPActive: oneTimeBuyerSummary(calibration, p).meanPActive,
    };
  }
  const validation: ValueValidation = {
    cut,
    end,
    cohort: calibration.ids.length,
    newCustomers: outcome.newCustomers,
    inTransitAtCut: outcome.inTransitAtCut,
    model,
    baseline,
    comparison,
    otherVariant,
  };
  return { validation, outcome };
}
