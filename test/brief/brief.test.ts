import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { deterministicSvg } from "../../src/brief/charts.js";
import { formatCount, formatDate, formatMoney, formatShare } from "../../src/brief/format.js";
import { briefHtml, SYNTHETIC_WARNING } from "../../src/brief/html.js";
import { briefInput, briefMaintenance, revenueShares } from "../../src/brief/input.js";
import { BRIEF_FILES, writeBrief } from "../../src/brief/write.js";
import { CHROMIUM_PATH, closeRenderer } from "../../src/charts/render.js";
import { recommendRetraining } from "../../src/maintenance/recommend.js";
import { retrainingText } from "../../src/maintenance/text.js";
import { handReport, weeklyRun } from "../maintenance/handBuilt.js";
import { ESCAPED_NAME, fixtureInput, MAINTENANCE_REPORT, MARKETING, PROFILES } from "./fixture.js";

/** Pages of a Chromium PDF (its page objects are not compressed into object streams). */
function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;
}

/** Visible text of the HTML outside the inline SVGs, tags removed, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("brief inputs and formats (no browser)", () => {
  it("computes revenue shares from mean spend × size", () => {
    const shares = revenueShares(PROFILES);
    // 10,000 × 100, 6,000 × 250, 4,000 × 50 → 1.0M, 1.5M, 0.2M of 2.7M.
    assert.deepEqual(
      shares.map((s) => Number(s.toFixed(6))),
      [0.37037, 0.555556, 0.074074],
    );
    assert.equal(Number(shares.reduce((a, s) => a + s, 0).toFixed(12)), 1);
    assert.deepEqual(revenueShares([{ size: 5, mean: { monetary: NaN } }]), [0]);
  });

  it("formats numbers and dates for readers, whatever the locale", () => {
    assert.equal(formatCount(93358), "93,358");
    assert.equal(formatShare(0.33125), "33.1%");
    assert.equal(formatShare(NaN), "n/a");
    assert.equal(formatMoney(1234.5), "R$\u00a01,235");
    assert.equal(formatDate("2018-09-01T00:00:00.000Z"), "1 September 2018");
    assert.throws(() => formatDate("yesterday"), /Not an ISO date/);
  });

  it("builds the maintenance part from a maintenance report and its recommendation", () => {
    const rec = recommendRetraining(MAINTENANCE_REPORT);
    const m = briefMaintenance(MAINTENANCE_REPORT, rec);
    assert.deepEqual(
      [m.everyWeeks, m.everyDays, m.threshold, m.worstAri, m.satisfied],
      [rec.intervalWeeks, rec.intervalDays, 0.8, rec.worstAri, true],
    );
    assert.equal(m.everyWeeks, 4);
    assert.deepEqual(m.text, retrainingText(rec, 3, 7));
    assert.equal(m.steps.length, 5);
    assert.deepEqual(m.curve[0], {
      days: 7,
      mean: MAINTENANCE_REPORT.curve[0].mean,
      p10: 0.97,
      p90: 0.99,
    });
  });

  it("assembles an input from the metrics of a segmentation", () => {
    const input = briefInput({
      metrics: {
        customers: 20_000,
        k: 3,
        asOf: "2018-09-01T00:00:00.000Z",
        silhouette: 0.3,
        daviesBouldin: 0.9,
        calinskiHarabasz: 1000,
        dataSource: { description: "Real Olist data", synthetic: false },
      },
      marketing: MARKETING,
      profiles: PROFILES,
    });
    assert.equal(input.maintenance, null);
    assert.deepEqual(input.dataSource, {
      description: "Real Olist data",
      synthetic: false,
      banner: "",
    });
    assert.deepEqual(input.revenueShare, revenueShares(PROFILES));
    // Plain data: survives a JSON round trip unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(input)), input);
  });

  it("makes Plotly's random ids deterministic and sorts attributes", () => {
    const svg =
      '<svg class="main-svg" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10">' +
      '<defs id="defs-a1b2c3"><clipPath id="clipa1b2c3xy"><rect width="1" height="2"/></clipPath></defs>' +
      '<g clip-path="url(#clipa1b2c3xy)" class="x"></g><rect style="fill: url(\'#ga1b2c3-cb0\')" x="1"/></svg>';
    assert.equal(
      deterministicSvg(svg, "c1"),
      '<svg class="main-svg" width="10"><defs id="defs-c1"><clipPath id="clipc1xy">' +
        '<rect height="2" width="1"/></clipPath></defs><g class="x" clip-path="url(#clipc1xy)"></g>' +
        '<rect style="fill: url(\'#gc1-cb0\')" x="1"/></svg>',
    );
    assert.throws(() => deterministicSvg(svg, "1 bad"), /Invalid SVG id prefix/);
  });
});

describe("the marketing brief through Chromium", () => {
  let dir: string;
  let html: string;
  before(async () => {
    assert.ok(existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: run npm run setup`);
    dir = mkdtempSync(join(tmpdir(), "olist-brief-"));
    html = await briefHtml(fixtureInput());
  });
  after(async () => {
    await closeRenderer();
    rmSync(dir, { recursive: true, force: true });
  });

  it("tells who the segments are, largest first, with formatted figures", () => {
    const t = text(html);
    assert.match(
      t,
      /The 20,000 customers of the Olist marketplace, as of 1 September 2018, fall into 3 segments/,
    );
    // Superlatives with their basis: customers, and share of revenue to date.
    assert.match(
      t,
      /The biggest segment by customers: Buyers of the last half-year \(50\.0% of customers\)\./,
    );
    assert.match(
      t,
      /Big &lt;spenders&gt; &amp; &quot;friends&quot; brings the largest share of revenue to date: 55\.6% from 30\.0% of customers/,
    );
    assert.match(t, /55\.6% of revenue to date from Big &lt;spenders&gt;/);
    // Table rows in size order with customers, share, revenue share, medians and means.
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    const order = [
      "Buyers of the last half-year",
      "Big &lt;spenders&gt;",
      "Disappointed customers",
    ];
    const at = order.map((n) => body.indexOf(n));
    assert.ok(
      at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])),
      `order ${at}`,
    );
    const rows = body.split("</tr>").map(text);
    assert.match(
      rows[0],
      /Buyers of the last half-year 10,000 50\.0% 37\.0% 120 1\.00 R\$.90 4\.6/,
    );
    assert.match(rows[1], /6,000 30\.0% 55\.6% 200 1\.05 R\$.240 4\.5/);
    assert.match(rows[2], /Disappointed customers 4,000 20\.0% 7\.4% 300 1\.00 R\$.45 1\.4/);
    assert.match(text(html.slice(html.indexOf("<tfoot>"))), /All segments 20,000 100\.0% 100\.0%/);
  });

  it("has one card per segment with traits, action, channel and KPI", () => {
    const cards = html.split('<article class="card"').slice(1);
    assert.equal(cards.length, 3);
    for (const [i, row] of [MARKETING[0], MARKETING[1], MARKETING[2]].entries()) {
      const card = cards[[0, 1, 2][i]];
      assert.ok(card.includes(row.action.replace(/&/g, "&amp;")), `action of ${row.name}`);
      assert.ok(card.includes(row.channel), `channel of ${row.name}`);
      assert.ok(card.includes(row.kpi), `KPI of ${row.name}`);
      for (const trait of row.traits.split("; ")) assert.ok(card.includes(trait), trait);
    }
    assert.match(
      text(cards[2]),
      /Most bought category: bed bath table \(25% of the segment\) · Top state: MG \(40%\)/,
    );
    // The segment colour of a card is the chart colour of that segment.
    assert.match(cards[0], /--seg:#0072B2/);
    assert.match(cards[2], /--seg:#009E73/);
  });

  it("escapes every text from the data, in the page and in the charts", () => {
    assert.ok(!html.includes(ESCAPED_NAME));
    assert.ok(!html.includes("<spenders>"));
    assert.ok(html.includes("Big &lt;spenders&gt; &amp; &quot;friends&quot;"));
    // In the SVG text of the charts too (Plotly reads labels as HTML, so it got them escaped).
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    assert.equal(svgs.length, 3);
    for (const svg of svgs.slice(0, 2)) {
      assert.match(svg, /Big (&lt;|&#60;)spenders(&gt;|&#62;) &amp; /);
    }
  });

  it("is self-contained: no script, no external source or link", () => {
    assert.ok(!/<script/i.test(html));
    assert.ok(!/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i.test(html), "external src/href");
    assert.ok(!/url\(\s*["']?(https?:)?\/\//i.test(html), "external CSS url()");
    assert.ok(!/@import|@font-face/i.test(html));
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, "ids are unique across the inline SVGs");
  });

  it("says the data are synthetic on top and in the footer, and only then", async () => {
    assert.equal(count(html, SYNTHETIC_WARNING), 2);
    const footer = html.slice(html.indexOf('<footer class="brief-footer">'));
    assert.ok(footer.includes(SYNTHETIC_WARNING));
    assert.ok(html.indexOf(SYNTHETIC_WARNING) < html.indexOf("<table"), "banner on top");
    assert.ok(html.includes("SYNTHETIC DATA: Olist twin (seed 7)"), "banner text without its ***");
    const real = await briefHtml(
      fixtureInput({
        dataSource: { description: "Real Olist data (Kaggle)", synthetic: false, banner: "" },
      }),
    );
    assert.equal(count(real, SYNTHETIC_WARNING), 0);
    assert.ok(!/synthetic/i.test(text(real)));
    assert.ok(real.includes("Real Olist data (Kaggle)"));
  });

  it("recommends the retraining interval in plain words, with the trigger, steps and cost", () => {
    const t = text(html);
    assert.match(t, /Retrain the segmentation every 4 weeks: in the maintenance study every run/);
    assert.match(t, /Retrain every 4 weeks \(28 days\)\./);
    assert.match(
      t,
      /Over the 3 runs, the agreement fell below 0\.8 after a median of 46 days \(earliest 35 days, latest 56 days\)/,
    );
    assert.match(t, /agree at 0\.99/);
    assert.match(t, /worst run 0\.81/);
    assert.match(t, /run the agreement check every week: .* below 0\.85, retrain within 7 days/);
    assert.match(t, /The data analyst retrains \(steps 1, 2, 4 and 5\)/);
    assert.match(t, /npm run segment -- --model reports\/model\.json --out reports/);
    assert.match(t, /costs R\$ 6,001 a year/);
    assert.ok(html.includes('id="defs-brief-ari"'), "ARI chart present");
    // The interval is marked on the chart as well.
    assert.match(html, /retrain every 4 weeks/);
  });

  it("says the study was not run when maintenance is null, without an ARI chart", async () => {
    const none = await briefHtml(fixtureInput({ maintenance: null }));
    const t = text(none);
    assert.match(t, /The maintenance study was not run for this brief/);
    assert.match(
      t,
      /The maintenance study was not run, so this brief gives no retraining interval yet/,
    );
    assert.match(t, /npm start/);
    assert.match(t, /run the agreement check every week/);
    assert.ok(!none.includes("brief-ari"));
    assert.equal((none.match(/<svg/g) ?? []).length, 2);
  });

  it("writes 'every week' for a one-week interval and lists the model scores in the footer", async () => {
    const weekly = recommendRetraining(
      handReport([weeklyRun("2018-01-01T00:00:00.000Z", 0, [0.85, 0.79, 0.7])]),
    );
    const m = briefMaintenance(
      { ...MAINTENANCE_REPORT, options: MAINTENANCE_REPORT.options },
      weekly,
    );
    const brief = await briefHtml(fixtureInput({ maintenance: m }));
    assert.match(text(brief), /Retrain the segmentation every week: in the maintenance study/);
    assert.match(text(brief), /Retrain every week \(7 days\)\./);
    const footer = text(html.slice(html.indexOf('<footer class="brief-footer">')));
    assert.match(footer, /As of 1 September 2018/);
    assert.match(footer, /silhouette 0\.326 .* Davies-Bouldin 0\.879 .* Calinski-Harabasz 49,536/);
    assert.match(footer, /npm start/);
  });

  it("gives the same HTML for the same input", async () => {
    const again = await briefHtml(fixtureInput());
    assert.equal(again, html);
  });

  it("rejects inputs whose parts do not match", async () => {
    await assert.rejects(
      briefHtml(fixtureInput({ revenueShare: [0.5, 0.5] })),
      /revenueShare has 2 values for 3 profiles/,
    );
    await assert.rejects(
      briefHtml(
        fixtureInput({ marketing: MARKETING.map((r) => ({ ...r, segment: r.segment + 1 })) }),
      ),
      /No marketing row for segment 0/,
    );
    await assert.rejects(briefHtml(fixtureInput({ asOf: "not a date" })), /Not an ISO date/);
    await assert.rejects(
      briefHtml(fixtureInput({ k: 4 })),
      /k is 4 but there are 3 segment profiles/,
    );
  });

  it("writes brief.html and brief.pdf (A4, at least one page) and nothing else", async () => {
    const out = join(dir, "written");
    const files = await writeBrief(out, fixtureInput());
    assert.deepEqual(files, { html: join(out, BRIEF_FILES.html), pdf: join(out, BRIEF_FILES.pdf) });
    assert.equal(readFileSync(files.html, "utf8"), html);
    const pdf = readFileSync(files.pdf);
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.ok(pdfPageCount(pdf) >= 1, `${pdfPageCount(pdf)} pages`);
    assert.deepEqual(readdirSync(out).sort(), ["brief.html", "brief.pdf"]);
  });

  it("leaves the previous files untouched when the PDF cannot be rendered", async () => {
    const out = join(dir, "failing");
    mkdirSync(out);
    writeFileSync(join(out, "brief.html"), "old html");
    writeFileSync(join(out, "brief.pdf"), "old pdf");
    await assert.rejects(
      writeBrief(out, fixtureInput(), {
        renderPdf: () => Promise.reject(new Error("printer on fire")),
      }),
      /printer on fire/,
    );
    assert.equal(readFileSync(join(out, "brief.html"), "utf8"), "old html");
    assert.equal(readFileSync(join(out, "brief.pdf"), "utf8"), "old pdf");
    assert.deepEqual(readdirSync(out).sort(), ["brief.html", "brief.pdf"]);
  });
});
