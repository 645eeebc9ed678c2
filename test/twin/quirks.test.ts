import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fidelityReport } from "../../src/twin/fidelity.js";
import { readTwinMarker } from "../../src/data/twinMarker.js";
import { writeOlistTwin } from "../../src/twin/index.js";
import { ORDER_QUIRKS, scaledQuirkCount } from "../../src/twin/quirkRates.js";
import { accentedSpelling, capitalised } from "../../src/twin/quirks/cityNames.js";

/** sha256 over all files of the small quirky twin (the default). Update on purpose only. */
const SMALL_QUIRKY_SHA256 = "94085f9998b74389dd959dccaf44fef8eba1969f22df82d7be1007c86fdf4240";

function folderHash(dir: string): string {
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) {
    h.update(f);
    h.update("\0");
    h.update(readFileSync(join(dir, f)));
  }
  return h.digest("hex");
}

const dir = mkdtempSync(join(tmpdir(), "olist-quirky-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
await writeOlistTwin({ outDir: dir, seed: 42, customers: 3000 });
const lines = await fidelityReport({ dataDir: dir });
const quirks = lines.filter((l) => l.section.startsWith("quirk"));

test("the default twin is the quirky one, byte-identical to the committed hash", () => {
  assert.equal(folderHash(dir), SMALL_QUIRKY_SHA256);
  assert.equal(readTwinMarker(dir)?.quirks, true);
});

test("a small twin carries every quirk the release has (at least once)", () => {
  assert.equal(quirks.length, 36);
  for (const l of quirks) {
    if (l.target > 0) assert.ok(l.twin >= 1, `${l.metric}: ${l.twin}`);
    else assert.equal(l.twin, 0, l.metric);
  }
});

test("drawn-exactly quirks hit their scaled count in a small twin", () => {
  const byMetric = new Map(quirks.map((l) => [l.metric, l]));
  for (const m of [
    "delivered: carrier before purchase",
    "delivered: approved after carrier",
    "delivered: delivered before carrier",
    "review ids on 2 orders",
    "review ids on 3 orders",
    "not_defined rows",
    "points outside Brazil's box",
    "prefixes with outside points",
    "orders without payment",
  ]) {
    const l = byMetric.get(m);
    assert.ok(l, m);
    assert.equal(l.twin, l.target, m);
  }
});

test("scaled counts: proportional, rounded, at least 1", () => {
  assert.equal(scaledQuirkCount(ORDER_QUIRKS.carrierBeforePurchase, 96_096), 165);
  assert.equal(scaledQuirkCount(ORDER_QUIRKS.carrierBeforePurchase, 48_048), 83);
  assert.equal(scaledQuirkCount(ORDER_QUIRKS.deliveredBeforeCarrier, 1000), 1);
  assert.equal(scaledQuirkCount({ count: 0, unit: "rows", source: "x" }, 1000), 0);
});

test("city spelling variants: accents and capitals", () => {
  assert.equal(accentedSpelling("sao paulo"), "são paulo");
  assert.equal(accentedSpelling("ribeirao preto"), "ribeirão preto");
  assert.equal(accentedSpelling("uberlandia"), "uberlândia");
  assert.equal(accentedSpelling("curitiba"), null);
  assert.equal(capitalised("rio de janeiro"), "Rio De Janeiro");
});
