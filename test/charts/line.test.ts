import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lineChart, toPlotlyX } from "../../src/charts/line.js";
import { segmentColor } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("lineChart", () => {
  it("draws a time series per series with ISO dates and gaps for NaN", () => {
    const months = [new Date("2017-01-01T00:00:00Z"), new Date("2017-02-01T00:00:00Z")];
    const fig = lineChart(
      months,
      [
        { name: "Orders", values: [10, NaN] },
        { name: "Customers", values: [8, 9] },
      ],
      { title: "Monthly", markers: true, logY: true },
    );
    const traces = assertValidFigure(fig);
    assert.deepEqual(traces[0].x, ["2017-01-01T00:00:00.000Z", "2017-02-01T00:00:00.000Z"]);
    assert.deepEqual(traces[0].y, [10, null]);
    assert.equal(traces[0].mode, "lines+markers");
    assert.equal((traces[1].line as { color: string }).color, segmentColor(1));
    assert.equal(fig.layout.yaxis?.type, "log");
  });
  it("rejects invalid dates and mismatched series", () => {
    assert.throws(() => toPlotlyX([new Date("nope")]), /x\[0\] is an invalid Date/);
    assert.throws(
      () => lineChart([1, 2], [{ name: "a", values: [1] }], { title: "t" }),
      /same length \(1 vs 2\)/,
    );
  });
});
