/**
 * The `retrain` field of metrics.json: the summary of the maintenance recommendation that travels
 * with a segment model. Declared here, below the maintenance layer that computes it
 * (`retrainSummary`, src/maintenance/recommend.ts), so that the segment outputs need not import
 * maintenance/.
 */

/** The part of the maintenance recommendation metrics.json carries (`retrain`). */
export interface RetrainRecommendation {
  /** ARI below which the segmentation is retrained. */
  threshold: number;
  intervalWeeks: number;
  intervalDays: number;
  /** Whether a usual cadence keeps the rule's promise. */
  satisfied: boolean;
  /** Lowest ARI of the runs at the end of one interval (null: no run reaches it). */
  worstAri: number | null;
  /** The cadence rule in words. */
  rule: string;
  /** The study behind it, in words. */
  basis: string;
  /** A plain sentence when the rule is not satisfied or the trigger not validated; null otherwise. */
  note: string | null;
  /** The early-warning trigger and how often it is checked. */
  trigger: {
    id: string;
    rule: string;
    checkEveryWeeks: number;
    medianLeadDays: number | null;
    minLeadDays: number | null;
    validated: boolean;
  };
}
