import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BRAZIL_STATE_CENTROIDS,
  brazilStateMap,
  MAP_BUBBLE_COLOR,
} from "../../src/charts/brazilMap.js";
import { assertValidFigure } from "./spec.js";

describe("brazilStateMap", () => {
  it("knows the 27 federative units, all inside Brazil's bounding box", () => {
    const codes = Object.keys(BRAZIL_STATE_CENTROIDS);
    assert.equal(codes.length, 27);
    for (const [lat, lng] of Object.values(BRAZIL_STATE_CENTROIDS)) {
      assert.ok(lat > -34 && lat < 5.5 && lng > -74 && lng < -34, `${lat}, ${lng}`);
    }
  });
  it("places bubbles at state centroids on equal-scale plain axes; area encoding: area ∝ value, one colour, a size key", () => {
    const fig = brazilStateMap(["sp", "RJ"], [41466, 10366.5], {
      title: "Orders",
      valueTitle: "Orders",
      encoding: "area",
      points: { lat: [-23, -22, -21], lng: [-46, -45, -44] },
      maxPoints: 2,
    });
    const [cloud, bubbles, key] = assertValidFigure(fig);
    assert.equal(cloud.type, "scatter");
    assert.deepEqual(cloud.x, [-46, -45]);
    assert.deepEqual(bubbles.x, [-48.7, -42.7]);
    assert.deepEqual(bubbles.y, [-22.2, -22.2]);
    assert.deepEqual(bubbles.text, ["SP", "RJ"]);
    const marker = bubbles.marker as { size: number[]; color: unknown; showscale?: boolean };
    assert.deepEqual(marker.size, [60, 30]);
    // One encoding: the colour is the same for every state, no colour bar.
    assert.equal(marker.color, MAP_BUBBLE_COLOR);
    assert.equal(marker.showscale, undefined);
    // Size key: 40,000 (nice floor of the maximum), 10,000, 1,000, drawn at the same scale.
    assert.deepEqual(key.text, ["40,000", "10,000", "1,000"]);
    assert.deepEqual(
      (key.marker as { size: number[] }).size.map((d) => Number(d.toFixed(3))),
      [40000, 10000, 1000].map((v) => Number((60 * Math.sqrt(v / 41466)).toFixed(3))),
    );
    assert.match(String(bubbles.hovertemplate), /Orders: %\{customdata:,\.0f\}/);
    assert.equal(fig.layout.yaxis?.scaleanchor, "x");
    assert.ok(
      fig.data.every((t) => !["scattergeo", "choropleth"].includes(String(t.type))),
      "no CDN-backed geo trace",
    );
  });
  it("colour encoding (the default): equal bubbles, the value on the colour bar and in R$ on hover", () => {
    const fig = brazilStateMap(["SP", "RO", "AC"], [157.2, 185.4, -1], {
      title: "Mean order",
      valueTitle: "R$ per order",
    });
    const [bubbles] = assertValidFigure(fig);
    const marker = bubbles.marker as { size: number[]; color: number[]; showscale: boolean };
    assert.deepEqual(marker.size, [24, 24, 24]);
    assert.deepEqual(marker.color, [157.2, 185.4, -1]);
    assert.equal(marker.showscale, true);
    assert.match(String(bubbles.hovertemplate), /R\$ per order: R\$ %\{customdata:,\.2f\}/);
    assert.throws(
      () => brazilStateMap(["SP"], [-1], { title: "t", encoding: "area" }),
      /values\[0\] is negative; bubble areas need values >= 0/,
    );
    assert.throws(
      () => brazilStateMap(["SP"], [1], { title: "t", encoding: "size" as "area" }),
      /encoding must be "color" or "area", got "size"/,
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
