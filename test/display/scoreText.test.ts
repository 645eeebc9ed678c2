import assert from "node:assert/strict";
import { test } from "node:test";
import {
  scoreDecimals,
  scoreText,
  silhouetteMethodText,
  silhouetteText,
  stabilityText,
} from "../../src/display/scoreText.js";

test("scoreText: 2 decimals, 3 when 2 would show 1.00 or 0.00 for a value that is not", () => {
  assert.equal(scoreText(0.9861), "0.99");
  assert.equal(scoreText(0.997), "0.997");
  assert.equal(scoreText(0.9951), "0.995");
  assert.equal(scoreText(1), "1.00");
  assert.equal(scoreText(0.004), "0.004");
  assert.equal(scoreText(0.666), "0.67");
});

test("scoreText: 3 decimals when 2 would put the value across a threshold", () => {
  assert.equal(scoreText(0.796, { thresholds: [0.8] }), "0.796");
  assert.equal(scoreText(0.7949, { thresholds: [0.8] }), "0.79");
  assert.equal(scoreText(0.8049, { thresholds: [0.8] }), "0.80");
  assert.equal(scoreDecimals(0.8951, { thresholds: [0.8, 0.9] }), 3);
  assert.equal(scoreDecimals(NaN), 2);
});

test("stabilityText: NaN says why it is not measured", () => {
  assert.equal(stabilityText(NaN), "n/a (deterministic)");
  assert.equal(stabilityText(null, "not measured"), "n/a (not measured)");
  assert.equal(stabilityText(0.9972), "0.997");
  assert.equal(stabilityText(0.666), "0.67");
});

test("silhouetteText: exact with n, sampled with n and the 95 % interval", () => {
  assert.equal(
    silhouetteText({ value: 0.32681, method: "exact", rows: 91_610, interval: null }),
    "0.327 (exact, n = 91,610)",
  );
  assert.equal(
    silhouetteText({ value: 0.32805, method: "sampled", rows: 10_000, interval: [0.3241, 0.332] }),
    "0.328 (sampled, n = 10,000; 95 % interval 0.324–0.332)",
  );
  assert.equal(
    silhouetteMethodText({
      value: 0.3,
      method: "sampled",
      rows: 20_000,
      interval: [0, 1],
      repeats: 10,
    }),
    "sampled, median of 10 samples of n = 20,000",
  );
  assert.throws(
    () => silhouetteText({ value: 0.3, method: "sampled", rows: 10, interval: null }),
    /95 % interval/,
  );
});
