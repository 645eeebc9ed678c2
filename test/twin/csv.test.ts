import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatCents,
  formatTimestamp,
  headerLine,
  parseTimestamp,
  quoteText,
} from "../../src/twin/csv.js";

test('quoteText quotes only fields starting with a digit or holding , " CR LF', () => {
  assert.equal(quoteText("01037"), '"01037"');
  assert.equal(quoteText("9ef432eb6251297304e76186b10a928d"), '"9ef432eb6251297304e76186b10a928d"');
  assert.equal(quoteText("e481f51cbdc54678b7cc49136f2d6af7"), "e481f51cbdc54678b7cc49136f2d6af7");
  assert.equal(quoteText("sao paulo"), "sao paulo");
  assert.equal(quoteText("Recomendo ,"), '"Recomendo ,"');
  assert.equal(quoteText('diz "ok"'), '"diz ""ok"""');
  assert.equal(quoteText("linha 1\r\nlinha 2"), '"linha 1\r\nlinha 2"');
  assert.equal(quoteText(""), "");
});

test("headerLine quotes names unless told not to", () => {
  assert.equal(headerLine(["a", "b"]), '"a","b"');
  assert.equal(headerLine(["a", "b"], false), "a,b");
});

test("formatCents keeps two decimals", () => {
  assert.equal(formatCents(5890), "58.90");
  assert.equal(formatCents(85), "0.85");
  assert.equal(formatCents(0), "0.00");
  assert.equal(formatCents(1366408), "13664.08");
  assert.throws(() => formatCents(1.5), /integer number of cents/);
});

test("formatTimestamp and parseTimestamp round-trip the Olist format", () => {
  const t = Date.UTC(2017, 9, 2, 10, 56, 33) / 1000;
  assert.equal(formatTimestamp(t), "2017-10-02 10:56:33");
  assert.equal(parseTimestamp("2017-10-02 10:56:33"), t);
  assert.equal(formatTimestamp(parseTimestamp("2016-09-04")), "2016-09-04 00:00:00");
  assert.equal(formatTimestamp(NaN), "");
  assert.throws(() => parseTimestamp("02/10/2017"), /Not a timestamp/);
});
