/**
 * The maintenance simulation: how long a segmentation trained at T0 stays valid.
 *
 * Method (avoiding the pitfalls of public solutions of this exercise):
 * - M0 is fitted at T0 on the customer table *as of T0* (transform and k-means), then frozen: its
 *   scaler is never refitted (frozen.ts).
 * - At each later date Ti the customer table is recomputed *as of Ti* (recency, frequency, … move on).
 *   The same customers are labelled by M0 unchanged and by Mi, refitted at Ti with the same k, seed
 *   and restarts; ARI(M0, Mi) compares two labelings of one feature snapshot. ARI is also computed on
 *   the customers already present at T0 only (evaluate.ts).
 * - k-means local minima cause fake dips: every fit uses restarts, and the ARI between refits at Ti
 *   with different seeds is reported as the noise floor.
 * - Several origins T0 and seeds give a curve with a band, and the decision (days until ARI <
 *   threshold) comes with its spread (curve.ts). The dates: grid.ts; the study's design: policy.ts.
 * - At each date the agreement check (check.ts: a quick refit on a seeded sample) is evaluated for
 *   every frozen model, so the early-warning trigger is validated in the same simulation.
 *
 * Speed: the cost is (dates × seeds) refits of k-means with restarts, plus one customer table per
 * date, shared by all origins (`featureSnapshot`: the customer-table SQL projected on the model
 * features), whose transform is fitted once for all seeds (`prepareRefitMatrix`). Refits run on the
 * shared worker pool (`workers`: a pool of that many threads instead, see `refit.ts`) while the
 * main thread computes the next dates' tables: results are bit-identical to the sequential path
 * (`workers: 0`, tested). Nothing of the method is cut: every refit keeps the chosen k, seed and
 * restarts (no warm start from the previous model, which would bias towards stability).
 */
import type { Database } from "../data/db.js";
import { defaultAsOf } from "../features/customers.js";
import type { SampledRefit } from "./check.js";
import { sampledRefitJob } from "./check.js";
import { ariCurve, retrainDecision } from "./curve.js";
import { evaluateFrozen, noiseFloor } from "./evaluate.js";
import type { FrozenModels } from "./frozen.js";
import { freezeModels } from "./frozen.js";
import { defaultOrigins, evaluationGrid } from "./grid.js";
import { MAINTENANCE_STUDY, SENSITIVITY_THRESHOLDS } from "./policy.js";
import type { RefitResult, RefitSpec } from "./refit.js";
import { prepareRefitMatrix, refitPool, tableKey } from "./refit.js";
import type { FeatureSnapshot } from "./snapshot.js";
import { featureSnapshot } from "./snapshot.js";
import type {
  DatePoint,
  DriftPoint,
  MaintenanceOptions,
  MaintenancePoint,
  MaintenanceResult,
  Migration,
  TableProvider,
} from "./types.js";

export type * from "./types.js";

/** A date's table and the promises of its refits (one per seed) and of the check's quick refit. */
interface PreparedDate {
  table: FeatureSnapshot;
  refits: Promise<RefitResult[]>;
  quick: Promise<SampledRefit> | null;
}

