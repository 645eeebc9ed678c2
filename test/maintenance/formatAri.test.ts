import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatAri } from "../../src/maintenance/format.js";

describe("formatAri near the threshold", () => {
  it("writes two decimals away from the threshold", () => {
    assert.equal(formatAri(0.8349), "0.83");
    assert.equal(formatAri(0.7849), "0.78");
    assert.equal(formatAri(null), "n/a");
    assert.equal(formatAri(NaN), "n/a");
  });

  it("writes three decimals near it, four when three would read as the threshold", () => {
    assert.equal(formatAri(0.7991), "0.799");
    assert.equal(formatAri(0.8062), "0.806");
    assert.equal(formatAri(0.8004), "0.8004");
    assert.equal(formatAri(0.7998), "0.7998");
    assert.equal(formatAri(0.8), "0.800");
    // 0.8004 and 0.7991 never both read "0.80".
    assert.notEqual(formatAri(0.8004), formatAri(0.7991));
  });

  it("uses the threshold it is given", () => {
    assert.equal(formatAri(0.8004, 0.9), "0.80");
    assert.equal(formatAri(0.9036, 0.9), "0.904");
  });
});
