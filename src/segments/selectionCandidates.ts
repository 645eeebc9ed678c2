/**
 * The candidates of the model selection, computed: every feature set × k-means × k fitted on the
 * customer table, stability measured in its own space, separation scored in one common space (the
 * standardised union of all the feature sets' features), so the rule can compare them.
 */
import type { Matrix } from "../cluster/matrix.js";
import type { CustomerTable } from "../features/definitions.js";
import type { FitSegmentModelOptions } from "./model.js";
import type { FeatureSet } from "./compare.js";
import { FEATURE_SETS, featureSetMatrix, kmeansSweep } from "./compare.js";
import type { SelectionCandidate } from "./selectionRule.js";

/** The design of the selection: what is compared and how it is measured. */
export interface SelectionDesign {
  /** Feature sets compared (default {@link FEATURE_SETS}). */
  featureSets: readonly FeatureSet[];
  /** Values of k (default 3…8: k = 2 only splits repeat buyers from everyone else). */
  ks: readonly number[];
  /** k-means restarts of each candidate fit (default 4). */
  nInit: number;
  seed: number;
  /** Rows of the sampled silhouette (default 5,000, seeded). */
  silhouetteSampleSize: number;
  /** Rows of the stability subsample (default 10,000) and fits per measure (default 3). */
  stabilityRows: number;
  stabilityRuns: number;
}

/** The default design (used by `npm start`, `npm run segment` and notebook 2). */
export const SELECTION_DESIGN: SelectionDesign = {
  featureSets: FEATURE_SETS,
  ks: [3, 4, 5, 6, 7, 8],
  nInit: 4,
  seed: 0,
  silhouetteSampleSize: 5_000,
  stabilityRows: 10_000,
  stabilityRuns: 3,
};

/** File-name-safe slug of a feature-set name: `"RFM + satisfaction"` → `"rfm-satisfaction"`. */
export function featureSetSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Id of a candidate: `<feature-set slug>/k-means/k<k>`. */
export function candidateId(featureSet: string, k: number, algorithm = "k-means"): string {
  return `${featureSetSlug(featureSet)}/${algorithm}/k${k}`;
}

/** The union of the feature sets (features and log1p columns, first-seen order). */
export function commonFeatureSet(sets: readonly FeatureSet[]): FeatureSet {
  const features = [...new Set(sets.flatMap((s) => s.features))];
  const log1p = [...new Set(sets.flatMap((s) => s.log1p))];
  return { name: "common space", description: "union of all feature sets", features, log1p };
}

/** The standardised common evaluation space of the feature sets. */
export function commonSpaceMatrix(
  table: Pick<CustomerTable, "numeric">,
  sets: readonly FeatureSet[],
): Matrix {
  return featureSetMatrix(table, commonFeatureSet(sets));
}

/**
 * Fits and scores every candidate of the design on `table`: k-means in each feature set's own space,
 * seed stability there, silhouette (sampled), Davies-Bouldin and Calinski-Harabasz in the common space.
 *
 * @example
 * const candidates = selectionCandidates(customers); // 4 feature sets × 6 k = 24 rows
 */
export function selectionCandidates(
  table: Pick<CustomerTable, "numeric">,
  design: SelectionDesign = SELECTION_DESIGN,
  onCandidate?: (done: number, total: number) => void,
): SelectionCandidate[] {
  const common = commonSpaceMatrix(table, design.featureSets);
  const out: SelectionCandidate[] = [];
  const total = design.featureSets.length * design.ks.length;
  for (const set of design.featureSets) {
    const matrix = featureSetMatrix(table, set);
    for (const k of design.ks) {
      const [row] = kmeansSweep(matrix, set.name, {
        ks: [k],
        nInit: design.nInit,
        seed: design.seed,
        silhouetteSampleSize: design.silhouetteSampleSize,
        stabilityRows: design.stabilityRows,
        stabilityRuns: design.stabilityRuns,
        scoreMatrix: common,
      });
      out.push({
        id: candidateId(set.name, k, row.algorithm),
        label: `${set.name}, ${row.algorithm}, k = ${k}`,
        features: set.name,
        algorithm: row.algorithm,
        k,
        silhouette: row.silhouette,
        daviesBouldin: row.daviesBouldin,
        calinskiHarabasz: row.calinskiHarabasz,
        smallestShare: row.smallestShare,
        seedStability: row.seedStability,
      });
      onCandidate?.(out.length, total);
    }
  }
  return out;
}

/**
 * The fit options of a candidate id (feature set, log1p, k from the design; seed 0, 10 restarts
 * for the final fit). Throws when the id is not a candidate of the design.
 */
export function candidateSegmentation(
  id: string,
  design: SelectionDesign = SELECTION_DESIGN,
): Omit<FitSegmentModelOptions, "names" | "source"> & {
  seed: number;
  nInit: number;
  candidate: string;
} {
  const m = /^(.+)\/k-means\/k(\d+)$/.exec(id);
  const set = m && design.featureSets.find((s) => featureSetSlug(s.name) === m[1]);
  if (!m || !set || !design.ks.includes(Number(m[2])))
    throw new Error(`${id} is not a candidate of the selection design`);
  return {
    features: [...set.features],
    log1p: [...set.log1p],
    scaler: "standard",
    k: Number(m[2]),
    seed: 0,
    nInit: 10,
    candidate: id,
  };
}
