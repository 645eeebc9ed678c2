import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { barChart } from "../../src/charts/bar.js";
import { segmentColor } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("barChart", () => {
  const categories = ["SP", "RJ", "MG"];
  it("draws one vertical bar trace per series with segment colours, grouped by default", () => {
    const fig = barChart(
      categories,
      [
        { name: "2017", values: [3, 2, 1] },
        { name: "2018", values: new Float64Array([4, NaN, 2]) },
      ],
      { title: "Orders", valueTitle: "Orders" },
    );
    const traces = assertValidFigure(fig);
    assert.equal(fig.layout.barmode, "group");
    assert.deepEqual(traces[0].x, categories);
    assert.deepEqual(traces[1].y, [4, null, 2]);
    assert.deepEqual(
      traces.map((t) => (t.marker as { color: string }).color),
      [segmentColor(0), segmentColor(1)],
    );
    assert.equal(fig.layout.showlegend, true);
  });
  it("swaps axes for horizontal stacked bars and colours by category on request", () => {
    const fig = barChart(categories, [{ name: "n", values: [3, 2, 1] }], {
      title: "Orders",
      orientation: "h",
      mode: "stack",
      colorByCategory: true,
      textFormat: ",d",
    });
    const [t] = assertValidFigure(fig);
    assert.equal(fig.layout.barmode, "stack");
    assert.deepEqual(t.y, categories);
    assert.deepEqual(t.x, [3, 2, 1]);
    assert.equal(t.texttemplate, "%{x:,d}");
    assert.deepEqual((t.marker as { color: string[] }).color, [0, 1, 2].map(segmentColor));
    assert.equal(fig.layout.yaxis?.autorange, "reversed");
  });
  it("formats the value axis on request (e.g. shares in percent)", () => {
    const h = barChart(categories, [{ name: "s", values: [0.5, 0.3, 0.2] }], {
      title: "Shares",
      orientation: "h",
      valueFormat: ".0%",
    });
    assert.equal(h.layout.xaxis?.tickformat, ".0%");
    assert.equal(h.layout.yaxis?.tickformat, undefined);
    const v = barChart(categories, [{ name: "s", values: [0.5, 0.3, 0.2] }], { title: "Shares" });
    assert.equal(v.layout.yaxis?.tickformat, undefined);
  });
  it("prints one label per category on the bars, on request", () => {
    const fig = barChart(categories, [{ name: "s", values: [1, 2, 3] }], {
      title: "Labels",
      text: ["one", "two", "three"],
      textFormat: ".1f",
    });
    const t = fig.data[0] as Record<string, unknown>;
    assert.deepEqual(t.text, ["one", "two", "three"]);
    assert.equal(t.textposition, "outside");
    assert.equal(t.texttemplate, undefined); // the labels win over the format
    assert.throws(
      () => barChart(categories, [{ name: "s", values: [1, 2, 3] }], { title: "t", text: ["x"] }),
      /text has 1 labels for 3 categories/,
    );
  });
  it("names mismatched lengths and bad options", () => {
    assert.throws(
      () => barChart(categories, [{ name: "a", values: [1, 2] }], { title: "t" }),
      /series\[0\]\.values \("a"\) and categories must have the same length \(2 vs 3\)/,
    );
    assert.throws(
      () =>
        barChart(categories, [{ name: "a", values: [1, 2, 3] }], {
          title: "t",
          mode: "pile" as "stack",
        }),
      /mode must be "group" or "stack", got "pile"/,
    );
  });
});
