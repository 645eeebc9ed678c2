import assert from "node:assert/strict";
import { test } from "node:test";
import { correlationCircle } from "../../src/charts/correlationCircle.js";
import { segmentColor } from "../../src/charts/theme.js";

test("correlation circle: unit circle plus one arrow per feature, equal axes", () => {
  const fig = correlationCircle(
    [
      { feature: "monetary", pc1: 0.9, pc2: 0.1 },
      { feature: "recency_days", pc1: -0.2, pc2: 0.95 },
    ],
    { title: "Circle" },
  );
  assert.equal(fig.data.length, 3);
  const circle = fig.data[0] as { x: number[]; y: number[] };
  for (let i = 0; i < circle.x.length; i++)
    assert.ok(Math.abs(Math.hypot(circle.x[i], circle.y[i]) - 1) < 1e-12);
  const arrow = fig.data[2] as {
    x: number[];
    y: number[];
    text: string[];
    line: { color: string };
  };
  assert.deepEqual(arrow.x, [0, -0.2]);
  assert.deepEqual(arrow.y, [0, 0.95]);
  assert.deepEqual(arrow.text, ["", "recency_days"]);
  assert.equal(arrow.line.color, segmentColor(1));
  assert.equal((fig.layout.yaxis as { scaleanchor: string }).scaleanchor, "x");
  assert.throws(
    () => correlationCircle([{ feature: "x", pc1: 1.5, pc2: 0 }], { title: "t" }),
    /"x" is outside \[-1, 1\]/,
  );
});
