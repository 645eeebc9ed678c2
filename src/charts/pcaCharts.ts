/**
 * The modelling notebook's PCA views of the segments: the explained variance per component, the
 * customers on the first two and three components (coloured by segment) and the correlation
 * circle, each with its export name. Only for looking: the projections are not used to cluster.
 */
import type { Matrix } from "../cluster/matrix.js";
import type { PcaModel } from "../pca/pca.js";
import { pcaCorrelationCircle, pcaProject } from "../pca/pca.js";
import { percent } from "../display/takeaway.js";
import { barChart } from "./bar.js";
import { correlationCircle } from "./correlationCircle.js";
import type { Figure } from "./figure.js";
import { segmentScatter, segmentScatter3d } from "./scatter.js";

/** What {@link pcaCharts} draws. */
export interface PcaChartsInput {
  pca: PcaModel;
  /** The customers in model space (the matrix the PCA was fitted on). */
  matrix: Matrix;
  /** Segment of each customer, the segments' names and the customers' ids (hover). */
  labels: Int32Array;
  names: readonly string[];
  ids: readonly string[];
  /** The model's features, in matrix column order (correlation circle). */
  features: readonly string[];
}

/**
 * The four PCA figures with their export names, and the first two components' projections
 * (for the takeaway).
 *
 * @example
 * const { charts, pc1, pc2 } = pcaCharts({ pca, matrix, labels, names, ids, features });
 * for (const { figure, name } of charts) await showFigure(figure, { name });
 */
export function pcaCharts(input: PcaChartsInput): {
  charts: { figure: Figure; name: string }[];
  pc1: Float64Array;
  pc2: Float64Array;
} {
  const { pca, matrix, labels, names, ids, features } = input;
  const ratio = pca.explainedVarianceRatio;
  const [pc1, pc2, pc3] = pcaProject(pca, matrix, 3);
  const pcTitle = (i: number) => `PC${i + 1} (${percent(ratio[i])} of variance)`;
  const segmentNames = [...names];
  const charts = [
    {
      name: "pca-explained-variance",
      figure: barChart(
        Array.from(ratio, (_, i) => `PC${i + 1}`),
        [{ name: "explained variance", values: ratio }],
        { title: "Share of variance explained by each principal component", textFormat: ".1%" },
      ),
    },
    {
      name: "pca-2d",
      figure: segmentScatter(
        { x: pc1, y: pc2, segment: labels, segmentNames, labels: [...ids] },
        {
          title: "Customers on the first two principal components",
          xTitle: pcTitle(0),
          yTitle: pcTitle(1),
          maxPoints: 3000,
        },
      ),
    },
    {
      name: "pca-3d",
      figure: segmentScatter3d(
        { x: pc1, y: pc2, z: pc3, segment: labels, segmentNames },
        {
          title: "Customers on the first three principal components",
          xTitle: pcTitle(0),
          yTitle: pcTitle(1),
          zTitle: pcTitle(2),
          maxPoints: 2500,
        },
      ),
    },
    {
      name: "pca-correlation-circle",
      figure: correlationCircle(pcaCorrelationCircle(pca, [...features]), {
        title: "Correlation circle: how each feature relates to the first two components",
        xTitle: `PC1 (${percent(ratio[0])})`,
        yTitle: `PC2 (${percent(ratio[1])})`,
      }),
    },
  ];
  return { charts, pc1, pc2 };
}
