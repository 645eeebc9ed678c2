import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { kmeans } from "../../src/cluster/kmeans.js";
import { matrixFromRows } from "../../src/cluster/matrix.js";
import { exkmcTree, truncateExpansion } from "../../src/rules/exkmc.js";
import { immTree } from "../../src/rules/imm.js";
import { leafIds, predictTree, routeToLeaves } from "../../src/rules/thresholdTree.js";
import { gaussianBlobs, labelMeans } from "./blobs.js";

const CENTRES = [
  [0, 0, 0],
  [20, 0, 0],
  [0, 20, 0],
  [0, 0, 20],
  [20, 20, 20],
];

const agreeing = (a: Int32Array, b: Int32Array) => a.filter((x, i) => x === b[i]).length;

describe("IMM", () => {
  test("reproduces well-separated k-means clusters exactly with k leaves, one per cluster", () => {
    const { matrix, labels: truth } = gaussianBlobs(CENTRES, 200, 3);
    const km = kmeans(matrix, 5, { seed: 0 });
    const tree = immTree(matrix, km.labels, km.centroids);
    const leaves = leafIds(tree);
    assert.equal(leaves.length, 5);
    assert.deepEqual(leaves.map((id) => tree.nodes[id].segment).sort(), [0, 1, 2, 3, 4]);
    // The tree gives every row its k-means cluster: fidelity 1.
    assert.equal(agreeing(predictTree(tree, matrix), km.labels), 1000);
    // And those clusters are the blobs.
    for (let c = 0; c < 5; c++) {
      const blobs = new Set(Array.from(truth).filter((_, i) => km.labels[i] === c));
      assert.equal(blobs.size, 1);
    }
  });

  test("keeps the centres on the side of their own rows at every split", () => {
    const { matrix, labels } = gaussianBlobs(CENTRES, 50, 8);
    const centers = labelMeans(matrix, labels, 5);
    const tree = immTree(matrix, labels, centers);
    // Routing each centre through the tree lands it in its own leaf.
    assert.deepEqual(Array.from(predictTree(tree, centers)), [0, 1, 2, 3, 4]);
  });

  test("makes the fewest mistakes on overlapping data it can, and routes every row", () => {
    // Two diagonal clusters: no axis cut separates them; the tree still has 2 leaves.
    const { matrix, labels } = gaussianBlobs(
      [
        [0, 0],
        [3, 3],
      ],
      300,
      5,
    );
    const centers = labelMeans(matrix, labels, 2);
    const tree = immTree(matrix, labels, centers);
    assert.equal(leafIds(tree).length, 2);
    const ruled = predictTree(tree, matrix);
    const share = agreeing(ruled, labels) / 600;
    assert.ok(share > 0.8 && share < 1, `fidelity ${share}`);
    assert.equal(routeToLeaves(tree, matrix).length, 600);
  });

  test("rejects labels that are not centres", () => {
    const matrix = matrixFromRows([[0], [1]]);
    assert.throws(
      () => immTree(matrix, Int32Array.from([0, 2]), matrixFromRows([[0], [1]])),
      /labels\[1\] = 2 is not a centre/,
    );
  });
});

describe("ExKMC", () => {
  const { matrix, labels } = gaussianBlobs(
    [
      [0, 0],
      [3, 3],
      [8, 0],
    ],
    300,
    11,
  );
  const centers = labelMeans(matrix, labels, 3);
  const imm = immTree(matrix, labels, centers);
  const grown = exkmcTree(matrix, labels, centers, imm, { maxLeaves: 6 });

  test("grows from the IMM tree up to maxLeaves, one leaf per step", () => {
    assert.equal(grown.start.leaves, 3);
    assert.ok(grown.steps.length >= 1 && grown.steps.length <= 3);
    grown.steps.forEach((s, i) => assert.equal(s.leaves, 4 + i));
    assert.equal(leafIds(grown.tree).length, 3 + grown.steps.length);
    assert.equal(imm.nodes.length, grown.baseNodes, "the base tree is not modified");
  });

  test("reports for every size the agreement a direct count gives", () => {
    assert.equal(grown.start.agreeing, agreeing(predictTree(imm, matrix), labels));
    for (let s = 0; s <= grown.steps.length; s++) {
      const tree = truncateExpansion(grown, s);
      assert.equal(leafIds(tree).length, 3 + s);
      const expected = s === 0 ? grown.start.agreeing : grown.steps[s - 1].agreeing;
      assert.equal(agreeing(predictTree(tree, matrix), labels), expected);
    }
  });

  test("lowers the surrogate cost (distances to the leaves' centres) at every step", () => {
    const cost = (s: number) => {
      const tree = truncateExpansion(grown, s);
      const seg = predictTree(tree, matrix);
      let total = 0;
      for (let r = 0; r < matrix.rows; r++) {
        for (let j = 0; j < 2; j++) {
          total += (matrix.data[r * 2 + j] - centers.data[seg[r] * 2 + j]) ** 2;
        }
      }
      return total;
    };
    for (let s = 1; s <= grown.steps.length; s++) assert.ok(cost(s) < cost(s - 1));
  });

  test("does not split a tree that already reproduces the clusters", () => {
    const blobs = gaussianBlobs(CENTRES, 40, 2);
    const c = labelMeans(blobs.matrix, blobs.labels, 5);
    const t = immTree(blobs.matrix, blobs.labels, c);
    assert.equal(exkmcTree(blobs.matrix, blobs.labels, c, t).steps.length, 0);
  });
});