/**
 * Runs the simulation on a loaded database (or on a table provider, with explicit origins and end).
 *
 * @example
 * const result = await simulateMaintenance(db, { features, log1p, k: 5 });
 * result.decision.median; // median days until ARI < 0.8 over the runs
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
  const design = { ...MAINTENANCE_STUDY };
  const end = options.end ?? (await defaultAsOf(db as Database));
  const seeds = [...(options.seeds ?? design.seeds)];
  if (seeds.length === 0) throw new Error("seeds must hold at least one seed");
  const stepDays = options.stepDays ?? design.stepDays;
  const threshold = options.threshold ?? design.threshold;
  const check = {
    sampleSize: options.checkSampleSize ?? design.checkSampleSize,
    seed: options.checkSeed ?? design.checkSeed,
  };
  const origins = options.origins
    ? [...options.origins]
    : await defaultOrigins(db as Database, end, {
        originStepDays: options.originStepDays ?? design.originStepDays,
        maxOrigins: options.maxOrigins ?? design.maxOrigins,
        minHorizonDays: options.minHorizonDays ?? design.minHorizonDays,
        minHistoryDays: options.minHistoryDays ?? design.minHistoryDays,
      });
  origins.sort((a, b) => a.getTime() - b.getTime());
  const spec: RefitSpec = {
    features: [...options.features],
    log1p: [...(options.log1p ?? [])],
    scaler: options.scaler ?? "standard",
    k: options.k,
    nInit: options.nInit ?? 10,
  };
  // One grid from the first origin, shared by all origins: each date's customer table and each
  // (date, seed) refit are computed once.
  const grid = evaluationGrid(origins, end, stepDays);
  const originTimes = new Set(origins.map((o) => o.getTime()));

  options.onProgress?.(0, grid.length, grid[0]);
  const pool = refitPool({ workers: options.workers });
  const workers = pool.workers;
  let tableSeconds = 0;
  // Tables are computed one after the other (one database connection), each as soon as the previous
  // one is done, up to `ahead` dates in advance; their refits queue on the pool meanwhile.
  let tableQueue: Promise<unknown> = Promise.resolve();
  const prepare = (date: Date): Promise<PreparedDate> => {
    const prepared = tableQueue.then(async (): Promise<PreparedDate> => {
      const t = performance.now();
      const table = await tableAt(date);
      tableSeconds += (performance.now() - t) / 1000;
      const rows = table.ids.length;
      for (const f of spec.features) {
        const column = table.numeric[f];
        if (!column) throw new Error(`Feature "${f}" is not a column of the customer table.`);
        if (column.length !== rows)
          throw new Error(`Column ${f} has ${column.length} values for ${rows} customers.`);
      }
      // The transform is fitted and applied once per date, here; the seeds' jobs share the matrix.
      const prepared = prepareRefitMatrix(table.numeric, spec);
      const asOf = table.asOf.getTime();
      const key = tableKey();
      const refits = Promise.all(
        seeds.map((seed) => pool.fit({ spec, seed, key, asOf, rows, columns: {}, prepared })),
      );
      refits.catch(() => undefined); // awaited in date order below
      // The check's quick refit, at every date after the first origin.
      let quick: Promise<SampledRefit> | null = null;
      if (date.getTime() > grid[0].getTime()) {
        const sampled = sampledRefitJob(table, spec, check);
        quick = pool.fit(sampled.job).then((r) => ({ ...r, rows: sampled.rows }));
        quick.catch(() => undefined); // awaited in date order below
      }
      return { table, refits, quick };
    });
    tableQueue = prepared.catch(() => undefined);
    prepared.catch(() => undefined); // awaited in date order below
    return prepared;
  };
  const ahead = Math.max(1, workers);
  const preparedDates = new Map<number, Promise<PreparedDate>>();
  let nextPrepared = 0;

  const frozen: FrozenModels[] = [];
  const points: MaintenancePoint[] = [];
  const drift: DriftPoint[] = [];
  const dates: DatePoint[] = [];
  let migration: Migration | undefined;

  try {
    for (let d = 0; d < grid.length; d++) {
      for (; nextPrepared < Math.min(grid.length, d + 1 + ahead); nextPrepared++)
        preparedDates.set(nextPrepared, prepare(grid[nextPrepared]));
      const date = grid[d];
      const prepared = await preparedDates.get(d)!;
      preparedDates.delete(d); // the table goes once processed (origins keep theirs)
      const { table } = prepared;
      const refits = await prepared.refits;
      dates.push({ date, customers: table.ids.length, noise: noiseFloor(refits) });
      if (frozen.length > 0) {
        const quick = await prepared.quick!;
        for (const m0 of frozen) {
          const at = evaluateFrozen(m0, date, table, refits, quick, seeds, spec.features);
          for (const p of at.points) points.push(p); // one point per seed
          drift.push(at.drift);
          if (m0 === frozen[0] && d === grid.length - 1) migration = at.migration;
        }
      }
      if (originTimes.has(date.getTime()))
        frozen.push(freezeModels(date, table, refits, spec.features));
      options.onProgress?.(d + 1, grid.length, date);
    }
  } finally {
    await pool.close();
  }
  if (!migration) throw new Error("The simulation needs at least one date after the first origin.");
  return {
    options: {
      ...spec,
      features: [...spec.features],
      log1p: [...spec.log1p],
      seeds,
      origins,
      stepDays,
      end,
      threshold,
      checkSampleSize: check.sampleSize,
      checkSeed: check.seed,
    },
    points,
    dates,
    curve: ariCurve(points, new Map(dates.map((x) => [x.date.getTime(), x.noise]))),
    drift,
    migration,
    decision: retrainDecision(points, threshold),
    sensitivity: SENSITIVITY_THRESHOLDS.map((t) => retrainDecision(points, t)),
    frozenModels: frozen[0].models,
    seconds: (performance.now() - start) / 1000,
    tableSeconds,
    workers,
  };
}
