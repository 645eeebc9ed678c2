/**
 * The maintenance study started in the background of the main job, as soon as the design it
 * studies is known (right after the model selection), so that its refits and snapshot tables use
 * the cores the segment model, the silhouette, the value and the rule cards leave free. Its
 * progress stays silent until the job reaches the study's own stage (lines of two tasks would
 * interleave otherwise); its result, or the reason it was skipped, is reported there too.
 */
import type { Database } from "../data/db.js";
import type { MaintenanceStudy, MaintenanceStudyOptions } from "../maintenance/study.js";
import { runMaintenanceStudy } from "../maintenance/study.js";
import { UsageError } from "../util/errors.js";
import type { Progress, ProgressMode } from "../util/progress.js";
import { progressBar } from "../util/progress.js";

/** A maintenance study running beside the rest of the job. */
export interface BackgroundStudy {
  /** Shows the study's progress from now on: a bar from the dates already done. */
  showProgress(): void;
  /**
   * The study; null when the as-of date leaves too little history for it (then `skipped` says why,
   * and the segments are still valid). Rejects with the study's error otherwise.
   */
  result(): Promise<MaintenanceStudy | null>;
  /** Why the study was skipped, once {@link BackgroundStudy.result} resolved to null. */
  readonly skipped: string | undefined;
  /** Settles when the study has stopped, finished or failed: the database may be closed then. */
  readonly settled: Promise<void>;
}

/** Options of {@link startMaintenanceStudy}. */
export interface BackgroundStudyOptions extends Omit<MaintenanceStudyOptions, "onProgress"> {
  /**
   * Whether an early as-of date was given: only then is a study without enough history skipped
   * (with the default as-of date that is an error of the data).
   */
  asOfGiven: boolean;
  /** Progress drawing mode of the bar (default `"auto"`). */
  progress?: ProgressMode;
}

/**
 * Starts `runMaintenanceStudy(db, source, options)` now and returns its handle. The database must
 * stay open until `settled` (its queries are ordered with the job's own, see `Database`).
 *
 * @example
 * const study = startMaintenanceStudy(db, source, { segmentation: design, asOfGiven: false });
 * // … other stages …
 * study.showProgress();
 * const maintenance = await study.result();
 */
export function startMaintenanceStudy(
  db: Database,
  source: Parameters<typeof runMaintenanceStudy>[1],
  options: BackgroundStudyOptions,
): BackgroundStudy {
  const { asOfGiven, progress: mode, ...studyOptions } = options;
  let last: { done: number; total: number; date: Date } | undefined;
  let bar: Progress | undefined;
  let skipped: string | undefined;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const startedAt = performance.now();
  const run = runMaintenanceStudy(db, source, {
    ...studyOptions,
    onProgress: (done, total, date) => {
      last = { done, total, date };
      bar?.tick(done, day(date));
    },
  }).then(
    (study) => {
      bar?.finish();
      return study;
    },
    (e: unknown) => {
      bar?.finish();
      if (!(e instanceof UsageError) || !asOfGiven) throw e;
      skipped = e.message;
      return null;
    },
  );
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  return {
    showProgress() {
      if (bar || !last || last.done >= last.total) return;
      bar = progressBar({
        label: "  maintenance",
        total: last.total,
        unit: "dates",
        mode,
        done: last.done,
        startedAt,
      });
    },
    result: () => run,
    get skipped() {
      return skipped;
    },
    settled,
  };
}
