import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { SelectionReport } from "../../src/segments/selection.js";
import { selectionLogLines } from "../../src/segments/selection.js";
import {
  pickLabel,
  selectionTableRows,
  selectionTexts,
} from "../../src/segments/selectionDisplay.js";
import { selectCandidate } from "../../src/segments/selectionRule.js";

const base = {
  features: "set",
  algorithm: "k-means",
  daviesBouldin: 1,
  calinskiHarabasz: 10,
  smallestShare: 0.25,
  seedStability: 0.99,
};
const decision = selectCandidate([
  {
    ...base,
    id: "a/k-means/k3",
    label: "A, k-means, k = 3",
    dimensions: 2,
    k: 3,
    named: 3,
    silhouette: 0.5,
    nullSilhouette: 0.2,
    silhouetteLift: 0.3,
  },
  {
    ...base,
    id: "b/k-means/k4",
    label: "B, k-means, k = 4",
    dimensions: 5,
    k: 4,
    named: 2,
    silhouette: 0.9,
    nullSilhouette: 0.5,
    silhouetteLift: 0.4,
  },
  {
    ...base,
    id: "c/k-means/k5",
    label: "C, k-means, k = 5",
    dimensions: 2,
    k: 5,
    named: 5,
    silhouette: 0.7,
    nullSilhouette: 0.1,
    silhouetteLift: 0.6,
    seedStability: 0.5,
  },
]);
const report: SelectionReport = {
  ...decision,
  method: "k-means on a sample",
  asOf: "2020-01-01T00:00:00.000Z",
  design: {
    ks: [3, 4, 5],
    nInit: 4,
    seed: 0,
    fitRows: 100,
    silhouetteSampleSize: 100,
    stabilityRows: 100,
    stabilityRuns: 3,
  },
  seconds: 12.34,
};

describe("selection display", () => {
  test("the title names the computed pick; the texts are the decision's own", () => {
    assert.equal(pickLabel(report), "A, k-means, k = 3");
    const t = selectionTexts({ report, cached: false, seconds: 12.34 });
    assert.equal(t.title, "The choice, by a stated rule: A, k-means, k = 3");
    assert.equal(t.rule, decision.rule);
    assert.equal(t.reason, decision.reason);
    assert.match(
      t.reason,
      /C, k-means, k = 5 has a higher lift \(0\.600\) but is dropped: seed stability 0\.500 < 0\.9/,
    );
    // B beats the pick but only the naming filter drops it: the reason says so.
    assert.match(
      t.reason,
      /B, k-means, k = 4 passes the other filters with a higher lift \(0\.400\) but is dropped: only 2 of 4 segments have a true name\./,
    );
    assert.equal(t.method, "Measured as: k-means on a sample.");
    assert.match(t.provenance, /computed here in 12\.3 s/);
    assert.match(
      selectionTexts({ report, cached: true, seconds: 0 }).provenance,
      /read from the cache.*12\.3 s to compute/,
    );
  });

  test("one table row per candidate with its verdict", () => {
    const rows = selectionTableRows(report);
    assert.deepEqual(
      rows.map((r) => [r.candidate, r.lift, r.verdict]),
      [
        ["A, k-means, k = 3", 0.3, "picked"],
        ["B, k-means, k = 4", 0.4, "dropped: only 2 of 4 segments have a true name"],
        ["C, k-means, k = 5", 0.6, "dropped: seed stability 0.500 < 0.9"],
      ],
    );
    assert.equal(rows[0].smallest_segment, "25.0 %");
    assert.deepEqual(
      rows.map((r) => r.named),
      ["3/3", "2/4", "5/5"],
    );
  });

  test("the log lines say computed or cached, with the seconds", () => {
    assert.deepEqual(selectionLogLines(undefined), []);
    const [first, second] = selectionLogLines({ report, cached: false, seconds: 12.34 });
    assert.equal(first, "  selection: a/k-means/k3, computed in 12.3 s, 3 candidates");
    assert.equal(second, `  ${decision.reason}`);
    assert.match(
      selectionLogLines({ report, cached: true, seconds: 0.01 })[0],
      /read from the cache .*computed in 12\.3 s/,
    );
  });
});
