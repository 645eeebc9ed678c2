/**
 * Checks that the marketing table says only what is true of the members, recomputed from the
 * customer rows (not from the profiles): each name's definition is met by at least
 * {@link NAME_MIN_SHARE} of its segment and by {@link NAME_MIN_GAP} fewer in every other segment,
 * and each trait separates its segment from every other segment by at least the stated pooled sd,
 * in the stated direction.
 */
import type { CustomerTable } from "../features/definitions.js";
import { NAME_RUNGS } from "./nameConditions.js";
import { NAME_MIN_GAP, NAME_MIN_SHARE } from "./nameChoice.js";
import type { MarketingRow } from "./naming.js";
import { TRAIT_MIN_SEPARATION } from "./traits.js";

/** One check of a name or a trait. */
export interface NamingCheck {
  segment: number;
  name: string;
  /** What is checked, in words. */
  check: string;
  /** The measured value (share of members, lead over the other segments, or smallest separation). */
  value: number;
  /** The value it must reach. */
  threshold: number;
  ok: boolean;
}

function memberRows(labels: ArrayLike<number>, k: number): number[][] {
  const rows: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++)
    if (labels[i] >= 0 && labels[i] < k) rows[labels[i]].push(i);
  return rows;
}

function stats(
  col: ArrayLike<number>,
  rows: readonly number[],
): { n: number; mean: number; ss: number } {
  let n = 0;
  let sum = 0;
  for (const i of rows) {
    if (Number.isNaN(col[i])) continue;
    n++;
    sum += col[i];
  }
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (const i of rows) if (!Number.isNaN(col[i])) ss += (col[i] - mean) ** 2;
  return { n, mean, ss };
}

/** Share of `rows` meeting every rung of `ids` (unknown id: never met). */
function shareMeeting(
  numeric: Record<string, Float64Array>,
  rows: readonly number[],
  ids: readonly string[],
): number {
  const rungs = ids.map((id) => NAME_RUNGS.find((r) => r.id === id));
  let hits = 0;
  for (const i of rows) {
    const x = (f: string) => numeric[f]?.[i] ?? NaN;
    if (rungs.every((r) => r !== undefined && r.test(x))) hits++;
  }
  return rows.length ? hits / rows.length : 0;
}

/**
 * Checks every name and every trait of `marketing` against the members of each segment in `table`
 * (segment of row i: `labels[i]`). Neutral names make no claim and are not checked.
 */
export function checkNaming(
  table: Pick<CustomerTable, "numeric">,
  labels: ArrayLike<number>,
  marketing: readonly MarketingRow[],
): NamingCheck[] {
  const numeric = table.numeric as Record<string, Float64Array>;
  const k = marketing.reduce((m, r) => Math.max(m, r.segment + 1), 0);
  const members = memberRows(labels, k);
  const out: NamingCheck[] = [];
  for (const row of marketing) {
    const rows = members[row.segment];
    if (row.nameRungs.length > 0) {
      const share = shareMeeting(numeric, rows, row.nameRungs);
      let otherMax = 0;
      for (const o of marketing)
        if (o.segment !== row.segment)
          otherMax = Math.max(otherMax, shareMeeting(numeric, members[o.segment], row.nameRungs));
      const what = row.nameCondition ?? row.nameRungs.join(" and ");
      out.push({
        segment: row.segment,
        name: row.name,
        check: `name: ${what}`,
        value: share,
        threshold: NAME_MIN_SHARE,
        ok: share >= NAME_MIN_SHARE,
      });
      out.push({
        segment: row.segment,
        name: row.name,
        check: `name sets apart: ${what}, lead over every other segment`,
        value: share - otherMax,
        threshold: NAME_MIN_GAP,
        ok: share - otherMax >= NAME_MIN_GAP - 1e-9,
      });
    }
    row.traitFeatures.forEach((f, t) => {
      const col = numeric[f];
      const a = stats(col, rows);
      let min = Infinity;
      let sameSide = true;
      // The direction is read from the segment against the first other segment, then required of all.
      let direction = 0;
      for (const o of marketing) {
        if (o.segment === row.segment) continue;
        const b = stats(col, members[o.segment]);
        const pooled = Math.sqrt((a.ss + b.ss) / (a.n + b.n - 2));
        const d = pooled > 0 ? (a.mean - b.mean) / pooled : (a.mean - b.mean) * Infinity;
        if (direction === 0) direction = Math.sign(d);
        if (Math.sign(d) !== direction) sameSide = false;
        min = Math.min(min, Math.abs(d));
      }
      out.push({
        segment: row.segment,
        name: row.name,
        check: `trait: ${row.traitTexts[t] ?? f}`,
        value: sameSide ? min : 0,
        threshold: TRAIT_MIN_SEPARATION,
        ok: sameSide && min >= TRAIT_MIN_SEPARATION,
      });
    });
  }
  return out;
}
