import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shownCandidates } from "../../src/slides/slidesModel.js";

describe("the selection slide's candidates", () => {
  it("lists all when they fit, else the pick and the best others, in file order", () => {
    const few = [{ silhouetteLift: 0.1 }, { silhouetteLift: 0.2, picked: true }];
    assert.deepEqual(shownCandidates(few), [0, 1]);
    const lifts = [0.05, 0.3, 0.1, 0.25, 0.01, 0.2, 0.15, 0.02];
    const many = lifts.map((silhouetteLift, i) => ({ silhouetteLift, picked: i === 4 }));
    // The pick (4, lowest lift) always; then the best three by lift: 1, 3, 5.
    assert.deepEqual(shownCandidates(many, 4), [1, 3, 4, 5]);
    // Candidates the rule filters out come after the eligible ones.
    const filtered = many.map((x, i) => ({ ...x, eligible: i !== 1 }));
    assert.deepEqual(shownCandidates(filtered, 4), [3, 4, 5, 6]);
    // Without a lift, the silhouette ranks them.
    const old = [{ silhouette: 0.3 }, { silhouette: 0.5 }, { silhouette: 0.4, picked: true }];
    assert.deepEqual(shownCandidates(old, 2), [1, 2]);
  });
});
