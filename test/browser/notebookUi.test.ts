/**
 * The exploration notebook as a reader runs it: Debian's classic Notebook server on a free loopback
 * port, Debian's Chromium through playwright-core, "Cell → Run All" clicked in the UI. It checks
 * that every code cell ran without an error output, that every chart is drawn by Plotly
 * (`.js-plotly-plot` with an `svg.main-svg`), that MathJax (which the page runs) typesets nothing in
 * any takeaway, and that the page logs no error and requests nothing off this machine.
 *
 * It works on a copy of the notebook in a temporary folder (the UI autosaves), next to links to the
 * project's dist/ and node_modules/, with the project's kernelspec found through JUPYTER_PATH, and
 * stops the server it started by its process id.
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../src/charts/render.js";
import { projectPath } from "../../src/util/paths.js";

const NOTEBOOK = "1_exploration.ipynb";
/**
 * Time limit of the whole test. The target is under two minutes on a quiet machine (the duration
 * is printed); the limit is wider so that a loaded machine does not fail it.
 */
const LIMIT_MS = 360_000;

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Newest modification time of the files under `dir` (ms). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** How many times each code cell source calls `name(`. */
function callsIn(
  notebook: { cells: { cell_type: string; source: string | string[] }[] },
  name: string,
): number {
  let n = 0;
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    n += source.split(`${name}(`).length - 1;
  }
  return n;
}

/** Stops a process by its id and waits for it to exit (SIGKILL after 15 s). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(
    () => child.pid !== undefined && process.kill(child.pid, "SIGKILL"),
    15_000,
  );
  await exited;
  clearTimeout(timer);
}

/**
 * Console errors that come with Debian's Notebook page itself, whatever the notebook: the widgets
 * extension enabled in /etc/jupyter but not installed (a 404 and the refused script), and MathJax 2's
 * probe font `MathJax_Blank` at about:blank. Any other error counts as the project's.
 */
const JUPYTER_NOISE: readonly RegExp[] = [
  /\/nbextensions\/widgets\/notebook\/js\/extension\.js/,
  /^console: (Access to font at 'about:blank'|Failed to load resource: net::ERR_FAILED \(about:blank\))/,
];

/** Evaluates a string expression in the page (the tests are compiled without DOM types). */
function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

