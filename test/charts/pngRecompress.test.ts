import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { inflateSync } from "node:zlib";
import { barChart } from "../../src/charts/bar.js";
import { recompressPng } from "../../src/charts/pngRecompress.js";
import { closeRenderer, renderPng } from "../../src/charts/render.js";
import { withChromiumPage } from "../helpers/chromium.js";
import { pngSize } from "./png.js";

/** The inflated image data of a PNG (its filtered scanlines). */
function scanlines(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let o = 8; o + 12 <= png.length;) {
    const n = png.readUInt32BE(o);
    if (png.toString("latin1", o + 4, o + 8) === "IDAT") parts.push(png.subarray(o + 8, o + 8 + n));
    o += 12 + n;
  }
  return inflateSync(Buffer.concat(parts));
}

describe("recompressPng", () => {
  after(() => closeRenderer());
  it("keeps every pixel of a Chromium PNG in fewer bytes, with valid chunk checksums", async () => {
    const png = await renderPng(
      barChart(["a", "b", "c"], [{ name: "n", values: [3, 1, 2] }], { title: "Demo" }),
      { width: 600, height: 300 },
    );
    const small = recompressPng(png);
    assert.ok(small.length < 0.8 * png.length, `${small.length} vs ${png.length} bytes`);
    assert.ok(scanlines(small).equals(scanlines(png)), "same scanlines");
    assert.deepEqual(pngSize(small), { width: 600, height: 300 });
    // Chromium decodes it (a bad CRC or chunk would fail here).
    const size = await withChromiumPage((page) =>
      page.evaluate(
        `new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok([i.width, i.height]); ` +
          `i.onerror = fail; i.src = "data:image/png;base64,${small.toString("base64")}"; })`,
      ),
    );
    assert.deepEqual(size, [600, 300]);
  });
  it("rejects what is not a PNG", () => {
    assert.throws(() => recompressPng(Buffer.from("GIF89a....")), /not a PNG/);
  });
});
