/**
 * The committed lock installs everywhere: every optional dependency of every locked package (e.g.
 * DuckDB's darwin, win32 and arm64 bindings) has its own entry, which `npm ci` needs on a platform
 * other than the one that wrote the lock (npm/cli#4828). And set-up installs with `npm ci` only.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { projectPath } from "../../src/util/paths.js";

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}

const lock = JSON.parse(readFileSync(projectPath("package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** The lock entry a dependency of the package at `at` resolves to (nested, then hoisted). */
function resolveEntry(at: string, name: string): string | undefined {
  let base = at;
  for (;;) {
    const key = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (base === "") return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut < 0 ? "" : base.slice(0, cut);
  }
}

describe("package-lock.json", () => {
  test("lists every optional dependency of every package, for every platform", () => {
    assert.equal(lock.lockfileVersion, 3);
    const missing: string[] = [];
    let optional = 0;
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        optional++;
        if (!resolveEntry(at, name))
          missing.push(`${name} (optional dependency of ${at || "the project"})`);
      }
    }
    assert.ok(
      optional >= 8,
      `expected DuckDB's 8 platform bindings among the optional dependencies, saw ${optional}`,
    );
    assert.deepEqual(
      missing,
      [],
      "regenerate with: rm -rf node_modules && npm install --package-lock-only",
    );
  });

  test("DuckDB's bindings for macOS, Windows and arm64 Linux are locked with their platform", () => {
    for (const [os, cpu] of [
      ["darwin", "arm64"],
      ["darwin", "x64"],
      ["linux", "arm64"],
      ["linux", "x64"],
      ["win32", "x64"],
    ]) {
      const entry = lock.packages[`node_modules/@duckdb/node-bindings-${os}-${cpu}`];
      assert.ok(entry, `@duckdb/node-bindings-${os}-${cpu} missing from the lock`);
      assert.deepEqual([entry.os, entry.cpu], [[os], [cpu]]);
    }
  });

  test("set-up installs with npm ci only (never npm install, which rewrites the lock)", () => {
    const setup = readFileSync(projectPath("scripts", "setup.sh"), "utf8");
    const commands = setup
      .split("\n")
      .filter((l) => !l.trim().startsWith("#") && !l.trim().startsWith("echo"));
    assert.ok(commands.some((l) => /\bnpm ci\b/.test(l)));
    assert.deepEqual(
      commands.filter((l) => /\bnpm (install|i)\b/.test(l)),
      [],
    );
  });
});
