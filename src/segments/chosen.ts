/**
 * The segmentation chosen in `notebooks/2_modelling.ipynb`, in one place: the modelling notebook
 * justifies it, `npm run segment` fits it by default, and the maintenance simulation studies it.
 */
import type { FeatureName } from "../features/derivedFeatures.js";
import type { FitSegmentModelOptions } from "./model.js";

/**
 * RFM + satisfaction, k = 5: recency, frequency (log1p), monetary (log1p) and mean review score,
 * standardised. Among the compared feature sets and k it has the best balance of separation
 * (silhouette, Davies-Bouldin, Calinski-Harabasz) and segments marketing can act on; adding delivery
 * and payment behaviour lowered every separation score without creating a new actionable group.
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
