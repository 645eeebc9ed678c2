import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import {
  baseLayout,
  getChartLanguage,
  SEGMENT_PALETTE,
  segmentColor,
  setChartLanguage,
  weekdayNames,
  withAlpha,
  word,
} from "../../src/charts/theme.js";

describe("theme", () => {
  afterEach(() => setChartLanguage("en"));

  it("has at least 10 distinct segment colours and wraps around", () => {
    assert.ok(SEGMENT_PALETTE.length >= 10);
    assert.equal(new Set(SEGMENT_PALETTE.map((c) => c.toLowerCase())).size, SEGMENT_PALETTE.length);
    assert.equal(segmentColor(0), "#0072B2");
    assert.equal(segmentColor(SEGMENT_PALETTE.length), segmentColor(0));
    assert.throws(() => segmentColor(-1), /non-negative integer, got -1/);
    assert.throws(() => segmentColor(1.5), /got 1.5/);
  });

  it("converts colours to rgba", () => {
    assert.equal(withAlpha("#0072B2", 0.3), "rgba(0, 114, 178, 0.3)");
    assert.throws(() => withAlpha("blue", 0.3), /"blue"/);
    assert.throws(() => withAlpha("#0072B2", 2), /alpha/);
  });

  it("switches generic words between English and French", () => {
    setChartLanguage("en");
    assert.equal(getChartLanguage(), "en");
    assert.equal(word("count"), "Count");
    assert.deepEqual(weekdayNames().slice(0, 2), ["Mon", "Tue"]);
    setChartLanguage("fr");
    assert.equal(word("count"), "Effectif");
    assert.equal(word("share"), "Part");
    assert.equal(weekdayNames()[6], "dim.");
    assert.throws(() => setChartLanguage("de" as "en"), /"en" or "fr", got "de"/);
  });

  it("takes OLIST_LANG from the environment by default", async () => {
    const { execFileSync } = await import("node:child_process");
    const script =
      'import { word } from "./src/charts/theme.ts"; process.stdout.write(word("count"));';
    const run = (lang: string) =>
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        env: { ...process.env, OLIST_LANG: lang },
        encoding: "utf8",
      });
    assert.equal(run("fr"), "Effectif");
    assert.equal(run(""), "Count");
  });

  it("requires a title in the base layout", () => {
    assert.deepEqual(baseLayout("Orders").title, {
      text: "Orders",
      x: 0.02,
      xanchor: "left",
      font: { size: 18 },
    });
    assert.throws(() => baseLayout("  "), /title must be a non-empty string/);
  });
});
