/**
 * The defence deck on a hand-made results folder: slide count with and without the optional files,
 * every number equal to its value in the result files, every chart present, the text inside its
 * boxes and no font under the minimum (in Chromium), the synthetic banner, determinism, the files
 * and the command's errors.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { closeRenderer } from "../../src/charts/render.js";
import { buildDeck } from "../../src/slides/build.js";
import type { Text } from "../../src/slides/deck.js";
import { plainText } from "../../src/slides/deck.js";
import { SLIDE_MIN_FONT_PX } from "../../src/slides/charts.js";
import { cleaningSummary } from "../../src/slides/cleaningSummary.js";
import { formatFact, parseSource, valueAt } from "../../src/slides/facts.js";
import { cleaningRows, customerColumns, readDeckSources } from "../../src/slides/files.js";
import { customerFindings } from "../../src/slides/findings.js";
import { deckHtml, SLIDE_SIZE } from "../../src/slides/html.js";
import { writeSlides } from "../../src/slides/write.js";
import { UsageError } from "../../src/util/errors.js";
import { withChromiumPage } from "../helpers/chromium.js";
import { slideFitExpression } from "../helpers/slideFit.js";
import { writeResults } from "./fixture.js";

const root = mkdtempSync(path.join(tmpdir(), "olist-slides-"));
const full = writeResults(path.join(root, "full"), { optional: true });
const base = writeResults(path.join(root, "base"));

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The value a fact source names, read again from the folder's files (not from the deck). */
function resolve(dir: string, src: string): string {
  const { file, path: key, format } = parseSource(src);
  const text = readFileSync(path.join(dir, file), "utf8");
  const root =
    file === "customers.csv"
      ? customerFindings(customerColumns(text))
      : file === "cleaning.csv"
        ? cleaningSummary(cleaningRows(text))
        : (JSON.parse(text) as unknown);
  const value = valueAt(root, key);
  assert.notEqual(value, undefined, `${src}: no value in ${file}`);
  return formatFact(value, format);
}

const facts = (html: string) =>
  [...html.matchAll(/<span class="fact" data-src="([^"]+)">([^<]*)<\/span>/g)].map((m) => ({
    src: unescape(m[1]),
    text: unescape(m[2]),
  }));

/** Constants of definitions (not results) that may be written as digits on the slides. */
const DEFINITIONS = [
  "SHA-256",
  "top 10%",
  "Top 10%",
  "2 stars",
  "5 stars",
  "finding 1",
  "finding 2",
  "finding 3",
  "(1–5)",
  "log(1 + x)",
  "mean 0",
  "deviation 1",
  "−1 to 1",
  "12 months",
  "10–90%",
];

