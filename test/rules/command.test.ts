import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { writeOlistTwin } from "../../src/twin/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "rules-command-"));
const data = path.join(dir, "twin");
const out = path.join(dir, "out");

const rules = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/rules.ts", ...args], {
    encoding: "utf8",
  });

describe("npm run rules", () => {
  before(async () => {
    await writeOlistTwin({ outDir: data, seed: 7, customers: 3000 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("rejects bad flags and a missing data folder in one line, exit code 2, nothing written", () => {
    const unknown = rules("--nope");
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^rules: Unknown option '--nope'.*--help lists the options\)\n$/);
    const missing = rules("--data", path.join(dir, "nowhere"), "--out", out);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.trim().split("\n").length, 1);
    assert.equal(existsSync(out), false);
  });

  test("writes the rules, the stability and the revenue concentration", () => {
    const run = rules("--data", data, "--out", out);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(out).sort(), [
      "revenue-concentration.json",
      "segment-rules.json",
      "segment-stability.json",
    ]);
    const read = (f: string) => JSON.parse(readFileSync(path.join(out, f), "utf8"));
    const r = read("segment-rules.json");
    assert.ok(r.fidelity > 0 && r.fidelity <= 1);
    assert.ok(
      r.leaves.length >= 1 &&
        r.leaves[0].conditions.every((c: { op: string }) => ["<", ">="].includes(c.op)),
    );
    const s = read("segment-stability.json");
    assert.equal(s.segments.length, r.k);
    assert.deepEqual(s.design.runs, 20);
    const m = read("revenue-concentration.json");
    assert.equal(m.overall.curve.revenueShare.at(-1), 1);
    assert.match(run.stdout, /Rules \(.* s\): \d+ rules on raw features give/);
    assert.match(run.stdout, /mean Jaccard/);
    assert.match(run.stdout, /Revenue: The top 10 % of customers/);
  });
});
