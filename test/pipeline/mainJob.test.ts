import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openOlist } from "../../src/pipeline/openData.js";
import { customerFeatures } from "../../src/features/customers.js";
import { runMainJob } from "../../src/pipeline/mainJob.js";
import type { MainJobResult } from "../../src/pipeline/mainJob.js";
import { assignSegments, loadSegmentModel } from "../../src/segments/model.js";
import { sealModelJson } from "../../src/segments/modelIntegrity.js";
import { writeOlistTwin } from "../../src/twin/index.js";
import { parseCsv } from "../helpers/csv.js";

const dir = mkdtempSync(path.join(tmpdir(), "main-job-"));
// The result cache of this test (the maintenance study), not the project's.
process.env.OLIST_CACHE_DIR = path.join(dir, "cache");
const data = path.join(dir, "twin");
const out = path.join(dir, "reports");
let result: MainJobResult;

/** `npm start -- …args` without the set-up step (the CLI itself). */
const start = (...args: (string | readonly string[])[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/main.ts", ...args.flat()], {
    encoding: "utf8",
  });

/** Files of a folder (no temporary leftovers expected). */
const listing = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

describe("the main job (npm start)", () => {
  before(async () => {
    await writeOlistTwin({ outDir: data, seed: 7, customers: 3000 });
    result = await runMainJob({
      data,
      out,
      skipNotebooks: true,
      workers: 1,
      log: () => {},
      progress: "off",
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("counts the imputed values and says so in the brief", () => {
    const csv = readFileSync(path.join(out, "imputation.csv"), "utf8").split("\n");
    assert.equal(csv[0], "feature,in_model,missing,share,treatment,value,why");
    // Customers without a review: imputed when the picked model reads the review, else left missing.
    const review = csv.find((l) => l.startsWith("mean_review_score,"));
    assert.ok(review, csv.join("\n"));
    const [, inModel, missingText, , treatment] = review.split(",");
    const missing = Number(missingText);
    assert.ok(missing > 0, review);
    const model = JSON.parse(readFileSync(path.join(out, "model.json"), "utf8"));
    assert.equal(inModel, String(model.features.includes("mean_review_score")));
    assert.equal(treatment, inModel === "true" ? "median" : "left missing");
    const html = readFileSync(path.join(out, "brief.html"), "utf8");
    assert.match(
      html,
      inModel === "true"
        ? new RegExp(`Missing values\\.</strong> ${missing.toLocaleString("en-US")} customers`)
        : new RegExp(`mean_review_score ${missing.toLocaleString("en-US")}\\) are left missing`),
    );
  });

  test("writes every pipeline file, and nothing else, into the output folder", () => {
    assert.deepEqual(listing(out), [
      "brief-input.json",
      "brief.html",
      "brief.pdf",
      "cleaning.csv",
      "customers.csv",
      "imputation.csv",
      "maintenance.json",
      "metrics.json",
      "model.json",
      "revenue-concentration.json",
      "segment-lists",
      "segment-rules.json",
      "segment-stability.json",
      "selection.json",
      "slides.html",
      "slides.pdf",
      "value.json",
    ]);
    assert.deepEqual(
      result.stages.map((s) => s.stage),
      [
        "data",
        "customer table",
        "model selection",
        "segment model",
        "assignments",
        "metrics (silhouette)",
        "customer value",
        "rule cards",
        "stability",
        "revenue concentration",
        "maintenance",
        "brief",
        "files",
        "slides",
      ],
    );
    for (const s of result.stages) {
      assert.ok(s.seconds >= 0 && s.peakMb > 0, `${s.stage}: ${s.seconds} s, ${s.peakMb} MB`);
    }
    assert.equal(result.source.synthetic, true);
  });

  test("customers.csv: id, every model feature, segment number and name; one row per customer", async () => {
    const rows = parseCsv(readFileSync(path.join(out, "customers.csv"), "utf8"));
    const header = rows[0];
    const model = loadSegmentModel(path.join(out, "model.json"));
    assert.equal(header[0], "customer_unique_id");
    for (const f of model.features) assert.ok(header.includes(f), `column ${f}`);
    assert.deepEqual(header.slice(-2), ["segment", "segment_name"]);
    assert.equal(rows.length - 1, result.metrics.customers);
    const segment = header.indexOf("segment");
    const name = header.indexOf("segment_name");
    for (const r of rows.slice(1)) assert.equal(r[name], model.names[Number(r[segment])]);
  });

  test("assignSegments with the saved model reproduces the segments of customers.csv", async () => {
    const model = loadSegmentModel(path.join(out, "model.json"));
    const { db } = await openOlist({ dataDir: data, log: () => {} });
    try {
      const table = await customerFeatures(db, { asOf: model.trainedAsOf });
      const { labels, names } = assignSegments(model, table);
      const rows = parseCsv(readFileSync(path.join(out, "customers.csv"), "utf8")).slice(1);
      const byId = new Map(rows.map((r) => [r[0], r]));
      assert.equal(byId.size, table.ids.length);
      table.ids.forEach((id, i) => {
        const row = byId.get(id)!;
        assert.equal(Number(row[row.length - 2]), labels[i], id);
        assert.equal(row[row.length - 1], names[i]);
      });
    } finally {
      db.close();
    }
  });

  test("metrics.json: scores, sizes, seed, data source with checksums, as-of, retraining interval", () => {
    const m = JSON.parse(readFileSync(path.join(out, "metrics.json"), "utf8"));
    // The model is what the selection rule picked on these files (no --k): its k, its candidate id.
    const selection = JSON.parse(readFileSync(path.join(out, "selection.json"), "utf8"));
    const pick = selection.candidates.find((c: { picked: boolean }) => c.picked);
    assert.equal(pick.id, selection.pick);
    assert.equal(JSON.parse(readFileSync(path.join(out, "model.json"), "utf8")).candidate, pick.id);
    assert.equal(m.k, pick.k);
    assert.equal(selection.cached, false);
    assert.ok(selection.seconds > 0);
    assert.match(selection.rule, /column-permuted copy/);
    assert.equal(m.seed, 0);
    assert.equal(m.silhouetteMethod, "exact");
    for (const key of ["silhouette", "daviesBouldin", "calinskiHarabasz", "inertia"]) {
      assert.equal(typeof m[key], "number", key);
      assert.ok(Number.isFinite(m[key]), key);
    }
    assert.ok(m.silhouette > -1 && m.silhouette < 1);
    assert.equal(m.sizes.length, pick.k);
    assert.equal(
      m.sizes.reduce((a: number, s: { customers: number }) => a + s.customers, 0),
      m.customers,
    );
    assert.equal(m.dataSource.synthetic, true);
    assert.equal(m.dataSource.files.length, 9);
    for (const f of m.dataSource.files) {
      assert.match(f.sha256, /^[0-9a-f]{64}$/);
      assert.equal(f.bytes, statSync(path.join(data, f.file)).size);
    }
    assert.match(m.asOf, /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    assert.ok([1, 2, 4, 6, 8, 13, 26].includes(m.retrain.intervalWeeks));
    assert.equal(m.retrain.intervalDays, 7 * m.retrain.intervalWeeks);
    assert.equal(m.retrain.threshold, 0.8);
    assert.match(m.retrain.basis, /× 2 seeds = 12 runs/);
    // The same interval as maintenance.json's recommendation (one object).
    const maintenance = JSON.parse(readFileSync(path.join(out, "maintenance.json"), "utf8"));
    const rec = maintenance.recommendation;
    // The study is of the model fitted (the pick), not of the fallback design.
    const model = JSON.parse(readFileSync(path.join(out, "model.json"), "utf8"));
    assert.deepEqual(
      [maintenance.options.features, maintenance.options.k],
      [model.features, model.k],
    );
    assert.deepEqual(
      [m.retrain.intervalWeeks, m.retrain.worstAri, m.retrain.rule],
      [rec.intervalWeeks, rec.worstAri, rec.rule],
    );
    assert.equal(result.maintenance?.recommendation.intervalWeeks, rec.intervalWeeks);
  });

  test("the brief says what each segment is, and that the data are synthetic", () => {
    const html = readFileSync(path.join(out, "brief.html"), "utf8");
    for (const s of result.metrics.sizes) assert.ok(html.includes(s.name), s.name);
    assert.match(html, /SYNTHETIC/i);
    const weeks = result.metrics.retrain!.intervalWeeks;
    assert.match(html, new RegExp(`Retrain every ${weeks === 1 ? "week" : `${weeks} weeks`}`));
    assert.equal(readFileSync(path.join(out, "brief.pdf")).subarray(0, 5).toString(), "%PDF-");
    // One customer list per segment, with every customer once.
    const lists = listing(path.join(out, "segment-lists"));
    assert.equal(lists.length, result.metrics.k);
    const listed = lists.reduce(
      (n, f) =>
        n +
        readFileSync(path.join(out, "segment-lists", f), "utf8")
          .trim()
          .split("\n").length -
        1,
      0,
    );
    assert.equal(listed, result.metrics.customers);
    assert.match(html, /<h2>Acting on the segments<\/h2>/);
  });

  test("same seed, same outputs (except timings); the maintenance study from the cache", async () => {
    assert.equal(result.maintenance?.cached, false);
    const again = path.join(dir, "again");
    const second = await runMainJob({
      data,
      out: again,
      skipNotebooks: true,
      workers: 2,
      log: () => {},
      progress: "off",
    });
    assert.equal(second.maintenance?.cached, true);
    const selection = JSON.parse(readFileSync(path.join(again, "selection.json"), "utf8"));
    assert.equal(selection.cached, true); // same data files: the decision from the cache
    assert.ok(!second.stages.some((s) => s.stage === "model selection" && s.seconds > 1));
    for (const f of ["customers.csv", "model.json", "brief.html", "maintenance.json"]) {
      assert.equal(
        readFileSync(path.join(again, f), "utf8"),
        readFileSync(path.join(out, f), "utf8"),
        f,
      );
    }
    const strip = (file: string) => {
      const m = JSON.parse(readFileSync(file, "utf8"));
      delete m.seconds;
      return m;
    };
    assert.deepEqual(
      strip(path.join(again, "metrics.json")),
      strip(path.join(out, "metrics.json")),
    );
  });

  test("bad input: one line, exit code 2, and nothing written", () => {
    const empty = path.join(dir, "empty-out");
    const cases: [string[], RegExp][] = [
      [["--nope"], /Unknown option '--nope'/],
      [["--k", "one"], /--k "one" must be an integer from 2 to 50/],
      [["--as-of", "2018-02-30"], /--as-of "2018-02-30" is not a calendar date/],
      [["--data", path.join(dir, "missing")], /--data .*missing does not exist/],
      [["--data", path.join(data, "TWIN.json")], /--data .*TWIN\.json is a file/],
      [["--data", out], /olist_customers_dataset\.csv/],
      [["--data", data, "--as-of", "2030-01-01"], /--as-of 2030-01-01 is outside the data/],
      [["--data", data, "--as-of", "2010-01-01"], /--as-of 2010-01-01 is outside the data/],
    ];
    for (const [args, message] of cases) {
      const run = start(args, "--out", empty, "--skip-notebooks");
      assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
      assert.match(run.stderr, /^start: /);
      assert.deepEqual(listing(empty), [], args.join(" "));
    }
  });

  test("a model file that does not match the features: exit 2, previous outputs untouched", () => {
    const bad = path.join(dir, "bad-model.json");
    const model = JSON.parse(readFileSync(path.join(out, "model.json"), "utf8"));
    model.features[0] = "lifetime_value";
    model.transform.features[0] = "lifetime_value";
    // Re-sealed: a consistent model of other features (an edit without it fails its checksum).
    writeFileSync(bad, JSON.stringify(sealModelJson(model)));
    const filesOf = (folder: string) =>
      listing(folder).filter((f) => statSync(path.join(folder, f)).isFile());
    const before = Object.fromEntries(
      filesOf(out).map((f) => [f, readFileSync(path.join(out, f))]),
    );
    const run = start("--data", data, "--model", bad, "--out", out, "--skip-notebooks");
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      /reads feature\(s\) lifetime_value, which the customer table does not have/,
    );
    assert.equal(run.stderr.trim().split("\n").length, 1);
    assert.deepEqual(filesOf(out), Object.keys(before).sort());
    for (const [f, bytes] of Object.entries(before))
      assert.deepEqual(readFileSync(path.join(out, f)), bytes, f);

    const notJson = path.join(dir, "not-a-model.json");
    writeFileSync(notJson, "{ nope");
    const run2 = start("--data", data, "--model", notJson, "--out", out, "--skip-notebooks");
    assert.equal(run2.status, 2);
    assert.match(run2.stderr, /not-a-model\.json is not valid JSON/);

    const edited = path.join(dir, "edited-model.json");
    writeFileSync(edited, JSON.stringify(model));
    const run3 = start("--data", data, "--model", edited, "--out", out, "--skip-notebooks");
    assert.equal(run3.status, 2);
    assert.match(
      run3.stderr,
      /edited-model\.json: field "checksum" does not match the file's content/,
    );
  });

  test("--model applies a saved model without refitting: same segments as the fitted run", async () => {
    const applied = path.join(dir, "applied");
    mkdirSync(applied);
    const run = await runMainJob({
      data,
      out: applied,
      modelFile: path.join(out, "model.json"),
      skipNotebooks: true,
      workers: 1,
      log: () => {},
      progress: "off",
    });
    assert.ok(!run.stages.some((s) => s.stage === "segment model"));
    assert.ok(!existsSync(path.join(applied, "selection.json"))); // no selection with --model
    assert.equal(
      readFileSync(path.join(applied, "customers.csv"), "utf8"),
      readFileSync(path.join(out, "customers.csv"), "utf8"),
    );
  });
});