describe("the defence deck", () => {
  let html: string;
  before(async () => {
    html = await deckHtml(buildDeck(readDeckSources(full)));
  });
  after(async () => {
    await closeRenderer();
    rmSync(root, { recursive: true, force: true });
  });

  it("has 16 slides with every file, 14 without the optional ones, 12 without maintenance", () => {
    const ids = (dir: string) => buildDeck(readDeckSources(dir)).slides.map((s) => s.id);
    assert.deepEqual(ids(full), [
      "title",
      "problem",
      "cleaning",
      "finding-orders",
      "finding-spend",
      "finding-reviews",
      "features",
      "selection",
      "segments-sizes",
      "segments-profiles",
      "segments-marketing",
      "value",
      "rules",
      "maintenance-study",
      "maintenance-contract",
      "next-steps",
    ]);
    assert.equal((html.match(/<section class="slide"/g) ?? []).length, 16);
    assert.equal(ids(base).length, 14);
    assert.ok(!ids(base).includes("value") && !ids(base).includes("rules"));
    const none = writeResults(path.join(root, "none"), { maintenance: false });
    const noMaintenance = ids(none);
    assert.equal(noMaintenance.length, 12);
    assert.ok(!noMaintenance.some((id) => id.startsWith("maintenance")));
  });

  it("tolerates partial optional files: shows what exists, skips what is empty", () => {
    const dir = writeResults(path.join(root, "partial"));
    writeFileSync(path.join(dir, "selection.json"), JSON.stringify({ rule: "x", candidates: [] }));
    writeFileSync(path.join(dir, "value.json"), JSON.stringify({ kind: "olist-customer-value" }));
    writeFileSync(
      path.join(dir, "segment-rules.json"),
      JSON.stringify({ fidelity: 0.9, leaves: [{ segment: 1, conditions: [] }] }),
    );
    const deck = buildDeck(readDeckSources(dir));
    const ids = deck.slides.map((s) => s.id);
    assert.equal(ids.length, 15);
    assert.ok(!ids.includes("value"));
    const selection = deck.slides.find((s) => s.id === "selection");
    assert.match(JSON.stringify(selection?.title), /silhouette/);
    const rules = deck.slides.find((s) => s.id === "rules");
    assert.equal(rules?.blocks[0].kind === "table" && rules.blocks[0].head.length, 2);
  });

  it("a selection.json of the lift rule shows the lift, the comparable score, first", () => {
    const dir = writeResults(path.join(root, "lift"));
    const candidate = (id: string, silhouetteLift: number, picked: boolean) => ({
      id,
      label: id,
      silhouette: 0.3,
      silhouetteLift,
      seedStability: 0.95,
      smallestShare: 0.05,
      picked,
    });
    writeFileSync(
      path.join(dir, "selection.json"),
      JSON.stringify({
        rule: "r",
        pick: "a",
        reason: "why",
        candidates: [candidate("a", 0.068, true), candidate("b", 0.01, false)],
      }),
    );
    const slide = buildDeck(readDeckSources(dir)).slides.find((s) => s.id === "selection");
    const table = slide?.blocks[0];
    assert.ok(table?.kind === "table");
    assert.deepEqual(table.head.slice(0, 2), ["Candidate", "Lift over null"]);
    const cell = (x: (typeof table.rows)[0][0]) => (typeof x === "string" ? x : plainText(x));
    assert.equal(cell(table.rows[0][1]), "0.068");
    assert.equal(cell(table.rows[0][4]), "5.0%");
    assert.equal(plainText(slide!.title), "The selection rule picks a");
  });

  it("states the computed takeaway in each title", () => {
    const titles = Object.fromEntries(
      buildDeck(readDeckSources(full)).slides.map((s) => [s.id, plainText(s.title)]),
    );
    const big = 'Big <spenders> & "friends"';
    assert.equal(
      titles.title,
      "3 customer segments for the 20,000 customers of the Olist marketplace",
    );
    assert.equal(
      titles.cleaning,
      "Cleaning excluded 2,849 orders (2.9%) and kept 379 flagged rows",
    );
    assert.equal(titles["finding-orders"], "Only 20.0% of customers ordered more than once");
    assert.equal(titles["finding-spend"], "The top 10% of spenders bring 83.3% of all spend");
    assert.equal(titles["finding-reviews"], "15.8% of reviewing customers give 2 stars or less");
    assert.equal(titles.features, "4 features, 2 on a log scale, all standardised");
    assert.equal(titles.selection, "The selection rule picks k-means, k = 3");
    assert.equal(
      titles["segments-sizes"],
      `Buyers of the last half-year is the biggest segment (50.0%); ${big} brings the largest revenue share to date (55.6%)`,
    );
    assert.equal(
      titles["segments-profiles"],
      `${big} spend the most (1.1 sd, mean spend); Disappointed customers review the worst (-2.2 sd)`,
    );
    assert.equal(
      titles.value,
      `${big} has the largest expected revenue in total over the next 12 months: R$\u00a0310,000`,
    );
    assert.equal(titles.rules, "Simple rules reproduce the segments for 91.3% of customers");
    assert.equal(
      titles["maintenance-study"],
      "The segments hold for 4 weeks: retrain every 4 weeks",
    );
    assert.equal(titles["maintenance-contract"], "Every 4 weeks, 5 steps, R$\u00a06,001 a year");
  });

  it("writes a segment of several rule leaves as either … / or …, one conjunction per line", () => {
    const rules = buildDeck(readDeckSources(full)).slides.find((s) => s.id === "rules")!;
    const table = rules.blocks[0] as Extract<(typeof rules.blocks)[number], { kind: "table" }>;
    const cells = table.rows.map((r) => plainText(r[1] as Text));
    assert.ok(
      cells.includes("either recency_days >= 180 and monetary >= 150.5\nor frequency >= 2"),
      cells.join(" | "),
    );
    assert.ok(cells.includes("recency_days < 180"), cells.join(" | "));
  });

  it("shows the model's and the baseline's holdout error per segment on the value slide", () => {
    const value = buildDeck(readDeckSources(full)).slides.find((s) => s.id === "value")!;
    const table = value.blocks[0] as Extract<(typeof value.blocks)[number], { kind: "table" }>;
    assert.deepEqual(table.head, ["Segment", "Expected revenue", "Model error", "Baseline error"]);
    const cells = table.rows.map((r) => r.map((x) => (typeof x === "string" ? x : plainText(x))));
    // Segments largest first: 0 (10,000), 1 (6,000), 2 (4,000, not validated).
    assert.deepEqual(
      cells.map((r) => r.slice(2)),
      [
        ["+44.1%", "+228.8%"],
        ["−29.1%", "−18.6%"],
        ["—", "—"],
      ],
    );
  });

  it("shows every number exactly as in the result files", () => {
    const all = facts(html);
    assert.ok(all.length > 100, `${all.length} facts`);
    for (const f of all) assert.equal(f.text, resolve(full, f.src), f.src);
    // Values computed by hand on the fixture.
    const by = (src: string) => all.find((f) => f.src === src)?.text;
    assert.equal(by("customers.csv:orders.repeatShare|share"), "20.0%");
    assert.equal(by("customers.csv:spend.topTenthShare|share"), "83.3%");
    assert.equal(by("customers.csv:reviews.unhappyShare|share"), "15.8%");
    assert.equal(by("cleaning.csv:excludedOrders|count"), "2,849");
    assert.equal(by("value.json:segments.1.expectedRevenue|money"), "R$\u00a0310,000");
    assert.equal(by("selection.json:candidates.0.label|text"), "k-means, k = 3");
    assert.equal(
      by("maintenance.json:recommendation.tradeoff.1.costPerYear|money"),
      "R$\u00a06,001",
    );
  });

  it("writes no other number than facts, page numbers and constants of definitions", () => {
    let t = html
      .replace(/<style>[\s\S]*?<\/style>/, "")
      .replace(/<figure[\s\S]*?<\/figure>/g, " ")
      .replace(/<span class="fact"[^>]*>[^<]*<\/span>/g, " ")
      .replace(/<span class="page">\d+ \/ \d+<\/span>/g, " ")
      .replace(/<h2>Speaker notes · slide \d+<\/h2>/g, " ")
      .replace(/<[^>]+>/g, " ");
    t = unescape(t);
    for (const d of DEFINITIONS) t = t.split(d).join(" ");
    const digits = t.match(/[^\s]*\d[^\s]*/g) ?? [];
    assert.deepEqual(digits, []);
  });

  it("has every chart, as inline SVG", () => {
    const charts = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)"><svg/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(charts, [
      "slide-orders",
      "slide-spend",
      "slide-reviews",
      "slide-candidates",
      "slide-shares",
      "slide-profiles",
      "slide-value",
      "slide-ari",
    ]);
  });

  it("labels the charts with the values of the result files", () => {
    const texts = (id: string) => {
      const at = html.indexOf(`data-chart="${id}"`);
      const svg = html.slice(at, html.indexOf("</svg>", at));
      return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
        unescape(m[1].replace(/<[^>]+>/g, "")).trim(),
      );
    };
    const orders = texts("slide-orders");
    for (const label of ["16", "2", "1", "1 order", "4 or more"])
      assert.ok(orders.includes(label), label);
    const reviews = texts("slide-reviews");
    for (const label of ["16", "2", "0", "5 stars"]) assert.ok(reviews.includes(label), label);
    assert.ok(texts("slide-spend").includes("83.3%"));
    const shares = texts("slide-shares");
    for (const label of [
      "50.0% of customers",
      "30.0% of customers",
      "55.6% of revenue",
      "7.4% of revenue",
    ])
      assert.ok(shares.includes(label), label);
    assert.ok(texts("slide-ari").includes("retrain every 4 weeks"));
    assert.ok(texts("slide-value").includes("310,000"));
    assert.ok(texts("slide-candidates").includes("0.326"));
  });

  it("is self-contained, labelled synthetic on every slide, with speaker notes", async () => {
    assert.ok(!/<script/i.test(html));
    assert.ok(!/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i.test(html), "external src/href");
    assert.ok(!/@import|@font-face|url\(\s*["']?https?:/i.test(html));
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, "unique ids");
    assert.equal((html.match(/<div class="synthetic"/g) ?? []).length, 16);
    assert.equal((html.match(/<aside class="notes"/g) ?? []).length, 16);
    const real = writeResults(path.join(root, "real"), {
      brief: { dataSource: { description: "Real Olist data", synthetic: false, banner: "" } },
    });
    const realHtml = await deckHtml(buildDeck(readDeckSources(real)));
    assert.ok(!realHtml.includes('<div class="synthetic"'));
    assert.ok(!/synthetic/i.test(realHtml.replace(/<style>[\s\S]*?<\/style>/, "")));
  });

  it("gives the same HTML for the same files", async () => {
    assert.equal(await deckHtml(buildDeck(readDeckSources(full))), html);
  });

  it("keeps every text inside its box and no font under the minimum, in Chromium", async () => {
    const problems = await withChromiumPage(async (page) => {
      await page.setViewportSize({ width: SLIDE_SIZE.width + 40, height: SLIDE_SIZE.height });
      await page.setContent(html, { waitUntil: "load" });
      return page.evaluate(slideFitExpression(SLIDE_MIN_FONT_PX)) as Promise<string[]>;
    });
    assert.deepEqual(problems, []);
  });

  it("writes slides.html and a PDF of one 16:9 page per slide, atomically", async () => {
    const out = path.join(root, "base");
    const before = readdirSync(out).sort();
    const result = await writeSlides(out);
    assert.equal(result.deck.slides.length, 14);
    assert.deepEqual(readdirSync(out).sort(), [...before, "slides.html", "slides.pdf"].sort());
    const pdf = readFileSync(result.pdf).toString("latin1");
    assert.equal(pdf.slice(0, 5), "%PDF-");
    assert.equal((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length, 14);
    // 1280 × 720 CSS px = 960 × 540 pt.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    assert.ok(box, "a MediaBox");
    assert.ok(Math.abs(Number(box[1]) / Number(box[2]) - 16 / 9) < 0.01, `${box[1]} × ${box[2]}`);
    // Same files, same HTML; the PDF is the same once its creation dates are set aside.
    const html1 = readFileSync(result.html, "utf8");
    const again = await writeSlides(out);
    assert.equal(readFileSync(again.html, "utf8"), html1);
    const dates = (s: string) => s.replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, "");
    assert.equal(dates(readFileSync(again.pdf).toString("latin1")), dates(pdf));
    // A failed render leaves the previous files as they were.
    writeFileSync(result.html, "old");
    await assert.rejects(
      writeSlides(out, { renderPdf: () => Promise.reject(new Error("printer on fire")) }),
      /printer on fire/,
    );
    assert.equal(readFileSync(result.html, "utf8"), "old");
  });

  it("says to run npm start first when result files are missing (exit 2, one line)", () => {
    const empty = path.join(root, "empty");
    assert.throws(
      () => readDeckSources(empty),
      (e: unknown) => e instanceof UsageError && /run npm start first/.test(e.message),
    );
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/slides.ts", "--out", empty],
      { encoding: "utf8" },
    );
    assert.equal(run.status, 2, run.stderr);
    const lines = run.stderr.trim().split("\n");
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /brief-input\.json, metrics\.json.*run npm start first/);
  });
});
