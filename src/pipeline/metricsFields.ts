/**
 * What a metrics file carries besides the scores: the data files' checksums and the retraining
 * recommendation of the one maintenance study (src/maintenance/study.ts, cached by data, design
 * and method), so that `npm run segment` and notebook 2 write the same `retrain` as `npm start`.
 */
import type { FileChecksum } from "../data/checksums.js";
import { dataChecksums } from "../data/checksums.js";
import type { Database } from "../data/db.js";
import type { DataSource } from "../data/locate.js";
import { retrainSummary } from "../maintenance/recommend.js";
import type { StudySegmentation } from "../maintenance/policy.js";
import { runMaintenanceStudy } from "../maintenance/study.js";
import type { RetrainRecommendation } from "../segments/retrainField.js";
import { UsageError } from "../util/errors.js";
import type { BackgroundStudy } from "./backgroundStudy.js";

/** The fields of {@link metricsFileFields}. */
export interface MetricsFileFields {
  checksums: FileChecksum[];
  /** The study's recommendation; null only when the data hold too little history for the study. */
  retrain: RetrainRecommendation | null;
  /** Why `retrain` is null (the study's own message); null when it is filled. */
  note: string | null;
  /** True when the study was read from the cache. */
  cached: boolean;
}

/** Options of {@link metricsFileFields}. */
export interface MetricsFileFieldsOptions {
  /** The data files' checksums when already computed (default: computed here). */
  checksums?: readonly FileChecksum[];
  /** Last date of the study (default: the customer table's default as-of date). */
  end?: Date;
  /** Worker threads of a study that is not cached (default one per core). */
  workers?: number;
  /**
   * The study of `segmentation` already started in the background (`startMaintenanceStudy`, with
   * `asOfGiven: true` so that too little history is a note, not an error), awaited instead of
   * running it here.
   */
  started?: BackgroundStudy;
}

/**
 * The data files' checksums and the retraining recommendation for a metrics file: the maintenance
 * study of `npm start` of the segmentation in use (`segmentation`: the design the metrics describe,
 * so the interval is that model's), read from the cache when the same data, design and method were
 * studied before, else run. Too little history for the study leaves `retrain` null with the reason.
 *
 * @example
 * const fields = await metricsFileFields(db, source, inUse.design);
 * completeMetrics(metrics, fields).retrain?.intervalWeeks; // e.g. 6
 */
export async function metricsFileFields(
  db: Database,
  source: Pick<DataSource, "description" | "synthetic" | "files">,
  segmentation: StudySegmentation,
  options: MetricsFileFieldsOptions = {},
): Promise<MetricsFileFields> {
  const checksums = options.checksums
    ? options.checksums.map((c) => ({ ...c }))
    : await dataChecksums(source);
  if (options.started) {
    const study = await options.started.result();
    return study
      ? {
          checksums,
          retrain: retrainSummary(study.recommendation),
          note: null,
          cached: study.cached,
        }
      : { checksums, retrain: null, note: options.started.skipped ?? null, cached: false };
  }
  try {
    const study = await runMaintenanceStudy(db, source, {
      end: options.end,
      segmentation,
      checksums,
      workers: options.workers,
    });
    return {
      checksums,
      retrain: retrainSummary(study.recommendation),
      note: null,
      cached: study.cached,
    };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { checksums, retrain: null, note: e.message, cached: false };
  }
}
