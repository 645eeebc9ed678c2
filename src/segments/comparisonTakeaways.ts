/**
 * The takeaways of the modelling notebook's comparison (k-means sweep, DBSCAN, algorithm table),
 * each rendered from the values it states: every silhouette with its label (exact or sampled, n,
 * 95 % interval), comparisons worded by the numbers (overlapping intervals are "about the same"),
 * and claims about causes phrased as hypotheses.
 */
import type { DbscanResult } from "../cluster/dbscan.js";
import { scoreText, silhouetteText } from "../display/scoreText.js";
import { percent } from "../display/takeaway.js";
import type { PartitionScores } from "./compare.js";

const silhouetteOf = (r: PartitionScores) =>
  silhouetteText({ value: r.silhouette, ...r.silhouetteOf });

/** "higher", "lower" or "about the same" for silhouette a against b (overlapping intervals: same). */
export function compareSilhouettes(a: PartitionScores, b: PartitionScores): string {
  const ia = a.silhouetteOf.interval ?? [a.silhouette, a.silhouette];
  const ib = b.silhouetteOf.interval ?? [b.silhouette, b.silhouette];
  if (ia[0] > ib[1]) return "higher";
  if (ia[1] < ib[0]) return "lower";
  return "about the same";
}

/**
 * Words for a mean ARI across seeds: "identical" (1), "nearly identical" (≥ 0.99), "very similar"
 * (≥ 0.9), "similar" (≥ 0.8), else "different".
 */
export function seedAgreementWords(ari: number): string {
  if (ari >= 1) return "identical";
  if (ari >= 0.99) return "nearly identical";
  if (ari >= 0.9) return "very similar";
  if (ari >= 0.8) return "similar";
  return "different";
}

/**
 * The sweep's takeaway: the chosen and a richer feature set at the same k, each silhouette
 * labelled, with the caveat that silhouettes of spaces of different dimension do not rank sets,
 * and the cause (extra features blur the segments) as a hypothesis only when the richer set is lower.
 *
 * @example
 * sweepTakeaway({ k: 5, name: "RFM + satisfaction", row: chosenRow }, { name: "… + delivery", row: richRow });
 */
export function sweepTakeaway(
  chosen: { k: number; name: string; row: PartitionScores },
  richer: { name: string; row: PartitionScores },
): string {
  const verdict = compareSilhouettes(richer.row, chosen.row);
  const first =
    `At k = ${chosen.k}, the silhouette with ${chosen.name} is ${silhouetteOf(chosen.row)}; ` +
    `with ${richer.name} it is ${verdict === "about the same" ? "about the same" : verdict}, ` +
    `${silhouetteOf(richer.row)}.`;
  const caveat =
    " Silhouettes of spaces of different dimension are not directly comparable, so this alone does not rank the feature sets";
  return verdict === "lower"
    ? `${first}${caveat}; that the extra features blur the segments is a hypothesis, not a measurement.`
    : `${first}${caveat}.`;
}

/**
 * The algorithm table's takeaway: k-means against the RFM grid on the same features (silhouettes
 * labelled, compared by their intervals) and how alike k-means' segments are across seeds.
 *
 * @example
 * comparisonTakeaway("RFM + satisfaction", kmeansRow, rfmRow, 0.997);
 * // "On the same features (RFM + satisfaction), k-means has a higher silhouette than the RFM grid: …"
 */
export function comparisonTakeaway(
  featureSet: string,
  kmeans: PartitionScores,
  rfm: PartitionScores,
  seedStability: number,
): string {
  const verdict = compareSilhouettes(kmeans, rfm);
  const than =
    verdict === "about the same" ? "about the same silhouette as" : `a ${verdict} silhouette than`;
  return (
    `On the same features (${featureSet}), k-means has ${than} the RFM grid: ` +
    `${silhouetteOf(kmeans)} against ${silhouetteOf(rfm)}; its segments come back ` +
    `${seedAgreementWords(seedStability)} across seeds (mean ARI ${scoreText(seedStability, { thresholds: [0.8, 0.9] })}).`
  );
}

/** Options of {@link dbscanTakeaway}. */
export interface DbscanTakeawayOptions {
  eps: number;
  minSamples: number;
  /** Smallest share of all customers a usable segment holds (default 0.02). */
  minShare?: number;
  /** Largest share of customers left as noise or in groups under `minShare` (default 0.1). */
  maxLeftOut?: number;
  /** Largest share one group may hold and still split the customers (default 0.5). */
  maxLargest?: number;
}

/**
 * DBSCAN's takeaway from its result: the dense groups, the noise, the largest group and how many
 * groups reach a usable size, and a verdict by a stated rule: usable segments when at least two
 * groups hold `minShare` of the customers, no group holds more than `maxLargest`, and noise plus
 * the smaller groups leave out at most `maxLeftOut`.
 *
 * @example
 * dbscanTakeaway(db, { eps: 0.41, minSamples: 10 });
 */
export function dbscanTakeaway(db: DbscanResult, options: DbscanTakeawayOptions): string {
  const { eps, minSamples, minShare = 0.02, maxLeftOut = 0.1, maxLargest = 0.5 } = options;
  const n = db.labels.length;
  const sizes = new Float64Array(db.nClusters);
  let noise = 0;
  for (let i = 0; i < n; i++) {
    if (db.labels[i] >= 0) sizes[db.labels[i]]++;
    else noise++;
  }
  let largest = 0;
  let usable = 0;
  let inUsable = 0;
  for (const s of sizes) {
    if (s > largest) largest = s;
    if (s >= minShare * n) {
      usable++;
      inUsable += s;
    }
  }
  const leftOut = (n - inUsable) / n;
  const min = percent(minShare, 0);
  const head =
    `DBSCAN (eps = ${eps.toFixed(3)}, ${minSamples} neighbours) finds ${db.nClusters} dense ` +
    `group${db.nClusters === 1 ? "" : "s"} and ${percent(noise / n)} noise; the largest holds ` +
    `${percent(largest / n)} of customers, ${usable} hold${usable === 1 ? "s" : ""} at least ${min}, ` +
    `and noise plus the smaller groups leave out ${percent(leftOut)}.`;
  const rule =
    `(usable: two or more groups of at least ${min}, none over ${percent(maxLargest, 0)}, ` +
    `at most ${percent(maxLeftOut, 0)} left out)`;
  const why: string[] = [];
  if (usable < 2) why.push(`fewer than two groups reach ${min} of customers`);
  if (largest / n > maxLargest) why.push(`one group holds more than ${percent(maxLargest, 0)}`);
  if (leftOut > maxLeftOut) why.push(`more than ${percent(maxLeftOut, 0)} are left out`);
  if (why.length === 0) {
    return `${head} By the rule ${rule} these are candidate segments, scored in the table below.`;
  }
  return `${head} By the rule ${rule} density-based clustering does not give usable segments here: ${why.join(", and ")}.`;
}
