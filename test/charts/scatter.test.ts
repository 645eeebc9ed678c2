import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { segmentScatter, segmentScatter3d } from "../../src/charts/scatter.js";
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
