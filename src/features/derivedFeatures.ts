/**
 * The derived-features hook: a customer feature computed in TypeScript from the SQL columns of the
 * customer table (e.g. a model-based lifetime value), where one SQL expression will not do. A row
 * of {@link DERIVED_FEATURES} is the one place such a feature is declared; `customerFeatures` adds
 * its column to every customer table and `featureSnapshot` (the maintenance snapshots) computes it
 * the same way from the same inputs, so a model that reads it refits and drifts like any other.
 *
 * Adding one: append `{ name, doc, inputs, compute }` below. `inputs` are SQL features
 * (`NUMERIC_FEATURES`); `compute` gets those columns (customers in table order) and the as-of
 * date, and returns one value per customer (NaN = missing); it must depend on nothing else, so the
 * table and the snapshots agree. The name joins {@link FeatureName}, the union that model feature
 * lists are typed with, so a misspelt feature fails at compile time.
 */
import type { NumericFeature } from "./definitions.js";
import { NUMERIC_FEATURES } from "./definitions.js";

/** A feature computed in TypeScript from SQL feature columns. */
export interface DerivedFeature<N extends string = string> {
  /** Column name (snake_case, not a SQL feature's name). */
  readonly name: N;
  /** What it measures, as `NUMERIC_FEATURE_DOCS` says it for the SQL features. */
  readonly doc: string;
  /** The SQL features it reads. */
  readonly inputs: readonly NumericFeature[];
  /** One value per customer from the input columns (same length) at the as-of date. */
  compute(columns: Readonly<Record<NumericFeature, Float64Array>>, asOf: Date): Float64Array;
}

/** The derived features of the customer table, in column order (none yet). */
export const DERIVED_FEATURES = [] as const satisfies readonly DerivedFeature[];

/** Name of a derived feature column. */
export type DerivedFeatureName = (typeof DERIVED_FEATURES)[number]["name"];

/** Name of any numeric customer feature: a SQL one or a derived one. Model feature lists use it. */
export type FeatureName = NumericFeature | DerivedFeatureName;

/** Every numeric feature name: the SQL ones in column order, then the derived ones. */
export function featureNames(derived: readonly DerivedFeature[] = DERIVED_FEATURES): string[] {
  return [...NUMERIC_FEATURES, ...derived.map((d) => d.name)];
}

/** Throws unless the registry is sound: new names, known inputs. */
function checkRegistry(derived: readonly DerivedFeature[]): void {
  const sql = new Set<string>(NUMERIC_FEATURES);
  const seen = new Set<string>();
  for (const d of derived) {
    if (sql.has(d.name) || seen.has(d.name)) {
      throw new Error(
        `Derived feature "${d.name}" is declared twice (or is a SQL feature); rename it.`,
      );
    }
    seen.add(d.name);
    if (d.inputs.length === 0) {
      throw new Error(`Derived feature "${d.name}" reads no SQL feature; list its inputs.`);
    }
    const unknown = d.inputs.filter((i) => !sql.has(i));
    if (unknown.length > 0) {
      throw new Error(
        `Derived feature "${d.name}" reads ${unknown.join(", ")}, not SQL feature(s); ` +
          `its inputs must be some of ${NUMERIC_FEATURES.join(", ")}.`,
      );
    }
  }
}

/**
 * The SQL columns a list of features needs: its SQL features, then the inputs of its derived
 * ones, each once, in that order. Throws on a name that is no feature.
 *
 * @example
 * sqlColumnsFor(["recency_days", "monetary"]); // ["recency_days", "monetary"]
 */
export function sqlColumnsFor(
  features: readonly string[],
  derived: readonly DerivedFeature[] = DERIVED_FEATURES,
): NumericFeature[] {
  checkRegistry(derived);
  const sql = new Set<string>(NUMERIC_FEATURES);
  const byName = new Map(derived.map((d) => [d.name as string, d]));
  const unknown = features.filter((f) => !sql.has(f) && !byName.has(f));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown numeric feature(s) ${unknown.join(", ")}; expected some of ${featureNames(derived).join(", ")}.`,
    );
  }
  const out = new Set<NumericFeature>();
  for (const f of features) if (sql.has(f)) out.add(f as NumericFeature);
  for (const f of features) for (const i of byName.get(f)?.inputs ?? []) out.add(i);
  return [...out];
}

/**
 * The columns of the derived features in `derived` (default: all of {@link DERIVED_FEATURES}),
 * computed from `columns` (which must hold their inputs) at `asOf`. Throws when an input is
 * missing or a result has the wrong length.
 *
 * @example
 * Object.assign(table.numeric, derivedColumns(table.numeric, table.asOf));
 */
export function derivedColumns(
  columns: Readonly<Record<string, Float64Array>>,
  asOf: Date,
  derived: readonly DerivedFeature[] = DERIVED_FEATURES,
): Record<string, Float64Array> {
  checkRegistry(derived);
  const out: Record<string, Float64Array> = {};
  for (const d of derived) {
    const missing = d.inputs.filter((i) => !(columns[i] instanceof Float64Array));
    if (missing.length > 0) {
      throw new Error(`Derived feature "${d.name}" needs the column(s) ${missing.join(", ")}.`);
    }
    const n = columns[d.inputs[0]].length;
    const values = d.compute(columns as Readonly<Record<NumericFeature, Float64Array>>, asOf);
    if (!(values instanceof Float64Array) || values.length !== n) {
      throw new Error(
        `Derived feature "${d.name}" returned ${values?.length} values for ${n} customers; return a Float64Array with one value per customer.`,
      );
    }
    out[d.name] = values;
  }
  return out;
}
