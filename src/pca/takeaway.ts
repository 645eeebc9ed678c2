/**
 * The takeaway under the PCA plot, computed: how much variance the first two components explain, how
 * far the segments overlap in that plane (share of customers nearer their own segment's centre than
 * any other's, in the plane), and which segments lie farthest from the centre of the plot.
 */

/** Least share of customers nearest their own centre for the plane to count as separating. */
export const PLANE_SEPARATION_SHARE = 0.9;

/** The figures behind the PCA takeaway. */
export interface PcaPlaneFacts {
  /** Variance explained by PC1 + PC2. */
  explained: number;
  /** Share of customers whose nearest segment centre in the (PC1, PC2) plane is their own. */
  ownNearest: number;
  /** Segments by distance of their centre from the plot's origin, farthest first. */
  byDistance: number[];
}

/** The facts of the PCA plane from the projections, labels and explained variance ratios. */
export function pcaPlaneFacts(
  pc1: ArrayLike<number>,
  pc2: ArrayLike<number>,
  labels: ArrayLike<number>,
  explainedRatio: ArrayLike<number>,
): PcaPlaneFacts {
  let k = 0;
  for (let i = 0; i < labels.length; i++) k = Math.max(k, labels[i] + 1);
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const n = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    if (s < 0) continue;
    cx[s] += pc1[i];
    cy[s] += pc2[i];
    n[s]++;
  }
  for (let s = 0; s < k; s++) {
    if (n[s] === 0) continue;
    cx[s] /= n[s];
    cy[s] /= n[s];
  }
  let own = 0;
  let counted = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) continue;
    counted++;
    let best = 0;
    let bestD = Infinity;
    for (let s = 0; s < k; s++) {
      if (n[s] === 0) continue;
      const d = (pc1[i] - cx[s]) ** 2 + (pc2[i] - cy[s]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    if (best === labels[i]) own++;
  }
  const byDistance = Array.from({ length: k }, (_, s) => s)
    .filter((s) => n[s] > 0)
    .sort((a, b) => Math.hypot(cx[b], cy[b]) - Math.hypot(cx[a], cy[a]));
  return {
    explained: (explainedRatio[0] ?? 0) + (explainedRatio[1] ?? 0),
    ownNearest: counted ? own / counted : 0,
    byDistance,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * The PCA takeaway: explained variance, whether the segments overlap in the plane (by
 * {@link PLANE_SEPARATION_SHARE}) and the two segments farthest from the centre.
 */
export function pcaTakeaway(f: PcaPlaneFacts, names: readonly string[]): string {
  const lead = `Two components explain ${pct(f.explained)} of the variance`;
  const sep =
    f.ownNearest >= PLANE_SEPARATION_SHARE
      ? `; ${pct(f.ownNearest)} of customers lie nearer their own segment's centre than any other in this plane, so the segments are largely apart in it`
      : `; only ${pct(f.ownNearest)} of customers lie nearer their own segment's centre than any other in this plane: the segments overlap in this projection (they are cut in the full model space, not in these two axes)`;
  const edges = f.byDistance.slice(0, 2).map((s) => `"${names[s] ?? `Segment ${s}`}"`);
  const edge =
    edges.length === 2
      ? `; ${edges[0]} and ${edges[1]} have their centres farthest from the middle of the plot`
      : "";
  return `${lead}${sep}${edge}.`;
}
