/**
 * From model space back to the customer table's own units. The segment model's transform is
 * `z = (g(x) − centre) / scale` with g = log1p for the logged features and the identity for the
 * others (missing values first replaced by the stored training value); it is strictly increasing,
 * so a model-space rule `z < t` is exactly the raw rule `x < g⁻¹(t · scale + centre)`, with
 * g⁻¹ = expm1 after log1p. A raw tree then reads the raw columns (missing → the imputed value).
 */
import type { TransformJSON } from "../features/transform.js";
import type { ThresholdTree } from "./thresholdTree.js";
import { routeToLeaves } from "./thresholdTree.js";

/** A model-space threshold of feature `f` in the feature's raw units (inverse of the transform). */
export function rawThreshold(transform: TransformJSON, f: number, z: number): number {
  const v = z * transform.scale[f] + transform.center[f];
  return transform.log1p.includes(transform.features[f]) ? Math.expm1(v) : v;
}

/** The same tree with every threshold converted to raw units (feature order of the transform). */
export function treeInRawUnits(tree: ThresholdTree, transform: TransformJSON): ThresholdTree {
  return {
    nodes: tree.nodes.map((node) =>
      node.feature < 0
        ? { ...node }
        : { ...node, threshold: rawThreshold(transform, node.feature, node.threshold) },
    ),
  };
}

/** Raw columns in the transform's feature order, read with missing values replaced as the model does. */
export interface RawColumns {
  rows: number;
  /** Raw value of feature `f` at `row` (NaN → the transform's imputed value). */
  value: (row: number, feature: number) => number;
}

/**
 * The raw columns a raw tree reads: the transform's features taken from the table's numeric
 * columns, NaN read as the value the model imputes (e.g. no review → the training median).
 */
export function rawColumns(
  numeric: Readonly<Record<string, Float64Array>>,
  transform: TransformJSON,
): RawColumns {
  const columns = transform.features.map((name) => {
    const column = numeric[name];
    if (!(column instanceof Float64Array)) throw new Error(`The table has no column "${name}"`);
    return column;
  });
  const rows = columns.length > 0 ? columns[0].length : 0;
  const impute = transform.impute;
  return {
    rows,
    value: (row, f) => {
      const x = columns[f][row];
      return Number.isNaN(x) ? impute[f] : x;
    },
  };
}

/** Rows of `source` whose tree segment equals their label. */
export function agreeingRows(
  tree: ThresholdTree,
  source: Parameters<typeof routeToLeaves>[1],
  labels: Int32Array,
): number {
  const leaves = routeToLeaves(tree, source);
  let same = 0;
  for (let r = 0; r < leaves.length; r++) if (tree.nodes[leaves[r]].segment === labels[r]) same++;
  return same;
}
