/**
 * The fallback segmentation design, in one place: what `npm start`, `npm run segment` and `npm run
 * maintenance` fit when --k is given (with that k), and what the selection rule falls back to when no
 * candidate passes its filters. It is not the outcome of a comparison: without --k and --model, the
 * model fitted and studied (maintenance, value) is the pick of the selection rule on the data loaded
 * (`segmentationInUse.ts`, `selectionRule.ts`, reports/selection.json), which may differ.
 */
import type { FeatureName } from "../features/derivedFeatures.js";
import type { FitSegmentModelOptions } from "./model.js";

/**
 * RFM + satisfaction, k = 5: recency, frequency (log1p), monetary (log1p) and mean review score,
 * standardised; seed 0, 10 restarts. A design with an actionable axis per feature (recency, spend,
 * satisfaction); the selection rule, not this comment, says how it compares with the other candidates.
 */
export const CHOSEN_SEGMENTATION = {
  features: ["recency_days", "frequency", "monetary", "mean_review_score"],
  log1p: ["frequency", "monetary"],
  scaler: "standard",
  k: 5,
  seed: 0,
  nInit: 10,
} as const satisfies Omit<FitSegmentModelOptions, "names" | "source"> & {
  features: readonly FeatureName[];
  log1p: readonly FeatureName[];
};

/** The chosen segmentation as mutable fit options (copy of {@link CHOSEN_SEGMENTATION}). */
export function chosenSegmentation(): Omit<FitSegmentModelOptions, "names" | "source"> & {
  seed: number;
  nInit: number;
} {
  const c = CHOSEN_SEGMENTATION;
  return { ...c, features: [...c.features], log1p: [...c.log1p] };
}
