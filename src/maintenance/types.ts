/**
 * The data of the maintenance simulation: its options, what it measures at each date, and its
 * result (see `simulate.ts` for the method).
 */
import type { Scaler } from "../features/transform.js";
import type { SegmentModel } from "../segments/model.js";
import type { FeatureSnapshot } from "./snapshot.js";

/**
 * Gives the customer table as of a date (a `CustomerTable` or any {@link FeatureSnapshot} with the
 * model features). `simulateMaintenance` uses `featureSnapshot(db, asOf, features)` for a
 * database; tests pass their own provider (resampled or drifted tables).
 */
export type TableProvider = (asOf: Date) => Promise<FeatureSnapshot> | FeatureSnapshot;

/** Options of `simulateMaintenance`. Defaults are those of `MAINTENANCE_STUDY` (policy.ts). */
export interface MaintenanceOptions {
  /** Model features (customer-table columns). */
  features: readonly string[];
  /** Columns log1p-transformed before scaling (default none). */
  log1p?: readonly string[];
  /** Scaler (default `"standard"`). */
  scaler?: Scaler;
  /** Number of segments. */
  k: number;
  /** k-means restarts of every fit (default 10). */
  nInit?: number;
  /** Seeds: each gives one M0 per origin and one Mi per date. */
  seeds?: readonly number[];
  /** Training dates T0 (default: `defaultOrigins` of the database, see grid.ts). */
  origins?: readonly Date[];
  /** Days between origins when `origins` is not given. */
  originStepDays?: number;
  /** Most origins when `origins` is not given. */
  maxOrigins?: number;
  /** Days of data after the latest origin when `origins` is not given. */
  minHorizonDays?: number;
  /** Days of history before the earliest origin when `origins` is not given. */
  minHistoryDays?: number;
  /** Days between evaluation dates Ti. */
  stepDays?: number;
  /** Last evaluation date (default: `defaultAsOf(db)`, the customer table's default as-of date). */
  end?: Date;
  /** ARI threshold below which the segmentation must be retrained. */
  threshold?: number;
  /** Customers in the sample of the agreement check at each date, and its seed. */
  checkSampleSize?: number;
  checkSeed?: number;
  /**
   * Worker threads for the refits (default: the shared worker pool, one thread per core; 0 = all
   * on the calling thread). Results do not depend on it.
   */
  workers?: number;
  /** Called with 0 before the first evaluation date, then after each one (progress). */
  onProgress?: (done: number, total: number, date: Date) => void;
}

/** One evaluation of one frozen model M0 (origin, seed) at a date Ti. */
export interface MaintenancePoint {
  origin: Date;
  seed: number;
  date: Date;
  /** Days from the origin to Ti. */
  days: number;
  /** Customers at Ti. */
  customers: number;
  /** ARI(M0 labels, Mi labels) on all customers at Ti. */
  ari: number;
  /** The same, on customers already present at the origin. */
  ariStayers: number;
  /** The agreement check at Ti: ARI of M0 against a quick refit on a seeded sample. */
  sampledAri: number;
}

/** The ARI across origins and seeds at a horizon (days after the origin). */
export interface CurvePoint {
  days: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** 10th and 90th percentiles across runs (the band). */
  p10: number;
  p90: number;
  meanStayers: number;
  /** Mean ARI between refits with different seeds at the same dates: the noise floor. */
  noise: number;
  runs: number;
}

/** Drift of the data between an origin and a later date. */
export interface DriftPoint {
  origin: Date;
  date: Date;
  days: number;
  /** PSI of each model feature, T0 → Ti. */
  psi: Record<string, number>;
  /** Per-segment centroid shift of the frozen model (first seed), in T0 standard deviations. */
  centroidShift: number[];
  /** Share of the customers present at T0 whose frozen segment changed by Ti (first seed). */
  migratedShare: number;
}

/** One evaluation date: its customers and the seed-to-seed agreement of the refits (noise floor). */
export interface DatePoint {
  date: Date;
  customers: number;
  /** Mean ARI between the refits of different seeds at this date (1 with a single seed). */
  noise: number;
}

/** Days until ARI first falls below a threshold, per run and summarised. */
export interface RetrainDecision {
  threshold: number;
  /** Days to the first Ti with ARI < threshold, per (origin, seed) run; NaN when it never falls. */
  perRun: { origin: Date; seed: number; days: number }[];
  /** Summary over the runs where ARI fell. */
  median: number;
  min: number;
  max: number;
  /** Runs where ARI never fell below the threshold within the data. */
  neverBelow: number;
}

/** Migration of the customers present at the first origin, T0 → last date (first seed). */
export interface Migration {
  origin: Date;
  date: Date;
  names: string[];
  matrix: number[][];
}

/** Everything the simulation measured. */
export interface MaintenanceResult {
  options: {
    features: string[];
    log1p: string[];
    scaler: Scaler;
    k: number;
    nInit: number;
    seeds: number[];
    origins: Date[];
    stepDays: number;
    end: Date;
    threshold: number;
    checkSampleSize: number;
    checkSeed: number;
  };
  points: MaintenancePoint[];
  /** Every evaluation date of the grid (first origin to end), with its noise floor. */
  dates: DatePoint[];
  curve: CurvePoint[];
  drift: DriftPoint[];
  /** Migration T0 → last date for the first origin and seed (for the Sankey). */
  migration: Migration;
  /** Decision at the requested threshold and sensitivity at each `SENSITIVITY_THRESHOLDS`. */
  decision: RetrainDecision;
  sensitivity: RetrainDecision[];
  /** The frozen models (first origin, every seed), to check they were never refitted. */
  frozenModels: SegmentModel[];
  /** Wall-clock seconds of the simulation, and of it the seconds spent in the table provider. */
  seconds: number;
  tableSeconds: number;
  /** Worker threads used (0: sequential). */
  workers: number;
}
