/**
 * A minimal dense matrix for the clustering toolbox: row-major `Float64Array` plus its shape.
 * Every algorithm in `src/cluster`, `src/metrics` and `src/pca` reads this layout with tight loops,
 * which avoids one JavaScript object per customer (≈ 95k rows).
 */

/** Dense row-major matrix: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  /** Row-major values, length `rows * cols`. */
  data: Float64Array;
  /** Number of rows (observations, e.g. customers). */
  rows: number;
  /** Number of columns (features). */
  cols: number;
}

/**
 * Wraps a row-major array as a {@link Matrix}, checking the shape and that every value is finite.
 *
 * @example
 * const m = createMatrix(new Float64Array([1, 2, 3, 4, 5, 6]), 3, 2); // 3 rows × 2 columns
 */
export function createMatrix(data: Float64Array, rows: number, cols: number): Matrix {
  if (!Number.isInteger(rows) || rows < 0)
    throw new Error(`rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 1)
    throw new Error(`cols must be a positive integer, got ${cols}`);
  if (data.length !== rows * cols) {
    throw new Error(
      `data has length ${data.length} but rows × cols = ${rows} × ${cols} = ${rows * cols}`,
    );
  }
  const matrix = { data, rows, cols };
  assertFinite(matrix);
  return matrix;
}

/**
 * Builds a matrix from named columns, keeping the order of `features` as column order.
 *
 * @example
 * const m = matrixFromColumns({ recency: r, frequency: f, monetary: m }, ["recency", "monetary"]);
 */
export function matrixFromColumns(
  columns: Record<string, ArrayLike<number>>,
  features: readonly string[],
): Matrix {
  if (features.length === 0) throw new Error("features must list at least one column name");
  const missing = features.filter((f) => !(f in columns));
  if (missing.length > 0) {
    throw new Error(
      `Unknown feature(s) ${missing.join(", ")}; available columns: ${Object.keys(columns).join(", ")}`,
    );
  }
  const rows = columns[features[0]].length;
  const cols = features.length;
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const column = columns[features[j]];
    if (column.length !== rows) {
      throw new Error(
        `Column "${features[j]}" has ${column.length} values but "${features[0]}" has ${rows}; columns must have equal length`,
      );
    }
    for (let i = 0; i < rows; i++) {
      const v = column[i];
      if (!Number.isFinite(v)) {
        throw new Error(
          `Column "${features[j]}" has non-finite value ${v} at row ${i}; impute or drop it first`,
        );
      }
      data[i * cols + j] = v;
    }
  }
  return { data, rows, cols };
}

/** Builds a matrix from an array of rows (convenient in tests and small examples). */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  if (rows.length === 0) throw new Error("matrixFromRows needs at least one row");
  const cols = rows[0].length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new Error(`Row ${i} has ${row.length} values, expected ${cols}`);
    data.set(row, i * cols);
  });
  return createMatrix(data, rows.length, cols);
}

/** Returns row `i` as an array of numbers (for display and small interop, not for hot loops). */
export function matrixRow(matrix: Matrix, i: number): number[] {
  return Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols));
}

/** Converts to an array of row arrays (what ml.js libraries expect). */
export function matrixToRows(matrix: Matrix): number[][] {
  const out: number[][] = new Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) out[i] = matrixRow(matrix, i);
  return out;
}

/** Returns the sub-matrix made of the given rows, in the given order (duplicates allowed, as in a bootstrap). */
export function selectRows(matrix: Matrix, indices: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  const data = new Float64Array(indices.length * cols);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (!(i >= 0 && i < matrix.rows) || !Number.isInteger(i)) {
      throw new Error(`Row index ${i} at position ${r} is outside 0..${matrix.rows - 1}`);
    }
    data.set(matrix.data.subarray(i * cols, (i + 1) * cols), r * cols);
  }
  return { data, rows: indices.length, cols };
}

/** Throws a clear error naming the row and column of the first NaN or infinite value. */
export function assertFinite(matrix: Matrix, name = "data"): void {
  const { data, cols } = matrix;
  for (let p = 0; p < data.length; p++) {
    if (!Number.isFinite(data[p])) {
      throw new Error(
        `${name} has non-finite value ${data[p]} at row ${Math.floor(p / cols)}, column ${p % cols}; impute or drop it first`,
      );
    }
  }
}

/** Checks that `labels` has exactly one entry per row of `matrix`. */
export function assertLabels(matrix: Matrix, labels: Int32Array, name = "labels"): void {
  if (labels.length !== matrix.rows) {
    throw new Error(`${name} has ${labels.length} entries but the data has ${matrix.rows} rows`);
  }
}

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b` (same number of columns). */
export function squaredDistance(
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  cols: number,
): number {
  let s = 0;
  const oi = i * cols;
  const oj = j * cols;
  for (let c = 0; c < cols; c++) {
    const d = a[oi + c] - b[oj + c];
    s += d * d;
  }
  return s;
}

/**
 * Draws `size` distinct row indices uniformly without replacement (partial Fisher–Yates), seeded.
 * Returns all rows (in random order) if `size ≥ n`.
 */
export function sampleIndices(
  n: number,
  size: number,
  rng: { int(n: number): number },
): Int32Array {
  const m = Math.min(size, n);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, m);
}
