/**
 * Correlation circle of a PCA: each feature is an arrow from the origin to (its correlation with PC1,
 * its correlation with PC2), inside the unit circle. Long arrows are features the plane shows well;
 * arrows pointing the same way are correlated features.
 */
import type { Figure } from "./figure.js";
import { assertNonEmpty } from "./figure.js";
import { axisStyle, baseLayout, NEUTRAL_COLOR, segmentColor } from "./theme.js";

/** One feature's correlations with the first two components. */
export interface CircleLoading {
  feature: string;
  pc1: number;
  pc2: number;
}

/** Options of `correlationCircle`. */
export interface CorrelationCircleOptions {
  /** Chart title (required). */
  title: string;
  /** Axis titles; default "PC1" / "PC2" (e.g. with the explained variance). */
  xTitle?: string;
  yTitle?: string;
}

/**
 * Correlation-circle figure from PCA loadings (correlations in [−1, 1]).
 *
 * @example
 * correlationCircle(pcaCorrelationCircle(pca, features), { title: "Correlation circle" });
 */
export function correlationCircle(
  loadings: readonly CircleLoading[],
  options: CorrelationCircleOptions,
): Figure {
  assertNonEmpty(loadings, "loadings");
  for (const l of loadings) {
    if (!(Math.abs(l.pc1) <= 1 + 1e-9 && Math.abs(l.pc2) <= 1 + 1e-9)) {
      throw new Error(`Correlation of "${l.feature}" is outside [-1, 1]: (${l.pc1}, ${l.pc2})`);
    }
  }
  const steps = 120;
  const circleX = Array.from({ length: steps + 1 }, (_, i) => Math.cos((2 * Math.PI * i) / steps));
  const circleY = Array.from({ length: steps + 1 }, (_, i) => Math.sin((2 * Math.PI * i) / steps));
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        x: circleX,
        y: circleY,
        line: { color: NEUTRAL_COLOR, width: 1 },
        hoverinfo: "skip",
        showlegend: false,
      },
      ...loadings.map((l, i) => ({
        type: "scatter" as const,
        mode: "text+lines+markers" as const,
        name: l.feature,
        x: [0, l.pc1],
        y: [0, l.pc2],
        text: ["", l.feature],
        textposition: "top center" as const,
        marker: { size: [0, 8], color: segmentColor(i) },
        line: { color: segmentColor(i), width: 2 },
        hovertemplate: `${l.feature}: PC1 %{x:.2f}, PC2 %{y:.2f}<extra></extra>`,
        showlegend: false,
      })),
    ],
    layout: {
      ...baseLayout(options.title),
      xaxis: { ...axisStyle(options.xTitle ?? "PC1"), range: [-1.15, 1.15], zeroline: true },
      yaxis: {
        ...axisStyle(options.yTitle ?? "PC2"),
        range: [-1.15, 1.15],
        zeroline: true,
        scaleanchor: "x",
        scaleratio: 1,
      },
    },
  };
}
