/**
 * The maintenance simulation: how long a segmentation trained at T0 stays valid.
 *
 * Method (avoiding the pitfalls of public solutions of this exercise):
 * - M0 is fitted at T0 on the customer table *as of T0* (transform and k-means), then frozen: its
 *   scaler is never refitted.
 * - At each later date Ti the customer table is recomputed *as of Ti* (recency, frequency, … move on).
 *   The same customers are labelled by M0 unchanged and by Mi, refitted at Ti with the same k, seed
 *   and restarts; ARI(M0, Mi) compares two labelings of one feature snapshot. ARI is also computed on
 *   the customers already present at T0 only.
 * - k-means local minima cause fake dips: every fit uses restarts, and the ARI between refits at Ti
 *   with different seeds is reported as the noise floor.
 * - Several seeds and several origins T0 (rolling) give a mean curve with a band, and the decision
 *   (days until ARI < threshold) comes with its spread.
 */
import type { Database } from "../data/db.js";
import { customerFeatures, defaultAsOf } from "../features/customers.js";
import type { CustomerTable } from "../features/definitions.js";
import type { Scaler } from "../features/transform.js";
import { adjustedRandIndex } from "../metrics/adjustedRandIndex.js";
import type { SegmentModel } from "../segments/model.js";
import { fitSegmentModel } from "../segments/model.js";
import { centroidShift, migrationMatrix, populationStabilityIndex } from "./drift.js";

const DAY = 86_400_000;

/**
 * Gives the customer table as of a date. `simulateMaintenance` uses `customerFeatures(db, { asOf })`
 * for a database; tests pass their own provider (resampled or drifted tables).
 */
export type TableProvider = (asOf: Date) => Promise<CustomerTable> | CustomerTable;

/** Options of {@link simulateMaintenance}. */
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
  /** Seeds: each gives one M0 per origin and one Mi per date (default [0, 1, 2, 3, 4]). */
  seeds?: readonly number[];
  /**
   * Training dates T0 (rolling origins). Default: 12 months after the first purchase, then every
   * `originStepDays` while at least `minHorizonDays` of data remain, at most `maxOrigins`.
   */
  origins?: readonly Date[];
  /** Days between origins when `origins` is not given (default 56). */
  originStepDays?: number;
  /** Most origins when `origins` is not given (default 3). */
  maxOrigins?: number;
  /** Least days of data after an origin (default 182). */
  minHorizonDays?: number;
  /** Days between evaluation dates Ti (default 7: weekly). */
  stepDays?: number;
  /** Last evaluation date (default: the data's default as-of date, after the last purchase). */
  end?: Date;
  /** ARI threshold below which the segmentation must be retrained (default 0.8). */
  threshold?: number;
  /** Called after each evaluation date (progress). */
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
}

