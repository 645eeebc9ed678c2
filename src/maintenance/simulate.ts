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
 * - The default grid ends at the day after the last purchase that counts (a delivered order), not
 *   after the last purchase of any status: the export stops taking new orders there (on Kaggle's
 *   release only a few canceled or in-transit orders come later), so later weekly tables would only
 *   age every customer by a week with no newcomer, a "marketplace that stopped selling" that Olist
 *   never was. It also saves the refits of those weeks.
 *
 * Speed (full-scale twin, 93k customers, 5 seeds, 3 origins, ~50 weekly dates; numbers in the report
 * of `bench/maintenance.ts`): the cost is (dates × seeds) refits of k-means with 10 restarts, plus
 * one customer table per date. Each date's table is computed once and shared by all origins and
 * seeds; it is read with the customer-table SQL projected on the model features
 * (`featureSnapshot`). Refits run on worker threads (`workers`, default one per core, see
 * `refit.ts`) while the main thread computes the next dates' tables: results are bit-identical to
 * the sequential path (`workers: 0`, tested). Nothing of the method is cut: every refit keeps the
 * chosen k, seed and restarts (no warm start from the previous model, which would bias towards
 * stability, no subsampling). Restarts make seeds agree (the noise floor is ≈ 1), which is why the
 * seed-to-seed band is narrow: the spread of the decision comes mostly from the origins.
 */
import type { Database } from "../data/db.js";
import { DEFAULT_COUNTED_STATUSES } from "../features/definitions.js";
import type { Scaler } from "../features/transform.js";
import { SegmentModel } from "../segments/model.js";
import { kmeansPredict } from "../cluster/kmeans.js";
import { adjustedRandIndex } from "../metrics/adjustedRandIndex.js";
import { centroidShift, migrationMatrix, psiAgainst } from "./drift.js";
import type { RefitResult, RefitSpec } from "./refit.js";
import { createRefitPool, defaultWorkers, shareColumns, tableKey } from "./refit.js";
import type { FeatureSnapshot } from "./snapshot.js";
import { asNumericTable, featureSnapshot } from "./snapshot.js";

const DAY = 86_400_000;

/**
 * Gives the customer table as of a date (a `CustomerTable` or any {@link FeatureSnapshot} with the
 * model features). `simulateMaintenance` uses `featureSnapshot(db, asOf, features)` (the columns of
 * `customerFeatures(db, { asOf })`) for a database; tests pass their own provider (resampled or
 * drifted tables).
 */
export type TableProvider = (asOf: Date) => Promise<FeatureSnapshot> | FeatureSnapshot;

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
  /**
   * Last evaluation date (default: midnight after the last purchase of a delivered order, see
   * {@link defaultMaintenanceEnd}).
   */
  end?: Date;
  /** ARI threshold below which the segmentation must be retrained (default 0.8). */
  threshold?: number;
  /**
   * Worker threads for the refits (default one per core, at most one per seed; 0 = all on the
   * calling thread). Results do not depend on it.
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
  /** Summary over the runs where ARI fell (median is the recommendation). */
  median: number;
  min: number;
  max: number;
  /** Runs where ARI never fell below the threshold within the data. */
  neverBelow: number;
}

/** Everything the simulation measured. */
export interface MaintenanceResult {
  options: Required<
    Omit<MaintenanceOptions, "onProgress" | "origins" | "end" | "log1p" | "workers">
  > & {
    log1p: string[];
    origins: Date[];
    end: Date;
  };
  points: MaintenancePoint[];
  /** Every evaluation date of the grid (first origin to end), with its noise floor. */
  dates: DatePoint[];
  curve: CurvePoint[];
  drift: DriftPoint[];
  /** Migration T0 → last date for the first origin and seed (for the Sankey). */
  migration: { origin: Date; date: Date; names: string[]; matrix: number[][] };
  /** Decision at the requested threshold and sensitivity at 0.7 / 0.8 / 0.9. */
  decision: RetrainDecision;
  sensitivity: RetrainDecision[];
  /** The frozen models (first origin, every seed), as JSON, to check they were never refitted. */
  frozenModels: SegmentModel[];
  /** Wall-clock seconds of the simulation, and of it the seconds spent in the table provider. */
  seconds: number;
  tableSeconds: number;
  /** Worker threads used (0: sequential). */
  workers: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Position of each customer of a table: by integer key (dense array) or by id string. */
type IdIndex = { keys: Int32Array } | { map: Map<string, number> };

function idIndex(ids: FeatureSnapshot["ids"]): IdIndex {
  if (ids instanceof Int32Array) {
    let max = -1;
    for (let i = 0; i < ids.length; i++) if (ids[i] > max) max = ids[i];
    const keys = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < ids.length; i++) keys[ids[i]] = i;
    return { keys };
  }
  const map = new Map<string, number>();
  ids.forEach((id, i) => map.set(id, i));
  return { map };
}

