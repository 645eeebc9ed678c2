import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMoney } from "../../src/util/money.js";

const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it("writes whole reais with thousands separators, rounded", () => {
    assert.equal(plain(formatMoney(21326.61)), "R$ 21,327");
    assert.equal(plain(formatMoney(1234567.5)), "R$ 1,234,568");
    assert.equal(plain(formatMoney(999.4)), "R$ 999");
    assert.equal(plain(formatMoney(0)), "R$ 0");
  });

  it("writes cents when asked, still with separators", () => {
    assert.equal(plain(formatMoney(21326.61, { cents: true })), "R$ 21,326.61");
    assert.equal(plain(formatMoney(87628.774, { cents: true })), "R$ 87,628.77");
    assert.equal(plain(formatMoney(1.456, { cents: true })), "R$ 1.46");
  });

  it("keeps R$ with its amount (no-break space by default) and a true minus", () => {
    assert.equal(formatMoney(5), "R$\u00a05");
    assert.equal(formatMoney(5, { space: " " }), "R$ 5");
    assert.equal(plain(formatMoney(-1500)), "R$ \u22121,500");
    // Rounds to zero: no "−0".
    assert.equal(plain(formatMoney(-0.2)), "R$ 0");
  });

  it("writes missing amounts as n/a (or the given word)", () => {
    assert.equal(formatMoney(null), "n/a");
    assert.equal(formatMoney(NaN), "n/a");
    assert.equal(formatMoney(Infinity, { missing: "—" }), "—");
  });
});
