import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  fittedTransformFromJSON,
  fitTransform,
  fitTransformMatrix,
} from "../../src/features/index.js";

const train = {
  monetary: Float64Array.of(0, 1, 3, 7),
  score: Float64Array.of(1, NaN, 5, 4),
  frequency: Float64Array.of(1, 1, 1, 2),
};

describe("fitTransform", () => {
  it("standard: imputes the training median, log1p, then (x - mean) / sd", () => {
    const t = fitTransform(train, { features: ["monetary", "score"], log1p: ["monetary"] });
    // log1p(0, 1, 3, 7) = (0, ln 2, ln 4, ln 8) = ln 2 · (0, 1, 2, 3): mean 1.5 ln 2, sd √1.25 ln 2.
    // score: median of (1, 4, 5) = 4 fills the NaN → (1, 4, 5, 4): mean 3.5, sd √2.25 = 1.5.
    const m = t.apply(train);
    assert.equal(m.rows, 4);
    assert.equal(m.cols, 2);
    assert.deepEqual(m.features, ["monetary", "score"]);
    const expected = [
      [-1.5 / Math.sqrt(1.25), -2.5 / 1.5],
      [-0.5 / Math.sqrt(1.25), 0.5 / 1.5],
      [0.5 / Math.sqrt(1.25), 1.5 / 1.5],
      [1.5 / Math.sqrt(1.25), 0.5 / 1.5],
    ].flat();
    m.data.forEach((x, i) => assert.ok(Math.abs(x - expected[i]) < 1e-12, `cell ${i}: ${x}`));
    assert.deepEqual(t.toJSON().impute, [3 - 1, 4]); // monetary median of (0, 1, 3, 7) = 2
  });

  it("robust: (x - median) / IQR; a zero IQR scales by 1", () => {
    const t = fitTransform(train, { features: ["monetary", "frequency"], scaler: "robust" });
    // monetary: median 2, quartiles 0.75 and 4 → IQR 3.25. frequency: median 1, IQR 0.25 (1, 1.25).
    const m = t.apply(train);
    assert.deepEqual(Array.from(m.data), [-2 / 3.25, 0, -1 / 3.25, 0, 1 / 3.25, 0, 5 / 3.25, 4]);
    const constant = fitTransform(
      { x: Float64Array.of(1, 1, 1, 1, 2) },
      { features: ["x"], scaler: "robust" },
    );
    assert.deepEqual(constant.toJSON().scale, [1]);
    assert.deepEqual(Array.from(constant.apply({ x: Float64Array.of(1, 2) }).data), [0, 1]);
  });

  it("round-trips through JSON exactly and applies unchanged to new data", () => {
    const t = fitTransform(train, {
      features: ["monetary", "score", "frequency"],
      log1p: ["monetary", "frequency"],
    });
    const restored = fittedTransformFromJSON(JSON.parse(JSON.stringify(t)));
    const later = {
      monetary: Float64Array.of(0.1, 123.456, 1e6),
      score: Float64Array.of(NaN, 2, 3),
      frequency: Float64Array.of(1, 3, 17),
    };
    assert.deepEqual(restored.apply(later).data, t.apply(later).data);
    assert.deepEqual(restored.toJSON(), t.toJSON());
    // Accepts a customer table's shape too.
    assert.deepEqual(t.apply({ numeric: later } as never).data, t.apply(later).data);
  });

  it("explains bad input", () => {
    assert.throws(() => fitTransform(train, { features: ["nope"] }), /Column "nope" is not among/);
    assert.throws(
      () => fitTransform(train, { features: ["score"], missing: "error" }),
      /"score" has 1 missing values/,
    );
    assert.throws(
      () => fitTransform(train, { features: ["score"], log1p: ["monetary"] }),
      /not among features/,
    );
    const t = fitTransform(train, { features: ["monetary"], log1p: ["monetary"] });
    assert.throws(() => t.apply({ monetary: Float64Array.of(-2) }), /log1p of -2/);
    assert.throws(
      () => fittedTransformFromJSON({ kind: "other" }),
      /Not a serialised feature transform/,
    );
  });
});

describe("fitTransformMatrix", () => {
  // Skewed columns with NaN, a constant column, negative values.
  const n = 1001;
  const columns = {
    monetary: Float64Array.from({ length: n }, (_, i) => (i % 17 === 0 ? NaN : (i * 7919) % 523)),
    frequency: Float64Array.from({ length: n }, (_, i) => 1 + (i % 97 === 0 ? 2 : 0)),
    constant: new Float64Array(n).fill(3),
    recency: Float64Array.from({ length: n }, (_, i) => (i % 13 === 0 ? NaN : 0.37 * i - 40)),
  };
  const features = ["recency", "monetary", "frequency", "constant"];
  for (const scaler of ["standard", "robust", "none"] as const) {
    it(`equals fitTransform + apply bit for bit (${scaler} scaler)`, () => {
      const options = { features, log1p: ["monetary", "frequency"], scaler };
      const reference = fitTransform(columns, options);
      const expected = reference.apply(columns);
      const { transform, matrix } = fitTransformMatrix(columns, options);
      assert.deepEqual(transform.toJSON(), reference.toJSON());
      assert.equal(matrix.rows, n);
      assert.equal(matrix.cols, 4);
      assert.deepEqual(matrix.features, features);
      assert.equal(matrix.data.length, expected.data.length);
      for (let i = 0; i < expected.data.length; i++)
        assert.ok(Object.is(matrix.data[i], expected.data[i]), `value ${i}`);
    });
  }

  it("writes into the array `allocate` gives, and checks its length", () => {
    let given: Float64Array | undefined;
    const { matrix } = fitTransformMatrix(columns, { features: ["recency"] }, (length) => {
      given = new Float64Array(new SharedArrayBuffer(length * 8));
      return given;
    });
    assert.equal(matrix.data, given);
    assert.throws(
      () => fitTransformMatrix(columns, { features: ["recency"] }, () => new Float64Array(3)),
      /allocate gave 3 values, expected 1001 × 1/,
    );
  });

  it("keeps fitTransform's errors: a missing column, mismatched lengths, log1p ≤ −1", () => {
    assert.throws(() => fitTransformMatrix(columns, { features: ["nope"] }), /"nope" is not among/);
    assert.throws(
      () =>
        fitTransformMatrix(
          { a: new Float64Array(3), b: new Float64Array(4) },
          { features: ["a", "b"] },
        ),
      /Column "b" has 4 values, "a" has 3/,
    );
    assert.throws(
      () => fitTransformMatrix(columns, { features: ["recency"], log1p: ["recency"] }),
      /log1p of -39\.63 in column "recency" is undefined/,
    );
  });
});
