/** A customer table of known structure for the selection tests, and the design that compares its feature sets. */
import type { CustomerTable } from "../../src/features/definitions.js";
import type { SelectionDesign } from "../../src/segments/selectionCandidates.js";
import { createRng } from "../../src/util/random.js";

/**
 * A table of known structure, 900 rows: (a, b) three blobs on a triangle (joint structure that a
 * column permutation destroys); n1…n4 pure noise; (u, v) two independent bimodal columns (four
 * blobs on the corners of a square: a high silhouette that a permutation keeps, so no lift); the
 * naming columns follow the triangle's blobs (each blob is nameable, the square's corners are not).
 */
export function knownTable(seed: number) {
  const rng = createRng(seed);
  const n = 900;
  const col = () => new Float64Array(n);
  const t = { a: col(), b: col(), n1: col(), n2: col(), n3: col(), n4: col(), u: col(), v: col() };
  const tri = [
    [0, 0],
    [8, 0],
    [4, 7],
  ];
  // The naming features, set by the blob: blob 0 repeat buyers, blob 1 R$ 600 spenders, blob 2
  // bought within 30 days; everyone else 1 order, R$ 50, 300 days ago, reviews 4.5★ for all.
  const naming = {
    recency_days: col(),
    frequency: col(),
    monetary: col(),
    mean_review_score: col(),
  };
  for (let i = 0; i < n; i++) {
    const [ca, cb] = tri[i % 3];
    naming.frequency[i] = i % 3 === 0 ? 2 : 1;
    naming.monetary[i] = i % 3 === 1 ? 600 : 50;
    naming.recency_days[i] = i % 3 === 2 ? 30 : 300;
    naming.mean_review_score[i] = 4.5;
    t.a[i] = ca + rng.normal();
    t.b[i] = cb + rng.normal();
    t.n1[i] = rng.normal();
    t.n2[i] = rng.normal();
    t.n3[i] = rng.normal();
    t.n4[i] = rng.normal();
    t.u[i] = (rng.next() < 0.5 ? 0 : 10) + 0.6 * rng.normal();
    t.v[i] = (rng.next() < 0.5 ? 0 : 10) + 0.6 * rng.normal();
  }
  // The selection reads only the columns its feature sets name.
  return {
    numeric: { ...t, ...naming },
    asOf: new Date("2020-01-01T00:00:00Z"),
  } as unknown as Pick<CustomerTable, "numeric" | "asOf">;
}

/** The selection design of the known table: three feature sets, k = 2…5, every row used. */
export const knownDesign: SelectionDesign = {
  featureSets: [
    { name: "Structured", description: "a, b", features: ["a", "b"], log1p: [] },
    {
      name: "Structured + noise",
      description: "a, b and four noise columns",
      features: ["a", "b", "n1", "n2", "n3", "n4"],
      log1p: [],
    },
    { name: "Independent", description: "u, v", features: ["u", "v"], log1p: [] },
  ],
  ks: [2, 3, 4, 5],
  nInit: 4,
  seed: 0,
  fitRows: 900,
  silhouetteSampleSize: 900,
  stabilityRows: 900,
  stabilityRuns: 3,
};
