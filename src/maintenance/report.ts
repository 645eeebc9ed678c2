/**
 * The maintenance report (`maintenance.json`, the cached result of the study): a plain-JSON view
 * of a {@link MaintenanceResult} with its data source and design, dates as ISO strings and NaN as
 * null. It holds every run's series (`runs`), so the recommendation (cadence.ts) and the trigger
 * validation (trigger.ts) are recomputed from the report alone.
 */
import type { DataSource } from "../data/locate.js";
import { sourceBannerText } from "../display/banner.js";
import type { SegmentModelJSON } from "../segments/model.js";
import { pointsByRun } from "./curve.js";
import type { StudyDesign } from "./policy.js";
import type { CurvePoint, MaintenanceResult, RetrainDecision } from "./types.js";

/** A number of the report: null stands for NaN (not measurable). */
export type ReportNumber = number | null;

/** The retraining decision at one threshold, in days. */
export interface ReportDecision {
  threshold: number;
  /** Median over the runs where ARI fell below the threshold (null when none fell). */
  medianDays: ReportNumber;
  minDays: ReportNumber;
  maxDays: ReportNumber;
  /** Runs (origin × seed) in all, runs where ARI fell, runs where it never fell within the data. */
  runs: number;
  fell: number;
  neverBelow: number;
}

/** One run (origin × seed): its series by days after the origin, aligned. */
export interface ReportRun {
  origin: string;
  seed: number;
  days: number[];
  /** ARI(M0, Mi) on all customers at each date. */
  ari: number[];
  /** The agreement check: ARI of M0 against a quick refit on a seeded sample. */
  sampledAri: ReportNumber[];
  /** Largest PSI over the model features, T0 → Ti (it does not depend on the seed). */
  psi: ReportNumber[];
}

/** Contents of `maintenance.json`. */
export interface MaintenanceReport {
  kind: "olist-maintenance-report";
  version: 2;
  source: { description: string; synthetic: boolean; banner: string };
  /** True when the data are the synthetic Olist twin (then `banner` says so). */
  synthetic: boolean;
  banner: string | null;
  options: {
    features: string[];
    log1p: string[];
    scaler: string;
    k: number;
    nInit: number;
    seeds: number[];
    origins: string[];
    stepDays: number;
    end: string;
    threshold: number;
    checkSampleSize: number;
    checkSeed: number;
    workers: number;
  };
  /** The study design the simulation ran (policy.ts) and why it was chosen; null for an ad hoc run. */
  design: (StudyDesign & { reason: string }) | null;
  seconds: number;
  tableSeconds: number;
  /**
   * What ran beside the study on the same cores, when something did (`npm start` and `npm run
   * segment` start it beside their other stages): its `seconds` are then longer than alone.
   */
  ranBeside?: string;
  /** ARI(M0, Mi) by horizon (days after the origin), across origins × seeds (see `CurvePoint`). */
  curve: (Omit<CurvePoint, "meanStayers"> & { meanStayers: ReportNumber })[];
  /** Every evaluation date Ti with the mean ARI of each origin's models at it. */
  dates: {
    date: string;
    customers: number;
    noise: number;
    ari: { origin: string; days: number; mean: number; min: number; max: number }[];
  }[];
  /** Noise floor over all dates: mean and lowest seed-to-seed ARI. */
  noiseFloor: { mean: number; min: number };
  /** PSI of each model feature, centroid shift and migrated share, per origin and date. */
  drift: {
    origin: string;
    date: string;
    days: number;
    psi: Record<string, ReportNumber>;
    centroidShift: ReportNumber[];
    migratedShare: ReportNumber;
  }[];
  /** Recommended retraining interval at the chosen threshold, per run and summarised. */
  retrain: ReportDecision & {
    perRun: { origin: string; seed: number; days: ReportNumber }[];
  };
  /** The same at 0.7, 0.8 and 0.9. */
  sensitivity: ReportDecision[];
  /** Migration T0 → last date of the first origin (first seed). */
  migration: { origin: string; date: string; names: string[]; matrix: number[][] };
  /** Every run's series (origin × seed, in origin then seed order). */
  runs: ReportRun[];
  /** The frozen model of the first origin and seed (names, centroids, transform). */
  frozenModel: SegmentModelJSON;
}

/** NaN and ±Infinity as null. */
export function reportNumber(x: number): ReportNumber {
  return Number.isFinite(x) ? x : null;
}

const iso = (d: Date): string => d.toISOString();

