/**
 * What the marketing brief is made of, as plain data (numbers, strings, arrays; no classes, no
 * dates), so it can be built in a notebook, by the main job or by hand in a test, saved as JSON
 * and rendered again later to the same file. Helpers derive the parts that are computed: the
 * revenue share of each segment and the maintenance recommendation from a maintenance report.
 */
import { MAINTENANCE_STEPS } from "../maintenance/policy.js";
import type { MaintenanceRecommendation } from "../maintenance/recommend.js";
import type { MaintenanceReport } from "../maintenance/report.js";
import type { RetrainingText } from "../maintenance/text.js";
import { retrainingText } from "../maintenance/text.js";
import type { MarketingRow } from "../segments/naming.js";
import type { SegmentProfile } from "../segments/profiles.js";
import type { SegmentationMetrics } from "../segments/output.js";
import type { BriefWorth } from "./worth.js";

/** Where the data of the brief come from. */
export interface BriefDataSource {
  /** One line for people, e.g. `source.description` of `openOlist()`. */
  description: string;
  /** True for the synthetic Olist twin: the brief then says so on top and in the footer. */
  synthetic: boolean;
  /**
   * Banner text shown under the synthetic warning (e.g. `sourceBannerText(source)`), or "" for
   * none. The warning itself ("the figures describe the synthetic Olist twin, not real
   * customers") is always written when `synthetic` is true, whatever this text says.
   */
  banner: string;
}

/** Separation scores of the segmentation (as in `metrics.json`). */
export interface BriefScores {
  /** Mean silhouette, −1…1, higher = better separated. */
  silhouette: number;
  /** How it was computed, as metrics.json says (e.g. "exact"); absent in older inputs. */
  silhouetteMethod?: string;
  /** Davies-Bouldin index, ≥ 0, lower = better separated. */
  daviesBouldin: number;
  /** Calinski-Harabasz index, higher = better separated. */
  calinskiHarabasz: number;
}

/** One point of the ARI-over-time curve of the maintenance simulation. */
export interface BriefCurvePoint {
  /** Days after training. */
  days: number;
  /** Mean ARI (frozen model vs refit) over the runs, and its 10th and 90th percentiles. */
  mean: number;
  p10: number;
  p90: number;
}

/**
 * The retraining part of the brief: the interval of the maintenance recommendation, the ARI curve,
 * the sentences of the retraining section (rendered by `retrainingText` in src/maintenance/text.ts
 * from the same recommendation) and the steps of a retraining.
 */
export interface BriefMaintenance {
  /** Recommended retraining interval in weeks and in days (`recommendation.intervalWeeks/Days`). */
  everyWeeks: number;
  everyDays: number;
  /** ARI below which the segments count as stale (0.8). */
  threshold: number;
  /** Lowest ARI of any run at the end of one interval, and whether the interval keeps the rule. */
  worstAri: number | null;
  satisfied: boolean;
  /** Mean ARI by days after training, with the 10–90 % band over the runs. */
  curve: BriefCurvePoint[];
  /** Every sentence of the retraining section. */
  text: RetrainingText;
  /** The steps of one retraining: what, who, the command, the check. */
  steps: { step: string; owner: string; command: string | null; check: string }[];
}

/** Everything the brief shows. */
export interface BriefInput {
  dataSource: BriefDataSource;
  /** Date the customer table describes, ISO (`"2018-09-01"` or a full timestamp, read in UTC). */
  asOf: string;
  /** Customers segmented. */
  customers: number;
  /** Number of segments. */
  k: number;
  scores: BriefScores;
  /** The marketing table (`marketingTable(profiles, base)`), one row per segment. */
  marketing: MarketingRow[];
  /** The segment profiles (`segmentProfiles(...)`), one per segment, matched to rows by `segment`. */
  profiles: SegmentProfile[];
  /**
   * Share of revenue of each segment, aligned with `profiles`. Default: {@link revenueShares} of
   * the profiles (mean monetary × size over the total), which is exact when every customer has a
   * monetary value.
   */
  revenueShare?: number[];
  /** The retraining recommendation, or null when the maintenance study was not run. */
  maintenance: BriefMaintenance | null;
  /** What each segment is worth (`briefWorth(...)`: value, rule cards, stability, Pareto); default none. */
  worth?: BriefWorth | null;
  /** Title of the brief; default "Customer segments: marketing brief". */
  title?: string;
  /** How missing values are treated (`imputationSentence`); default none shown. */
  imputation?: string;
}

