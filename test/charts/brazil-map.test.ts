import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BRAZIL_STATE_CENTROIDS, brazilStateMap } from "../../src/charts/brazil-map.js";
import { assertValidFigure } from "./spec.js";

describe("brazilStateMap", () => {
  it("knows the 27 federative units, all inside Brazil's bounding box", () => {
    const codes = Object.keys(BRAZIL_STATE_CENTROIDS);
    assert.equal(codes.length, 27);
    for (const [lat, lng] of Object.values(BRAZIL_STATE_CENTROIDS)) {
      assert.ok(lat > -34 && lat < 5.5 && lng > -74 && lng < -34, `${lat}, ${lng}`);
    }
  });
  it("places bubbles at state centroids on equal-scale plain axes, area ∝ value", () => {
    const fig = brazilStateMap(["sp", "RJ"], [400, 100], {
      title: "Orders",
      points: { lat: [-23, -22, -21], lng: [-46, -45, -44] },
      maxPoints: 2,
    });
    const [cloud, bubbles] = assertValidFigure(fig);
    assert.equal(cloud.type, "scatter");
    assert.deepEqual(cloud.x, [-46, -45]);
    assert.deepEqual(bubbles.x, [-48.7, -42.7]);
    assert.deepEqual(bubbles.y, [-22.2, -22.2]);
    assert.deepEqual(bubbles.text, ["SP", "RJ"]);
    assert.deepEqual((bubbles.marker as { size: number[] }).size, [60, 30]);
    assert.equal(fig.layout.yaxis?.scaleanchor, "x");
    assert.ok(
      fig.data.every((t) => !["scattergeo", "choropleth"].includes(String(t.type))),
      "no CDN-backed geo trace",
    );
  });
  it("rejects unknown or repeated states", () => {
    assert.throws(
      () => brazilStateMap(["XX"], [1], { title: "t" }),
      /states\[0\] = "XX" is not a Brazilian state code/,
    );
    assert.throws(
      () => brazilStateMap(["SP", "sp"], [1, 2], { title: "t" }),
      /"SP" appears more than once/,
    );
  });
});
