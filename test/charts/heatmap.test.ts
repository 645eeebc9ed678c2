import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { correlationHeatmap, heatmap, weekdayHourHeatmap } from "../../src/charts/heatmap.js";
import { setChartLanguage } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("heatmaps", () => {
  afterEach(() => setChartLanguage("en"));
  it("keeps NaN cells blank and checks the shape", () => {
    const fig = heatmap([[1, NaN], new Float64Array([3, 4])], ["a", "b"], ["r1", "r2"], {
      title: "Demo",
    });
    const [t] = assertValidFigure(fig);
    assert.deepEqual(t.z, [
      [1, null],
      [3, 4],
    ]);
    assert.equal(t.colorscale, "Viridis");
    assert.throws(
      () => heatmap([[1, 2]], ["a"], ["r"], { title: "t" }),
      /z\[0\] and xLabels must have the same length \(2 vs 1\)/,
    );
  });
  it("labels weekday rows and 24 hour columns in the chart language", () => {
    setChartLanguage("fr");
    const counts = Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 24 }, (_, h) => d * 24 + h),
    );
    const fig = weekdayHourHeatmap(counts, { title: "Commandes" });
    const [t] = assertValidFigure(fig);
    assert.equal((t.y as string[])[0], "lun.");
    assert.equal((t.x as string[]).length, 24);
    assert.equal((t.x as string[])[9], "09");
    assert.equal((fig.layout.xaxis?.title as { text: string }).text, "Heure de la journée");
    assert.throws(() => weekdayHourHeatmap(counts.slice(1), { title: "t" }), /7 rows/);
  });
  it("writes correlation coefficients on a fixed diverging scale", () => {
    const fig = correlationHeatmap(
      [
        [1, -0.5],
        [-0.5, 1],
      ],
      ["recency", "monetary"],
      { title: "Correlations" },
    );
    const [t] = assertValidFigure(fig);
    assert.equal(t.colorscale, "RdBu");
    assert.equal(t.zmin, -1);
    assert.equal(t.zmax, 1);
    const texts = (fig.layout.annotations ?? []).map((a) => a.text);
    assert.deepEqual(texts, ["1.00", "-0.50", "-0.50", "1.00"]);
  });
});
