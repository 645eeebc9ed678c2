/**
 * Seeded fault injection (issue 13): faulty variants of a small twin, one fault each, across every
 * class — file integrity, value domains, duplicates, dates, model files, outputs, flags — run
 * through `npm run segment`, `npm run features` and `npm start --skip-notebooks` in-process. Each
 * must end in a clear one-line error with exit code 2 that names what is wrong (and leave the
 * previous outputs as they were), or succeed with the faulty rows counted under their rule, the
 * counts adding up to the file's records. Nothing in between.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openOlist } from "../../src/pipeline/openData.js";
import { cleaningReport } from "../../src/features/cleaning.js";
import { customerFeatures, defaultAsOf } from "../../src/features/customers.js";
import { defaultOrigins, evaluationGrid } from "../../src/maintenance/grid.js";
import { MAINTENANCE_STUDY } from "../../src/maintenance/policy.js";
import { writeOlistTwin } from "../../src/twin/index.js";
import { createRng } from "../../src/util/random.js";
import { parseCsv, readCsvText } from "../helpers/csv.js";
import type { CommandName } from "./faultKit.js";
import { cleaningRows, copyFolder, remove, runInProcess, snapshot, tableFile } from "./faultKit.js";
import type { Fault } from "./faults.js";
import { FAULTS } from "./faults.js";

/** Seed of the fault injection: each variant's rows are drawn from `SEED + its index`. */
const SEED = 20_180_913;

const root = mkdtempSync(path.join(tmpdir(), "olist-faults-"));
const base = path.join(root, "twin");
const baseline = path.join(root, "baseline");
const scratch = path.join(root, "scratch");
let baselineCleaning: ReturnType<typeof cleaningRows>;

/** Messages that leak internals instead of saying what to do. */
const RAW = /\b(ENOENT|EACCES|EISDIR|ENOTDIR|EPERM|errno)\b|Error:|\n|at \S+ \(/;

/** The output argument of a command: a folder, or a `.csv` in it for `features`. */
const outArg = (command: CommandName, out: string) =>
  command === "features" ? path.join(out, "c.csv") : out;

/** Previous outputs in `out` (a clean run's files), so that a failed run can be seen to keep them. */
function previousOutputs(command: CommandName, out: string): void {
  mkdirSync(out, { recursive: true });
  if (command === "features") writeFileSync(path.join(out, "c.csv"), "previous table\n");
  else
    for (const f of readdirSync(baseline))
      cpSync(path.join(baseline, f), path.join(out, f), { recursive: true });
}

/** Records of the orders file, read by an independent parser. */
const orderRecords = (dir: string) => parseCsv(readCsvText(tableFile(dir, "orders"))).length - 1;

describe("fault injection on a small twin", () => {
  before(async () => {
    await writeOlistTwin({ outDir: base, seed: 11, customers: 3000 });
    mkdirSync(scratch, { recursive: true });
    const clean = await runInProcess("segment", ["--data", base, "--out", baseline]);
    assert.equal(clean.code, 0, clean.line);
    baselineCleaning = cleaningRows(path.join(baseline, "cleaning.csv"));
  });
  after(() => remove(root));

  test("the catalogue has at least 30 variants in every class", () => {
    assert.ok(FAULTS.length >= 30, `${FAULTS.length} variants`);
    const classes = new Set(FAULTS.map((f) => f.class));
    for (const c of [
      "file integrity",
      "value domain",
      "duplicates",
      "dates",
      "model file",
      "outputs",
      "flags",
    ]) {
      assert.ok(classes.has(c as Fault["class"]), c);
    }
    assert.equal(new Set(FAULTS.map((f) => f.name)).size, FAULTS.length, "names are unique");
  });

  FAULTS.forEach((fault, index) => {
    test(`${fault.class}: ${fault.name}`, async () => {
      const dir = fault.copiesData ? path.join(root, `v${index}`) : base;
      if (fault.copiesData) copyFolder(base, dir);
      const built = await fault.build({
        dir,
        rng: createRng(SEED + index),
        scratch,
        model: path.join(baseline, "model.json"),
      });
      const messages: string[] = [];
      for (const command of fault.commands) {
        const out = path.join(root, `out-${index}-${command}`);
        previousOutputs(command, out);
        const before = snapshot(out);
        const args = built.args?.(command, out) ?? ["--data", dir, "--out", outArg(command, out)];
        const outcome = await runInProcess(command, args);
        const where = `${command} ${args.join(" ")}`;
        if ("error" in built.expected) {
          assert.equal(
            outcome.code,
            2,
            `${where}: expected exit 2, got ${outcome.code}: ${outcome.line ?? "(no error)"}`,
          );
          const line = outcome.line!;
          assert.ok(line.startsWith(`${command}: `), line);
          assert.doesNotMatch(line, RAW, line);
          assert.match(line, built.expected.error, where);
          assert.deepEqual(snapshot(out), before, `${where}: the previous outputs changed`);
          messages.push(line.slice(command.length + 2));
        } else {
          assert.equal(outcome.code, 0, `${where}: ${outcome.line}`);
          assert.deepEqual(
            readdirSync(out).filter((f) => f.includes(".tmp")),
            [],
            "no temporary file",
          );
          if (command === "features") continue;
          const rows = cleaningRows(path.join(out, "cleaning.csv"));
          for (const { rule, added } of built.expected.counted) {
            const was = baselineCleaning.get(rule)?.rows ?? 0;
            assert.equal(rows.get(rule)?.rows, was + added, `${where}: rule ${rule}`);
          }
          const asOfBefore = built.expected.asOfBefore;
          if (asOfBefore) {
            const metrics = JSON.parse(readFileSync(path.join(out, "metrics.json"), "utf8")) as {
              asOf: string;
            };
            assert.ok(metrics.asOf < asOfBefore, `as-of ${metrics.asOf}`);
          }
        }
      }
      // The commands agree: the same data give the same message, whichever command read them.
      if (["file integrity", "value domain", "duplicates"].includes(fault.class)) {
        assert.equal(new Set(messages).size <= 1, true, messages.join("\n"));
      }
      if ("counted" in built.expected) {
        // The counts add up: orders excluded (at load or by the customer table) + orders counted
        // at the end of time = the records of the orders file.
        const { db } = await openOlist({ dataDir: dir, log: () => {} });
        try {
          const report = await cleaningReport(db);
          const excluded = report
            .filter((r) => r.table === "orders" && r.action === "excluded")
            .reduce((s, r) => s + r.rows, 0);
          const all = await customerFeatures(db, { asOf: "2100-01-01" });
          assert.equal(excluded + all.orders.counted, orderRecords(dir));
          // Bounded work: the as-of date and the maintenance horizon stay inside the data, so the
          // maintenance study walks a bounded number of dates (47 on the clean twin).
          const asOf = await defaultAsOf(db);
          const end = asOf;
          const origins = await defaultOrigins(db, end, MAINTENANCE_STUDY);
          const dates = evaluationGrid(origins, end, MAINTENANCE_STUDY.stepDays).length;
          assert.ok(dates <= 60, `${dates} maintenance dates`);
          const limit = built.expected.asOfBefore;
          if (limit)
            assert.ok(asOf.toISOString() < limit && end.toISOString() < limit, asOf.toISOString());
        } finally {
          db.close();
        }
      }
      if (fault.copiesData) remove(dir);
    });
  });
});
