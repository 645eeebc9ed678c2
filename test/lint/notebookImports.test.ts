import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";

/** The names the notebooks import from the toolbox (`import { a, type B } from "../dist/index.js"`). */
function notebookImports(dir: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ipynb"))) {
    const nb = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
      cells: { cell_type: string; source: string[] | string }[];
    };
    for (const cell of nb.cells) {
      if (cell.cell_type !== "code") continue;
      const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      for (const m of text.matchAll(
        /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"[./]*dist\/index\.js"/g,
      )) {
        for (const part of m[1].split(",")) {
          const name = part
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0];
          if (name) names.set(name, file);
        }
      }
    }
  }
  return names;
}

/** Every name the module exports, re-exports included. */
function moduleExports(file: string): Set<string> {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file) as ts.SourceFile);
  return new Set(checker.getExportsOfModule(symbol as ts.Symbol).map((s) => s.name));
}

// The barrels name their exports (issue 16): a function a notebook uses must not fall out of them.
test("every name a notebook imports from the toolbox is exported by src/index.ts", () => {
  const wanted = notebookImports("notebooks");
  assert.ok(wanted.size > 50, `${wanted.size} names imported by the notebooks`);
  const exported = moduleExports(path.resolve("src/index.ts"));
  assert.ok(exported.has("openOlist") && exported.has("kmeans"));
  const missing = [...wanted]
    .filter(([name]) => !exported.has(name))
    .map(([n, f]) => `${n} (${f})`);
  assert.deepEqual(missing, []);
});
