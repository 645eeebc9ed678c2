import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { chosenSegmentation } from "../../src/segments/chosen.js";
import { fitSegmentModel } from "../../src/segments/model.js";
import type { CustomerTable } from "../../src/features/definitions.js";
import {
  modelDesign,
  segmentationInUse,
  segmentationInUseText,
} from "../../src/segments/segmentationInUse.js";
import { knownDesign, knownTable } from "../helpers/selectionKnown.js";

describe("the segmentation this data uses", () => {
  test("no override: the selection rule's pick, cached by the checksums", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "in-use-"));
    try {
      const table = knownTable(3);
      const checksums = [{ table: "orders", file: "orders.csv", bytes: 1, sha256: "x" }];
      const options = { checksums, design: knownDesign, cacheDir: dir };
      const first = await segmentationInUse(table, options);
      assert.equal(first.origin, "selection");
      // The known table's answer: the structured pair, three blobs (see selectionRule.test.ts).
      assert.equal(first.design.candidate, "structured/k-means/k3");
      assert.deepEqual([first.design.features, first.design.k], [["a", "b"], 3]);
      assert.equal(first.selection?.cached, false);
      assert.equal(first.selection?.report.pick, first.design.candidate);
      const second = await segmentationInUse(table, { ...options, seed: 7 });
      assert.equal(second.selection?.cached, true);
      assert.equal(second.design.seed, 7);
      assert.equal(
        segmentationInUseText(first),
        "structured/k-means/k3 (the selection rule's pick)",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--k: the fallback design with that k; select false: the fallback design", async () => {
    const table = knownTable(3);
    const k = await segmentationInUse(table, { k: 6, design: knownDesign });
    assert.equal(k.origin, "k");
    assert.equal(k.selection, undefined);
    assert.deepEqual({ ...k.design }, { ...chosenSegmentation(), k: 6 });
    const fallback = await segmentationInUse(table, { select: false });
    assert.deepEqual([fallback.origin, fallback.design.k], ["fallback", chosenSegmentation().k]);
  });

  test("--model: the saved model's own design (features, log1p, k, seed, restarts, candidate)", async () => {
    const known = knownTable(4);
    const ids = Array.from({ length: known.numeric.frequency.length }, (_, i) => `c${i}`);
    const table = { ...known, ids } as unknown as CustomerTable;
    const { model } = fitSegmentModel(table, {
      features: ["a", "b", "monetary"],
      log1p: ["monetary"],
      k: 3,
      seed: 2,
      nInit: 3,
      candidate: "x/k-means/k3",
    });
    const expected = {
      features: ["a", "b", "monetary"],
      log1p: ["monetary"],
      scaler: "standard",
      k: 3,
      seed: 2,
      nInit: 3,
      candidate: "x/k-means/k3",
    };
    assert.deepEqual(modelDesign(model), expected);
    const inUse = await segmentationInUse(table, { model, k: 9 });
    assert.deepEqual([inUse.origin, inUse.design], ["model", expected]);
  });
});
