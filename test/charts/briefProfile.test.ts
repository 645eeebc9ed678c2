/** The brief's profile heatmap: one colour meaning in every column. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BRIEF_PROFILE_FEATURES, PROFILE_CAPTION, profileFigure } from "../../src/brief/charts.js";

const segments = [
  {
    segment: 0,
    name: "Dormant",
    share: 0.25,
    revenueShare: 0.2,
    z: { recency_days: 1.23, frequency: -0.16, monetary: -0.24, mean_review_score: 0.36 },
  },
  {
    segment: 1,
    name: "Disappointed",
    share: 0.14,
    revenueShare: 0.1,
    z: { recency_days: -0.02, frequency: -0.16, monetary: -0.07, mean_review_score: -2.1 },
  },
];

describe("brief profile heatmap", () => {
  const fig = profileFigure(segments);
  const [trace] = fig.data as unknown as {
    z: (number | null)[][];
    x: string[];
    colorscale: [number, string][];
  }[];
  it("orients every column so that positive is better: days since the last order are negated", () => {
    assert.deepEqual(
      BRIEF_PROFILE_FEATURES.map(([f, , better]) => [f, better]),
      [
        ["recency_days", "lower"],
        ["frequency", "higher"],
        ["monetary", "higher"],
        ["mean_review_score", "higher"],
      ],
    );
    assert.deepEqual(trace.x, ["Bought<br>recently", "Orders", "Spend", "Review<br>score"]);
    // Dormant customers bought long ago (+1.23 sd of days): "bought recently" is −1.23, worse.
    assert.deepEqual(trace.z, [
      [-1.23, -0.16, -0.24, 0.36],
      [0.02, -0.16, -0.07, -2.1],
    ]);
    assert.deepEqual(
      (fig.layout.annotations ?? []).slice(0, 4).map((a) => a.text),
      ["\u22121.2", "\u22120.2", "\u22120.2", "0.4"],
    );
  });
  it("uses one diverging scale: red worse than average, white average, blue better", () => {
    assert.equal(trace.colorscale[0][1], "#B2182B");
    assert.equal(trace.colorscale[3][1], "#F7F7F7");
    assert.equal(trace.colorscale[6][1], "#2166AC");
    assert.match(PROFILE_CAPTION, /blue is better than average .* red is worse/);
  });
});
