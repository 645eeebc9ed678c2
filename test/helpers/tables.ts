/** Small synthetic customer tables for tests of the segment model and the maintenance simulation. */
import type { CustomerTable, NumericFeature } from "../../src/features/definitions.js";
import { NUMERIC_FEATURES } from "../../src/features/definitions.js";
import { noExclusions } from "../../src/features/orderAccounting.js";
import { createRng } from "../../src/util/random.js";

/**
 * A customer table whose `recency_days` and `monetary` form well-separated blobs (one per centre,
 * `perBlob` customers each, sd 1); the other numeric features are constant, the text features fixed.
 */
export function blobTable(
  centres: readonly [number, number][],
  perBlob: number,
  seed: number,
  options: { asOf?: Date; idPrefix?: string } = {},
): CustomerTable {
  const rng = createRng(seed);
  const n = centres.length * perBlob;
  const numeric = {} as Record<NumericFeature, Float64Array>;
  for (const f of NUMERIC_FEATURES) numeric[f] = new Float64Array(n).fill(1);
  const ids: string[] = [];
  centres.forEach(([r, m], b) => {
    for (let i = 0; i < perBlob; i++) {
      const row = b * perBlob + i;
      numeric.recency_days[row] = r + rng.normal();
      numeric.monetary[row] = m + rng.normal();
      ids.push(`${options.idPrefix ?? "c"}${String(row).padStart(5, "0")}`);
    }
  });
  return {
    asOf: options.asOf ?? new Date("2018-01-01T00:00:00Z"),
    countedStatuses: ["delivered"],
    ids,
    numeric,
    text: {
      favourite_category: ids.map((_, i) => (i % 2 ? "toys" : "bed_bath_table")),
      customer_state: ids.map(() => "SP"),
    },
    orders: {
      purchased: n,
      counted: n,
      excluded: noExclusions(),
    },
  };
}

/** Rows of a table picked by index (a bootstrap resample keeps ids, so customers repeat). */
export function pickRows(table: CustomerTable, rows: ArrayLike<number>, asOf: Date): CustomerTable {
  const numeric = {} as Record<NumericFeature, Float64Array>;
  for (const f of NUMERIC_FEATURES)
    numeric[f] = Float64Array.from(rows, (i) => table.numeric[f][i]);
  const idx = Array.from(rows);
  return {
    ...table,
    asOf,
    ids: idx.map((i) => table.ids[i]),
    numeric,
    text: {
      favourite_category: idx.map((i) => table.text.favourite_category[i]),
      customer_state: idx.map((i) => table.text.customer_state[i]),
    },
  };
}
