/**
 * The k-distance curve DBSCAN's `eps` is read from: each sampled customer's distance to its k-th
 * nearest neighbour, sorted, with the chosen quantile named in the title.
 */
import type { Figure } from "./figure.js";
import { lineChart } from "./line.js";

/**
 * The sorted k-distances as a line, titled with k, the sample size and the `eps` read at `quantile`.
 *
 * @example
 * await showFigure(kDistanceChart(kdist, { k: 10, eps, quantile: 0.95 }), { name: "dbscan-k-distance" });
 */
export function kDistanceChart(
  kdist: Float64Array,
  options: { k: number; eps: number; quantile: number },
): Figure {
  const { k, eps, quantile } = options;
  const n = kdist.length.toLocaleString("en-US");
  return lineChart(
    Array.from(kdist.keys()),
    [{ name: `${k}th-neighbour distance`, values: kdist }],
    {
      title: `k-distance curve (${k}th neighbour, ${n} customers): eps = ${eps.toFixed(3)} at the ${Math.round(100 * quantile)}th percentile`,
      xTitle: "customers, sorted",
      yTitle: "distance (scaled units)",
    },
  );
}
