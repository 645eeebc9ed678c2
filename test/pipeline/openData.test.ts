import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { loadOlist } from "../../src/data/load.js";
import { openOlist } from "../../src/pipeline/openData.js";

// No real data anywhere, an empty twin folder: only the pipeline's opener may fall back to the twin.
const empty = () => {
  const root = mkdtempSync(path.join(tmpdir(), "open-data-"));
  const where = {
    env: {},
    rawDir: path.join(root, "raw"),
    twinDir: path.join(root, "twin"),
    log: () => {},
  };
  return { root, where };
};

test("the data layer's loader never generates the twin: an empty twin folder is a missing folder", async () => {
  const { root, where } = empty();
  try {
    await assert.rejects(loadOlist(where), /Olist data folder not found: .*twin/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("openOlist falls back to the twin, and says so when generation is off", async () => {
  const { root, where } = empty();
  try {
    await assert.rejects(
      openOlist({ ...where, generateTwin: false }),
      /No Olist data found \(searched OLIST_DATA_DIR \(unset\), .*\(no Olist file\), .*twin\) and twin generation is off\./,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
