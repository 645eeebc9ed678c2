/** Shared helpers of the value tests: the fixtures of scripts/value_fixtures.py and tolerances. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

/** Parses `test/fixtures/value/<name>.json`. */
export function loadValueFixture<T>(name: string): T {
  const url = new URL(`../fixtures/value/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

/** Asserts |actual − expected| ≤ rel · |expected| (purely relative; exact when expected is 0). */
export function assertRelative(actual: number, expected: number, rel: number, message = ""): void {
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.abs(expected),
    `${message} expected ${expected}, got ${actual} (relative error ${Math.abs(actual - expected) / Math.abs(expected)})`,
  );
}