function decisionOf(d: RetrainDecision): ReportDecision {
  return {
    threshold: d.threshold,
    medianDays: reportNumber(d.median),
    minDays: reportNumber(d.min),
    maxDays: reportNumber(d.max),
    runs: d.perRun.length,
    fell: d.perRun.length - d.neverBelow,
    neverBelow: d.neverBelow,
  };
}

/**
 * The report of a simulation run on `source` (with the study design it ran, when it is one).
 *
 * @example
 * const report = maintenanceReport(result, olist.source, { ...MAINTENANCE_STUDY, reason: studyDesignReason(MAINTENANCE_STUDY) });
 */
export function maintenanceReport(
  result: MaintenanceResult,
  source: Pick<DataSource, "description" | "synthetic">,
  design: MaintenanceReport["design"] = null,
): MaintenanceReport {
  const banner = sourceBannerText(source as DataSource);
  const o = result.options;
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const min = (xs: number[]) => xs.reduce((a, x) => Math.min(a, x), Infinity);
  const max = (xs: number[]) => xs.reduce((a, x) => Math.max(a, x), -Infinity);
  const noises = result.dates.map((d) => d.noise);
  const maxPsi = new Map<string, number>();
  for (const d of result.drift) {
    const values = Object.values(d.psi).filter((v) => !Number.isNaN(v));
    maxPsi.set(`${d.origin.getTime()}|${d.date.getTime()}`, values.length ? max(values) : NaN);
  }
  return {
    kind: "olist-maintenance-report",
    version: 2,
    source: { description: source.description, synthetic: source.synthetic, banner },
    synthetic: source.synthetic,
    banner: source.synthetic ? banner : null,
    options: {
      features: [...o.features],
      log1p: [...o.log1p],
      scaler: o.scaler,
      k: o.k,
      nInit: o.nInit,
      seeds: [...o.seeds],
      origins: o.origins.map(iso),
      stepDays: o.stepDays,
      end: iso(o.end),
      threshold: o.threshold,
      checkSampleSize: o.checkSampleSize,
      checkSeed: o.checkSeed,
      workers: result.workers,
    },
    design: design && { ...design, seeds: [...design.seeds] },
    seconds: result.seconds,
    tableSeconds: result.tableSeconds,
    curve: result.curve.map((p) => ({
      days: p.days,
      mean: p.mean,
      median: p.median,
      min: p.min,
      max: p.max,
      p10: p.p10,
      p90: p.p90,
      meanStayers: reportNumber(p.meanStayers),
      noise: p.noise,
      runs: p.runs,
    })),
    dates: result.dates.map((d) => {
      const at = result.points.filter((p) => p.date.getTime() === d.date.getTime());
      const origins = [...new Set(at.map((p) => p.origin.getTime()))].sort((a, b) => a - b);
      return {
        date: iso(d.date),
        customers: d.customers,
        noise: d.noise,
        ari: origins.map((o) => {
          const aris = at.filter((p) => p.origin.getTime() === o).map((p) => p.ari);
          return {
            origin: new Date(o).toISOString(),
            days: at.find((p) => p.origin.getTime() === o)!.days,
            mean: mean(aris),
            min: min(aris),
            max: max(aris),
          };
        }),
      };
    }),
    noiseFloor: { mean: mean(noises), min: min(noises) },
    drift: result.drift.map((d) => ({
      origin: iso(d.origin),
      date: iso(d.date),
      days: d.days,
      psi: Object.fromEntries(Object.entries(d.psi).map(([f, v]) => [f, reportNumber(v)])),
      centroidShift: d.centroidShift.map(reportNumber),
      migratedShare: reportNumber(d.migratedShare),
    })),
    retrain: {
      ...decisionOf(result.decision),
      perRun: result.decision.perRun.map((r) => ({
        origin: iso(r.origin),
        seed: r.seed,
        days: reportNumber(r.days),
      })),
    },
    sensitivity: result.sensitivity.map(decisionOf),
    migration: {
      origin: iso(result.migration.origin),
      date: iso(result.migration.date),
      names: [...result.migration.names],
      matrix: result.migration.matrix.map((row) => [...row]),
    },
    runs: pointsByRun(result.points).map((run) => ({
      origin: iso(run[0].origin),
      seed: run[0].seed,
      days: run.map((p) => p.days),
      ari: run.map((p) => p.ari),
      sampledAri: run.map((p) => reportNumber(p.sampledAri)),
      psi: run.map((p) =>
        reportNumber(maxPsi.get(`${p.origin.getTime()}|${p.date.getTime()}`) ?? NaN),
      ),
    })),
    frozenModel: result.frozenModels[0].toJSON(),
  };
}
