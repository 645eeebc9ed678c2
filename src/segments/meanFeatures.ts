/**
 * Features described by their mean rather than their median: nearly everyone has frequency 1, no late
 * delivery and a review score of 5, so the medians would hide the differences. Shared by the profiles
 * and the naming (its own file so that neither imports the other).
 */
export const MEAN_FEATURES: ReadonlySet<string> = new Set([
  "frequency",
  "late_delivery_share",
  "mean_review_score",
]);
