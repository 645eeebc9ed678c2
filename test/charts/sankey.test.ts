import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { migrationFlows, migrationSankey } from "../../src/charts/sankey.js";
import { segmentColor, withAlpha } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

describe("segment migration Sankey", () => {
  const matrix = [
    [80, 15, 5],
    [0, 60, 40],
    [10, new Float64Array([0])[0], 90],
  ];
  const names = ["Loyal", "New", "Lost"];
  it("has flows summing to the contingency row and column totals", () => {
    const flows = migrationFlows(matrix, names, names, "T0", "T2");
    const rowTotals = [0, 0, 0];
    const colTotals = [0, 0, 0];
    flows.value.forEach((v, i) => {
      rowTotals[flows.source[i]] += v;
      colTotals[flows.target[i] - 3] += v;
    });
    assert.deepEqual(rowTotals, [100, 100, 100]);
    assert.deepEqual(colTotals, [90, 75, 135]);
    assert.equal(flows.value.length, 7, "zero cells give no link");
    assert.deepEqual(flows.labels, [
      "T0 · Loyal",
      "T0 · New",
      "T0 · Lost",
      "T2 · Loyal",
      "T2 · New",
      "T2 · Lost",
    ]);
  });
  it("colours nodes by segment and links by their start segment", () => {
    const fig = migrationSankey(matrix, { title: "Migration", sourceNames: names });
    const [t] = assertValidFigure(fig);
    assert.equal(t.type, "sankey");
    const node = t.node as { color: string[]; label: string[] };
    assert.deepEqual(node.color, [0, 1, 2, 0, 1, 2].map(segmentColor));
    assert.equal(node.label[3], "T1 · Loyal");
    const link = t.link as { color: string[]; value: number[] };
    assert.equal(link.color[0], withAlpha(segmentColor(0), 0.35));
    assert.equal(
      link.value.reduce((a, b) => a + b, 0),
      300,
    );
  });
  it("rejects negative counts and wrong shapes", () => {
    assert.throws(
      () =>
        migrationSankey(
          [
            [1, -2],
            [0, 1],
          ],
          { title: "t", sourceNames: ["a", "b"] },
        ),
      /matrix\[0\]\[1\] is negative/,
    );
    assert.throws(
      () => migrationSankey([[1, 2]], { title: "t", sourceNames: ["a", "b"] }),
      /matrix \(rows\) and sourceNames/,
    );
    assert.throws(() => migrationSankey([[0]], { title: "t", sourceNames: ["a"] }), /all zeros/);
  });
});
