/**
 * Faults that need real processes: SIGINT / SIGTERM sent to the npm process stop the job, leave no
 * temporary file and the previous outputs as they were; unreadable data, model files and unwritable
 * output folders give "cannot read … (permission denied)" / "cannot be written", exit 2. As root
 * (where permissions do not apply) the commands run as the user `nobody` through setpriv.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { writeOlistTwin } from "../../src/twin/index.js";
import { projectRoot } from "../../src/util/paths.js";
import { copyFolder, remove, runInProcess, snapshot, tableFile } from "./faultKit.js";

const root = mkdtempSync(path.join(tmpdir(), "olist-processes-"));
const twin = path.join(root, "twin");
const previous = path.join(root, "previous");

/** Runs `npm run <script> -- args`, sends `signal` to the npm process once `ready` is printed. */
function interruptNpm(
  script: string,
  args: string[],
  signal: NodeJS.Signals,
  ready: RegExp,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; group: number }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that the test can check that nothing of the job is left running.
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
      cwd: projectRoot(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let stderr = "";
    let sent = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!sent && ready.test(output)) {
        sent = true;
        process.kill(child.pid!, signal); // the npm process only, as a user's Ctrl-C or kill would
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      onData(chunk);
    });
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`npm run ${script} did not stop within 120 s after ${signal}: ${output}`));
    }, 120_000);
    child.on("error", reject);
    child.on("close", (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr, group: child.pid! });
    });
  });
}

/** Whether any process of a process group is still alive. */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** Temporary files (`*.tmp`) in a folder. */
const temporaries = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.includes(".tmp-"));

describe("signals and permissions", () => {
  before(async () => {
    await writeOlistTwin({ outDir: twin, seed: 5, customers: 3000 });
    // Previous outputs from another k: a completed run would replace every one of them.
    const run = await runInProcess("segment", ["--data", twin, "--out", previous, "--k", "3"]);
    assert.equal(run.code, 0, run.line);
  });
  after(() => remove(root));

  for (const [script, signal, extra] of [
    ["segment", "SIGINT", []],
    ["start", "SIGTERM", ["--skip-notebooks"]],
  ] as const) {
    test(`${signal} to \`npm ${script === "start" ? "start" : `run ${script}`}\` stops it: no temporary file, previous outputs intact`, async () => {
      const out = path.join(root, `out-${script}`);
      copyFolder(previous, out);
      const before = snapshot(out);
      const npmScript = script === "start" ? "start" : script;
      const result = await interruptNpm(
        npmScript,
        ["--data", twin, "--out", out, ...extra],
        signal,
        /Data source:/,
      );
      assert.match(result.stderr, new RegExp(`${script}: interrupted by ${signal}`), result.stderr);
      assert.notEqual(result.code, 0);
      assert.deepEqual(temporaries(out), []);
      assert.deepEqual(temporaries(path.dirname(out)), []);
      assert.deepEqual(snapshot(out), before);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(groupAlive(result.group), false, "a process of the job is still running");
    });
  }

  const asNobody = process.getuid?.() === 0;
  const setpriv = spawnSync("sh", ["-c", "command -v setpriv"]).status === 0;
  test(
    "permission errors: cannot read … (permission denied), cannot be written; exit 2, one line",
    { skip: asNobody && !setpriv ? "root without setpriv: permissions cannot be tested" : false },
    () => {
      chmodSync(root, 0o755);
      const locked = path.join(root, "locked");
      copyFolder(twin, locked);
      const unreadableFile = path.join(root, "unreadable-file");
      copyFolder(twin, unreadableFile);
      const readOnlyOut = path.join(root, "read-only-out");
      mkdirSync(readOnlyOut);
      const ok = path.join(root, "ok-out");
      mkdirSync(ok);
      for (const d of [twin, unreadableFile]) chmodSync(d, 0o755);
      for (const f of readdirSync(twin)) chmodSync(path.join(twin, f), 0o644);
      for (const f of readdirSync(unreadableFile)) chmodSync(path.join(unreadableFile, f), 0o644);
      chmodSync(tableFile(unreadableFile, "orders"), 0o000);
      chmodSync(locked, 0o000);
      chmodSync(readOnlyOut, 0o555);
      chmodSync(ok, 0o777);
      const model = path.join(previous, "model.json");
      chmodSync(previous, 0o755);
      chmodSync(model, 0o000);
      const cases: [string[], RegExp][] = [
        [
          ["--data", locked, "--out", ok],
          /^segment: cannot read the data folder .*locked \(permission denied\); make it readable/,
        ],
        [
          ["--data", unreadableFile, "--out", ok],
          /^segment: cannot read olist_orders_dataset\.csv \(permission denied\)/,
        ],
        [
          ["--data", twin, "--out", readOnlyOut],
          /^segment: --out .*read-only-out cannot be written \(permission denied\)/,
        ],
        [
          ["--data", twin, "--out", ok, "--model", model],
          /^segment: cannot read .*model\.json \(permission denied\)/,
        ],
      ];
      const prefix = asNobody
        ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        : [];
      for (const [args, message] of cases) {
        const argv = [
          ...prefix,
          process.execPath,
          "--import",
          "tsx",
          "scripts/segment.ts",
          ...args,
        ];
        const run = spawnSync(argv[0], argv.slice(1), {
          cwd: projectRoot(),
          encoding: "utf8",
          env: { ...process.env, HOME: root },
        });
        assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
        assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
        assert.match(run.stderr.trim(), message);
        assert.equal(existsSync(path.join(ok, "customers.csv")), false);
      }
      chmodSync(locked, 0o755);
      chmodSync(model, 0o644);
      chmodSync(readOnlyOut, 0o755);
    },
  );
});
