import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pcaCharts } from "../../src/charts/pcaCharts.js";
import { fitPca, pcaProject } from "../../src/pca/pca.js";
import { makeBlobs } from "../helpers/makeBlobs.js";
import { assertValidFigure } from "./spec.js";

describe("pcaCharts", () => {
  it("four named figures; the projections are the PCA's; titles give each component's variance", () => {
    const { matrix, labels } = makeBlobs(200, 4, { centers: 3, seed: 5 });
    const pca = fitPca(matrix);
    const ids = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const { charts, pc1, pc2 } = pcaCharts({
      pca,
      matrix,
      labels,
      names: ["A", "B", "C"],
      ids,
      features: ["f1", "f2", "f3", "f4"],
    });
    assert.deepEqual(
      charts.map((c) => c.name),
      ["pca-explained-variance", "pca-2d", "pca-3d", "pca-correlation-circle"],
    );
    for (const c of charts) assertValidFigure(c.figure);
    const [e1, e2] = pcaProject(pca, matrix, 2);
    assert.deepEqual([pc1, pc2], [e1, e2]);
    const bars = assertValidFigure(charts[0].figure)[0];
    assert.equal((bars.y as number[]).length, 4);
    const share = (100 * pca.explainedVarianceRatio[0]).toFixed(1);
    assert.match(
      JSON.stringify(charts[1].figure.layout.xaxis),
      new RegExp(`PC1 \\(${share} % of variance\\)`),
    );
  });
});
