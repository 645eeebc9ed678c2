/**
 * The one-line summary of the segments that `npm start` prints: k, customers, as-of date, the
 * silhouette with its label (exact with n, or sampled with its samples and interval) and the two
 * other scores.
 */
import type { SegmentationMetrics } from "../segments/output.js";

/**
 * The summary line of a segmentation's metrics.
 *
 * @example
 * segmentsLine(result.metrics);
 * // "Segments: k = 5 on 91,610 customers as of 2018-09-01; silhouette 0.327 (exact, n = 91,610), Davies-Bouldin 0.879, Calinski-Harabasz 48,690"
 */
export function segmentsLine(
  m: Pick<
    SegmentationMetrics,
    "k" | "customers" | "asOf" | "silhouetteLabel" | "daviesBouldin" | "calinskiHarabasz"
  >,
): string {
  return (
    `Segments: k = ${m.k} on ${m.customers.toLocaleString("en-US")} customers as of ${m.asOf.slice(0, 10)}; ` +
    `${m.silhouetteLabel}, Davies-Bouldin ${m.daviesBouldin.toFixed(3)}, ` +
    `Calinski-Harabasz ${Math.round(m.calinskiHarabasz).toLocaleString("en-US")}`
  );
}
