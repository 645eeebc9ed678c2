import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import type { SelectionCandidate } from "../../src/segments/selectionRule.js";
import {
  FALLBACK_CANDIDATE,
  SELECTION_RULE_TEXT,
  selectCandidate,
} from "../../src/segments/selectionRule.js";
import { chosenSegmentation } from "../../src/segments/chosen.js";
import {
  SELECTION_DESIGN,
  candidateId,
  candidateSegmentation,
  featureSetSlug,
  selectionCandidates,
  selectionMethodText,
} from "../../src/segments/selectionCandidates.js";
import { decideSegmentation, writeSelectionReport } from "../../src/segments/selection.js";
import { knownDesign as design, knownTable } from "../helpers/selectionKnown.js";

function cand(id: string, over: Partial<SelectionCandidate>): SelectionCandidate {
  const c = {
    id,
    label: id,
    features: "set",
    dimensions: 4,
    algorithm: "k-means",
    k: 4,
    silhouette: 0.4,
    nullSilhouette: 0.3,
    daviesBouldin: 1,
    calinskiHarabasz: 100,
    smallestShare: 0.1,
    seedStability: 0.95,
    named: over.k ?? 4,
    ...over,
  };
  return { silhouetteLift: c.silhouette - c.nullSilhouette, ...c };
}

