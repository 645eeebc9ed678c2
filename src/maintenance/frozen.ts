/**
 * The frozen models of the simulation: at each origin, the refits of every seed become the models
 * M0 that are never refitted again, with what later dates need to compare them (the customers of
 * the origin, their labels there, each feature's distribution for the PSI).
 */
import { SegmentModel } from "../segments/model.js";
import { psiAgainst } from "./drift.js";
import type { RefitResult } from "./refit.js";
import type { FeatureSnapshot } from "./snapshot.js";

/** Position of each customer of a table: by integer key (dense array) or by id string. */
export type IdIndex = { keys: Int32Array } | { map: Map<string, number> };

/** The index of a table's customers (integer keys or id strings). */
export function idIndex(ids: FeatureSnapshot["ids"]): IdIndex {
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

/**
 * The customers of `table` also in the reference (indexed by `index`): their positions in `table`
 * and, aligned, in the reference.
 */
export function commonCustomers(
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

/** `labels[at[i]]` for each i. */
export function pickLabels(labels: Int32Array, at: Int32Array): Int32Array {
  const out = new Int32Array(at.length);
  for (let i = 0; i < at.length; i++) out[i] = labels[at[i]];
  return out;
}

/** A frozen model set: the origin's table and, per seed, M0 and its labels at the origin. */
export interface FrozenModels {
  origin: Date;
  table: FeatureSnapshot;
  index: IdIndex;
  models: SegmentModel[];
  labelsAtOrigin: Int32Array[];
  /** Whether every seed's M0 has the same transform (always: the scaler does not depend on the seed). */
  sameTransform: boolean;
  /** PSI of each feature against its distribution at the origin. */
  psi: Record<string, (current: ArrayLike<number>) => number>;
}

/**
 * Freezes the refits of an origin (one per seed, in seed order) as the models M0.
 *
 * @example
 * const m0 = freezeModels(origin, table, refits, spec.features);
 */
export function freezeModels(
  origin: Date,
  table: FeatureSnapshot,
  refits: readonly RefitResult[],
  features: readonly string[],
): FrozenModels {
  const transform0 = JSON.stringify(refits[0].model.transform);
  return {
    origin,
    table,
    index: idIndex(table.ids),
    models: refits.map((r) => SegmentModel.fromJSON(r.model)),
    labelsAtOrigin: refits.map((r) => r.labels),
    sameTransform: refits.every((r) => JSON.stringify(r.model.transform) === transform0),
    psi: Object.fromEntries(features.map((f) => [f, psiAgainst(table.numeric[f])])),
  };
}
