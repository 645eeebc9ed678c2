/**
 * The notebook set-up itself: with the project's tslab kernel, a notebook under notebooks/ imports the
 * toolbox build and the ESM-only ml-kmeans 7 / ml-hclust 4 with their real types, and a type error in a
 * cell fails the headless run (scripts/run_notebooks.py exits 1 and names the cell).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { projectPath } from "../../src/util/paths.js";

const dir = projectPath("notebooks", `.kernel-test-${process.pid}`);
const out = mkdtempSync(path.join(tmpdir(), "olist-nb-"));

function notebook(name: string, cells: string[]): string {
  const file = path.join(dir, name);
  const nb = {
    cells: cells.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      outputs: [],
      execution_count: null,
      source,
    })),
    metadata: {
      kernelspec: { name: "olist-tslab", display_name: "TypeScript", language: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(file, JSON.stringify(nb));
  return file;
}

function runNotebook(file: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    "/usr/bin/python3",
    [
      projectPath("scripts", "run_notebooks.py"),
      file,
      "--out",
      out,
      "--no-html",
      "--timeout",
      "120",
    ],
    {
      encoding: "utf8",
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function outputsOf(file: string): string {
  return readFileSync(path.join(out, path.basename(file)), "utf8");
}

describe("tslab kernel with the project's set-up", () => {
  mkdirSync(dir, { recursive: true });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  test("imports the toolbox and ESM-only ml-kmeans / ml-hclust with types, and runs them", () => {
    const file = notebook("imports.ipynb", [
      'import { createRng, renderTextTable } from "../../dist/index.js";\nconst r: number = createRng(1).next();\nconsole.log(r >= 0 && r < 1);',
      'import { kmeans } from "ml-kmeans";\nconst fit = kmeans([[0, 0], [0, 1], [10, 10], [10, 11]], 2, { seed: 3 });\nconst iterations: number = fit.iterations;\nconsole.log("clusters", fit.clusters[0] === fit.clusters[1], fit.clusters[0] !== fit.clusters[2]);',
      'import { agnes } from "ml-hclust";\nconst tree = agnes([[0], [1], [10]], { method: "ward" });\nconsole.log("children", tree.children.length);',
      'console.log(renderTextTable([{ a: 1 }]).split("\\n").length);',
    ]);
    const r = runNotebook(file);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const text = outputsOf(file);
    assert.match(text, /true/);
    assert.match(text, /clusters true true/);
    assert.match(text, /children 2/);
  });

  test("a type error in a cell fails the run and names the cell and the error", () => {
    const file = notebook("type-error.ipynb", [
      "const ok = 1;",
      'import { kmeans } from "ml-kmeans";\nconst k: string = kmeans([[0], [1]], 1, {}).iterations;',
    ]);
    const r = runNotebook(file);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cell 2 raised an error/);
    assert.match(r.stderr, /Type 'number' is not assignable to type 'string'/);
    assert.match(r.stdout, /notebooks: 0 passed, 1 failed/);
  });

  test("a runtime error fails the run too", () => {
    const file = notebook("runtime-error.ipynb", ['throw new Error("boom from the notebook");']);
    const r = runNotebook(file);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /boom from the notebook/);
  });
});