describe("selection rule", () => {
  test("drops unstable and tiny-segment candidates, picks the highest lift of the rest", () => {
    const d = selectCandidate([
      cand("unstable", { silhouette: 0.6, nullSilhouette: 0.2, seedStability: 0.7 }),
      cand("tiny", { silhouette: 0.5, nullSilhouette: 0.2, smallestShare: 0.01 }),
      // The highest raw silhouette of the eligible, but most of it is the null's: lift 0.05.
      cand("raw-best", { silhouette: 0.55, nullSilhouette: 0.5, k: 3 }),
      cand("good", { silhouette: 0.35, nullSilhouette: 0.2 }),
      cand("fair", { silhouette: 0.3, nullSilhouette: 0.2 }),
    ]);
    assert.equal(d.pick, "good");
    assert.deepEqual(
      d.candidates.map((c) => [c.id, c.eligible, c.picked]),
      [
        ["unstable", false, false],
        ["tiny", false, false],
        ["raw-best", true, false],
        ["good", true, true],
        ["fair", true, false],
      ],
    );
    assert.equal(d.candidates[0].excludedBecause, "seed stability 0.700 < 0.9");
    assert.equal(d.candidates[1].excludedBecause, "smallest segment 1 % < 2 %");
    // The reason names the deciding values: the pick's lift and parts, the runner-up, the better one dropped.
    assert.match(d.reason, /^good: 2 of 5 candidates dropped by the filters; among the 3 left/);
    assert.match(
      d.reason,
      /highest silhouette lift over the null, 0\.150 \(silhouette 0\.350 − null 0\.200\)/,
    );
    assert.match(d.reason, /Next outside the tie: fair, lift 0\.100/);
    assert.match(
      d.reason,
      /unstable has a higher lift \(0\.400\) but is dropped: seed stability 0\.700 < 0\.9/,
    );
    assert.equal(d.rule, SELECTION_RULE_TEXT);
  });

  test("ties (lifts within 0.01 of the best) go to the most named segments, then the fewer features", () => {
    const d = selectCandidate([
      cand("a-k5", { silhouette: 0.405, k: 5, dimensions: 4 }), // best lift 0.105
      cand("b-k4-d6", { silhouette: 0.398, k: 4, dimensions: 6 }),
      cand("c-k4-d4", { silhouette: 0.396, k: 4, dimensions: 4 }),
      cand("d-k3", { silhouette: 0.39, k: 3, dimensions: 4 }), // 0.090: outside the tie
    ]);
    assert.equal(d.pick, "a-k5");
    assert.match(
      d.reason,
      /within 0\.01 of the best \(0\.105\), tied with c-k4-d4 \(0\.096\), b-k4-d6 \(0\.098\)/,
    );
    assert.match(
      d.reason,
      /tie order \(k = 5, 4 features; seed stability 0\.950, smallest segment 10 %, all 5 segments named\)\./,
    );
    // Same number of named segments: the fewer features.
    assert.equal(
      selectCandidate([cand("b-k4-d6", { dimensions: 6 }), cand("c-k4-d4", {})]).pick,
      "c-k4-d4",
    );
    assert.match(d.reason, /Next outside the tie: d-k3, lift 0\.090/);
    // Same k and dimensions: the higher seed stability, then the id.
    const e = selectCandidate([
      cand("x", { seedStability: 0.92 }),
      cand("y", { seedStability: 0.97 }),
      cand("w", { seedStability: 0.97 }),
    ]);
    assert.equal(e.pick, "w");
  });

  test("a candidate with a segment the naming rule cannot name is dropped, and the reason says so", () => {
    const d = selectCandidate([
      // The highest lift, stable and balanced, but one of its 5 segments would be "Segment n — mixed".
      cand("unnamed", { silhouette: 0.6, nullSilhouette: 0.2, k: 5, named: 4 }),
      cand("named", { silhouette: 0.4, nullSilhouette: 0.2, k: 4, named: 4 }),
    ]);
    assert.equal(d.pick, "named");
    assert.deepEqual(
      d.candidates.map((c) => [c.id, c.eligible, c.excludedBecause]),
      [
        ["unnamed", false, "only 4 of 5 segments have a true name"],
        ["named", true, ""],
      ],
    );
    assert.match(d.reason, /all 4 segments named\)/);
    assert.match(
      d.reason,
      /unnamed has a higher lift \(0\.400\) but is dropped: only 4 of 5 segments have a true name\./,
    );
    // When the best dropped one falls to another filter, the best one dropped only for names is named too.
    const e = selectCandidate([
      cand("unstable", { silhouette: 0.7, nullSilhouette: 0.2, seedStability: 0.5 }),
      cand("unnamed", { silhouette: 0.6, nullSilhouette: 0.2, named: 1 }),
      cand("named", { silhouette: 0.4, nullSilhouette: 0.2 }),
    ]);
    assert.equal(e.pick, "named");
    assert.match(e.reason, /unstable has a higher lift \(0\.500\) but is dropped: seed stability/);
    assert.match(
      e.reason,
      /unnamed passes the other filters with a higher lift \(0\.400\) but is dropped: only 1 of 4 segments has a true name\./,
    );
    assert.match(SELECTION_RULE_TEXT, /at least 75 % of its members/);
    assert.match(SELECTION_RULE_TEXT, /10 percentage points fewer members in every other segment/);
    assert.match(SELECTION_RULE_TEXT, /neutral "Segment n — mixed"/);
  });

  test("a NaN stability or lift is not eligible; no eligible candidate is an error", () => {
    const d = selectCandidate([cand("nan-lift", { silhouetteLift: NaN }), cand("ok", {})]);
    assert.equal(d.pick, "ok");
    assert.equal(d.candidates[0].excludedBecause, "silhouette lift not measured");
    assert.throws(
      () => selectCandidate([cand("x", { seedStability: NaN }), cand("y", { smallestShare: 0 })]),
      /No candidate passes the selection rule .* among 2/,
    );
  });

  test("no eligible candidate: the fallback design is picked when it is a candidate, and said so", () => {
    const d = selectCandidate([
      cand("x", { seedStability: 0.5 }),
      cand(FALLBACK_CANDIDATE, { label: "Fallback", smallestShare: 0.01 }),
    ]);
    assert.equal(d.pick, FALLBACK_CANDIDATE);
    assert.deepEqual(
      d.candidates.map((c) => [c.eligible, c.picked]),
      [
        [false, false],
        [false, true],
      ],
    );
    assert.match(
      d.reason,
      /^No candidate of 2 passes the filters .*every segment with a true name\): the fallback design Fallback is fitted/,
    );
    // The fallback id is the design of chosen.ts.
    const s = candidateSegmentation(FALLBACK_CANDIDATE);
    const c = chosenSegmentation();
    assert.deepEqual([s.features, s.log1p, s.k], [c.features, c.log1p, c.k]);
  });

  test("the rule text states the thresholds, the null and the tie order", () => {
    assert.match(SELECTION_RULE_TEXT, /below 0\.9/);
    assert.match(SELECTION_RULE_TEXT, /less than 2 %/);
    assert.match(SELECTION_RULE_TEXT, /own feature space/);
    assert.match(SELECTION_RULE_TEXT, /column-permuted copy/);
    assert.match(
      SELECTION_RULE_TEXT,
      /within 0\.01 of the best are a tie, broken by the most segments with a true name/,
    );
    assert.match(SELECTION_RULE_TEXT, /4\. If no candidate passes step 1, the fallback design/);
    assert.match(selectionMethodText(SELECTION_DESIGN), /seeded sample of 20,000 customers/);
    assert.match(selectionMethodText(SELECTION_DESIGN), /silhouette sampled on 5,000/);
  });
});

