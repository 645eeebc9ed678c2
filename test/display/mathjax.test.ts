/**
 * The takeaway's HTML and Markdown through what classic Notebook runs on outputs: its own marked
 * (Markdown) and Debian's MathJax 2 with the Notebook's tex2jax configuration, in Chromium. A
 * control line with two `$` must be typeset (so the test can fail); the takeaway must not be.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../src/charts/render.js";
import { takeawayBundle } from "../../src/display/takeaway.js";
import { renderHtmlTable } from "../../src/display/table.js";
import { scriptJson } from "../../src/charts/html.js";

const MATHJAX = "/usr/share/javascript/mathjax/MathJax.js";
const MARKED = "/usr/lib/python3/dist-packages/notebook/static/components/marked/lib/marked.js";
const TEXT = "Median order R$ 105 against R$ 157 in SP; credit_card pays *most*";

describe("classic Notebook's MathJax and marked leave takeaways and tables as written", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "olist-mathjax-"));
  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, "--allow-file-access-from-files"],
    });
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("typesets the control line and nothing of the takeaway (HTML and Markdown) or the table", async (t) => {
    if (!existsSync(MATHJAX) || !existsSync(MARKED)) {
      t.skip(`${MATHJAX} or ${MARKED} missing: install Debian's jupyter-notebook (npm run setup)`);
      return;
    }
    const bundle = takeawayBundle(TEXT);
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8">
<script type="text/x-mathjax-config">
MathJax.Hub.Config({
  tex2jax: { inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]], displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]],
             processEscapes: true, processEnvironments: true },
  skipStartupTypeset: true, "HTML-CSS": { availableFonts: [], imageFont: null, webFont: "STIX-Web" }
});
</script>
<script src="${pathToFileURL(MATHJAX).href}?config=TeX-AMS_HTML"></script>
<script src="${pathToFileURL(MARKED).href}"></script>
</head><body>
<div id="control">between $a$ and $b$</div>
<div id="html">${bundle["text/html"]}</div>
<div id="md"></div>
<div id="table">${renderHtmlTable([{ a: "R$ 1", b: "R$ 2" }])}</div>
<script>
var render = typeof marked === "function" ? marked : marked.parse;
document.getElementById("md").innerHTML = render(${scriptJson(bundle["text/markdown"])});
MathJax.Hub.Queue(["Typeset", MathJax.Hub, document.body], function () { window.typeset = true; });
</script></body></html>`;
    const file = join(dir, "page.html");
    writeFileSync(file, page);
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(file).href);
    await tab.waitForFunction("window.typeset === true", undefined, { timeout: 30_000 });
    const count = (id: string) =>
      tab
        .locator(`#${id} script[type^="math/tex"], #${id} .MathJax, #${id} .MathJax_Preview`)
        .count();
    assert.ok((await count("control")) > 0, "MathJax typesets a line without the ignore class");
    for (const id of ["html", "md", "table"]) assert.equal(await count(id), 0, `${id} typeset`);
    const md = await tab.locator("#md").innerText();
    assert.equal(md, `Takeaway: ${TEXT}`, "Markdown reads as written");
    assert.equal(await tab.locator("#md strong").count(), 1, "only **Takeaway:** is bold");
    assert.equal(await tab.locator("#html").innerText(), `Takeaway: ${TEXT}`);
  });
});
