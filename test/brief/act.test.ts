import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { briefAct, kpiBaseline, kpiParts } from "../../src/brief/act.js";
import { segmentSlug, writeSegmentLists } from "../../src/brief/actLists.js";
import { actSectionHtml, kpiBaselineText } from "../../src/brief/actHtml.js";
import { fixtureInput } from "./fixture.js";
import { WORTH } from "./worthFixture.js";

describe("the brief's action part", () => {
  const input = fixtureInput();
  const act = briefAct(input);

  it("gives revenue and mean order value per segment from the profiles", () => {
    // Fixture: 10,000 × R$ 100 (1 order), 6,000 × R$ 250 (1.05 orders), 4,000 × R$ 50 (1 order).
    assert.deepEqual(
      act.segments.map((s) => [s.segment, s.customers, s.revenue]),
      [
        [0, 10_000, 1_000_000],
        [1, 6_000, 1_500_000],
        [2, 4_000, 200_000],
      ],
    );
    assert.equal(act.segments[0].meanOrderValue, 100);
    assert.ok(Math.abs(act.segments[1].meanOrderValue - 250 / 1.05) < 1e-9);
    assert.ok(Math.abs(act.segments[1].revenueShare - 1.5 / 2.7) < 1e-12);
    assert.equal(act.segments[0].listFile, "segment-lists/0-buyers-of-the-last-half-year.csv");
  });

  it("gives the current value of every KPI of the playbook", () => {
    for (const s of act.segments) {
      const row = input.marketing.find((r) => r.segment === s.segment)!;
      assert.equal(s.kpis.length, kpiParts(row.kpi).length, row.kpi);
    }
    // Without a value study, the forward-looking KPIs have no measured value (never 0 by construction).
    assert.deepEqual(act.segments[0].kpis[0], {
      kpi: "Share with an order in the next 90 days",
      measure:
        "no current value without the value study (npm start measures it on the last year's orders)",
      value: null,
      unit: null,
    });
    assert.deepEqual(
      act.segments[2].kpis.map((k) => [k.kpi, k.value]),
      [
        ["Second-order rate", null],
        ["Review score after contact", 1.4],
      ],
    );
    // With the last period's history: a one-time-buyer segment's second-order rate is what its
    // customers did over the last 365 days (0.02 orders per customer in 90 days), not 0.
    const history = {
      windowDays: 365,
      customers: 2455,
      ordersPer90Days: 0.02,
      revenuePer90Days: 3.3,
    };
    const worth = {
      ...WORTH,
      segments: WORTH.segments.map((s) => ({ ...s, history: s.segment === 2 ? history : null })),
    };
    const withHistory = briefAct({ ...input, worth });
    assert.deepEqual(withHistory.segments[2].kpis[0], {
      kpi: "Second-order rate",
      measure:
        "orders, the segment's 2,455 customers of 365 days ago over those 365 days, per 90 days",
      value: 0.02,
      unit: "orders",
    });
    assert.equal(
      kpiBaselineText(withHistory.segments[2].kpis[0]),
      "Second-order rate: 2.0 per 100 customers now (orders, the segment's 2,455 customers of 365 days ago over those 365 days, per 90 days)",
    );
    assert.equal(
      kpiBaselineText(
        kpiBaseline("Revenue per contacted customer", input.profiles[0], 0.1, history),
      ),
      "Revenue per contacted customer: R$\u00a03.30 now (R$ per customer, the segment's 2,455 customers of 365 days ago over those 365 days, per 90 days)",
    );
    const p = input.profiles[0];
    assert.equal(kpiBaseline("Unsubscribe rate", p, 0.1).value, null);
    assert.equal(kpiBaseline("Revenue per contacted customer", p, 0.1).value, null);
    assert.equal(
      kpiBaselineText(kpiBaseline("Average order value", p, 0.1)),
      "Average order value: R$\u00a0100 now (R$ per order)",
    );
    assert.equal(
      kpiBaselineText(kpiBaseline("Unsubscribe rate", p, 0.1)),
      "Unsubscribe rate: not in the order data: measure it from the first campaign (CRM)",
    );
  });

  it("says how to get lists, refresh them and who retrains, from the recommendation", () => {
    assert.match(act.text.ids, /anonymised customer_unique_id/);
    assert.match(act.text.newCustomers, /npm run segment -- --model reports\/model\.json/);
    const m = input.maintenance!;
    assert.ok(
      act.text.retrain.startsWith(`Retrain every ${m.everyWeeks} weeks (${m.everyDays} days`),
    );
    assert.match(briefAct({ ...input, maintenance: null }).text.retrain, /not run/);
    const html = actSectionHtml(act);
    assert.match(html, /<h2>Acting on the segments<\/h2>/);
    assert.equal(html.split("<tr>").length - 2, 3); // header + 3 segments
  });
});

describe("segment lists", () => {
  it("writes one CSV per segment and removes stale lists", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lists-"));
    try {
      mkdirSync(path.join(dir, "segment-lists"));
      writeFileSync(path.join(dir, "segment-lists", "0-old-name.csv"), "x\n");
      const files = writeSegmentLists(dir, ["a", "b", "c", 'd"q'], Int32Array.from([1, 0, 1, 1]), [
        "Recent buyers",
        "Big spenders, São Paulo",
      ]);
      assert.deepEqual(readdirSync(path.join(dir, "segment-lists")).sort(), [
        "0-recent-buyers.csv",
        "1-big-spenders-sao-paulo.csv",
      ]);
      assert.equal(
        readFileSync(files[1], "utf8"),
        'customer_unique_id,segment,segment_name\na,1,"Big spenders, São Paulo"\nc,1,"Big spenders, São Paulo"\n"d""q",1,"Big spenders, São Paulo"\n',
      );
      assert.equal(
        readFileSync(files[0], "utf8"),
        "customer_unique_id,segment,segment_name\nb,0,Recent buyers\n",
      );
      assert.equal(segmentSlug("¿¿"), "segment");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("one model path", () => {
  it("names only the model file npm start writes, in the action part and the retraining steps", async () => {
    const { briefHtml } = await import("../../src/brief/html.js");
    const { MODEL_FILE } = await import("../../src/maintenance/policy.js");
    const html = await briefHtml(fixtureInput());
    const { closeRenderer } = await import("../../src/charts/render.js");
    await closeRenderer();
    const paths = new Set(html.match(/[\w./-]*model\.json/g) ?? []);
    assert.deepEqual([...paths], [MODEL_FILE]);
    assert.equal(MODEL_FILE, "reports/model.json");
  });
});
