import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatNumber, hoverValue, numberStyle, plotlyText } from "../../src/charts/hover.js";
import { barChart } from "../../src/charts/bar.js";
import { histogram } from "../../src/charts/histogram.js";
import { lineChart } from "../../src/charts/line.js";
import { boxChart } from "../../src/charts/box.js";
import { baseLayout } from "../../src/charts/theme.js";

describe("numberStyle", () => {
  it("writes whole numbers with separators, money with R$, shares as percentages", () => {
    assert.deepEqual(numberStyle([41466, 12852]), { prefix: "", format: ",.0f", suffix: "" });
    assert.deepEqual(numberStyle([157.31, 9.9], { title: "Mean order value (R$)" }), {
      prefix: "R$ ",
      format: ",.2f",
      suffix: "",
    });
    assert.deepEqual(numberStyle([120, 15], { title: "Revenue (R$)" }).format, ",.0f");
    assert.equal(numberStyle([0.31, 0.2], { format: ".0%" }).format, ".1%");
    assert.equal(numberStyle([0.31, 0.00007], { format: ".1%" }).format, ".2%");
    assert.deepEqual(numberStyle([8.1, 12.25], { title: "% late" }).suffix, " %");
  });
  it("chooses decimals by magnitude for other numbers, ignoring NaN and null", () => {
    assert.equal(numberStyle([1234.5, NaN]).format, ",.0f");
    assert.equal(numberStyle([4.61, null]).format, ",.2f");
    assert.equal(numberStyle([0.987, 0.5]).format, ",.3f");
  });
  it("formats in TypeScript as Plotly does in tooltips", () => {
    assert.equal(
      formatNumber(1234.5, { prefix: "R$ ", format: ",.2f", suffix: "" }),
      "R$ 1,234.50",
    );
    assert.equal(formatNumber(0.1234, { prefix: "", format: ".1%", suffix: "" }), "12.3%");
    assert.equal(
      formatNumber(41466, { prefix: "", format: ",.0f", suffix: " orders" }),
      "41,466 orders",
    );
    assert.throws(
      () => formatNumber(1, { prefix: "", format: ".3g", suffix: "" }),
      /unsupported format ".3g"/,
    );
    assert.equal(hoverValue("y", { prefix: "R$ ", format: ",.2f", suffix: "" }), "R$ %{y:,.2f}");
    assert.equal(plotlyText("a <b> & %{x}"), "a &lt;b&gt; &amp; %&#123;x}");
  });
});

describe("tooltips of the builders", () => {
  it("never cut trace names", () => {
    assert.equal(baseLayout("t").hoverlabel?.namelength, -1);
  });
  it("bars: category, whole series name and the value with separators or R$", () => {
    const fig = barChart(
      ["SP", "RJ"],
      [
        { name: "Customers (people)", values: [40112, 12384] },
        { name: "Orders", values: [41466, 12852] },
      ],
      { title: "By state", valueTitle: "Count" },
    );
    const t = fig.data.map((d) => (d as { hovertemplate: string }).hovertemplate);
    assert.deepEqual(t, [
      "%{x}<br>Customers (people): %{y:,.0f}<extra></extra>",
      "%{x}<br>Orders: %{y:,.0f}<extra></extra>",
    ]);
    const money = barChart(["a"], [{ name: "Revenue (R$)", values: [1234567.8] }], {
      title: "Revenue",
      orientation: "h",
      valueTitle: "Revenue (R$)",
    });
    assert.equal(
      (money.data[0] as { hovertemplate: string }).hovertemplate,
      "%{y}<br>Revenue (R$): R$ %{x:,.2f}<extra></extra>",
    );
  });
  it("histograms, lines and boxes write their values in the axis' unit", () => {
    const h = histogram([10, 20, 30.5], {
      title: "Price",
      xTitle: "Price (R$)",
      yTitle: "Items",
      bins: 2,
    });
    assert.equal(
      (h.data[0] as { hovertemplate: string }).hovertemplate,
      "R$ %{customdata[0]:,.2f} – R$ %{customdata[1]:,.2f}<br>Items: %{y:,.0f}<extra></extra>",
    );
    const l = lineChart([1, 2], [{ name: "Orders", values: [41466, 40000] }], { title: "t" });
    assert.equal(
      (l.data[0] as { hovertemplate: string }).hovertemplate,
      "Orders: %{y:,.0f}<extra></extra>",
    );
    const b = boxChart([{ name: "1", values: [100, 120, 150, 201, 1000] }], {
      title: "t",
      valueTitle: "Order value (R$)",
    });
    // q1 120, median 150, q3 201, mean 314.2: not all whole, so two decimals; n in the name.
    const [box] = b.data as unknown as { name: string; x: string[]; yhoverformat: string }[];
    assert.deepEqual([box.name, box.x, box.yhoverformat], ["1 (n = 5)", ["1"], ",.2f"]);
  });
});
