import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  hyp2f1,
  log1pExp,
  logBeta,
  logGamma,
  logRisingFactorial,
} from "../../src/value/specialFunctions.js";
import { assertRelative, loadValueFixture } from "./helpers.js";

interface Special {
  logGamma: { x: number; scipy: number; mpmath: number }[];
  logBeta: { a: number; b: number; scipy: number; mpmath: number }[];
  hyp2f1: { a: number; b: number; c: number; z: number; scipy: number; mpmath: number }[];
}
const fixture = loadValueFixture<Special>("special");

/** |actual − expected| ≤ tol · max(1, |expected|): ln Γ crosses 0 at 1 and 2, so absolute there. */
function assertLogClose(actual: number, expected: number, tol: number, what: string): void {
  const err = Math.abs(actual - expected);
  assert.ok(
    err <= tol * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected} (${err})`,
  );
}

describe("special functions against scipy and mpmath", () => {
  it("logGamma matches scipy.special.gammaln from 1e-8 to 1e6", () => {
    for (const { x, scipy, mpmath } of fixture.logGamma) {
      assertLogClose(logGamma(x), mpmath, 1e-14, `logGamma(${x}) vs mpmath`);
      assertLogClose(logGamma(x), scipy, 1e-14, `logGamma(${x}) vs scipy`);
    }
    assert.ok(Number.isNaN(logGamma(0)) && Number.isNaN(logGamma(-1)));
  });

  it("logBeta matches mpmath to 1e-13 (scipy.special.betaln loses 1e-10 for a large argument)", () => {
    for (const { a, b, scipy, mpmath } of fixture.logBeta) {
      assertLogClose(logBeta(a, b), mpmath, 1e-13, `logBeta(${a}, ${b}) vs mpmath`);
      assertLogClose(logBeta(a, b), scipy, 1e-9, `logBeta(${a}, ${b}) vs scipy`);
    }
  });

  it("logRisingFactorial is the exact log of (a)_n, by sums and by log-gamma", () => {
    assert.equal(logRisingFactorial(3.5, 0), 0);
    assertRelative(logRisingFactorial(2, 3), Math.log(24), 1e-15);
    // n > 64 switches to the log-gamma difference: both agree at the switch.
    const bySum = Array.from({ length: 70 }, (_, k) => Math.log(0.75 + k)).reduce(
      (s, v) => s + v,
      0,
    );
    assertRelative(logRisingFactorial(0.75, 70), bySum, 1e-13);
    assertRelative(logRisingFactorial(1e6, 3), Math.log(1e6 * (1e6 + 1) * (1e6 + 2)), 1e-15);
  });

  it("hyp2f1 matches scipy.special.hyp2f1 on z in (−40, 0.99), negative and small parameters", () => {
    for (const { a, b, c, z, scipy, mpmath } of fixture.hyp2f1) {
      assertRelative(hyp2f1(a, b, c, z), mpmath, 1e-12, `hyp2f1(${a}, ${b}; ${c}; ${z}) vs mpmath`);
      assertRelative(hyp2f1(a, b, c, z), scipy, 1e-12, `hyp2f1(${a}, ${b}; ${c}; ${z}) vs scipy`);
    }
    assertRelative(hyp2f1(1, 1, 2, 0.5), -Math.log(0.5) / 0.5, 1e-15);
    assert.equal(hyp2f1(2, 3, 4, 0), 1);
  });

  it("hyp2f1 refuses z ≥ 1, c a non-positive integer, and an unconverged series", () => {
    assert.throws(() => hyp2f1(1, 1, 2, 1), /z < 1/);
    assert.throws(() => hyp2f1(1, 1, -2, 0.5), /c ∉/);
    assert.throws(() => hyp2f1(1, 1, 3, 0.999999, { maxTerms: 1000 }), /did not converge/);
  });

  it("log1pExp is exact at the extremes", () => {
    assert.equal(log1pExp(1000), 1000);
    assertRelative(log1pExp(-50), Math.exp(-50), 1e-15);
    assertRelative(log1pExp(0), Math.LN2, 1e-16);
    assertRelative(log1pExp(3), Math.log(1 + Math.exp(3)), 1e-15);
  });
});
