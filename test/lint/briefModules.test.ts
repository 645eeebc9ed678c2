import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { sourceFiles } from "../helpers/importGraph.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("brief and slides modules", () => {
  it("stay small: every file of src/brief and src/slides has at most 300 lines", () => {
    const long = [...sourceFiles(root, "src/brief"), ...sourceFiles(root, "src/slides")]
      .map((f) => [f, readFileSync(path.join(root, f), "utf8").split("\n").length - 1] as const)
      .filter(([, n]) => n > 300);
    assert.deepEqual(long, []);
  });

  it("define plotlyText once, in src/charts/hover.ts", () => {
    const defining = sourceFiles(root, "src").filter((f) =>
      /export function plotlyText\(/.test(readFileSync(path.join(root, f), "utf8")),
    );
    assert.deepEqual(defining, ["src/charts/hover.ts"]);
  });
});