/**
 * Share of revenue of each segment from its profile: mean monetary × size, over the sum across
 * segments. Mean × size is the segment's total spend, so the shares are exact (NaN spend ignored
 * as in the profiles); a segment without a monetary mean counts as 0.
 *
 * @example
 * revenueShares(profiles); // [0.49, 0.21, …], aligned with profiles, summing to 1
 */
export function revenueShares(
  profiles: readonly Pick<SegmentProfile, "size" | "mean">[],
  feature = "monetary",
): number[] {
  const revenue = profiles.map((p) => {
    const m = p.mean[feature];
    return Number.isFinite(m) ? m * p.size : 0;
  });
  const total = revenue.reduce((a, r) => a + r, 0);
  return revenue.map((r) => (total > 0 ? r / total : 0));
}

/**
 * The brief's retraining part from a maintenance report and its recommendation.
 *
 * @example
 * const maintenance = briefMaintenance(study.report, study.recommendation);
 */
export function briefMaintenance(
  report: Pick<MaintenanceReport, "curve" | "options">,
  recommendation: MaintenanceRecommendation,
): BriefMaintenance {
  const r = recommendation;
  return {
    everyWeeks: r.intervalWeeks,
    everyDays: r.intervalDays,
    threshold: r.threshold,
    worstAri: r.worstAri,
    satisfied: r.satisfied,
    curve: report.curve.map((c) => ({ days: c.days, mean: c.mean, p10: c.p10, p90: c.p90 })),
    text: retrainingText(r, report.options.origins.length, report.options.stepDays),
    steps: MAINTENANCE_STEPS.map((s) => ({
      step: s.step,
      owner: s.owner,
      command: s.command,
      check: s.check,
    })),
  };
}

/** What {@link briefInput} assembles a brief from. */
export interface BriefParts {
  /** The segmentation's metrics (`segmentationMetrics(...)` or `metrics.json`). */
  metrics: Pick<
    SegmentationMetrics,
    "customers" | "k" | "asOf" | "silhouette" | "daviesBouldin" | "calinskiHarabasz"
  > &
    Partial<Pick<SegmentationMetrics, "silhouetteMethod">> & {
      dataSource: { description: string; synthetic: boolean };
    };
  marketing: MarketingRow[];
  profiles: SegmentProfile[];
  /** Default null (the study was not run). */
  maintenance?: BriefMaintenance | null;
  /** Banner text; default "" (the synthetic warning is written anyway). */
  banner?: string;
  /** What each segment is worth; default none (the section is left out). */
  worth?: BriefWorth | null;
  title?: string;
  /** How missing values are treated (`imputationSentence`). */
  imputation?: string;
}

/**
 * A {@link BriefInput} from the outputs of the modelling step, revenue shares computed from the
 * profiles.
 *
 * @example
 * const input = briefInput({ metrics, marketing, profiles, maintenance: briefMaintenance(report, rec) });
 * await writeBrief("reports/brief", input);
 */
export function briefInput(parts: BriefParts): BriefInput {
  const m = parts.metrics;
  return {
    dataSource: {
      description: m.dataSource.description,
      synthetic: m.dataSource.synthetic,
      banner: parts.banner ?? "",
    },
    asOf: m.asOf,
    customers: m.customers,
    k: m.k,
    scores: {
      silhouette: m.silhouette,
      ...(m.silhouetteMethod === undefined ? {} : { silhouetteMethod: m.silhouetteMethod }),
      daviesBouldin: m.daviesBouldin,
      calinskiHarabasz: m.calinskiHarabasz,
    },
    marketing: parts.marketing,
    profiles: parts.profiles,
    revenueShare: revenueShares(parts.profiles),
    maintenance: parts.maintenance ?? null,
    ...(parts.worth ? { worth: parts.worth } : {}),
    ...(parts.title !== undefined ? { title: parts.title } : {}),
    ...(parts.imputation !== undefined ? { imputation: parts.imputation } : {}),
  };
}
