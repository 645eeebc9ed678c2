import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FEATURE_SETS } from "../../src/segments/compare.js";
import { chosenSegmentation } from "../../src/segments/chosen.js";
import {
  comparisonSectionText,
  countWord,
  inUseLabel,
  pcaSectionText,
  pickedFeatureSet,
} from "../../src/segments/pickTexts.js";
import type { SelectionReport } from "../../src/segments/selection.js";

const rfm = FEATURE_SETS.find((s) => s.name === "RFM")!;
const picked = {
  design: {
    ...chosenSegmentation(),
    features: [...rfm.features],
    k: 4,
    candidate: "rfm/k-means/k4",
  },
  origin: "selection" as const,
  selection: {
    report: {
      pick: "rfm/k-means/k4",
      candidates: [{ id: "rfm/k-means/k4", label: "RFM, k-means, k = 4" }],
    } as unknown as SelectionReport,
    cached: true,
    seconds: 0,
  },
};

describe("notebook 2's texts from the pick", () => {
  test("the picked feature set is found by its features; an unknown one is an error", () => {
    assert.deepEqual(pickedFeatureSet(picked.design), {
      index: FEATURE_SETS.indexOf(rfm),
      name: "RFM",
    });
    assert.deepEqual(pickedFeatureSet(chosenSegmentation()), {
      index: 1,
      name: "RFM + satisfaction",
    });
    assert.throws(() => pickedFeatureSet({ features: ["x"] }), /not one of the feature sets/);
  });

  test("section 6 states the pick's k and label, and where DBSCAN ran", () => {
    const t = comparisonSectionText(picked, "RFM + satisfaction");
    assert.match(t.heading, /^6 · One table/);
    assert.match(
      t.body,
      /^For each feature set, k-means and Ward at k = 4 \(the k of the selection rule's pick, RFM, k-means, k = 4;/,
    );
    assert.match(t.body, /DBSCAN \(noise left out of the scores\) on RFM \+ satisfaction only/);
    const k = comparisonSectionText(
      { design: { ...chosenSegmentation(), k: 6 }, origin: "k" },
      "RFM",
    );
    assert.match(
      k.body,
      /at k = 6 \(the k of the segmentation in use, recency_days, frequency, monetary, mean_review_score, k = 6 \(fallback design with --k\);/,
    );
    assert.equal(inUseLabel(picked), "RFM, k-means, k = 4");
  });

  test("section 8 counts and names the model's features", () => {
    assert.equal(
      pcaSectionText(["recency_days", "frequency", "monetary"]).body,
      "A principal component analysis of the model's three standardised features (recency_days, " +
        "frequency, monetary), only to look at the segments: the projections are not used for clustering.",
    );
    assert.match(pcaSectionText(chosenSegmentation().features).body, /model's four standardised/);
    assert.deepEqual([countWord(4), countWord(10), countWord(12)], ["four", "ten", "12"]);
  });
});
