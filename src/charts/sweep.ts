/**
 * The four charts of the k-means sweep (silhouette, Davies-Bouldin, Calinski-Harabasz, seed
 * stability by k, one line per feature set), each with its export name. The silhouette's title
 * says it is sampled, and on how many customers, when it is.
 */
import type { ComparisonRow } from "../segments/compare.js";
import type { Figure } from "./figure.js";
import { lineChart } from "./line.js";

type SweepMetric = "silhouette" | "daviesBouldin" | "calinskiHarabasz" | "seedStability";

/**
 * One line chart per sweep metric against k, a line per feature set (in the order of first
 * appearance in `sweep`), named as the notebook exports them.
 *
 * @example
 * for (const { figure, name } of sweepCharts(sweep)) await showFigure(figure, { name });
 */
export function sweepCharts(sweep: readonly ComparisonRow[]): { figure: Figure; name: string }[] {
  const sets = [...new Set(sweep.map((r) => r.featureSet))];
  const ks = [...new Set(sweep.map((r) => r.k))].sort((a, b) => a - b);
  const bySet = (metric: SweepMetric) =>
    sets.map((name) => ({
      name,
      values: ks.map((k) => sweep.find((r) => r.featureSet === name && r.k === k)?.[metric] ?? NaN),
    }));
  const sampled = sweep.find((r) => r.silhouetteOf.method === "sampled");
  const silhouetteTitle = sampled
    ? `Silhouette by k (sampled, n = ${sampled.silhouetteOf.rows.toLocaleString("en-US")}; higher is better)`
    : "Silhouette by k (exact; higher is better)";
  const charts: [SweepMetric, string, string, string][] = [
    ["silhouette", silhouetteTitle, "silhouette", "kmeans-silhouette-by-k"],
    [
      "daviesBouldin",
      "Davies-Bouldin by k (lower is better)",
      "Davies-Bouldin",
      "kmeans-davies-bouldin-by-k",
    ],
    [
      "calinskiHarabasz",
      "Calinski-Harabasz by k (higher is better)",
      "Calinski-Harabasz",
      "kmeans-calinski-harabasz-by-k",
    ],
    [
      "seedStability",
      "Stability across seeds by k (ARI, 1 = same segments)",
      "mean ARI",
      "kmeans-stability-by-k",
    ],
  ];
  return charts.map(([metric, title, yTitle, name]) => ({
    figure: lineChart(ks, bySet(metric), { title, xTitle: "k", yTitle, markers: true }),
    name,
  }));
}
