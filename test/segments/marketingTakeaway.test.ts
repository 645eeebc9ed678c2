import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { marketingTakeaway } from "../../src/segments/marketingTakeaway.js";

const p = (segment: number, size: number, monetary: number) =>
  ({ segment, name: `S${segment}`, size, share: size / 100, mean: { monetary } }) as never;
const row = (segment: number, name: string, kind: string, definition = "") =>
  ({ segment, name, kind, definition }) as never;

describe("marketingTakeaway", () => {
  it("names the top-revenue segment and the disappointed one only when there is one", () => {
    const profiles = [p(0, 50, 100), p(1, 30, 300), p(2, 20, 50)]; // revenue 5000, 9000, 1000
    assert.equal(
      marketingTakeaway(profiles, [
        row(0, "A", "halfYear"),
        row(1, "B", "bigSpend"),
        row(2, "C", "dormant"),
      ]),
      '"B" brings 60.0 % of revenue with 30.0 % of customers.',
    );
    assert.equal(
      marketingTakeaway(profiles, [
        row(0, "A", "halfYear"),
        row(1, "B", "bigSpend"),
        row(2, "Sad", "disappointed", "mean review ≤ 2: true of 85 % of members"),
      ]),
      '"B" brings 60.0 % of revenue with 30.0 % of customers; "Sad" (mean review ≤ 2: true of 85 % ' +
        "of members) needs service recovery before any promotion.",
    );
  });
});
