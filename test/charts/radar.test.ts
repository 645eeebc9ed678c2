import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { segmentRadar } from "../../src/charts/radar.js";
import { segmentColor } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("segmentRadar", () => {
  const axes = ["Recency", "Frequency", "Monetary"];
  it("closes each polygon and rescales each axis to [0, 1] across profiles", () => {
    const fig = segmentRadar(
      axes,
      [
        { name: "A", values: [10, 1, 100] },
        { name: "B", values: [30, 1, 300], segment: 4 },
      ],
      { title: "Profiles" },
    );
    const traces = assertValidFigure(fig);
    assert.deepEqual(traces[0].r, [0, 0.5, 0, 0]);
    assert.deepEqual(traces[1].r, [1, 0.5, 1, 1]);
    assert.deepEqual(traces[1].customdata, [30, 1, 300, 30]);
    assert.deepEqual(traces[0].theta, [...axes, "Recency"]);
    assert.equal((traces[1].line as { color: string }).color, segmentColor(4));
  });
  it("keeps raw values with normalize none and needs 3 axes", () => {
    const [t] = assertValidFigure(
      segmentRadar(axes, [{ name: "A", values: [1, 2, 3] }], { title: "t", normalize: "none" }),
    );
    assert.deepEqual(t.r, [1, 2, 3, 1]);
    assert.throws(
      () => segmentRadar(["a", "b"], [{ name: "A", values: [1, 2] }], { title: "t" }),
      /at least 3 axes/,
    );
  });
});
