/**
 * Sankey diagram of segment migration between two dates from a contingency matrix.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, toFiniteNumbers } from "./figure.js";
import { baseLayout, segmentColor, withAlpha } from "./theme.js";

/** Options of `migrationSankey`. */
export interface SankeyOptions {
  /** Chart title (required). */
  title: string;
  /** Segment names at the start (rows of the matrix). */
  sourceNames: string[];
  /** Segment names at the end (columns); default `sourceNames`. */
  targetNames?: string[];
  /** Label prefix of the start nodes; default "T0". */
  sourceStage?: string;
  /** Label prefix of the end nodes; default "T1". */
  targetStage?: string;
}

/** Nodes and links of a Sankey diagram, as Plotly's `sankey` trace takes them. */
export interface SankeyFlows {
  labels: string[];
  source: number[];
  target: number[];
  value: number[];
}

/**
 * Flows of a contingency matrix: `matrix[i][j]` customers moved from start segment i to end
 * segment j. Zero cells give no link. Node i is start segment i, node rows + j end segment j.
 *
 * @example
 * migrationFlows([[8, 2], [1, 9]], ["A", "B"], ["A", "B"], "T0", "T1").value; // [8, 2, 1, 9]
 */
export function migrationFlows(
  matrix: NumericArray[],
  sourceNames: string[],
  targetNames: string[],
  sourceStage: string,
  targetStage: string,
): SankeyFlows {
  assertNonEmpty(matrix, "matrix");
  assertSameLength(matrix, "matrix (rows)", sourceNames, "sourceNames");
  const flows: SankeyFlows = {
    labels: [
      ...sourceNames.map((s) => `${sourceStage} · ${s}`),
      ...targetNames.map((s) => `${targetStage} · ${s}`),
    ],
    source: [],
    target: [],
    value: [],
  };
  matrix.forEach((row, i) => {
    assertSameLength(row, `matrix[${i}]`, targetNames, "targetNames");
    toFiniteNumbers(row, `matrix[${i}]`).forEach((v, j) => {
      if (v < 0) throw new Error(`matrix[${i}][${j}] is negative (${v}); counts must be >= 0`);
      if (v === 0) return;
      flows.source.push(i);
      flows.target.push(sourceNames.length + j);
      flows.value.push(v);
    });
  });
  if (flows.value.length === 0) throw new Error("matrix is all zeros; there is no flow to draw");
  return flows;
}

/**
 * Sankey of segment migration T0 → T1; each segment keeps its colour on both sides and links take
 * the colour of their start segment.
 *
 * @example
 * migrationSankey(crosstab, { title: "Migration", sourceNames: names, targetStage: "T3" });
 */
export function migrationSankey(matrix: NumericArray[], options: SankeyOptions): Figure {
  const targetNames = options.targetNames ?? options.sourceNames;
  const flows = migrationFlows(
    matrix,
    options.sourceNames,
    targetNames,
    options.sourceStage ?? "T0",
    options.targetStage ?? "T1",
  );
  const nodeColors = [
    ...options.sourceNames.map((_, i) => segmentColor(i)),
    ...targetNames.map((_, j) => segmentColor(j)),
  ];
  return {
    data: [
      {
        type: "sankey",
        arrangement: "snap",
        node: { label: flows.labels, color: nodeColors, pad: 14, thickness: 16 },
        link: {
          source: flows.source,
          target: flows.target,
          value: flows.value,
          color: flows.source.map((s) => withAlpha(segmentColor(s), 0.35)),
        },
      },
    ],
    layout: { ...baseLayout(options.title), margin: { l: 20, r: 20, t: 70, b: 20 } },
  };
}