describe(`${NOTEBOOK} in Chromium on the classic Notebook server`, () => {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), "olist-ui-"));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const serverLog: string[] = [];
  after(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stop(server);
    rmSync(work, { recursive: true, force: true });
    console.log(`browser test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it(
    "runs every cell from the UI without an error, draws every chart, typesets no takeaway",
    { timeout: LIMIT_MS },
    async () => {
      const original = projectPath("notebooks", NOTEBOOK);
      const originalHash = createHash("sha256").update(readFileSync(original)).digest("hex");
      const notebook = JSON.parse(readFileSync(original, "utf8")) as {
        cells: { cell_type: string; source: string | string[] }[];
      };
      const expectedCharts = callsIn(notebook, "showFigure");
      const expectedTakeaways = callsIn(notebook, "showTakeaway");
      assert.ok(
        expectedCharts > 0 && expectedTakeaways > 0,
        "the notebook shows charts and takeaways",
      );
      assert.ok(existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: run npm run setup`);
      assert.ok(
        existsSync(projectPath(".jupyter", "kernels", "olist-tslab", "kernel.json")),
        "the olist-tslab kernelspec is missing: run npm run setup",
      );
      assert.ok(
        existsSync(projectPath("dist", "index.js")) &&
          newestMtime(projectPath("src")) <= statSync(projectPath("dist", "index.js")).mtimeMs,
        "dist/ is older than src/: run npm run build",
      );

      // The copy: notebooks/<copy>, with ../dist and node_modules resolving to the project's.
      mkdirSync(join(work, "notebooks"));
      copyFileSync(original, join(work, "notebooks", NOTEBOOK));
      symlinkSync(projectPath("dist"), join(work, "dist"));
      symlinkSync(projectPath("node_modules"), join(work, "node_modules"));

      const port = await freePort();
      const token = randomBytes(24).toString("hex");
      const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
      server = spawn(
        "/usr/bin/python3",
        [
          "-m",
          "notebook",
          "--no-browser",
          "--ip=127.0.0.1",
          `--port=${port}`,
          "--port-retries=0",
          `--notebook-dir=${work}`,
          `--NotebookApp.token=${token}`,
          ...(isRoot ? ["--allow-root"] : []),
        ],
        {
          env: {
            ...process.env,
            JUPYTER_PATH: projectPath(".jupyter"),
            // Nothing of the user's Jupyter set-up is read or written.
            JUPYTER_CONFIG_DIR: join(work, "config"),
            JUPYTER_DATA_DIR: join(work, "data"),
            JUPYTER_RUNTIME_DIR: join(work, "runtime"),
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      for (const stream of [server.stdout, server.stderr]) {
        stream?.on("data", (chunk: Buffer) => serverLog.push(chunk.toString()));
      }
      const base = `http://127.0.0.1:${port}`;
      for (let ready = false; !ready;) {
        assert.equal(server.exitCode, null, `the notebook server exited:\n${serverLog.join("")}`);
        assert.ok(
          Date.now() - started < 30_000,
          `the server did not answer:\n${serverLog.join("")}`,
        );
        ready = await fetch(`${base}/api/status?token=${token}`)
          .then((r) => r.ok)
          .catch(() => false);
        if (!ready) await new Promise((r) => setTimeout(r, 250));
      }

      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...CHROMIUM_ARGS],
      });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const offMachine: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console: ${m.text()} (${m.location().url})`);
      });
      page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
      await page.route(
        (url) => !url.href.startsWith(base),
        (route) => {
          offMachine.push(route.request().url());
          return route.abort();
        },
      );
      await page.goto(`${base}/notebooks/notebooks/${NOTEBOOK}?token=${token}`);
      await page.waitForFunction(
        'document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null',
        undefined,
        { timeout: 60_000 },
      );

      // Opened untrusted: scripts of the saved outputs do not run, their static images show.
      const savedCharts = await page.locator(".olist-figure").count();
      if (savedCharts > 0) {
        assert.equal(
          await page.locator(".olist-figure img").count(),
          savedCharts,
          "static fallbacks",
        );
        assert.equal(await page.locator(".js-plotly-plot").count(), 0);
      }

      await page.click("#celllink");
      await page.click("#run_all_cells > a");
      // Done when every code cell has an execution count and the kernel is idle, or at an error.
      const runStart = Date.now();
      for (;;) {
        const state = await inPage<{ ran: number; cells: number; idle: boolean; error: boolean }>(
          page,
          `(() => {
          const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code");
          return {
            ran: cells.filter((c) => typeof c.input_prompt_number === "number").length,
            cells: cells.length,
            idle: document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null,
            error: document.querySelector(".output_error") !== null,
          };
        })()`,
        );
        if (state.error || (state.ran === state.cells && state.idle)) break;
        assert.ok(
          Date.now() - started < LIMIT_MS - 20_000,
          `${state.ran} of ${state.cells} code cells ran in ${((Date.now() - runStart) / 1000).toFixed(0)} s`,
        );
        await new Promise((r) => setTimeout(r, 500));
      }
      console.log(`browser test: Run All took ${((Date.now() - runStart) / 1000).toFixed(1)} s`);

      const failed = await inPage<string[]>(
        page,
        `Jupyter.notebook.get_cells().flatMap((c, i) => c.cell_type !== "code" ? [] :
        c.output_area.outputs.filter((o) => o.output_type === "error")
          .map((o) => "cell " + (i + 1) + ": " + o.ename + ": " + o.evalue))`,
      );
      assert.deepEqual(failed, [], "code cells with an error output");

      const bundles = await inPage<number>(
        page,
        `Jupyter.notebook.get_cells().reduce((n, c) => n + (c.cell_type !== "code" ? 0 :
        c.output_area.outputs.filter((o) => o.data && o.data["application/vnd.plotly.v1+json"]
          && o.data["text/html"] && o.data["image/png"]).length), 0)`,
      );
      assert.equal(bundles, expectedCharts, "outputs with the Plotly JSON, HTML and PNG");
      await page.waitForFunction(
        `document.querySelectorAll(".js-plotly-plot svg.main-svg").length >= ${expectedCharts}`,
        undefined,
        { timeout: 20_000 },
      );
      const drawn = await inPage<number>(
        page,
        `[...document.querySelectorAll(".js-plotly-plot")].filter((p) => p.querySelector("svg.main-svg")).length`,
      );
      assert.equal(drawn, expectedCharts, "Plotly charts drawn");
      assert.equal(
        await page.locator(".olist-figure img").count(),
        0,
        "every static image replaced",
      );

      // MathJax runs on this page (the check could fail), and typesets nothing in a takeaway.
      assert.ok(
        await inPage<boolean>(page, `typeof MathJax !== "undefined" && !!MathJax.Hub`),
        "MathJax loaded",
      );
      await inPage(page, `new Promise((done) => MathJax.Hub.Queue(done))`);
      assert.equal(
        await page.locator(".olist-takeaway").count(),
        expectedTakeaways,
        "takeaways shown",
      );
      const typeset = await page
        .locator(
          ".olist-takeaway .MathJax, .olist-takeaway .MathJax_Preview, " +
            '.olist-takeaway script[type^="math/tex"], .olist-takeaway mjx-container',
        )
        .count();
      assert.equal(typeset, 0, "MathJax elements inside takeaways");
      const takeawayText = (await page.locator(".olist-takeaway").allInnerTexts()).join("\n");
      assert.match(
        takeawayText,
        /R\$ [\d,.]+[^\n]*R\$ [\d,.]+/,
        "two amounts in reais read as written",
      );
      const control = await inPage<number>(
        page,
        `new Promise((done) => {
        const el = document.createElement("div");
        el.textContent = "between $a$ and $b$";
        document.querySelector(".output_subarea").appendChild(el);
        MathJax.Hub.Queue(["Typeset", MathJax.Hub, el], () => {
          done(el.querySelectorAll('script[type^="math/tex"]').length);
          el.remove();
        });
      })`,
      );
      assert.ok(control > 0, "MathJax typesets text without the ignore class");

      const ours = errors.filter((e) => !JUPYTER_NOISE.some((noise) => noise.test(e)));
      if (ours.length < errors.length) {
        console.log(
          `browser test: ${errors.length - ours.length} console errors of Jupyter's own page ignored`,
        );
      }
      assert.deepEqual(ours, [], "errors in the browser console caused by the project");
      assert.deepEqual(offMachine, [], "requests off this machine");
      const afterHash = createHash("sha256").update(readFileSync(original)).digest("hex");
      assert.equal(afterHash, originalHash, `${NOTEBOOK} in the project is unchanged`);
    },
  );
});
