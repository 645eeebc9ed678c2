import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/data/db.js";
import { customerFeatures } from "../../src/features/customers.js";
import { NUMERIC_FEATURES } from "../../src/features/definitions.js";
import type { DerivedFeature, FeatureName } from "../../src/features/derivedFeatures.js";
import {
  DERIVED_FEATURES,
  derivedColumns,
  featureNames,
  sqlColumnsFor,
} from "../../src/features/derivedFeatures.js";
import { customerTableToCsv } from "../../src/features/output.js";
import { featureSnapshot } from "../../src/maintenance/snapshot.js";
import { microDatabase, T } from "./microData.js";

/** Spend per day of tenure, floored at one day: a feature no single SQL column holds. */
const spendPerDay: DerivedFeature = {
  name: "spend_per_tenure_day",
  doc: "monetary / max(tenure_days, 1).",
  inputs: ["monetary", "tenure_days"],
  compute: (c) => c.monetary.map((m, i) => m / Math.max(c.tenure_days[i], 1)),
};

describe("the derived-features hook", () => {
  test("no derived feature is registered yet: the feature union is the SQL features", () => {
    assert.deepEqual(DERIVED_FEATURES, []);
    assert.deepEqual(featureNames(), NUMERIC_FEATURES);
    const ok: FeatureName = "recency_days";
    // @ts-expect-error a misspelt feature is not a FeatureName (fails the type check otherwise)
    const misspelt: FeatureName = "recency_dayz";
    assert.equal(ok, "recency_days");
    assert.equal(misspelt, "recency_dayz");
  });

  test("derivedColumns computes from the inputs, by hand", () => {
    const columns = {
      monetary: Float64Array.of(100, 30, 8),
      tenure_days: Float64Array.of(50, 0.5, NaN),
    };
    const out = derivedColumns(columns, T, [spendPerDay]);
    assert.deepEqual(Object.keys(out), ["spend_per_tenure_day"]);
    assert.deepEqual(Array.from(out.spend_per_tenure_day), [2, 30, NaN]);
  });

  test("sqlColumnsFor: SQL features first, then a derived feature's inputs, each once", () => {
    assert.deepEqual(sqlColumnsFor(["frequency", "monetary"], [spendPerDay]), [
      "frequency",
      "monetary",
    ]);
    assert.deepEqual(sqlColumnsFor(["spend_per_tenure_day", "monetary"], [spendPerDay]), [
      "monetary",
      "tenure_days",
    ]);
    assert.throws(
      () => sqlColumnsFor(["monetary", "spend_per_day"], [spendPerDay]),
      /Unknown numeric feature\(s\) spend_per_day; expected some of recency_days, .*, spend_per_tenure_day\./,
    );
  });

  test("a broken registry row or result is refused with a message saying what to do", () => {
    const clash = { ...spendPerDay, name: "monetary" };
    assert.throws(
      () => derivedColumns({}, T, [clash]),
      /"monetary" is declared twice \(or is a SQL feature\)/,
    );
    const badInput = { ...spendPerDay, inputs: ["monetray"] } as unknown as DerivedFeature;
    assert.throws(() => sqlColumnsFor([], [badInput]), /reads monetray, not SQL feature\(s\)/);
    const short = { ...spendPerDay, compute: () => new Float64Array(1) };
    const columns = { monetary: Float64Array.of(1, 2), tenure_days: Float64Array.of(1, 2) };
    assert.throws(() => derivedColumns(columns, T, [short]), /returned 1 values for 2 customers/);
  });
});

describe("a derived feature flows into the customer table and the maintenance snapshots alike", () => {
  let db: Database;
  before(async () => {
    db = await microDatabase();
  });
  after(() => db.close());

  test("same values in customerFeatures, its CSV's SQL columns, and featureSnapshot", async () => {
    const table = await customerFeatures(db, { asOf: T, derived: [spendPerDay] });
    const numeric = table.numeric as Record<string, Float64Array>;
    const expected = numeric.monetary.map((m, i) => m / Math.max(numeric.tenure_days[i], 1));
    assert.ok(expected.length > 0);
    assert.deepEqual(numeric.spend_per_tenure_day, expected);
    // Without the option, the registry (empty) adds nothing: the table is as before.
    const plain = await customerFeatures(db, { asOf: T });
    assert.deepEqual(Object.keys(plain.numeric), NUMERIC_FEATURES);
    assert.equal(customerTableToCsv(plain), customerTableToCsv(table));

    const snapshot = await featureSnapshot(
      db,
      T,
      ["frequency", "spend_per_tenure_day"],
      undefined,
      [spendPerDay],
    );
    assert.deepEqual(Object.keys(snapshot.numeric), ["frequency", "spend_per_tenure_day"]);
    assert.deepEqual(snapshot.numeric.spend_per_tenure_day, expected);
    assert.deepEqual(snapshot.numeric.frequency, numeric.frequency);
  });
});
