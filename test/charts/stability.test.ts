import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { stabilityChart } from "../../src/charts/stability.js";
import { setChartLanguage } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("stabilityChart", () => {
  afterEach(() => setChartLanguage("en"));
  it("draws band, ARI line, below-threshold markers and the threshold line", () => {
    setChartLanguage("fr");
    const fig = stabilityChart(["M1", "M2", "M3"], [0.95, 0.85, 0.7], {
      title: "Stabilité",
      threshold: 0.8,
      lower: [0.9, 0.8, 0.6],
      upper: [1, 0.9, 0.8],
    });
    const traces = assertValidFigure(fig);
    assert.equal(traces.length, 4);
    assert.equal(traces[1].fill, "tonexty");
    assert.deepEqual(traces[2].y, [0.95, 0.85, 0.7]);
    assert.deepEqual(traces[3].x, ["M3"]);
    assert.equal(traces[3].name, "Sous le seuil");
    assert.equal(fig.layout.shapes?.[0].y0, 0.8);
    assert.equal(fig.layout.annotations?.[0].text, "Seuil 0.8");
    assert.deepEqual(fig.layout.yaxis?.range, [-0.02, 1.02]);
  });
  it("checks the band", () => {
    assert.throws(
      () => stabilityChart(["a"], [1], { title: "t", threshold: 0.8, lower: [0.5] }),
      /given together/,
    );
    assert.throws(
      () => stabilityChart(["a"], [1], { title: "t", threshold: 0.8, lower: [0.9], upper: [0.5] }),
      /lower\[0\] \(0.9\) is above upper\[0\] \(0.5\)/,
    );
  });
});
