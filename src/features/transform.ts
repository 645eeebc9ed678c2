/**
 * Fitted, serialisable transforms from customer columns to a model matrix: impute missing values,
 * log1p the skewed columns, then centre and scale (standard or robust). Everything the transform
 * learned is stored, so a model trained at T0 applies unchanged at later dates, and `toJSON()` /
 * `fittedTransformFromJSON()` round-trip exactly.
 */
import type { Matrix } from "../cluster/matrix.js";
import type { CustomerTable } from "./definitions.js";
import { quantileOfFinite } from "../util/select.js";
import { quantileSorted } from "../util/stats.js";

/** Centre/scale rule: `standard` = (x − mean) / sd (population); `robust` = (x − median) / IQR. */
export type Scaler = "standard" | "robust" | "none";

/** What to do with NaN in a column: replace by the training median, or throw. */
export type MissingRule = "median" | "error";

/** Options of {@link fitTransform}. */
export interface TransformOptions {
  /** Columns to use, in matrix column order. */
  features: readonly string[];
  /** Columns to pass through `log1p` (after imputation; values must be > −1). Default none. */
  log1p?: readonly string[];
  /** Scaling rule (default `"standard"`). A zero sd or IQR scales by 1 (the column is only centred). */
  scaler?: Scaler;
  /** NaN handling (default `"median"`: training median of the raw column, stored in the transform). */
  missing?: MissingRule;
}

/** The transform's output: a clustering {@link Matrix} (row-major, `data[r * cols + c]`) with its column names. */
export interface FeatureMatrix extends Matrix {
  /** Column names. */
  features: string[];
}

/** The serialised form of a fitted transform (plain JSON). */
export interface TransformJSON {
  kind: "olist-feature-transform";
  version: 1;
  features: string[];
  log1p: string[];
  scaler: Scaler;
  missing: MissingRule;
  /** Per feature: value replacing NaN (raw scale), centre and scale (after log1p). */
  impute: number[];
  center: number[];
  scale: number[];
}

/** Named numeric columns, or a customer table (its `numeric` columns are used). */
export type ColumnSource = Record<string, Float64Array> | Pick<CustomerTable, "numeric">;

function columnsOf(source: ColumnSource): Record<string, Float64Array> {
  return "numeric" in source && !(source.numeric instanceof Float64Array)
    ? (source.numeric as Record<string, Float64Array>)
    : (source as Record<string, Float64Array>);
}

function getColumn(columns: Record<string, Float64Array>, name: string): Float64Array {
  const column = columns[name];
  if (!(column instanceof Float64Array)) {
    throw new Error(
      `Column "${name}" is not among the columns (${Object.keys(columns).join(", ")}).`,
    );
  }
  return column;
}

/** A transform fitted on training columns. */
export class FittedTransform {
  private constructor(private readonly spec: TransformJSON) {}

  /** Builds a transform from its fitted parameters (see {@link fitTransform}). */
  static of(spec: TransformJSON): FittedTransform {
    return new FittedTransform(spec);
  }

  /** Column names of the output matrix. */
  get features(): string[] {
    return [...this.spec.features];
  }

  /**
   * Applies the transform to columns (same names as at fit time); NaN become the stored training
   * value (or throw with `missing: "error"`).
   */
  apply(source: ColumnSource): FeatureMatrix {
    const columns = columnsOf(source);
    const { features, impute, center, scale } = this.spec;
    const logged = new Set(this.spec.log1p);
    const cols = features.length;
    const rows = cols === 0 ? 0 : getColumn(columns, features[0]).length;
    const data = new Float64Array(rows * cols);
    features.forEach((name, c) => {
      const column = getColumn(columns, name);
      if (column.length !== rows) {
        throw new Error(
          `Column "${name}" has ${column.length} values, "${features[0]}" has ${rows}.`,
        );
      }
      const log = logged.has(name);
      // Loop invariants as locals: the loop runs once per row and column.
      const missingIsError = this.spec.missing === "error";
      const fill = impute[c];
      const mean = center[c];
      const spread = scale[c];
      for (let r = 0, o = c; r < rows; r++, o += cols) {
        let x = column[r];
        if (Number.isNaN(x)) {
          if (missingIsError) {
            throw new Error(
              `Column "${name}" is missing (NaN) at row ${r}; use missing: "median".`,
            );
          }
          x = fill;
        }
        if (log) {
          if (!(x > -1))
            throw new Error(`log1p of ${x} in column "${name}" (row ${r}) is undefined.`);
          x = Math.log1p(x);
        }
        data[o] = (x - mean) / spread;
      }
    });
    return { data, rows, cols, features: [...features] };
  }

  /** The fitted parameters as plain JSON (exact: doubles survive JSON.stringify / JSON.parse). */
  toJSON(): TransformJSON {
    return structuredClone(this.spec);
  }
}

/** Rebuilds a transform from {@link FittedTransform.toJSON} output (validated). */
export function fittedTransformFromJSON(json: unknown): FittedTransform {
  const spec = json as TransformJSON;
  if (spec?.kind !== "olist-feature-transform" || spec.version !== 1) {
    throw new Error(
      'Not a serialised feature transform (expected kind "olist-feature-transform", version 1).',
    );
  }
  const n = spec.features.length;
  for (const key of ["impute", "center", "scale"] as const) {
    if (!Array.isArray(spec[key]) || spec[key].length !== n) {
      throw new Error(`Serialised transform: "${key}" must hold ${n} numbers.`);
    }
  }
  return FittedTransform.of(structuredClone(spec));
}

