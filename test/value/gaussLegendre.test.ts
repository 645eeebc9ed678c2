import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gaussLegendre, integrate } from "../../src/value/gaussLegendre.js";
import { assertRelative } from "./helpers.js";

describe("Gauss–Legendre quadrature", () => {
  it("has the textbook 2- and 3-point rules", () => {
    const two = gaussLegendre(2);
    assertRelative(two.nodes[1], 1 / Math.sqrt(3), 1e-15);
    assert.equal(two.nodes[0], -two.nodes[1]);
    assertRelative(two.weights[0], 1, 1e-15);
    const three = gaussLegendre(3);
    assert.deepEqual(
      [three.nodes[1], three.weights[1]].map((v) => +v.toFixed(15)),
      [0, +(8 / 9).toFixed(15)],
    );
    assertRelative(three.nodes[2], Math.sqrt(3 / 5), 1e-15);
    assertRelative(three.weights[2], 5 / 9, 1e-15);
  });

  it("weights sum to 2 and the n-point rule integrates x^(2n−1) and x^(2n−2) exactly", () => {
    for (const n of [1, 5, 40]) {
      const { weights } = gaussLegendre(n);
      assertRelative(
        weights.reduce((s, w) => s + w, 0),
        2,
        1e-14,
        `n=${n}`,
      );
      const even = 2 * n - 2;
      assertRelative(
        integrate((x) => x ** even, 0, 1, n),
        1 / (even + 1),
        1e-13,
        `x^${even}`,
      );
      const odd = 2 * n - 1;
      assertRelative(
        integrate((x) => x ** odd, 0, 2, n),
        2 ** (odd + 1) / (odd + 1),
        1e-13,
        `x^${odd}`,
      );
    }
  });

  it("reaches machine precision on smooth integrands", () => {
    assertRelative(integrate(Math.exp, 0, 1), Math.E - 1, 1e-15);
    assertRelative(
      integrate((y) => Math.exp(-0.3 * y) / (1 + y * y), 0, 4),
      0.9968478458835969,
      1e-10,
    ); // scipy.integrate.quad
  });
});
