import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LinkageRow } from "../../src/cluster/ward.js";
import { dendrogram, dendrogramLayout } from "../../src/charts/dendrogram.js";
import { clusterColor, NEUTRAL_COLOR, SEGMENT_PALETTE } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

// 4 points: 1 and 3 merge at 0.5 (cluster 4), 0 joins them at 1.5 (cluster 5), 2 joins last at 2.5.
const LINKAGE: LinkageRow[] = [
  [1, 3, 0.5, 2],
  [0, 4, 1.5, 3],
  [2, 5, 2.5, 4],
];

describe("dendrogramLayout", () => {
  it("matches scipy's icoord/dcoord worked out by hand", () => {
    const layout = dendrogramLayout(LINKAGE);
    // Leaf order from the root, left child first: 2, 0, 1, 3 at x = 5, 15, 25, 35.
    assert.deepEqual(layout.leaves, [2, 0, 1, 3]);
    assert.deepEqual(layout.icoord, [
      [25, 25, 35, 35],
      [15, 15, 30, 30],
      [5, 5, 22.5, 22.5],
    ]);
    assert.deepEqual(layout.dcoord, [
      [0, 0.5, 0.5, 0],
      [0, 1.5, 1.5, 0.5],
      [0, 2.5, 2.5, 1.5],
    ]);
    assert.deepEqual(layout.rows, [0, 1, 2]);
  });
  it("truncates to the last p clusters like scipy's lastp", () => {
    const layout = dendrogramLayout(LINKAGE, 2);
    assert.deepEqual(layout.leaves, [2, 5]);
    assert.deepEqual(layout.leafSizes, [1, 3]);
    assert.deepEqual(layout.icoord, [[5, 5, 15, 15]]);
    assert.deepEqual(layout.dcoord, [[0, 2.5, 2.5, 0]]);
  });
  it("rejects malformed linkages", () => {
    assert.throws(() => dendrogramLayout([[0, 2, 1, 2]]), /linkage\[0\] refers to cluster 2/);
    assert.throws(
      () =>
        dendrogramLayout([
          [0, 1, 1, 2],
          [0, 2, 2, 3],
        ]),
      /merges cluster 0 a second time/,
    );
    assert.throws(() => dendrogramLayout([[0, 1, NaN, 2]]), /height must be >= 0/);
  });
});

describe("dendrogram", () => {
  it("draws links separated by gaps, colours the clusters of the cut and labels leaves", () => {
    const fig = dendrogram(LINKAGE, { title: "Ward", clusters: 2, labels: ["a", "b", "c", "d"] });
    const traces = assertValidFigure(fig);
    const colors = traces.map((t) => (t.line as { color: string }).color);
    // Cluster 0 (leftmost) is the single leaf "c": no link; cluster 1 holds rows 0 and 1.
    assert.deepEqual(colors, [clusterColor(1), NEUTRAL_COLOR]);
    // Colours of their own: a Ward cluster is not a segment.
    assert.ok(colors.every((c) => !SEGMENT_PALETTE.includes(c)));
    // Each cluster named by a letter and its size, above its top (leaf "c" at x 5, height 0).
    assert.deepEqual(
      (fig.layout.annotations ?? []).map((a) => [a.x, a.y, a.text]),
      [
        [5, 0, "<b>A</b> (n = 1)"],
        [22.5, 1.5, "<b>B</b> (n = 3)"],
      ],
    );
    assert.deepEqual(traces[0].x, [25, 25, 35, 35, null, 15, 15, 30, 30, null]);
    assert.deepEqual(traces[1].y, [0, 2.5, 2.5, 1.5, null]);
    assert.deepEqual(fig.layout.xaxis?.ticktext, ["c", "a", "b", "d"]);
    assert.equal(fig.layout.shapes?.[0].y0, 2);
    assert.throws(
      () => dendrogram(LINKAGE, { title: "t", labels: ["a"] }),
      /one entry per observation \(4\)/,
    );
    assert.throws(
      () => dendrogram(LINKAGE, { title: "t", clusters: 9 }),
      /clusters must be an integer in \[1, 4\]/,
    );
  });
});

describe("dendrogram of a chain-shaped tree", () => {
  it("lays out 20,000 leaves merged one by one (as deep as it is wide) without recursion", () => {
    // ((0, 1), 2), 3), …: row t merges leaf t + 1 into cluster m + t − 1, at height t + 1.
    const m = 20_000;
    const chain: LinkageRow[] = [[0, 1, 1, 2]];
    for (let t = 1; t < m - 1; t++) chain.push([t + 1, m + t - 1, t + 1, t + 2]);
    const layout = dendrogramLayout(chain);
    assert.equal(layout.leaves.length, m);
    assert.deepEqual(layout.leaves.slice(0, 3), [m - 1, m - 2, m - 3]);
    // Post-order, left first: the first link drawn is row 0, leaves 0 and 1, at the right end.
    assert.deepEqual(layout.rows.slice(0, 2), [0, 1]);
    assert.deepEqual(layout.icoord[0], [10 * m - 15, 10 * m - 15, 10 * m - 5, 10 * m - 5]);
    const fig = dendrogram(chain, { title: "chain", clusters: 3, lastP: m });
    // Cut at 3: leaves m − 1 and m − 2 alone (no link), the rest one cluster, and the 2 top links.
    const traces = assertValidFigure(fig);
    assert.deepEqual(
      traces.map((t) => (t.line as { color: string }).color),
      [clusterColor(2), NEUTRAL_COLOR],
    );
  });
});
