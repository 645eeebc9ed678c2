/**
 * Dendrogram drawn from a linkage matrix in scipy's convention, with the link coordinates
 * (`icoord`/`dcoord`) computed here exactly as `scipy.cluster.hierarchy.dendrogram` does.
 */
import type { LinkageRow } from "../cluster/ward.js";
import type { Figure } from "./figure.js";
import { assertNonEmpty } from "./figure.js";
import { axisStyle, baseLayout, clusterColor, NEUTRAL_COLOR, word } from "./theme.js";

/** Coordinates of a dendrogram, in scipy's layout (leaves at x = 5, 15, 25, …). */
export interface DendrogramLayout {
  /** x of each drawn link's four points (left foot, left top, right top, right foot), post-order. */
  icoord: [number, number, number, number][];
  /** Heights of the same four points. */
  dcoord: [number, number, number, number][];
  /** Linkage row index of each drawn link. */
  rows: number[];
  /** Cluster id of each leaf, left to right (an observation, or a truncated cluster). */
  leaves: number[];
  /** Number of observations under each leaf. */
  leafSizes: number[];
}

function checkLinkage(linkage: readonly LinkageRow[]): number {
  assertNonEmpty(linkage, "linkage");
  const n = linkage.length + 1;
  const used = new Set<number>();
  linkage.forEach((row, i) => {
    if (row.length !== 4) throw new Error(`linkage[${i}] must be [a, b, height, size]`);
    const [a, b, h] = row;
    for (const id of [a, b]) {
      if (!Number.isInteger(id) || id < 0 || id >= n + i) {
        throw new Error(
          `linkage[${i}] refers to cluster ${id}, which does not exist before row ${i}`,
        );
      }
      if (used.has(id)) throw new Error(`linkage[${i}] merges cluster ${id} a second time`);
      used.add(id);
    }
    if (!Number.isFinite(h) || h < 0)
      throw new Error(`linkage[${i}] height must be >= 0, got ${h}`);
  });
  return n;
}

/**
 * Computes scipy's dendrogram coordinates. With `lastP`, only the last `lastP - 1` merges are drawn
 * and the `lastP` clusters below them become leaves (scipy's `truncate_mode="lastp"`).
 *
 * @example
 * dendrogramLayout([[0, 1, 1, 2], [2, 3, 2, 2], [4, 5, 3, 4]]).icoord[2]; // [10, 10, 30, 30]
 */
export function dendrogramLayout(linkage: readonly LinkageRow[], lastP?: number): DendrogramLayout {
  const n = checkLinkage(linkage);
  const p = lastP ?? n;
  if (!Number.isInteger(p) || p < 1)
    throw new Error(`lastP must be a positive integer, got ${lastP}`);
  // Clusters with id below this bound are drawn as leaves.
  const leafBound = 2 * n - Math.min(p, n);
  const out: DendrogramLayout = { icoord: [], dcoord: [], rows: [], leaves: [], leafSizes: [] };
  const size = (id: number): number => (id < n ? 1 : linkage[id - n][3]);
  // Post-order walk (left subtree, right subtree, then the link) with an explicit stack: a
  // chain-shaped tree is as deep as it has leaves, and recursion overflowed from ~5,000 leaves.
  // topX/topH: the x of each visited cluster's top and its height (NaN: not visited yet).
  const topX = new Float64Array(2 * n - 1).fill(NaN);
  const topH = new Float64Array(2 * n - 1);
  const stack = [2 * n - 2];
  while (stack.length > 0) {
    const id = stack[stack.length - 1];
    if (id < leafBound) {
      stack.pop();
      out.leaves.push(id);
      out.leafSizes.push(size(id));
      topX[id] = 10 * out.leaves.length - 5;
      continue;
    }
    const row = id - n;
    const [a, b, h] = linkage[row];
    if (Number.isNaN(topX[a])) stack.push(a);
    else if (Number.isNaN(topX[b])) stack.push(b);
    else {
      stack.pop();
      out.icoord.push([topX[a], topX[a], topX[b], topX[b]]);
      out.dcoord.push([topH[a], h, h, topH[b]]);
      out.rows.push(row);
      topX[id] = (topX[a] + topX[b]) / 2;
      topH[id] = h;
    }
  }
  return out;
}

/** Options of `dendrogram`. */
export interface DendrogramOptions {
  /** Chart title (required). */
  title: string;
  /** Label of each observation (length n); default its index. Truncated leaves show "(size)". */
  labels?: string[];
  /** Show only the last merges, leaving this many leaves; default min(n, 30). */
  lastP?: number;
  /**
   * Colour the subtrees of a cut into this many clusters, left to right `clusterColor(0)`, …, and
   * label each with a letter and its size. The colours are not the segment colours: a Ward
   * cluster is not a segment.
   */
  clusters?: number;
  /** Title of the height axis; default the generic word "Distance". */
  heightTitle?: string;
}

/**
 * Dendrogram figure: the links as lines (one trace per colour, links separated by gaps), leaf labels
 * along x, and, with `clusters`, subtrees coloured, labelled "A (n = …)" and the cut drawn as a
 * dashed line.
 *
 * @example
 * dendrogram(linkage, { title: "Ward linkage", clusters: 4 });
 */
