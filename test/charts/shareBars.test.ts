import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shareBars, shareText } from "../../src/charts/shareBars.js";
import { NEUTRAL_COLOR, SEGMENT_PALETTE } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("shareBars", () => {
  it("sorts the groups from the largest and labels each with its share and count", () => {
    const fig = shareBars(["Champions", "Lost", "Loyal", "Can't lose them"], [410, 11290, 709, 5], {
      title: "RFM baseline",
    });
    const [t] = assertValidFigure(fig);
    assert.deepEqual(t.y, ["Lost", "Loyal", "Champions", "Can't lose them"]);
    const total = 410 + 11290 + 709 + 5;
    assert.deepEqual(
      t.x,
      [11290, 709, 410, 5].map((v) => v / total),
    );
    assert.deepEqual(t.text, ["90.9 % · 11,290", "5.7 % · 709", "3.3 % · 410", "< 0.1 % · 5"]);
    assert.equal(t.orientation, "h");
    assert.equal(fig.layout.yaxis?.autorange, "reversed");
    assert.equal(fig.layout.xaxis?.tickformat, ".0%");
    // One colour, and not a segment colour: these groups are not the segments.
    assert.equal((t.marker as { color: string }).color, NEUTRAL_COLOR);
    assert.ok(!SEGMENT_PALETTE.includes(NEUTRAL_COLOR));
    assert.match(String(t.hovertemplate), /Customers: %\{customdata:,\.0f\}<br>Share: %\{x:\.2%\}/);
  });
  it("keeps the given order on request and checks its input", () => {
    const [t] = shareBars(["a", "b"], [1, 3], { title: "t", sort: false }).data as {
      y: string[];
    }[];
    assert.deepEqual(t.y, ["a", "b"]);
    assert.throws(() => shareBars(["a"], [-1], { title: "t" }), /counts\[0\] is negative/);
    assert.throws(() => shareBars(["a", "b"], [0, 0], { title: "t" }), /all zero/);
    assert.throws(() => shareBars(["a", "b"], [1], { title: "t" }), /labels and counts/);
  });
  it("writes shares with one decimal, never 0.0 % for a non-empty group", () => {
    assert.equal(shareText(0.3125), "31.3 %");
    assert.equal(shareText(0.0005), "0.1 %");
    assert.equal(shareText(0.00049), "< 0.1 %");
    assert.equal(shareText(0), "0.0 %");
  });
});