/** Positions in `table` of the customers of the reference, and the matching positions in it. */
function commonCustomers(
  index: IdIndex,
  table: FeatureSnapshot,
): { inTable: Int32Array; inReference: Int32Array } {
  const n = table.ids.length;
  const inTable = new Int32Array(n);
  const inReference = new Int32Array(n);
  let m = 0;
  const ids = table.ids;
  if ("keys" in index) {
    if (!(ids instanceof Int32Array)) throw new Error("Snapshots mix integer keys and id strings.");
    const keys = index.keys;
    for (let i = 0; i < n; i++) {
      const r = ids[i] < keys.length ? keys[ids[i]] : -1;
      if (r >= 0) {
        inTable[m] = i;
        inReference[m++] = r;
      }
    }
  } else {
    if (ids instanceof Int32Array) throw new Error("Snapshots mix integer keys and id strings.");
    for (let i = 0; i < n; i++) {
      const r = index.map.get((ids as readonly string[])[i]);
      if (r !== undefined) {
        inTable[m] = i;
        inReference[m++] = r;
      }
    }
  }
  return { inTable: inTable.slice(0, m), inReference: inReference.slice(0, m) };
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

/**
 * The default last evaluation date: midnight (UTC) after the last purchase of an order with a
 * counted status (delivered). After it no order that will ever count is placed in the data.
 *
 * @example
 * await defaultMaintenanceEnd(db); // 2018-08-30T00:00:00Z on the Kaggle release
 */
export async function defaultMaintenanceEnd(db: Database): Promise<Date> {
  const statuses = DEFAULT_COUNTED_STATUSES.map((s) => `'${s}'`).join(", ");
  const end = await db.scalar<Date | null>(
    `SELECT date_trunc('day', max(order_purchase_timestamp)) + INTERVAL 1 DAY FROM orders WHERE order_status IN (${statuses})`,
  );
  if (!(end instanceof Date)) throw new Error("Table orders has no delivered order.");
  return end;
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

/** A date's table and the promise of its refits (one per seed). */
interface PreparedDate {
  table: FeatureSnapshot;
  refits: Promise<RefitResult[]>;
}

/** A frozen model set: the origin's table and, per seed, M0 and its labels at the origin. */
interface Frozen {
  table: FeatureSnapshot;
  index: IdIndex;
  models: SegmentModel[];
  labelsAtOrigin: Int32Array[];
  /** Whether every seed's M0 has the same transform (always, as it does not depend on the seed). */
  sameTransform: boolean;
  /** PSI of each feature against its distribution at the origin. */
  psi: Record<string, (current: ArrayLike<number>) => number>;
}

/**
 * Runs the simulation on a loaded database (or on a table provider, with explicit origins and end).
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
    typeof source === "function"
      ? source
      : (asOf) => featureSnapshot(source, asOf, options.features);
  if (!db && (!options.end || !options.origins)) {
    throw new Error(
      "simulateMaintenance with a table provider needs options.origins and options.end",
    );
  }
  const end = options.end ?? (await defaultMaintenanceEnd(db as Database));
  const seeds = [...(options.seeds ?? [0, 1, 2, 3, 4])];
  const nInit = options.nInit ?? 10;
  const stepDays = options.stepDays ?? 7;
  const threshold = options.threshold ?? 0.8;
  const scaler = options.scaler ?? "standard";
  const log1p = [...(options.log1p ?? [])];
  const workers = options.workers ?? defaultWorkers(seeds.length);
  if (seeds.length === 0) throw new Error("seeds must hold at least one seed");
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
  const spec: RefitSpec = { features: [...options.features], log1p, scaler, k: options.k, nInit };

  // One weekly grid from the first origin, shared by all origins, so each date's customer table and
  // each (date, seed) refit are computed once.
  const grid: Date[] = [];
  for (let t = origins[0].getTime(); t <= end.getTime(); t += stepDays * DAY)
    grid.push(new Date(t));
  const originTimes = origins.map((o) => o.getTime());
  for (const o of originTimes) if (!grid.some((g) => g.getTime() === o)) grid.push(new Date(o));
  grid.sort((a, b) => a.getTime() - b.getTime());

  options.onProgress?.(0, grid.length, grid[0]);
  const pool = createRefitPool(workers);
  let tableSeconds = 0;
  // Tables are computed one after the other (one database connection), each as soon as the previous
  // one is done, up to `ahead` dates in advance; their refits queue on the pool meanwhile.
  let tableQueue: Promise<unknown> = Promise.resolve();
  const prepare = (date: Date): Promise<PreparedDate> => {
    const prepared = tableQueue.then(async (): Promise<PreparedDate> => {
      const t = performance.now();
      const table = await tableAt(date);
      tableSeconds += (performance.now() - t) / 1000;
      const columns = shareColumns(table.numeric, spec.features);
      const rows = table.ids.length;
      for (const f of spec.features) {
        if (columns[f].length !== rows)
          throw new Error(`Column ${f} has ${columns[f].length} values for ${rows} customers.`);
      }
      const asOf = table.asOf.getTime();
      const key = tableKey();
      const refits = Promise.all(
        seeds.map((seed) => pool.fit({ spec, seed, key, asOf, rows, columns })),
      );
      refits.catch(() => undefined); // awaited in date order below
      return { table, refits };
    });
    tableQueue = prepared.catch(() => undefined);
    prepared.catch(() => undefined); // awaited in date order below
    return prepared;
  };
  const ahead = Math.max(1, workers);
  const preparedDates = new Map<number, Promise<PreparedDate>>();
  let nextPrepared = 0;

  const frozen = new Map<number, Frozen>();
  const points: MaintenancePoint[] = [];
  const drift: DriftPoint[] = [];
  const dates: DatePoint[] = [];
  const noiseByDate = new Map<number, number>();
  let migration: MaintenanceResult["migration"] | undefined;

  try {
    for (let d = 0; d < grid.length; d++) {
      for (; nextPrepared < Math.min(grid.length, d + 1 + ahead); nextPrepared++)
        preparedDates.set(nextPrepared, prepare(grid[nextPrepared]));
      const date = grid[d];
      const prepared = await preparedDates.get(d)!;
      preparedDates.delete(d); // the table goes once processed (origins keep theirs)
      const { table } = prepared;
      const refits = await prepared.refits;
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
      dates.push({ date, customers: table.ids.length, noise: pairs ? noise / pairs : 1 });
      if (originTimes.includes(date.getTime())) {
        frozen.set(date.getTime(), {
          table,
          index: idIndex(table.ids),
          models: refits.map((r) => SegmentModel.fromJSON(r.model)),
          labelsAtOrigin: refits.map((r) => r.labels),
          sameTransform: refits.every(
            (r) => JSON.stringify(r.model.transform) === JSON.stringify(refits[0].model.transform),
          ),
          psi: Object.fromEntries(spec.features.map((f) => [f, psiAgainst(table.numeric[f])])),
        });
      }
      const numericTable = asNumericTable(table);
      for (const [originTime, m0] of frozen) {
        if (originTime === date.getTime()) continue;
        const common = commonCustomers(m0.index, table);
        const stayers = common.inTable.length;
        const pick = (labels: Int32Array, at: Int32Array): Int32Array => {
          const out = new Int32Array(at.length);
          for (let i = 0; i < at.length; i++) out[i] = labels[at[i]];
          return out;
        };
        // The frozen transform is the same for every seed: the table is transformed once.
        const shared = m0.sameTransform ? m0.models[0].transformTable(numericTable) : undefined;
        seeds.forEach((seed, s) => {
          const model = m0.models[s];
          const matrix = shared ?? model.transformTable(numericTable);
          const labels0 = kmeansPredict(matrix, model.centroids); // = model.assign(table)
          const labelsI = refits[s].labels;
          const stayers0 = pick(labels0, common.inTable);
          points.push({
            origin: new Date(originTime),
            seed,
            date,
            days: (date.getTime() - originTime) / DAY,
            customers: table.ids.length,
            ari: adjustedRandIndex(labels0, labelsI),
            ariStayers:
              stayers > 1 ? adjustedRandIndex(stayers0, pick(labelsI, common.inTable)) : NaN,
          });
          if (s === 0) {
            const psi: Record<string, number> = {};
            for (const f of options.features) psi[f] = m0.psi[f](table.numeric[f]);
            const fromLabels = pick(m0.labelsAtOrigin[0], common.inReference);
            let moved = 0;
            for (let i = 0; i < fromLabels.length; i++) if (fromLabels[i] !== stayers0[i]) moved++;
            drift.push({
              origin: new Date(originTime),
              date,
              days: (date.getTime() - originTime) / DAY,
              psi,
              centroidShift: Array.from(centroidShift(matrix, labels0, model.centroids)),
              migratedShare: fromLabels.length ? moved / fromLabels.length : NaN,
            });
            if (originTime === originTimes[0] && d === grid.length - 1) {
              migration = {
                origin: new Date(originTime),
                date,
                names: model.names,
                matrix: migrationMatrix(fromLabels, stayers0, options.k),
              };
            }
          }
        });
      }
      options.onProgress?.(d + 1, grid.length, date);
    }
  } finally {
    await pool.close();
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
    dates,
    curve,
    drift,
    migration,
    decision: retrainDecision(points, threshold),
    sensitivity: [0.7, 0.8, 0.9].map((t) => retrainDecision(points, t)),
    frozenModels: first.models,
    seconds: (performance.now() - start) / 1000,
    tableSeconds,
    workers,
  };
}