/** One column's fitted parameters and its values after imputation and log1p (the fit's input). */
interface FittedColumn {
  fill: number;
  center: number;
  scale: number;
  values: Float64Array;
}

/** Fits one column (see {@link fitTransform}): median fill, optional log1p, centre and scale. */
function fitColumn(
  raw: Float64Array,
  name: string,
  logged: boolean,
  scaler: Scaler,
  missing: MissingRule,
): FittedColumn {
  // The median of the finite values, by selection (the same number as after a full sort).
  const { value: fill, finite } = quantileOfFinite(raw, 0.5);
  if (finite === 0) throw new Error(`Column "${name}" has no value to fit on.`);
  if (missing === "error" && finite < raw.length) {
    throw new Error(`Column "${name}" has ${raw.length - finite} missing values (NaN).`);
  }
  // Plain loops rather than map/reduce callbacks (several times faster on typed arrays in V8);
  // the sums run left to right from 0 as reduce does, so the numbers are the same.
  const values = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i];
    const v = Number.isNaN(x) ? fill : x;
    if (logged) {
      if (!(v > -1)) throw new Error(`log1p of ${v} in column "${name}" is undefined.`);
      values[i] = Math.log1p(v);
    } else values[i] = v;
  }
  let c = 0;
  let s = 1;
  if (scaler === "standard") {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i];
    c = sum / values.length;
    let squares = 0;
    for (let i = 0; i < values.length; i++) squares += (values[i] - c) ** 2;
    s = Math.sqrt(squares / values.length);
  } else if (scaler === "robust") {
    const sorted = values.slice().sort();
    c = quantileSorted(sorted, 0.5);
    s = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  }
  // A constant column (e.g. frequency's IQR when ~97% buy once) is only centred.
  return { fill, center: c, scale: s > 0 ? s : 1, values };
}

/**
 * Fits every column of `options` and hands each fitted column, in feature order, to `use` (before
 * the next is fitted, so that only one column's values are held at a time); returns the transform.
 */
function fitColumns(
  source: ColumnSource,
  options: TransformOptions,
  use: (column: FittedColumn, c: number) => void = () => {},
): FittedTransform {
  const columns = columnsOf(source);
  const features = [...options.features];
  const log1p = [...(options.log1p ?? [])];
  const scaler = options.scaler ?? "standard";
  const missing = options.missing ?? "median";
  for (const name of log1p) {
    if (!features.includes(name)) throw new Error(`log1p column "${name}" is not among features.`);
  }
  const impute: number[] = [];
  const center: number[] = [];
  const scale: number[] = [];
  features.forEach((name, c) => {
    const fitted = fitColumn(getColumn(columns, name), name, log1p.includes(name), scaler, missing);
    use(fitted, c);
    impute.push(fitted.fill);
    center.push(fitted.center);
    scale.push(fitted.scale);
  });
  return FittedTransform.of({
    kind: "olist-feature-transform",
    version: 1,
    features,
    log1p,
    scaler,
    missing,
    impute,
    center,
    scale,
  });
}

/**
 * Fits a transform on training columns: per feature, the NaN replacement (training median), then
 * after optional log1p the centre and scale of the chosen scaler.
 *
 * @example
 * const t = fitTransform(table, {
 *   features: ["recency_days", "frequency", "monetary"],
 *   log1p: ["frequency", "monetary"],
 *   scaler: "standard",
 * });
 * const { data, rows, cols } = t.apply(table); // later: t.apply(tableAtLaterDate)
 */
export function fitTransform(source: ColumnSource, options: TransformOptions): FittedTransform {
  return fitColumns(source, options);
}

/**
 * `fitTransform(source, options)` and its `apply(source)` in one pass: the same transform and the
 * same matrix bit for bit, with each value imputed and log1p'd once instead of twice (the
 * maintenance study fits a transform on every date's table). `allocate` gives the matrix's
 * array of rows × features values (default a new Float64Array; e.g. one in a `SharedArrayBuffer`
 * for worker threads).
 *
 * @example
 * const { transform, matrix } = fitTransformMatrix(table, { features, log1p });
 */
export function fitTransformMatrix(
  source: ColumnSource,
  options: TransformOptions,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): { transform: FittedTransform; matrix: FeatureMatrix } {
  const columns = columnsOf(source);
  const features = [...options.features];
  const cols = features.length;
  const rows = cols === 0 ? 0 : getColumn(columns, features[0]).length;
  for (const name of features) {
    const length = getColumn(columns, name).length;
    if (length !== rows)
      throw new Error(`Column "${name}" has ${length} values, "${features[0]}" has ${rows}.`);
  }
  const out = allocate(rows * cols);
  if (out.length !== rows * cols)
    throw new Error(`allocate gave ${out.length} values, expected ${rows} × ${cols}`);
  const transform = fitColumns(source, options, ({ values, center, scale }, c) => {
    // The expression of apply(): (x − centre) / scale on the imputed, log1p'd value.
    for (let r = 0, o = c; r < rows; r++, o += cols) out[o] = (values[r] - center) / scale;
  });
  return { transform, matrix: { data: out, rows, cols, features } };
}
