import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { binValues, histogram } from "../../src/charts/histogram.js";
import { segmentColor, setChartLanguage } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("binValues", () => {
  it("counts values into equal bins, the maximum in the last bin, NaN ignored", () => {
    assert.deepEqual(binValues([1, 2, 2, 3, NaN], 2), { edges: [1, 2, 3], counts: [1, 3] });
  });
  it("bins in log10 space", () => {
    const { edges, counts } = binValues(new Float64Array([1, 10, 100, 1000]), 3, true);
    assert.deepEqual(edges, [1, 10, 100, 1000]);
    assert.deepEqual(counts, [1, 1, 2]);
  });
  it("rejects non-positive values on a log axis and bad bin counts", () => {
    assert.throws(() => binValues([0, 1, 2], 2, true), /logX needs values > 0, but 1 value/);
    assert.throws(() => binValues([1], 0), /bins must be a positive integer, got 0/);
    assert.throws(() => binValues([NaN], 3), /no finite number/);
  });
  it("gives a constant column a bin around its value", () => {
    assert.deepEqual(binValues([5, 5], 1), { edges: [4.5, 5.5], counts: [2] });
  });
});

describe("histogram", () => {
  afterEach(() => setChartLanguage("en"));
  it("draws bars at bin centres with counts summing to n", () => {
    const fig = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], {
      title: "Values",
      bins: 5,
      xTitle: "BRL",
    });
    const [bar] = assertValidFigure(fig);
    assert.equal(bar.type, "bar");
    assert.deepEqual(bar.x, [1, 3, 5, 7, 9]);
    assert.deepEqual(bar.y, [2, 2, 2, 2, 2]);
    assert.deepEqual(bar.marker, { color: segmentColor(0) });
    assert.equal((fig.layout.yaxis?.title as { text: string }).text, "Count");
  });
  it("uses a log axis and a step outline with logX, and French generic labels", () => {
    setChartLanguage("fr");
    const fig = histogram([1, 10, 100], { title: "Montants", bins: 2, logX: true });
    const [step] = assertValidFigure(fig);
    assert.equal(fig.layout.xaxis?.type, "log");
    assert.equal(step.type, "scatter");
    assert.deepEqual(step.x, [1, 10, 10, 100]);
    assert.deepEqual(step.y, [1, 1, 2, 2]);
    assert.equal((fig.layout.yaxis?.title as { text: string }).text, "Effectif");
  });
  it("rejects empty input", () => {
    assert.throws(() => histogram([], { title: "x" }), /values must not be empty/);
  });
});
