import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildKdTree, type KdTree } from "../../src/cluster/kdtree.js";
import { createRng } from "../../src/util/random.js";

/** Depth of the deepest node (root 0), by an explicit walk over the child arrays. */
function depth(tree: KdTree): number {
  let deepest = 0;
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop() as [number, number];
    deepest = Math.max(deepest, level);
    if (tree.left[node] >= 0)
      stack.push([tree.left[node], level + 1], [tree.right[node], level + 1]);
  }
  return deepest;
}

describe("k-d tree depth (build recurses, so its depth must stay logarithmic)", () => {
  test("at most ⌈log2(n / leafSize)⌉, on spread data and on heavy ties", () => {
    const rng = createRng(4);
    for (const n of [1, 2, 17, 1000, 100_000]) {
      for (const ties of [false, true]) {
        // With ties, every value of column 0 is 0 or 1 and column 1 takes 3 values.
        const data = new Float64Array(n * 2);
        for (let i = 0; i < n; i++) {
          data[2 * i] = ties ? i % 2 : rng.normal();
          data[2 * i + 1] = ties ? i % 3 : rng.next() * 1e6;
        }
        for (const leafSize of [1, 16]) {
          const tree = buildKdTree({ data, rows: n, cols: 2 }, { leafSize });
          const bound = Math.max(0, Math.ceil(Math.log2(n / leafSize)));
          const got = depth(tree);
          assert.ok(
            got <= bound,
            `n=${n} ties=${ties} leafSize=${leafSize}: depth ${got} > ${bound}`,
          );
          if (!ties) assert.equal(got, bound, `spread data reach the bound, n=${n}`);
        }
      }
    }
  });
});
