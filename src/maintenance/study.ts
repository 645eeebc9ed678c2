/**
 * The one maintenance study (design: `MAINTENANCE_STUDY` in policy.ts) of a segmentation on a
 * loaded database, shared by `npm run maintenance`, `npm start` and notebook 3: its report, cached
 * by the data files' checksums, the design, the segmentation and the method version (a warm cache
 * answers in milliseconds with exactly the numbers of the run that filled it), and the
 * recommendation computed from that report by the current policy.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { FileChecksum } from "../data/checksums.js";
import { dataChecksums } from "../data/checksums.js";
import type { Database } from "../data/db.js";
import type { DataSource } from "../data/locate.js";
import { customerFeatures, defaultAsOf } from "../features/customers.js";
import { chosenSegmentation } from "../segments/chosen.js";
import { SegmentModel } from "../segments/model.js";
import type { MarketingRow } from "../segments/naming.js";
import { marketingTable } from "../segments/naming.js";
import { baseValues, segmentProfiles } from "../segments/profiles.js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import { UsageError } from "../util/errors.js";
import { cachedResult, resultCacheKey } from "../util/resultCache.js";
import { defaultOrigins } from "./grid.js";
import type { StudySegmentation } from "./policy.js";
import { MAINTENANCE_METHOD_VERSION, MAINTENANCE_STUDY, studyDesignReason } from "./policy.js";
import type { MaintenanceRecommendation } from "./recommend.js";
import { recommendRetraining } from "./recommend.js";
import type { MaintenanceReport } from "./report.js";
import { maintenanceReport } from "./report.js";
import { simulateMaintenance } from "./simulate.js";
import type { CustomerSample } from "./customerSample.js";
import {
  customerSampleFilter,
  customerSampleWords,
  MAINTENANCE_MAX_CUSTOMERS,
  maintenanceCustomerSample,
} from "./customerSample.js";
import { featureSnapshot } from "./snapshot.js";
import type { TableProvider } from "./types.js";

/** Options of {@link runMaintenanceStudy}. */
export interface MaintenanceStudyOptions {
  /**
   * Last evaluation date (default and latest: `defaultAsOf(db)`, the customer table's default
   * as-of date; an earlier date cuts the data there).
   */
  end?: Date;
  /**
   * The segmentation studied (default: `chosenSegmentation()`, the fallback design; callers pass the
   * segmentation the data uses, `segmentationInUse.ts`).
   */
  segmentation?: StudySegmentation;
  /** Worker threads of the refits (default one per core; 0 = calling thread). */
  workers?: number;
  /** Called after each evaluation date of a computed study (not on a cache hit). */
  onProgress?: (done: number, total: number, date: Date) => void;
  /** Read the cache (default true); false recomputes and refreshes the entry. */
  useCache?: boolean;
  /**
   * What runs beside the study on the same cores (e.g. "the other stages of npm start"), recorded
   * in the report so that its computing time is read as such (default: nothing).
   */
  ranBeside?: string;
  /** Cache folder (default `resultCacheDir()`). */
  cacheDir?: string;
  /** The data files' checksums when already computed (default: `dataChecksums(source)`). */
  checksums?: readonly FileChecksum[];
  /**
   * Above this many customers the study runs on a seeded sample of about this many, labelled in
   * its design reason and basis (default `MAINTENANCE_MAX_CUSTOMERS`, 150,000; `Infinity`: never).
   */
  maxCustomers?: number;
}

/** The study's report and recommendation. */
export interface MaintenanceStudy {
  report: MaintenanceReport;
  recommendation: MaintenanceRecommendation;
  /** True when the report came from the cache. */
  cached: boolean;
  /** The cache key (hex). */
  key: string;
  /** The customer sample the study ran on, or null when it ran on every customer. */
  sample: CustomerSample | null;
}

/** The segmentation part of the design: features, transform, k and restarts (not the seed). */
function segmentationOf(s: StudySegmentation): Required<StudySegmentation> {
  return {
    features: [...s.features],
    log1p: [...(s.log1p ?? [])],
    scaler: s.scaler ?? "standard",
    k: s.k,
    nInit: s.nInit ?? 10,
  };
}

