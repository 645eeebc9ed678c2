/**
 * One evaluation date of the simulation: the seed-to-seed agreement of its refits (noise floor),
 * then, for every frozen model set of an earlier origin, the ARI of each seed's M0 against the
 * refit of the same seed (on all customers and on the customers present at the origin), the
 * agreement check on a sample, and, for the first seed, the drift (PSI, centroid shift, migrated
 * share) and the migration matrix.
 */
import { adjustedRandIndex } from "../metrics/adjustedRandIndex.js";
import type { SampledRefit } from "./check.js";
import { sampledAgreement } from "./check.js";
import { centroidShift, migrationMatrix } from "./drift.js";
import type { FrozenModels } from "./frozen.js";
import { commonCustomers, pickLabels } from "./frozen.js";
import { DAY } from "./grid.js";
import type { RefitResult } from "./refit.js";
import type { FeatureSnapshot } from "./snapshot.js";
import { asNumericTable } from "./snapshot.js";
import type { DriftPoint, MaintenancePoint, Migration } from "./types.js";

/** Mean ARI between the refits of different seeds at one date (1 with a single seed). */
export function noiseFloor(refits: readonly RefitResult[]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < refits.length; a++) {
    for (let b = a + 1; b < refits.length; b++) {
      sum += adjustedRandIndex(refits[a].labels, refits[b].labels);
      pairs++;
    }
  }
  return pairs ? sum / pairs : 1;
}

/** What one frozen set measured at one date. */
export interface FrozenEvaluation {
  /** One point per seed, in seed order. */
  points: MaintenancePoint[];
  drift: DriftPoint;
  /** Migration matrix T0 → this date (first seed). */
  migration: Migration;
}

/**
 * Evaluates a frozen model set at a date: its table, the refits of every seed (seed order) and the
 * check's quick refit on a sample of the same table.
 *
 * @example
 * const { points, drift } = evaluateFrozen(m0, date, table, refits, quick, seeds, features);
 */
export function evaluateFrozen(
  m0: FrozenModels,
  date: Date,
  table: FeatureSnapshot,
  refits: readonly RefitResult[],
  quick: SampledRefit,
  seeds: readonly number[],
  features: readonly string[],
): FrozenEvaluation {
  const numericTable = asNumericTable(table);
  const common = commonCustomers(m0.index, table);
  const stayers = common.inTable.length;
  const days = (date.getTime() - m0.origin.getTime()) / DAY;
  // The frozen transform is the same for every seed: the table is transformed once.
  const shared = m0.sameTransform ? m0.models[0].transformTable(numericTable) : undefined;
  const points: MaintenancePoint[] = [];
  let drift: DriftPoint | undefined;
  let migration: Migration | undefined;
  seeds.forEach((seed, s) => {
    const model = m0.models[s];
    const matrix = shared ?? model.transformTable(numericTable);
    const labels0 = model.assignMatrix(matrix); // = model.assign(table)
    const labelsI = refits[s].labels;
    const stayers0 = pickLabels(labels0, common.inTable);
    points.push({
      origin: m0.origin,
      seed,
      date,
      days,
      customers: table.ids.length,
      ari: adjustedRandIndex(labels0, labelsI),
      ariStayers:
        stayers > 1 ? adjustedRandIndex(stayers0, pickLabels(labelsI, common.inTable)) : NaN,
      sampledAri: sampledAgreement(labels0, quick),
    });
    if (s !== 0) return;
    const psi: Record<string, number> = {};
    for (const f of features) psi[f] = m0.psi[f](table.numeric[f]);
    const fromLabels = pickLabels(m0.labelsAtOrigin[0], common.inReference);
    let moved = 0;
    for (let i = 0; i < fromLabels.length; i++) if (fromLabels[i] !== stayers0[i]) moved++;
    drift = {
      origin: m0.origin,
      date,
      days,
      psi,
      centroidShift: Array.from(centroidShift(matrix, labels0, model.centroids)),
      migratedShare: fromLabels.length ? moved / fromLabels.length : NaN,
    };
    migration = {
      origin: m0.origin,
      date,
      names: model.names,
      matrix: migrationMatrix(fromLabels, stayers0, model.k),
    };
  });
  return { points, drift: drift!, migration: migration! };
}
