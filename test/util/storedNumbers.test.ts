import assert from "node:assert/strict";
import { test } from "node:test";
import { readNumbers, storeNumbers } from "../../src/util/storedNumbers.js";

test("storeNumbers / readNumbers: NaN and ±Infinity survive JSON, other values untouched", () => {
  const record = { a: NaN, b: Infinity, c: -Infinity, d: 0.25, e: "NaN", f: { rows: 3 }, g: null };
  const text = JSON.stringify(storeNumbers(record));
  assert.equal(
    text,
    '{"a":{"$number":"NaN"},"b":{"$number":"Infinity"},"c":{"$number":"-Infinity"},"d":0.25,"e":"NaN","f":{"rows":3},"g":null}',
  );
  assert.deepStrictEqual(readNumbers(JSON.parse(text) as Record<string, unknown>), record);
});
