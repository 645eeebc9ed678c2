/** The deck's computations on known data: findings, CSV fields, facts, cleaning totals, fonts. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { barChart } from "../../src/charts/bar.js";
import { projectorFigure } from "../../src/slides/charts.js";
import { cleaningSummary } from "../../src/slides/cleaningSummary.js";
import { csvFields } from "../../src/slides/csv.js";
import { fact, formatFact, parseSource, valueAt } from "../../src/slides/facts.js";
import { cleaningRows, customerColumns } from "../../src/slides/files.js";
import {
  customerFindings,
  ordersFinding,
  reviewFinding,
  spendFinding,
} from "../../src/slides/findings.js";
import { CLEANING_CSV, customersCsv } from "./fixture.js";

describe("the deck's findings", () => {
  it("counts customers by orders and the repeat share", () => {
    const f = ordersFinding(Float64Array.of(1, 1, 1, 2, 3, 4, 9, NaN));
    assert.deepEqual(f.customers, [3, 1, 1, 2]);
    assert.equal(f.repeatShare, 4 / 7);
  });

  it("splits spend into tenths, biggest spenders first", () => {
    const f = spendFinding(Float64Array.from({ length: 20 }, (_, i) => (i < 2 ? 450 : 10)));
    // total 900 + 180 = 1080; the top tenth = the two 450s; the bottom half = 10 × 10.
    assert.equal(f.topTenthShare, 900 / 1080);
    assert.ok(Math.abs(f.bottomHalfShare - 100 / 1080) < 1e-12);
    assert.equal(f.decileShares.length, 10);
    assert.ok(Math.abs(f.decileShares.reduce((a, x) => a + x, 0) - 1) < 1e-12);
  });

  it("rounds reviews to stars and counts the unhappy (2 stars or less once rounded)", () => {
    const f = reviewFinding(Float64Array.of(1, 2, 2.4, 1.5, 5, 5, NaN));
    assert.deepEqual(f.customers, [1, 3, 0, 0, 2]);
    assert.equal(f.reviewed, 6);
    assert.equal(f.unhappyShare, 4 / 6);
  });

  it("reads customers.csv with quoted names and empty values", () => {
    const c = customerColumns(customersCsv());
    assert.equal(c.frequency.length, 20);
    assert.ok(Number.isNaN(c.mean_review_score[5]));
    const f = customerFindings(c);
    assert.equal(f.orders.repeatShare, 0.2);
    assert.equal(f.spend.topTenthShare, 900 / 1080);
    assert.equal(f.reviews.unhappyShare, 3 / 19);
    assert.equal(f.maxRecencyDays, 100 + 15 * 19);
  });
});

describe("CSV fields, facts and the cleaning totals", () => {
  it("splits quoted fields", () => {
    assert.deepEqual(csvFields('a,"b, c",""""'), ["a", "b, c", '"']);
    assert.deepEqual(csvFields("x,,"), ["x", "", ""]);
  });

  it("formats facts with the brief's formatters and names their source", () => {
    assert.deepEqual(fact({ a: [{ b: 0.3312 }] }, "f.json", "a.0.b", "share"), {
      text: "33.1%",
      src: "f.json:a.0.b|share",
    });
    assert.equal(formatFact(17_640_837, "mb"), "17.6\u00a0MB");
    assert.equal(formatFact(6001.2, "money"), "R$\u00a06,001");
    assert.equal(formatFact("2018-09-01T00:00:00.000Z", "date"), "1 September 2018");
    assert.equal(valueAt({ a: [1, 2] }, "a.length"), 2);
    assert.deepEqual(parseSource("m.json:x.y|dec3"), {
      file: "m.json",
      path: "x.y",
      format: "dec3",
    });
    assert.throws(() => parseSource("nope"), /Bad fact source/);
  });

  it("sums excluded orders and kept rows; lists the matched rules, most rows first", () => {
    const s = cleaningSummary(cleaningRows(CLEANING_CSV));
    assert.equal(s.excludedOrders, 2849);
    assert.ok(Math.abs(s.excludedOrdersShare - 0.02871) < 1e-12);
    assert.equal(s.keptRows, 379);
    assert.deepEqual(
      s.matched.map((r) => r.rule),
      ["status_not_counted", "zero_freight", "no_payment"],
    );
    assert.equal(s.rules, 4);
    assert.equal(s.matched[1].description, "freight_value = 0 (free shipping); kept, counts as 0.");
  });

  it("enlarges every font of a figure to the minimum and drops its title", () => {
    const fig = barChart(["a"], [{ name: "n", values: [1] }], { title: "T" });
    fig.layout.annotations = [{ text: "x", font: { size: 11 } }];
    fig.layout.legend = { font: { size: 22 } };
    const p = projectorFigure(fig, 16);
    assert.equal(p.layout.font?.size, 16);
    assert.equal(p.layout.annotations?.[0].font?.size, 16);
    assert.equal(p.layout.legend?.font?.size, 22);
    assert.equal((p.layout.title as { text: string }).text, "");
    assert.equal(fig.layout.annotations[0].font?.size, 11, "the input is not changed");
  });
});
