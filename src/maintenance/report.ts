/**
 * The maintenance report written by `npm run maintenance` (`maintenance.json`): a plain-JSON view
 * of a {@link MaintenanceResult} with its data source, dates as ISO strings and NaN as null.
 */
import type { DataSource } from "../data/locate.js";
import { sourceBannerText } from "../display/banner.js";
import type { MaintenanceResult, RetrainDecision } from "./simulate.js";
import { maxOf, minOf } from "../util/arrayStats.js";

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

/** Contents of `maintenance.json`. */
export interface MaintenanceReport {
  kind: "olist-maintenance-report";
  version: 1;
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
    workers: number;
  };
  seconds: number;
  tableSeconds: number;
  /** ARI(M0, Mi) by horizon (days after the origin), across origins × seeds. */
  curve: {
    days: number;
    mean: number;
    min: number;
    max: number;
    p10: number;
    p90: number;
    /** Mean ARI on the customers already present at the origin. */
    meanStayers: ReportNumber;
    /** Mean seed-to-seed ARI of the refits at the same dates (noise floor). */
    noise: number;
    runs: number;
  }[];
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
 * The report of a simulation run on `source`.
 *
 * @example
 * writeFileSync("maintenance.json", JSON.stringify(maintenanceReport(result, olist.source), null, 2));
 */
export function maintenanceReport(
  result: MaintenanceResult,
  source: Pick<DataSource, "description" | "synthetic">,
): MaintenanceReport {
  const banner = sourceBannerText(source as DataSource);
  const o = result.options;
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const noises = result.dates.map((d) => d.noise);
  return {
    kind: "olist-maintenance-report",
    version: 1,
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
      workers: result.workers,
    },
    seconds: result.seconds,
    tableSeconds: result.tableSeconds,
    curve: result.curve.map((p) => ({
      days: p.days,
      mean: p.mean,
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
            min: minOf(aris),
            max: maxOf(aris),
          };
        }),
      };
    }),
    noiseFloor: { mean: mean(noises), min: minOf(noises) },
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
  };
}