export function dendrogram(linkage: readonly LinkageRow[], options: DendrogramOptions): Figure {
  const n = checkLinkage(linkage);
  if (options.labels && options.labels.length !== n) {
    throw new Error(
      `labels must have one entry per observation (${n}), got ${options.labels.length}`,
    );
  }
  const lastP = options.lastP ?? Math.min(n, 30);
  const layout = dendrogramLayout(linkage, lastP);
  const k = options.clusters;
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > Math.min(lastP, n))) {
    throw new Error(`clusters must be an integer in [1, ${Math.min(lastP, n)}], got ${k}`);
  }
  // Rows at or after `firstAboveCut` are the k - 1 merges above the cut.
  const firstAboveCut = k === undefined ? Infinity : n - k;
  // Colour of each row below the cut: the cluster (in left-to-right order) it belongs to.
  const rowColor = new Map<number, string>();
  /** The subtree (cluster id) under the cut of each colour, left to right. */
  const roots: number[] = [];
  if (k !== undefined) {
    let cluster = 0;
    // Explicit stacks rather than recursion (a subtree can be as deep as it has leaves).
    const paint = (root: number, color: string): void => {
      const stack = [root];
      while (stack.length > 0) {
        const id = stack.pop() as number;
        if (id < n) continue;
        rowColor.set(id - n, color);
        stack.push(linkage[id - n][1], linkage[id - n][0]);
      }
    };
    // Pre-order, left first, so that clusters are coloured left to right.
    const pending = [2 * n - 2];
    while (pending.length > 0) {
      const id = pending.pop() as number;
      if (id >= n && id - n >= firstAboveCut) pending.push(linkage[id - n][1], linkage[id - n][0]);
      else {
        roots.push(id);
        paint(id, clusterColor(cluster++));
      }
    }
  }
  const byColor = new Map<string, { x: (number | null)[]; y: (number | null)[] }>();
  layout.rows.forEach((row, i) => {
    const color = row >= firstAboveCut ? NEUTRAL_COLOR : (rowColor.get(row) ?? clusterColor(0));
    if (!byColor.has(color)) byColor.set(color, { x: [], y: [] });
    const line = byColor.get(color)!;
    for (const x of [...layout.icoord[i], null]) line.x.push(x);
    for (const y of [...layout.dcoord[i], null]) line.y.push(y);
  });
  const tickvals = layout.leaves.map((_, i) => 10 * i + 5);
  const ticktext = layout.leaves.map((id, i) =>
    id < n ? (options.labels?.[id] ?? String(id)) : `(${layout.leafSizes[i]})`,
  );
  const shapes =
    k !== undefined && k > 1
      ? [
          {
            type: "line" as const,
            xref: "paper" as const,
            x0: 0,
            x1: 1,
            y0: (linkage[n - 1 - k][2] + linkage[n - k][2]) / 2,
            y1: (linkage[n - 1 - k][2] + linkage[n - k][2]) / 2,
            line: { color: NEUTRAL_COLOR, dash: "dash" as const, width: 1 },
          },
        ]
      : [];
  // Cluster labels above each subtree's top (or above its leaf, for a one-leaf cluster).
  const linkIndex = new Map(layout.rows.map((row, i) => [row, i]));
  const clusterLabels =
    k !== undefined && k > 1
      ? roots.map((id, c) => {
          const i = id >= n ? linkIndex.get(id - n) : undefined;
          const x =
            i !== undefined
              ? (layout.icoord[i][1] + layout.icoord[i][2]) / 2
              : 10 * layout.leaves.indexOf(id) + 5;
          const size = id >= n ? linkage[id - n][3] : 1;
          // Right of the joint, on white, so the link coming down from above does not cross it.
          return {
            x,
            y: i !== undefined ? layout.dcoord[i][1] : 0,
            xanchor: "left" as const,
            yanchor: "bottom" as const,
            xshift: 3,
            yshift: 2,
            text: `<b>${String.fromCharCode(65 + (c % 26))}</b> (n = ${size.toLocaleString("en-US")})`,
            showarrow: false,
            bgcolor: "rgba(255, 255, 255, 0.85)",
            font: { color: clusterColor(c), size: 12 },
          };
        })
      : [];
  return {
    data: [...byColor].map(([color, line]) => ({
      type: "scatter" as const,
      mode: "lines" as const,
      x: line.x,
      y: line.y,
      line: { color, width: 1.5 },
      hovertemplate: `${word("distance")}: %{y:,.2f}<extra></extra>`,
      showlegend: false,
    })),
    layout: {
      ...baseLayout(options.title),
      xaxis: {
        ...axisStyle(),
        tickvals,
        ticktext,
        range: [0, 10 * layout.leaves.length],
        showgrid: false,
        zeroline: false,
      },
      yaxis: { ...axisStyle(options.heightTitle ?? word("distance")), rangemode: "tozero" },
      shapes,
      annotations: clusterLabels,
    },
  };
}
