import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { paretoChart } from "../../src/revenue/chart.js";
import {
  concentrationReport,
  concentrationSentence,
  gini,
  revenueConcentration,
  segmentConcentration,
  topShare,
} from "../../src/revenue/concentration.js";
import { segmentColor } from "../../src/charts/theme.js";

const f = (values: number[]) => Float64Array.from(values);
const close = (a: number, b: number, msg?: string) =>
  assert.ok(Math.abs(a - b) < 1e-12, msg ?? `${a} vs ${b}`);

describe("Gini and top shares, by hand", () => {
  test("Gini: equal spend 0, one spender (n − 1)/n, 1..4 → 0.25", () => {
    assert.equal(gini(f([3, 3, 3, 3])), 0);
    assert.equal(gini(f([0, 0, 0, 1])), 0.75);
    // Σ (2i − n − 1) x(i) = −3·1 − 1·2 + 1·3 + 3·4 = 10; / (4 · 10).
    assert.equal(gini(f([4, 1, 3, 2])), 0.25);
  });

  test("Gini equals 1 − 2 × the area under the Lorenz curve", () => {
    const spend = f([5, 1, 0, 12, 7, 7, 30, 2]);
    const sorted = Array.from(spend).sort((a, b) => a - b);
    const total = sorted.reduce((a, b) => a + b, 0);
    let area = 0;
    let before = 0;
    for (const x of sorted) {
      area += (before + (before + x)) / 2 / total / sorted.length;
      before += x;
    }
    close(gini(spend), 1 - 2 * area);
  });

  test("top shares interpolate between customers", () => {
    const spend = f([1, 2, 3, 4]);
    assert.equal(topShare(spend, 0.25), 0.4); // the top customer: 4 of 10
    close(topShare(spend, 0.5), 0.7);
    close(topShare(spend, 0.1), 0.16); // 0.4 of the top customer
    const c = revenueConcentration(f([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    close(c.top10, 10 / 55);
    close(c.top20, 19 / 55);
    assert.equal(c.revenue, 55);
    assert.equal(c.customers, 10);
  });
});

describe("revenueConcentration", () => {
  test("the Pareto curve runs from (0, 0) to (1, 1), rising and concave, on the grid", () => {
    const c = revenueConcentration(f([5, 1, 0, 12, 7, 7, 30, 2]), { gridPoints: 11 });
    const { customerShare: x, revenueShare: y } = c.curve;
    assert.equal(x.length, 11);
    assert.equal(x[0], 0);
    assert.equal(y[0], 0);
    assert.equal(x[10], 1);
    assert.equal(y[10], 1);
    for (let i = 1; i < 11; i++) {
      assert.ok(y[i] >= y[i - 1]);
      assert.ok(y[i] >= x[i] - 1e-12, "above the diagonal");
    }
    for (let i = 1; i < 10; i++) assert.ok(y[i] - y[i - 1] >= y[i + 1] - y[i] - 1e-12, "concave");
    close(y[1], topShare(f([5, 1, 0, 12, 7, 7, 30, 2]), 0.1));
  });

  test("rejects negative or missing spend", () => {
    assert.throws(() => revenueConcentration(f([1, -2])), /Spend must be finite and ≥ 0; found -2/);
    assert.throws(() => revenueConcentration(f([1, NaN])), /found NaN/);
    assert.throws(() => revenueConcentration(f([])), /at least one customer/);
  });

  test("states the figures in a sentence", () => {
    const c = revenueConcentration(f([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    assert.equal(
      concentrationSentence(c),
      "The top 10 % of customers by spend bring 18 % of revenue and the top 20 % bring 35 % (Gini 0.30).",
    );
  });
});

describe("segmentConcentration", () => {
  const spend = f([10, 20, 30, 40, 100, 0, 50]);
  const labels = Int32Array.from([0, 0, 1, 1, 1, 2, 2]);
  const result = segmentConcentration(spend, labels, ["A", "B", "C"], { gridPoints: 21 });

  test("each segment's curve ends at (1, 1) and its shares add up to the whole", () => {
    assert.equal(result.segments.length, 3);
    let customers = 0;
    let revenue = 0;
    for (const s of result.segments) {
      assert.equal(s.curve.customerShare.at(-1), 1);
      assert.equal(s.curve.revenueShare.at(-1), 1);
      assert.equal(s.curve.revenueShare[0], 0);
      customers += s.customerShareOfAll;
      revenue += s.revenueShareOfAll;
    }
    close(customers, 1);
    close(revenue, 1);
    // Segment B: 30, 40, 100 of 250 in total 170 → 170/250.
    close(result.segments[1].revenueShareOfAll, 170 / 250);
    close(result.segments[1].gini, gini(f([30, 40, 100])));
    assert.equal(result.segments[2].name, "C");
  });

  test("the report holds plain arrays and sentences", () => {
    const report = JSON.parse(JSON.stringify(concentrationReport(result)));
    assert.equal(report.overall.curve.revenueShare.length, 21);
    assert.equal(report.segments[1].curve.customerShare[20], 1);
    assert.match(report.segments[0].sentence, /^The top 10 % of its customers by spend bring/);
  });

  test("the chart has one curve per segment plus all customers and the diagonal", () => {
    const fig = paretoChart(result.overall, result.segments);
    assert.equal(fig.data.length, 5);
    const names = fig.data.map((t) => (t as { name: string }).name);
    assert.deepEqual(names, ["All customers", "A", "B", "C", "Equal shares"]);
    const b = fig.data[2] as { x: number[]; y: number[]; line: { color: string } };
    assert.equal(b.line.color, segmentColor(1));
    assert.equal(b.x[0], 0);
    assert.equal(b.x[20], 100);
    assert.equal(b.y[20], 100);
  });
});
