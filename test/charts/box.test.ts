import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { boxChart, boxStats } from "../../src/charts/box.js";
import { segmentColor } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("boxStats", () => {
  it("computes type-7 quartiles and Tukey whiskers", () => {
    const s = boxStats([1, 2, 3, 4, 100, NaN]);
    assert.deepEqual(s, {
      q1: 2,
      median: 3,
      q3: 4,
      lowerWhisker: 1,
      upperWhisker: 4,
      mean: 22,
      n: 5,
    });
  });
  it("interpolates between order statistics", () => {
    const s = boxStats(new Float64Array([1, 2, 3, 4]));
    assert.equal(s.q1, 1.75);
    assert.equal(s.median, 2.5);
    assert.equal(s.q3, 3.25);
  });
});

describe("boxChart", () => {
  it("draws one precomputed box per group in segment colours", () => {
    const fig = boxChart(
      [
        { name: "A", values: [1, 2, 3, 4, 100] },
        { name: "B", values: [5, 6, 7] },
      ],
      { title: "Basket", valueTitle: "BRL" },
    );
    const traces = assertValidFigure(fig);
    assert.equal(traces.length, 2);
    assert.deepEqual(traces[0].median, [3]);
    assert.deepEqual(traces[0].upperfence, [4]);
    assert.deepEqual(traces[1].q1, [5.5]);
    assert.equal((traces[1].marker as { color: string }).color, segmentColor(1));
  });
  it("uses a log axis labelled 1, 2, 5 per decade on request", () => {
    const fig = boxChart([{ name: "Spend", values: [10, 20, 300, 4000] }], {
      title: "t",
      logY: true,
    });
    assert.equal(fig.layout.yaxis?.type, "log");
    assert.equal(fig.layout.yaxis?.dtick, "D2");
    assert.equal(
      boxChart([{ name: "Spend", values: [1, 2, 3] }], { title: "t" }).layout.yaxis?.type,
      undefined,
    );
  });
  it("names the group that cannot be drawn", () => {
    assert.throws(
      () => boxChart([{ name: "Lost", values: [NaN] }], { title: "t" }),
      /groups\[0\] \("Lost"\)/,
    );
    assert.throws(
      () => boxChart([{ name: "Zero", values: [0, 1, 2] }], { title: "t", logY: true }),
      /"Zero"\) has values <= 0/,
    );
  });
});
