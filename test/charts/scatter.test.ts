import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { robustRange } from "../../src/charts/robustRange.js";
import { segmentScatter, segmentScatter3d, segmentScatterPair } from "../../src/charts/scatter.js";
import { segmentColor } from "../../src/charts/theme.js";
import { figureTitle } from "../../src/charts/figure.js";
import { assertValidFigure } from "./spec.js";

describe("segment scatter plots", () => {
  it("makes one trace per segment, coloured by segment index, points kept in place", () => {
    const fig = segmentScatter(
      {
        x: [1, 2, 3, 4],
        y: new Float64Array([5, 6, 7, 8]),
        segment: [2, 0, 2, 0],
        segmentNames: ["A", "B", "C"],
      },
      { title: "PCA" },
    );
    const traces = assertValidFigure(fig);
    assert.deepEqual(
      traces.map((t) => t.name),
      ["A", "C"],
    );
    assert.deepEqual(traces[0].x, [2, 4]);
    assert.deepEqual(traces[1].y, [5, 7]);
    assert.equal((traces[1].marker as { color: string }).color, segmentColor(2));
    assert.equal(figureTitle(fig), "PCA");
  });
  it("thins large inputs evenly and says so in the title", () => {
    const n = 10;
    const fig = segmentScatter3d(
      {
        x: Array.from({ length: n }, (_, i) => i),
        y: new Array(n).fill(0),
        z: new Array(n).fill(1),
        segment: new Array(n).fill(0),
      },
      { title: "RFM", maxPoints: 4 },
    );
    const [t] = assertValidFigure(fig);
    assert.equal(t.type, "scatter3d");
    assert.deepEqual(t.x, [0, 2, 5, 7]);
    assert.equal(figureTitle(fig), "RFM (sample of 4 of 10 points)");
  });
  it("rejects NaN coordinates, bad segments and mismatched lengths", () => {
    assert.throws(
      () => segmentScatter({ x: [1, NaN], y: [1, 2], segment: [0, 0] }, { title: "t" }),
      /x\[1\] is NaN/,
    );
    assert.throws(
      () => segmentScatter({ x: [1, 2], y: [1, 2], segment: [0, -1] }, { title: "t" }),
      /segment\[1\] must be a non-negative integer/,
    );
    assert.throws(
      () => segmentScatter({ x: [1, 2], y: [1], segment: [0, 0] }, { title: "t" }),
      /x and y must have the same length \(2 vs 1\)/,
    );
  });
});

describe("robust axis limits", () => {
  it("cover the stated share of values, padded, and count the rest", () => {
    const values = [...Array.from({ length: 1000 }, (_, i) => i), 1e6];
    // Quantiles 0.5 % and 99.5 % of 1,001 values: 5 and 995; pad 5 % of 990 = 49.5.
    const r = robustRange(values, { coverage: 0.99 });
    assert.deepEqual(r.range, [-49.5, 1044.5]);
    assert.equal(r.outside, 1);
    assert.deepEqual(r.extent, [0, 1e6]);
    // Nothing cut: the padded full extent.
    assert.deepEqual(robustRange([0, 10], { coverage: 1 }).range, [-0.5, 10.5]);
    assert.throws(() => robustRange([NaN]), /no finite value/);
    assert.throws(() => robustRange([1], { coverage: 0 }), /coverage must be in \(0, 1\]/);
  });
  it("keep the cloud readable: points beyond are drawn at the edge, counted and named", () => {
    const n = 200;
    const x = [...Array.from({ length: n }, (_, i) => i / n), -1000];
    const y = [...Array.from({ length: n }, (_, i) => (i % 7) / 7), 0];
    const fig = segmentScatter(
      {
        x,
        y,
        segment: [...new Array(n).fill(0), 1],
        segmentNames: ["Small", "Loyal"],
        labels: [...Array.from({ length: n }, (_, i) => `c${i}`), "cust-x"],
      },
      { title: "PCA", xTitle: "PC1 (30.0 %)", yTitle: "PC2 (25.0 %)", coverage: 0.99 },
    );
    const traces = assertValidFigure(fig);
    assert.deepEqual(
      traces.map((t) => t.name),
      // The empty "Loyal" trace keeps the segment in the legend.
      ["Small", "Loyal", "Loyal (beyond the axes)"],
    );
    const [lo] = fig.layout.xaxis?.range as number[];
    assert.ok(lo > -0.1 && lo < 0, `x axis starts at ${lo}, not at −1000`);
    assert.deepEqual(traces[1].x, []);
    assert.deepEqual(traces[2].x, [lo]);
    assert.deepEqual((traces[2].marker as { symbol: string[] }).symbol, ["triangle-left"]);
    assert.equal(traces[2].cliponaxis, false);
    assert.match(
      String(traces[2].text),
      /cust-x<br>beyond the axes at PC1 \(30\.0 %\) \u22121000\.00/,
    );
    assert.equal(
      fig.layout.annotations?.[0].text,
      "1 of 201 points (0.5 %) beyond the axes, drawn at the edge as triangles pointing to them; " +
        "farthest: cust-x, Loyal, " +
        "PC1 (30.0 %) \u22121000.00, PC2 (25.0 %) 0.00",
    );
    assert.match(String(traces[0].hovertemplate), /Small<br>PC1 \(30\.0 %\): %\{x:\.2f\}/);
  });
  it("give a 3-D scatter a static view: z against x and against y, side by side", () => {
    const n = 20;
    const points = {
      x: Array.from({ length: n }, (_, i) => i),
      y: Array.from({ length: n }, (_, i) => 0 - i),
      z: Array.from({ length: n }, (_, i) => i * i),
      segment: Array.from({ length: n }, (_, i) => i % 2),
    };
    const scene = segmentScatter3d(points, {
      title: "PCA",
      xTitle: "PC1",
      yTitle: "PC2",
      zTitle: "PC3",
    });
    const pair = scene.staticView!;
    assert.deepEqual(
      pair,
      segmentScatterPair(points, {
        title: "PCA: two 2-D views of the 3-D chart",
        xTitle: "PC1",
        yTitle: "PC2",
        zTitle: "PC3",
      }),
    );
    const traces = assertValidFigure(pair);
    assert.deepEqual(
      traces.map((t) => [t.xaxis, t.yaxis, t.showlegend]),
      [
        ["x", "y", true],
        ["x", "y", true],
        ["x2", "y2", false],
        ["x2", "y2", false],
      ],
    );
    assert.deepEqual(traces[0].x, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    assert.deepEqual(traces[2].x, [0, -2, -4, -6, -8, -10, -12, -14, -16, -18]);
    assert.deepEqual(traces[2].y, traces[0].y);
    assert.equal(
      pair.layout.xaxis2?.title && (pair.layout.xaxis2.title as { text: string }).text,
      "PC2",
    );
  });
});
