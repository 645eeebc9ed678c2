import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { describe, test } from "node:test";
import {
  importCycles,
  importEdges,
  layerViolations,
  relativeImports,
  resolveSpecifier,
  sourceFiles,
} from "../helpers/importGraph.js";

/**
 * The layers of src/, lowest first (ARCHITECTURE.md): a folder imports only folders before it in
 * this list. A new folder must be placed here; there is no exceptions list.
 */
const LAYERS = [
  "util",
  "cluster",
  "metrics",
  "pca",
  "stability",
  "data",
  "twin",
  "display",
  "features",
  "rules",
  "value",
  "segments",
  "maintenance",
  "charts",
  "explore",
  "revenue",
  "brief",
  "slides",
  "pipeline",
] as const;

const ROOT = process.cwd();
const FILES = sourceFiles(ROOT, "src");
const EDGES = importEdges(ROOT, FILES);

describe("layers of src/ (issue 16)", () => {
  test("every folder of src/ has a place in the layer order, and every layer exists", () => {
    const folders = readdirSync("src", { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    assert.deepEqual(folders, [...LAYERS].sort());
  });

  test("the graph is read: src/ has hundreds of imports, each to an existing file", () => {
    assert.ok(FILES.length > 150, `${FILES.length} files`);
    assert.ok(EDGES.length > 500, `${EDGES.length} imports`);
    const missing = EDGES.filter((e) => !existsSync(e.to)).map((e) => `${e.from} → ${e.to}`);
    assert.deepEqual(missing, []);
  });

  test("no folder imports a folder above it", () => {
    assert.deepEqual(layerViolations(EDGES, LAYERS), []);
  });

  test("no import cycle between files", () => {
    assert.deepEqual(importCycles(EDGES), []);
  });
});

describe("the layer check itself", () => {
  test("imports, re-exports, type imports and dynamic imports count; comments and packages do not", () => {
    const text = [
      '// import { x } from "./commented.js";',
      '/** import { y } from "../alsoCommented.js" */',
      'import { a } from "./a.js";',
      'import type { B } from "../b/b.js";',
      'export * from "./c.js";',
      'export { d } from "./d.js";',
      'const e = await import("./e.js");',
      'import path from "node:path";',
    ].join("\n");
    assert.deepEqual(relativeImports(text), ["./a.js", "../b/b.js", "./c.js", "./d.js", "./e.js"]);
    assert.equal(resolveSpecifier("src/x/y.ts", "../z/w.js"), "src/z/w.ts");
    assert.equal(resolveSpecifier("src/x/y.ts", "./sub/w.js"), "src/x/sub/w.ts");
  });

  test("an upward import, an unknown folder, the root barrel and an import out of src/ are reported", () => {
    const order = ["low", "high"];
    const edges = [
      { from: "src/high/a.ts", to: "src/low/b.ts" }, // down: fine
      { from: "src/low/b.ts", to: "src/low/sub/c.ts" }, // same folder: fine
      { from: "src/index.ts", to: "src/high/a.ts" }, // root barrel: fine
      { from: "src/low/b.ts", to: "src/high/a.ts" }, // up
      { from: "src/other/x.ts", to: "src/low/b.ts" }, // folder not in the order…
      { from: "src/other/y.ts", to: "src/low/b.ts" }, // …reported once
      { from: "src/low/c.ts", to: "src/index.ts" }, // the root barrel
      { from: "src/low/d.ts", to: "test/helpers/x.ts" }, // out of src/
    ];
    const v = layerViolations(edges, order);
    assert.equal(v.length, 4);
    assert.match(v[0], /^src\/low\/b\.ts imports src\/high\/a\.ts: low may not import high/);
    assert.match(v[1], /src\/other\/ is not in the layer order/);
    assert.match(v[2], /root barrel/);
    assert.match(v[3], /outside src\//);
  });

  test("cycles: a two-file loop, a three-file loop and a self-import are found, a diamond is not", () => {
    const e = (from: string, to: string) => ({ from, to });
    const cycles = importCycles([
      e("a", "b"),
      e("b", "a"),
      e("c", "d"),
      e("d", "e"),
      e("e", "c"),
      e("f", "f"),
      e("g", "h"),
      e("g", "i"),
      e("h", "j"),
      e("i", "j"),
      e("b", "c"),
    ]);
    assert.deepEqual(cycles.map((c) => c.join(",")).sort(), ["a,b", "c,d,e", "f"]);
  });
});