/**
 * Runs the maintenance study of a segmentation, or reads it from the cache.
 *
 * @example
 * const { report, recommendation, cached } = await runMaintenanceStudy(db, source);
 * recommendation.intervalWeeks; // e.g. 4
 */
export async function runMaintenanceStudy(
  db: Database,
  source: Pick<DataSource, "description" | "synthetic" | "files">,
  options: MaintenanceStudyOptions = {},
): Promise<MaintenanceStudy> {
  const latest = await defaultAsOf(db);
  const end = options.end && options.end.getTime() < latest.getTime() ? options.end : latest;
  const design = { ...MAINTENANCE_STUDY, seeds: [...MAINTENANCE_STUDY.seeds] };
  let origins: Date[];
  try {
    origins = await defaultOrigins(db, end, design);
  } catch (e) {
    throw new UsageError(
      // The grid's message already gives the days needed and the data's range.
      `The maintenance study cannot run: ${(e as Error).message} Choose a later --as-of for a ` +
        `retraining interval; the segments themselves do not need the study.`,
    );
  }
  const segmentation = segmentationOf(options.segmentation ?? chosenSegmentation());
  const checksums = options.checksums ?? (await dataChecksums(source));
  const maxCustomers = options.maxCustomers ?? MAINTENANCE_MAX_CUSTOMERS;
  const sample = await maintenanceCustomerSample(db, { maxCustomers });
  const filter = sample ? customerSampleFilter(sample) : undefined;
  const key = resultCacheKey({
    method: MAINTENANCE_METHOD_VERSION,
    design,
    segmentation,
    origins: origins.map((o) => o.toISOString()),
    end: end.toISOString(),
    files: checksums.map((c) => ({ table: c.table, sha256: c.sha256 })),
    ...(sample ? { sample } : {}), // absent in full: the key of a full study is unchanged
  });
  const { value: report, cached } = await cachedResult(
    "maintenance",
    key,
    async () => {
      const tables: Database | TableProvider = sample
        ? (asOf) => featureSnapshot(db, asOf, segmentation.features, undefined, undefined, filter)
        : db;
      const result = await simulateMaintenance(tables, {
        ...segmentation,
        ...design,
        origins,
        end,
        workers: options.workers,
        onProgress: options.onProgress,
      });
      const report = maintenanceReport(result, source, {
        ...design,
        reason:
          studyDesignReason(design, origins.length) +
          (sample ? ` The study ran ${customerSampleWords(sample, maxCustomers)}.` : ""),
      });
      if (options.ranBeside) report.ranBeside = options.ranBeside;
      return report;
    },
    { dir: options.cacheDir, useCache: options.useCache },
  );
  const recommendation = recommendRetraining(report);
  if (sample) recommendation.basis += `, ${customerSampleWords(sample, maxCustomers)}`;
  return { report, recommendation, cached, key, sample };
}

/**
 * Writes `maintenance.json` (the report and, under `recommendation`, the retraining decision) into
 * `dir`, created if missing, atomically; returns its path.
 *
 * @example
 * writeMaintenanceReport("reports/maintenance", await runMaintenanceStudy(db, source));
 */
export function writeMaintenanceReport(
  dir: string,
  study: Pick<MaintenanceStudy, "report" | "recommendation">,
): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "maintenance.json");
  const json = { ...study.report, recommendation: study.recommendation };
  writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

/**
 * The segments of the study's frozen model (first training date, first seed) on the customer table
 * of that date, named and described as in the modelling notebook.
 *
 * @example
 * const names = (await frozenSegmentsAtOrigin(db, report)).map((r) => r.name);
 */
export async function frozenSegmentsAtOrigin(
  db: Database,
  report: Pick<MaintenanceReport, "frozenModel" | "options">,
): Promise<MarketingRow[]> {
  const table = await customerFeatures(db, { asOf: new Date(report.options.origins[0]) });
  const labels = SegmentModel.fromJSON(report.frozenModel).assign(table);
  return marketingTable(segmentProfiles(table, labels), baseValues(table));
}
