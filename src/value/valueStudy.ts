/**
 * The customer-value study at an as-of date T, in one call:
 *
 * 1. validation: the model fitted on the histories as of T − 12 months (the cut) predicts each of
 *    those customers' next 12 months, and so does the segment baseline (from the 12 months before
 *    the cut); both meet what the customers did in [cut, T) (customers new in that year are not
 *    predicted, and are counted);
 * 2. the verdict (model or baseline shown, by `VALUE_VERDICT_RULE`);
 * 3. the model refitted on the histories as of T, and the baseline from [cut, T), predicting the 12
 *    months after T.
 *
 * Segments come from a caller's function of the customer table, so any segmentation plugs in; the
 * same function labels the customers at every date (the command uses the segment model fitted at T,
 * so the validation rows are the segments the marketing table shows).
 */
import type { Database } from "../data/db.js";
import type { CustomerTable, OrderStatus } from "../features/definitions.js";
import type { CustomerValueModel, CustomerValuePredictions } from "./customerValue.js";
import {
  fitCustomerValueModel,
  HORIZON_DAYS,
  oneTimeBuyerSummary,
  oneTimeBuyerTreatment,
  predictCustomerValue,
} from "./customerValue.js";
import type { ValueVerdict } from "./holdoutComparison.js";
import { VALUE_VERDICT_RULE } from "./holdoutComparison.js";
import type { PurchaseModelVariant } from "./purchaseModel.js";
import type { SegmentBaseline } from "./segmentBaseline.js";
import { predictSegmentBaseline, segmentCount } from "./segmentBaseline.js";
import type { HoldoutOutcome, ValueInputs } from "./valueInputs.js";
import { valueInputs } from "./valueInputs.js";
import type { SegmentLabeller, ValueValidation } from "./valueValidation.js";
import { baselineFor, labelsAt, validateOnHoldout } from "./valueValidation.js";

/** Options of {@link valueStudy}. */
export interface ValueStudyOptions {
  /** As-of date T (default: the customer table's default). */
  asOf?: Date | string;
  countedStatuses?: readonly OrderStatus[];
  /** Prediction horizon in days (default 365). */
  horizonDays?: number;
  /** Purchase model variant (default `"modified"`, MBG/NBD). */
  variant?: PurchaseModelVariant;
  /** Segment of each customer of a customer table (default: everyone in segment 0). */
  segmentLabels?: SegmentLabeller;
  /** The customer table at T if the caller has it (saves recomputing it). */
  table?: CustomerTable;
  /** Also fit the other variant at the cut and report its holdout errors (default true). */
  compareVariants?: boolean;
  /** Called when a step starts (progress display). */
  onStep?: (step: "fit" | "calibration" | "holdout" | "predict") => void;
}

/** Everything the study computed. */
export interface ValueStudy {
  asOf: Date;
  horizonDays: number;
  countedStatuses: readonly OrderStatus[];
  variant: PurchaseModelVariant;
  /** Inputs at T, one row per customer (ids = the customer table's). */
  inputs: ValueInputs;
  /** Segment of each customer at T. */
  labels: Int32Array;
  /** Number of segments: the largest label at T or at the cut, plus 1. */
  segments: number;
  model: CustomerValueModel;
  predictions: CustomerValuePredictions;
  baseline: SegmentBaseline;
  baselinePredictions: { purchases: Float64Array; revenue: Float64Array };
  /** Null when the data before the cut cannot fit the model (then `skipped` says why). */
  validation: ValueValidation | null;
  skipped: string | null;
  verdict: ValueVerdict;
  oneTimeBuyers: ReturnType<typeof oneTimeBuyerSummary> & { treatment: string };
  /** Wall-clock seconds of each step. */
  seconds: { fit: number; calibration: number; holdout: number; predict: number };
}

const DAY_MS = 86_400_000;

/** Repeat customers with a positive repeat spend: the spend model needs at least 3. */
function spendCustomers(inputs: ValueInputs): number {
  let n = 0;
  for (let i = 0; i < inputs.x.length; i++)
    if (inputs.x[i] > 0 && inputs.repeatMeanValue[i] > 0) n++;
  return n;
}

/**
 * Runs the value study (see the module comment).
 *
 * @example
 * const study = await valueStudy(db, { segmentLabels: (t) => model.assign(t) });
 * study.verdict; // { shown: "model" | "baseline", reason, rule }
 */
export async function valueStudy(
  db: Database,
  options: ValueStudyOptions = {},
): Promise<ValueStudy> {
  const horizonDays = options.horizonDays ?? HORIZON_DAYS;
  const variant = options.variant ?? "modified";
  const labeller = options.segmentLabels;
  const seconds = { fit: 0, calibration: 0, holdout: 0, predict: 0 };
  let start = performance.now();
  const step = (name: keyof typeof seconds) => {
    options.onStep?.(name);
    start = performance.now();
  };
  const stop = (name: keyof typeof seconds) =>
    (seconds[name] += (performance.now() - start) / 1000);

  step("fit");
  const inputs = await valueInputs(db, {
    asOf: options.asOf,
    countedStatuses: options.countedStatuses,
  });
  const labels = await labelsAt(db, inputs, labeller, options.table);
  const model = fitCustomerValueModel(inputs, { variant });
  stop("fit");

  step("calibration");
  const cut = new Date(inputs.asOf.getTime() - horizonDays * DAY_MS);
  const calibration = await valueInputs(db, { asOf: cut, countedStatuses: inputs.countedStatuses });
  const fittable = calibration.ids.length > 0 && spendCustomers(calibration) >= 3;
  const skipped = fittable
    ? null
    : `No holdout validation: before ${cut.toISOString().slice(0, 10)} (the as-of date minus ${horizonDays} days) ` +
      `the data hold ${calibration.ids.length} customers and ${spendCustomers(calibration)} repeat customers ` +
      "with spend, too few to fit the model.";
  const calibrationLabels = fittable
    ? await labelsAt(db, calibration, labeller)
    : new Int32Array(0);
  const segments = Math.max(segmentCount(labels), segmentCount(calibrationLabels));
  stop("calibration");

  let validation: ValueValidation | null = null;
  let outcome: HoldoutOutcome | null = null;
  if (fittable) {
    step("holdout");
    ({ validation, outcome } = await validateOnHoldout(db, calibration, calibrationLabels, {
      end: inputs.asOf,
      horizonDays,
      segments,
      variant,
      labeller,
      compareVariants: options.compareVariants ?? true,
    }));
    stop("holdout");
  }

  step("predict");
  const predictions = predictCustomerValue(model, inputs, horizonDays);
  const previous = outcome ? { labels: calibrationLabels, outcome } : undefined;
  const baseline = await baselineFor(
    db,
    { inputs, labels },
    horizonDays,
    segments,
    labeller,
    previous,
  );
  const baselinePredictions = predictSegmentBaseline(baseline, labels);
  stop("predict");

  const verdict: ValueVerdict = validation
    ? validation.comparison.verdict
    : {
        shown: "baseline",
        reason: `${skipped} The unvalidated model is not shown.`,
        rule: VALUE_VERDICT_RULE,
      };
  return {
    asOf: inputs.asOf,
    horizonDays,
    countedStatuses: inputs.countedStatuses,
    variant,
    inputs,
    labels,
    segments,
    model,
    predictions,
    baseline,
    baselinePredictions,
    validation,
    skipped,
    verdict,
    oneTimeBuyers: {
      ...oneTimeBuyerSummary(inputs, predictions),
      treatment: oneTimeBuyerTreatment(variant),
    },
    seconds,
  };
}
