import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sourceBannerHtml } from "../../src/display/banner.js";
import { noMathHtml } from "../../src/display/notebook.js";
import { renderHtmlTable } from "../../src/display/table.js";
import { takeawayBundle } from "../../src/display/takeaway.js";
import { escapeHtml, escapeMarkdown, NO_MATH_CLASS } from "../../src/display/text.js";
import { escapeHtml as chartsEscapeHtml } from "../../src/charts/html.js";
import type { DataSource } from "../../src/data/locate.js";

const REAIS =
  "Among states with ≥ 100 orders, RO has the highest mean order (R$ 185) against R$ 157 in SP";

describe("text no front end rewrites", () => {
  it("escapes HTML, both quotes included, in one place", () => {
    assert.equal(
      escapeHtml(`<b class="x">R$ 5 & 'co'</b>`),
      "&lt;b class=&quot;x&quot;&gt;R$ 5 &amp; &#39;co&#39;&lt;/b&gt;",
    );
    assert.equal(chartsEscapeHtml, escapeHtml);
  });
  it("escapes Markdown: no emphasis, code, link, HTML or math", () => {
    assert.equal(
      escapeMarkdown("R$ 185 vs R$ 157 by credit_card *now* [x](y) `c` <i> a|b ~s~ #1 a\\b"),
      "R&#36; 185 vs R&#36; 157 by credit\\_card \\*now\\* \\[x\\](y) \\`c\\` &lt;i&gt; a&#124;b &#126;s&#126; \\#1 a\\\\b",
    );
    assert.ok(!escapeMarkdown(REAIS).includes("$"));
  });
  it("puts MathJax's ignore classes on takeaways (HTML and Markdown), tables and banners", () => {
    assert.equal(NO_MATH_CLASS, "tex2jax_ignore mathjax_ignore");
    const b = takeawayBundle(REAIS);
    assert.equal(
      b["text/html"],
      `<div class="olist-takeaway ${NO_MATH_CLASS}" style="border-left:4px solid #0f766e;background:#f0fdfa;` +
        `padding:6px 10px;margin:4px 0 12px 0;font-family:sans-serif"><b>Takeaway:</b> ` +
        "Among states with ≥ 100 orders, RO has the highest mean order (R$ 185) against R$ 157 in SP</div>",
    );
    assert.equal(
      b["text/markdown"],
      `<span class="olist-takeaway ${NO_MATH_CLASS}">**Takeaway:** Among states with ≥ 100 orders, RO has ` +
        "the highest mean order (R&#36; 185) against R&#36; 157 in SP</span>",
    );
    assert.equal(b["text/plain"], `Takeaway: ${REAIS}`);
    assert.match(
      renderHtmlTable([{ price: "R$ 5", freight: "R$ 2" }], { caption: "R$ per item" }),
      new RegExp(
        `^<table class="olist-table ${NO_MATH_CLASS}"><caption[^>]*>R\\$ per item</caption>`,
      ),
    );
    const twin = { synthetic: true, description: "twin" } as DataSource;
    const real = { synthetic: false, description: "R$ files" } as DataSource;
    for (const html of [sourceBannerHtml(twin), sourceBannerHtml(real)]) {
      assert.match(html, new RegExp(`^<div class="olist-banner ${NO_MATH_CLASS}"`));
    }
    assert.equal(noMathHtml("<p>$x$</p>"), `<div class="${NO_MATH_CLASS}"><p>$x$</p></div>`);
  });
});
