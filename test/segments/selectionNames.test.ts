import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { namedSegmentCount } from "../../src/segments/selectionNames.js";
import { marketingTable, neutralName } from "../../src/segments/naming.js";
import { segmentProfiles } from "../../src/segments/profiles.js";
import type { CustomerTable } from "../../src/features/definitions.js";

/** 30 customers in three groups of 10: repeat buyers, R$ 600 spenders, bought within 30 days. */
function table() {
  const n = 30;
  const numeric = {
    recency_days: Float64Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 30 : 300)),
    frequency: Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 2 : 1)),
    monetary: Float64Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 600 : 50)),
    mean_review_score: new Float64Array(n).fill(4.5),
  };
  const text = {
    favourite_category: Array.from({ length: n }, () => "x"),
    customer_state: Array.from({ length: n }, () => "SP"),
  };
  return { numeric, text };
}

/** The same table typed as a customer table (the profiles read only these columns). */
const asCustomers = (t: ReturnType<typeof table>) =>
  t as unknown as Pick<CustomerTable, "numeric" | "text">;

describe("naming filter of the selection", () => {
  test("segments that follow the groups are all named; a split of one group leaves two unnamed", () => {
    const t = table();
    const rows = Int32Array.from({ length: 30 }, (_, i) => i);
    const byGroup = Int32Array.from(rows, (i) => i % 3);
    assert.equal(namedSegmentCount(t.numeric, rows, byGroup, 3), 3);
    // Group 0 split into two segments (0 and 3): both are 100 % repeat buyers, neither leads the other.
    const split = Int32Array.from(rows, (i) => (i % 3 === 0 && i % 2 === 0 ? 3 : i % 3));
    assert.equal(namedSegmentCount(t.numeric, rows, split, 4), 2);
    // The same verdict as the naming of the segments themselves (marketingTable).
    const names = marketingTable(segmentProfiles(asCustomers(t), split), {}).map((r) => r.name);
    assert.deepEqual(
      names.map((x, s) => x === neutralName(s)),
      [true, false, false, true],
    );
    // Mixed segments: every segment holds the three groups alike → none is named.
    const mixed = Int32Array.from(rows, (i) => Math.floor(i / 15));
    assert.equal(namedSegmentCount(t.numeric, rows, mixed, 2), 0);
  });

  test("sample rows map to table rows; an empty segment counts as unnamed", () => {
    const t = table();
    // A sample of the table's rows 0, 1, 2, 3, 4, 5 (two of each group), in a shuffled order.
    const rows = [4, 0, 5, 1, 3, 2];
    const labels = Int32Array.from(rows, (r) => r % 3);
    assert.equal(namedSegmentCount(t.numeric, rows, labels, 3), 3);
    assert.equal(namedSegmentCount(t.numeric, rows, labels, 4), 3);
  });
});
