/**
 * Records as plain JSON for the result cache: `JSON.stringify` turns NaN and ±Infinity into null,
 * so a record's non-finite numbers are stored as `{ "$number": "NaN" }` (and read back as numbers).
 */

/** How a non-finite number is stored. */
interface StoredNonFinite {
  $number: "NaN" | "Infinity" | "-Infinity";
}

const isStoredNonFinite = (v: unknown): v is StoredNonFinite =>
  typeof v === "object" &&
  v !== null &&
  Object.keys(v).length === 1 &&
  ["NaN", "Infinity", "-Infinity"].includes((v as { $number?: unknown }).$number as string);

/**
 * `record` with each non-finite number among its own fields as `{ $number: text }` (nested values
 * are kept as they are: they must be plain JSON already).
 *
 * @example
 * JSON.stringify(storeNumbers({ ari: NaN, k: 3 })); // '{"ari":{"$number":"NaN"},"k":3}'
 */
export function storeNumbers(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, v]) => [
      key,
      typeof v === "number" && !Number.isFinite(v) ? { $number: String(v) } : v,
    ]),
  );
}

/**
 * The record {@link storeNumbers} stored, its non-finite numbers restored.
 *
 * @example
 * readNumbers<{ ari: number }>({ ari: { $number: "NaN" } }).ari; // NaN
 */
export function readNumbers<T>(stored: Record<string, unknown>): T {
  return Object.fromEntries(
    Object.entries(stored).map(([key, v]) => [key, isStoredNonFinite(v) ? Number(v.$number) : v]),
  ) as T;
}