describe("selection candidates", () => {
  test("ids, slugs and the fit options of a candidate", () => {
    assert.equal(featureSetSlug("RFM + satisfaction"), "rfm-satisfaction");
    assert.equal(candidateId("RFM + satisfaction", 5), "rfm-satisfaction/k-means/k5");
    const s = candidateSegmentation("structured-noise/k-means/k4", design);
    assert.deepEqual([s.features.length, s.k, s.candidate], [6, 4, "structured-noise/k-means/k4"]);
    assert.throws(() => candidateSegmentation("structured/k-means/k9", design), /not a candidate/);
  });

  test("known data: the structured set beats its noisy copy and the high-silhouette independent set", async () => {
    const candidates = await selectionCandidates(knownTable(1), design, { workers: 0 });
    assert.equal(candidates.length, 12);
    const d = selectCandidate(candidates);
    const by = (id: string) => d.candidates.find((c) => c.id === id)!;
    assert.equal(d.pick, "structured/k-means/k3", d.reason);
    const pick = by("structured/k-means/k3");
    assert.ok(pick.seedStability > 0.99, `stability ${pick.seedStability}`);
    assert.ok(Math.abs(pick.smallestShare - 1 / 3) < 0.02, `smallest ${pick.smallestShare}`);
    // Three symmetric blobs have no stable split in two: the unstable candidate is filtered.
    assert.match(by("structured/k-means/k2").excludedBecause, /^seed stability 0\.\d+ < 0\.9$/);
    // The noise dimensions lower the lift of the same blobs.
    assert.ok(by("structured-noise/k-means/k3").silhouetteLift < pick.silhouetteLift - 0.05);
    // The independent set has the best raw silhouette, but no lift: its null is as well separated.
    const indep = by("independent/k-means/k4");
    assert.ok(indep.silhouette > pick.silhouette, `${indep.silhouette} vs ${pick.silhouette}`);
    assert.ok(Math.abs(indep.silhouetteLift) < 0.03, `lift ${indep.silhouetteLift}`);
    // The naming filter: the triangle's three blobs are named (repeat, R$ 500+, within 90 days);
    // the square's four corners each hold a third of every blob, so none of them is.
    assert.equal(pick.named, 3);
    assert.equal(indep.named, 0);
    assert.match(indep.excludedBecause, /only 0 of 4 segments have a true name/);
    for (const c of d.candidates) {
      assert.ok(c.named >= 0 && c.named <= c.k);
      assert.equal(c.silhouetteLift, c.silhouette - c.nullSilhouette);
      assert.equal(c.eligible, c.excludedBecause === "");
      if (!c.eligible) assert.equal(c.picked, false);
    }
  });

  test("the candidates are the same on 0, 1 and 2 worker threads, and reported in order", async () => {
    const table = knownTable(1);
    const reported: number[] = [];
    const inline = await selectionCandidates(table, design, {
      workers: 0,
      onCandidate: (done) => reported.push(done),
    });
    assert.deepEqual(
      reported,
      Array.from({ length: inline.length }, (_, i) => i + 1),
    );
    for (const workers of [1, 2]) {
      assert.deepStrictEqual(await selectionCandidates(table, design, { workers }), inline);
    }
  });

  test("the decision is cached by checksums and design; selection.json holds rule, pick, cached", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selection-cache-"));
    try {
      const table = knownTable(2);
      const checksums = [{ table: "orders", file: "orders.csv", bytes: 1, sha256: "a" }];
      const first = await decideSegmentation(table, { checksums, design, cacheDir: dir });
      const second = await decideSegmentation(table, { checksums, design, cacheDir: dir });
      assert.equal(first.cached, false);
      assert.equal(second.cached, true);
      assert.deepEqual(second.report, first.report);
      assert.equal(second.segmentation.k, 3);
      assert.equal(second.segmentation.candidate, "structured/k-means/k3");
      const other = await decideSegmentation(table, {
        checksums: [{ ...checksums[0], sha256: "b" }],
        design,
        cacheDir: dir,
      });
      assert.equal(other.cached, false);
      const file = writeSelectionReport(dir, second.report, second);
      const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      assert.deepEqual(Object.keys(json).slice(0, 5), [
        "rule",
        "pick",
        "reason",
        "cached",
        "secondsThisRun",
      ]);
      assert.equal(json.cached, true);
      assert.equal(json.pick, "structured/k-means/k3");
      assert.equal(json.seconds, first.report.seconds);
      assert.equal((json.candidates as unknown[]).length, 12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