/** The mean curve across origins and seeds at a horizon (days after the origin). */
export interface CurvePoint {
  days: number;
  mean: number;
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

/** Days until ARI first falls below a threshold, per run and summarised. */
export interface RetrainDecision {
  threshold: number;
  /** Days to the first Ti with ARI < threshold, per (origin, seed) run; NaN when it never falls. */
  perRun: { origin: Date; seed: number; days: number }[];
  /** Summary over the runs where ARI fell (median is the recommendation). */
  median: number;
  min: number;
  max: number;
  /** Runs where ARI never fell below the threshold within the data. */
  neverBelow: number;
}

/** Everything the simulation measured. */
export interface MaintenanceResult {
  options: Required<Omit<MaintenanceOptions, "onProgress" | "origins" | "end" | "log1p">> & {
    log1p: string[];
    origins: Date[];
    end: Date;
  };
  points: MaintenancePoint[];
  curve: CurvePoint[];
  drift: DriftPoint[];
  /** Migration T0 → last date for the first origin and seed (for the Sankey). */
  migration: { origin: Date; date: Date; names: string[]; matrix: number[][] };
  /** Decision at the requested threshold and sensitivity at 0.7 / 0.8 / 0.9. */
  decision: RetrainDecision;
  sensitivity: RetrainDecision[];
  /** The frozen models (first origin, every seed), as JSON, to check they were never refitted. */
  frozenModels: SegmentModel[];
  seconds: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Positions in `table` of the customers of `reference`, and the matching positions in `reference`. */
function commonCustomers(
  reference: CustomerTable,
  table: CustomerTable,
): { inTable: Int32Array; inReference: Int32Array } {
  const index = new Map<string, number>();
  reference.ids.forEach((id, i) => index.set(id, i));
  const inTable: number[] = [];
  const inReference: number[] = [];
  table.ids.forEach((id, i) => {
    const r = index.get(id);
    if (r !== undefined) {
      inTable.push(i);
      inReference.push(r);
    }
  });
  return { inTable: Int32Array.from(inTable), inReference: Int32Array.from(inReference) };
}

/** Days until ARI first falls below `threshold`, per run, with a summary. */
export function retrainDecision(
  points: readonly MaintenancePoint[],
  threshold: number,
): RetrainDecision {
  const runs = new Map<string, MaintenancePoint[]>();
  for (const p of points) {
    const key = `${p.origin.toISOString()}|${p.seed}`;
    if (!runs.has(key)) runs.set(key, []);
    runs.get(key)!.push(p);
  }
  const perRun = [...runs.values()].map((run) => {
    const sorted = [...run].sort((a, b) => a.days - b.days);
    const first = sorted.find((p) => p.ari < threshold);
    return { origin: sorted[0].origin, seed: sorted[0].seed, days: first ? first.days : NaN };
  });
  const fell = perRun
    .map((r) => r.days)
    .filter((d) => !Number.isNaN(d))
    .sort((a, b) => a - b);
  return {
    threshold,
    perRun,
    median: quantile(fell, 0.5),
    min: fell.length ? fell[0] : NaN,
    max: fell.length ? fell[fell.length - 1] : NaN,
    neverBelow: perRun.length - fell.length,
  };
}

/** The default origins: 12 months after the first purchase, then every `stepDays`. */
export async function defaultOrigins(
  db: Database,
  end: Date,
  stepDays = 56,
  maxOrigins = 3,
  minHorizonDays = 182,
): Promise<Date[]> {
  const first = await db.scalar<Date>(
    "SELECT date_trunc('day', min(order_purchase_timestamp)) FROM orders",
  );
  const t0 = new Date(first);
  t0.setUTCFullYear(t0.getUTCFullYear() + 1);
  const origins: Date[] = [];
  for (
    let t = t0.getTime();
    origins.length < maxOrigins && end.getTime() - t >= minHorizonDays * DAY;
    t += stepDays * DAY
  ) {
    origins.push(new Date(t));
  }
  if (origins.length === 0) {
    throw new Error(
      `Not enough data after ${t0.toISOString().slice(0, 10)} for a ${minHorizonDays}-day horizon.`,
    );
  }
  return origins;
}

/**
 * Runs the simulation on a loaded database.
 *
 * @example
 * const result = await simulateMaintenance(db, { features, log1p, k: 4 });
 * result.decision.median; // recommended retraining interval, days
 */
export async function simulateMaintenance(
  source: Database | TableProvider,
  options: MaintenanceOptions,
): Promise<MaintenanceResult> {
  const start = performance.now();
  const db = typeof source === "function" ? undefined : source;
  const tableAt: TableProvider =
    typeof source === "function" ? source : (asOf) => customerFeatures(source, { asOf });
  if (!db && (!options.end || !options.origins)) {
    throw new Error(
      "simulateMaintenance with a table provider needs options.origins and options.end",
    );
  }
  const end = options.end ?? (await defaultAsOf(db as Database));
  const seeds = [...(options.seeds ?? [0, 1, 2, 3, 4])];
  const nInit = options.nInit ?? 10;
  const stepDays = options.stepDays ?? 7;
  const threshold = options.threshold ?? 0.8;
  const scaler = options.scaler ?? "standard";
  const log1p = [...(options.log1p ?? [])];
  const origins = options.origins
    ? [...options.origins]
    : await defaultOrigins(
        db as Database,
        end,
        options.originStepDays,
        options.maxOrigins,
        options.minHorizonDays,
      );
  origins.sort((a, b) => a.getTime() - b.getTime());
  const fitOptions = { features: options.features, log1p, scaler, k: options.k, nInit };

  // One weekly grid from the first origin, shared by all origins, so each date's customer table and
  // each (date, seed) refit are computed once.
  const grid: Date[] = [];
  for (let t = origins[0].getTime(); t <= end.getTime(); t += stepDays * DAY)
    grid.push(new Date(t));
  const originTimes = origins.map((o) => o.getTime());
  for (const o of originTimes) if (!grid.some((g) => g.getTime() === o)) grid.push(new Date(o));
  grid.sort((a, b) => a.getTime() - b.getTime());

  const frozen = new Map<
    number,
    { table: CustomerTable; models: SegmentModel[]; labelsAtOrigin: Int32Array[] }
  >();
  const points: MaintenancePoint[] = [];
  const drift: DriftPoint[] = [];
  const noiseByDate = new Map<number, number>();
  let migration: MaintenanceResult["migration"] | undefined;

  for (let d = 0; d < grid.length; d++) {
    const date = grid[d];
    const table = await tableAt(date);
    const refits = seeds.map((seed) => fitSegmentModel(table, { ...fitOptions, seed }));
    // Noise floor: refits at the same date with different seeds should agree.
    let noise = 0;
    let pairs = 0;
    for (let a = 0; a < refits.length; a++) {
      for (let b = a + 1; b < refits.length; b++) {
        noise += adjustedRandIndex(refits[a].labels, refits[b].labels);
        pairs++;
      }
    }
    noiseByDate.set(date.getTime(), pairs ? noise / pairs : 1);
    if (originTimes.includes(date.getTime())) {
      frozen.set(date.getTime(), {
        table,
        models: refits.map((r) => r.model),
        labelsAtOrigin: refits.map((r) => r.labels),
      });
    }
    for (const [originTime, m0] of frozen) {
      if (originTime === date.getTime()) continue;
      const common = commonCustomers(m0.table, table);
      seeds.forEach((seed, s) => {
        const labels0 = m0.models[s].assign(table);
        const labelsI = refits[s].labels;
        const stayers0 = Int32Array.from(common.inTable, (i) => labels0[i]);
        const stayersI = Int32Array.from(common.inTable, (i) => labelsI[i]);
        points.push({
          origin: new Date(originTime),
          seed,
          date,
          days: (date.getTime() - originTime) / DAY,
          customers: table.ids.length,
          ari: adjustedRandIndex(labels0, labelsI),
          ariStayers: common.inTable.length > 1 ? adjustedRandIndex(stayers0, stayersI) : NaN,
        });
        if (s === 0) {
          const psi: Record<string, number> = {};
          for (const f of options.features) {
            psi[f] = populationStabilityIndex(
              (m0.table.numeric as Record<string, Float64Array>)[f],
              (table.numeric as Record<string, Float64Array>)[f],
            );
          }
          const fromLabels = Int32Array.from(common.inReference, (i) => m0.labelsAtOrigin[0][i]);
          let moved = 0;
          for (let i = 0; i < fromLabels.length; i++) if (fromLabels[i] !== stayers0[i]) moved++;
          drift.push({
            origin: new Date(originTime),
            date,
            days: (date.getTime() - originTime) / DAY,
            psi,
            centroidShift: Array.from(
              centroidShift(m0.models[0].transformTable(table), labels0, m0.models[0].centroids),
            ),
            migratedShare: fromLabels.length ? moved / fromLabels.length : NaN,
          });
          if (originTime === originTimes[0] && d === grid.length - 1) {
            migration = {
              origin: new Date(originTime),
              date,
              names: m0.models[0].names,
              matrix: migrationMatrix(fromLabels, stayers0, options.k),
            };
          }
        }
      });
    }
    options.onProgress?.(d + 1, grid.length, date);
  }

  // Mean curve by horizon (days after origin), with the band across origins and seeds.
  const byDays = new Map<number, MaintenancePoint[]>();
  for (const p of points) {
    if (!byDays.has(p.days)) byDays.set(p.days, []);
    byDays.get(p.days)!.push(p);
  }
  const curve: CurvePoint[] = [...byDays.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([days, ps]) => {
      const aris = ps.map((p) => p.ari).sort((a, b) => a - b);
      const stayers = ps.map((p) => p.ariStayers).filter((x) => !Number.isNaN(x));
      const noises = ps.map((p) => noiseByDate.get(p.date.getTime()) ?? NaN);
      return {
        days,
        mean: aris.reduce((a, x) => a + x, 0) / aris.length,
        min: aris[0],
        max: aris[aris.length - 1],
        p10: quantile(aris, 0.1),
        p90: quantile(aris, 0.9),
        meanStayers: stayers.length ? stayers.reduce((a, x) => a + x, 0) / stayers.length : NaN,
        noise: noises.reduce((a, x) => a + x, 0) / noises.length,
        runs: ps.length,
      };
    });
  const first = frozen.get(originTimes[0]);
  if (!first || !migration)
    throw new Error("The simulation needs at least one date after the first origin.");
  return {
    options: {
      features: [...options.features],
      log1p,
      scaler,
      k: options.k,
      nInit,
      seeds,
      origins,
      originStepDays: options.originStepDays ?? 56,
      maxOrigins: options.maxOrigins ?? 3,
      minHorizonDays: options.minHorizonDays ?? 182,
      stepDays,
      end,
      threshold,
    },
    points,
    curve,
    drift,
    migration,
    decision: retrainDecision(points, threshold),
    sensitivity: [0.7, 0.8, 0.9].map((t) => retrainDecision(points, t)),
    frozenModels: first.models,
    seconds: (performance.now() - start) / 1000,
  };
}
