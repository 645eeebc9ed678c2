import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pcaPlaneFacts, pcaTakeaway } from "../../src/pca/takeaway.js";

describe("pcaTakeaway", () => {
  it("says the segments are apart only when most customers sit nearest their own centre", () => {
    // Three tight groups at (−10, 0), (0, 0), (10, 5): all customers nearest their own centre.
    const pc1 = [-10, -10.1, 0, 0.1, 10, 10.1];
    const pc2 = [0, 0.1, 0, -0.1, 5, 5.1];
    const labels = [0, 0, 1, 1, 2, 2];
    const f = pcaPlaneFacts(pc1, pc2, labels, [0.4, 0.2, 0.1]);
    assert.ok(Math.abs(f.explained - 0.6) < 1e-12);
    assert.equal(f.ownNearest, 1);
    assert.deepEqual(f.byDistance.slice(0, 2), [2, 0]);
    assert.equal(
      pcaTakeaway(f, ["A", "B", "C"]),
      "Two components explain 60.0 % of the variance; 100.0 % of customers lie nearer their own " +
        'segment\'s centre than any other in this plane, so the segments are largely apart in it; "C" and "A" have their centres farthest from the middle of the plot.',
    );
  });

  it("says they overlap when they do", () => {
    // Two interleaved groups on a line: centres at 1.5 and 2.5, half the points on the wrong side.
    const pc1 = [0, 3, 1, 4];
    const pc2 = [0, 0, 0, 0];
    const labels = [0, 0, 1, 1]; // centres 1.5 and 2.5; 0→0 ok, 3→1 wrong, 1→0 wrong, 4→1 ok
    const f = pcaPlaneFacts(pc1, pc2, labels, [0.5, 0.1]);
    assert.equal(f.ownNearest, 0.5);
    assert.match(pcaTakeaway(f, ["A", "B"]), /only 50\.0 % of customers .*: the segments overlap/);
  });
});
