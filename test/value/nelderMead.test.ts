import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  invertSpd,
  nelderMead,
  numericGradient,
  numericHessian,
} from "../../src/value/nelderMead.js";
import { assertRelative } from "./helpers.js";

describe("bounded Nelder–Mead", () => {
  it("finds the minimum of the Rosenbrock function", () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1]);
    assert.ok(r.converged);
    assert.ok(Math.abs(r.x[0] - 1) < 1e-5 && Math.abs(r.x[1] - 1) < 1e-5, `${r.x}`);
    assert.ok(r.value < 1e-10);
    assert.deepEqual(r.atBounds, []);
  });

  it("a 4-d quadratic: exact minimum, deterministic (same start, same evaluations)", () => {
    const f = ([a, b, c, d]: number[]) =>
      (a - 1) ** 2 + 2 * (b + 2) ** 2 + 3 * (c - 0.5) ** 2 + (d - a) ** 2;
    const r1 = nelderMead(f, [0, 0, 0, 0]);
    const r2 = nelderMead(f, [0, 0, 0, 0]);
    assert.deepEqual(r1, r2);
    for (const [i, v] of [1, -2, 0.5, 1].entries())
      assert.ok(Math.abs(r1.x[i] - v) < 1e-6, `${i}: ${r1.x[i]}`);
  });

  it("stays inside the bounds and reports a bound that binds", () => {
    const r = nelderMead(([x, y]) => (x - 5) ** 2 + (y - 1) ** 2, [0, 0], {
      lower: [-1, -1],
      upper: [2, 3],
    });
    assert.ok(Math.abs(r.x[0] - 2) < 1e-9 && Math.abs(r.x[1] - 1) < 1e-6, `${r.x}`);
    assert.deepEqual(r.atBounds, [0]);
  });

  it("treats NaN as +Infinity (a region where the objective is undefined)", () => {
    const r = nelderMead(([x]) => (x < 0 ? NaN : (x - 2) ** 2), [1]);
    assert.ok(Math.abs(r.x[0] - 2) < 1e-6);
  });
});

describe("numeric derivatives and the SPD inverse", () => {
  const f = ([x, y]: number[]) => 3 * x * x + 2 * x * y + 4 * y * y + x;
  it("Hessian and gradient of a quadratic", () => {
    const H = numericHessian(f, [0.3, -0.7]);
    assertRelative(H[0][0], 6, 1e-6);
    assertRelative(H[0][1], 2, 1e-6);
    assertRelative(H[1][1], 8, 1e-6);
    const g = numericGradient(f, [0.3, -0.7]);
    assertRelative(g[0], 6 * 0.3 + 2 * -0.7 + 1, 1e-8);
    assertRelative(g[1], 2 * 0.3 + 8 * -0.7, 1e-8);
  });

  it("inverts [[6, 2], [2, 8]] and rejects an indefinite matrix", () => {
    const inv = invertSpd([
      [6, 2],
      [2, 8],
    ]);
    assert.ok(inv);
    // 1/44 · [[8, −2], [−2, 6]]
    assertRelative(inv[0][0], 8 / 44, 1e-15);
    assertRelative(inv[0][1], -2 / 44, 1e-15);
    assertRelative(inv[1][1], 6 / 44, 1e-15);
    assert.equal(
      invertSpd([
        [1, 2],
        [2, 1],
      ]),
      null,
    );
  });
});
