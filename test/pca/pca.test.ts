import { test } from "node:test";
import assert from "node:assert/strict";
import { createMatrix, matrixFromRows } from "../../src/cluster/matrix.js";
import { fitPca, pcaCorrelationCircle, pcaProject } from "../../src/pca/index.js";
import { assertClose, loadFixture } from "../fixtures/sklearn/load.js";

const fx = loadFixture<{
  rows: number;
  cols: number;
  data: number[];
  explained_variance_ratio: number[];
  components: number[];
  scores2: number[];
}>("pca");
const matrix = createMatrix(Float64Array.from(fx.data), fx.rows, fx.cols);

test("explained variance ratio and components match scikit-learn (up to sign)", () => {
  const model = fitPca(matrix);
  fx.explained_variance_ratio.forEach((r, c) =>
    assertClose(model.explainedVarianceRatio[c], r, 1e-9, `ratio ${c}`),
  );
  for (let c = 0; c < fx.cols; c++) {
    const sign = Math.sign(model.components[c * fx.cols]) * Math.sign(fx.components[c * fx.cols]);
    for (let j = 0; j < fx.cols; j++) {
      assertClose(
        sign * model.components[c * fx.cols + j],
        fx.components[c * fx.cols + j],
        1e-8,
        `component ${c},${j}`,
      );
    }
  }
  const [pc1, pc2] = pcaProject(model, matrix, 2);
  for (const [c, col] of [pc1, pc2].entries()) {
    const sign = Math.sign(col[0]) * Math.sign(fx.scores2[c]);
    for (let i = 0; i < fx.rows; i++)
      assertClose(sign * col[i], fx.scores2[i * 2 + c], 1e-8, `score ${i},${c}`);
  }
});

test("correlation circle equals the empirical correlation of features with the scores", () => {
  const model = fitPca(matrix);
  const [pc1, pc2] = pcaProject(model, matrix, 2);
  const names = ["a", "b", "c", "d", "e"];
  const corr = (x: ArrayLike<number>, y: ArrayLike<number>) => {
    const n = x.length;
    let mx = 0,
      my = 0;
    for (let i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    let sxy = 0,
      sxx = 0,
      syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
    return sxy / Math.sqrt(sxx * syy);
  };
  pcaCorrelationCircle(model, names).forEach((arrow, j) => {
    const col = Array.from({ length: fx.rows }, (_, i) => fx.data[i * fx.cols + j]);
    assert.equal(arrow.feature, names[j]);
    assertClose(arrow.pc1, corr(col, pc1), 1e-9);
    assertClose(arrow.pc2, corr(col, pc2), 1e-9);
  });
  // Two perfectly correlated features: all variance on PC1, both arrows at |1| on PC1.
  const line = fitPca(
    matrixFromRows([
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 8],
    ]),
  );
  assertClose(line.explainedVarianceRatio[0], 1, 1e-12);
  for (const arrow of pcaCorrelationCircle(line, ["x", "y"]))
    assertClose(Math.abs(arrow.pc1), 1, 1e-12);
  assert.throws(
    () => pcaProject(model, matrix, 6),
    /nComponents must be an integer between 1 and 5/,
  );
});
