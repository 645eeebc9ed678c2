/**
 * The dates of the maintenance simulation: the training dates (origins), anchored at the end of
 * the data, and the evaluation grid shared by every origin, bounded so that an absurd range is a
 * clear error rather than hours of refits.
 */
import type { Database } from "../data/db.js";
import type { StudyDesign } from "./policy.js";
import { MAX_EVALUATION_DATES } from "./policy.js";

/** Milliseconds in a day. */
export const DAY = 86_400_000;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The origin rule's part of a study design. */
export type OriginDesign = Pick<
  StudyDesign,
  "originStepDays" | "maxOrigins" | "minHorizonDays" | "minHistoryDays"
>;

/**
 * The training dates of a study: the latest `minHorizonDays` before `end`, then every
 * `originStepDays` earlier, at most `maxOrigins`, none less than `minHistoryDays` after the first
 * purchase; in date order. Throws when not even one fits.
 *
 * @example
 * studyOrigins(new Date("2016-09-05"), new Date("2018-09-01"), MAINTENANCE_STUDY);
 * // 6 dates, 2017-10-14 … 2018-03-03
 */
export function studyOrigins(firstPurchase: Date, end: Date, design: OriginDesign): Date[] {
  const { originStepDays, maxOrigins, minHorizonDays, minHistoryDays } = design;
  for (const [name, v] of Object.entries({ originStepDays, maxOrigins, minHorizonDays })) {
    if (!(Number.isInteger(v) && v > 0))
      throw new Error(`${name} must be a whole number > 0, got ${v}`);
  }
  const earliest = Date.UTC(
    firstPurchase.getUTCFullYear(),
    firstPurchase.getUTCMonth(),
    firstPurchase.getUTCDate(),
  );
  const first = earliest + minHistoryDays * DAY;
  const origins: Date[] = [];
  for (let j = 0; j < maxOrigins; j++) {
    const t = end.getTime() - (minHorizonDays + j * originStepDays) * DAY;
    if (t < first) break;
    origins.push(new Date(t));
  }
  if (origins.length === 0) {
    throw new Error(
      `Not enough data: the study needs ${minHistoryDays} days of history before a training date ` +
        `and ${minHorizonDays} days after it, and the data run from ${isoDay(firstPurchase)} to ${isoDay(end)}.`,
    );
  }
  return origins.reverse();
}

/**
 * {@link studyOrigins} of a loaded database (first purchase of the orders table).
 *
 * @example
 * await defaultOrigins(db, await defaultAsOf(db), MAINTENANCE_STUDY);
 */
export async function defaultOrigins(
  db: Database,
  end: Date,
  design: OriginDesign,
): Promise<Date[]> {
  const first = await db.scalar<Date | null>("SELECT min(order_purchase_timestamp) FROM orders");
  if (!(first instanceof Date)) throw new Error("Table orders has no purchase date.");
  return studyOrigins(first, end, design);
}

/**
 * The evaluation dates: every `stepDays` from the first origin to `end`, plus every origin, in
 * date order. Throws, naming the values, when the step is not a whole number of days, when `end`
 * is not after the first origin, or when the grid would hold more than `maxDates` dates.
 *
 * @example
 * evaluationGrid([new Date("2018-01-01")], new Date("2018-02-01"), 7).length; // 5
 */
export function evaluationGrid(
  origins: readonly Date[],
  end: Date,
  stepDays: number,
  maxDates = MAX_EVALUATION_DATES,
): Date[] {
  if (!(Number.isInteger(stepDays) && stepDays > 0))
    throw new Error(`stepDays must be a whole number of days > 0, got ${stepDays}`);
  if (origins.length === 0) throw new Error("The simulation needs at least one origin.");
  const times = origins.map((o) => o.getTime());
  if (times.some((t) => !Number.isFinite(t))) throw new Error("An origin is not a valid date.");
  if (!Number.isFinite(end.getTime())) throw new Error("The end of the simulation is not a date.");
  const start = times.reduce((a, t) => Math.min(a, t), Infinity);
  const last = times.reduce((a, t) => Math.max(a, t), -Infinity);
  if (end.getTime() <= start || last > end.getTime()) {
    throw new Error(
      `The end of the simulation (${isoDay(end)}) must be after every origin ` +
        `(${isoDay(new Date(start))} … ${isoDay(new Date(last))}).`,
    );
  }
  const count = Math.floor((end.getTime() - start) / (stepDays * DAY)) + 1;
  const offGrid = new Set(times.filter((t) => (t - start) % (stepDays * DAY) !== 0)).size;
  if (count + offGrid > maxDates) {
    throw new Error(
      `The simulation from ${isoDay(new Date(start))} to ${isoDay(end)} every ${stepDays} days ` +
        `would evaluate ${count + offGrid} dates, more than the limit of ${maxDates}: check the ` +
        `end date (${isoDay(end)}) and the step (${stepDays} days).`,
    );
  }
  const grid: Date[] = [];
  for (let i = 0; i < count; i++) grid.push(new Date(start + i * stepDays * DAY));
  const onGrid = new Set(grid.map((g) => g.getTime()));
  for (const t of new Set(times)) if (!onGrid.has(t)) grid.push(new Date(t));
  grid.sort((a, b) => a.getTime() - b.getTime());
  return grid;
}
