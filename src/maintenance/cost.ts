/**
 * The yearly cost of a maintenance plan (retraining every N days, a check every M days between
 * retrainings) under the stated assumptions of `COST_ASSUMPTIONS` (policy.ts): hours of work per
 * retraining and per check at an hourly rate in R$. Compute time is negligible next to them.
 */
import type { CostAssumptions } from "./policy.js";
import { COST_ASSUMPTIONS } from "./policy.js";

/** What a plan costs in a year. */
export interface PlanCost {
  refitsPerYear: number;
  /** Checks strictly inside each cycle (a retraining day needs no check). */
  checksPerCycle: number;
  checksPerYear: number;
  hoursPerYear: number;
  /** In `assumptions.currency` (R$). */
  costPerYear: number;
}

/**
 * The yearly cost of retraining every `intervalDays` with a check every `checkDays` in between
 * (0: no check).
 *
 * @example
 * planCost(28, 7); // 13.0 refits, 3 checks per cycle: (13.0 × 5 h + 39.1 × 0.25 h) × R$ 80
 */
export function planCost(
  intervalDays: number,
  checkDays: number,
  assumptions: CostAssumptions = COST_ASSUMPTIONS,
): PlanCost {
  if (!(intervalDays > 0)) throw new Error(`intervalDays must be > 0, got ${intervalDays}`);
  if (!(checkDays >= 0)) throw new Error(`checkDays must be ≥ 0, got ${checkDays}`);
  const refitsPerYear = assumptions.daysPerYear / intervalDays;
  const checksPerCycle = checkDays > 0 ? Math.floor((intervalDays - 1) / checkDays) : 0;
  const checksPerYear = refitsPerYear * checksPerCycle;
  const hoursPerYear =
    refitsPerYear * assumptions.hoursPerRetraining + checksPerYear * assumptions.hoursPerCheck;
  return {
    refitsPerYear,
    checksPerCycle,
    checksPerYear,
    hoursPerYear,
    costPerYear: hoursPerYear * assumptions.ratePerHour,
  };
}
