import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { segmentDonut } from "../../src/charts/pie.js";
import { segmentColor, setChartLanguage } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("segmentDonut", () => {
  afterEach(() => setChartLanguage("en"));
  it("keeps segment order and colours and localises the hover words", () => {
    setChartLanguage("fr");
    const fig = segmentDonut(new Float64Array([50, 30, 20]), ["A", "B", "C"], { title: "Tailles" });
    const [t] = assertValidFigure(fig);
    assert.equal(t.sort, false);
    assert.equal(t.hole, 0.45);
    assert.deepEqual((t.marker as { colors: string[] }).colors, [0, 1, 2].map(segmentColor));
    assert.match(String(t.hovertemplate), /Clients: %\{value:,\.0f\}<br>Part: %\{percent:\.1%\}/);
  });
  it("rejects negative, all-zero and mismatched sizes", () => {
    assert.throws(
      () => segmentDonut([1, -1], ["a", "b"], { title: "t" }),
      /sizes\[1\] is negative/,
    );
    assert.throws(() => segmentDonut([0, 0], ["a", "b"], { title: "t" }), /all zero/);
    assert.throws(() => segmentDonut([1], ["a", "b"], { title: "t" }), /sizes and names/);
  });
});
