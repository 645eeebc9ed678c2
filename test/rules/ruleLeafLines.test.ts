import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { conditionWords } from "../../src/rules/featureUnits.js";
import { ruleLeafLines } from "../../src/rules/ruleLeafLines.js";

describe("rule card lines", () => {
  it("writes one leaf as its conjunction, several as either … / or …", () => {
    assert.deepEqual(ruleLeafLines([]), []);
    assert.deepEqual(ruleLeafLines(["2 or more orders"]), ["2 or more orders"]);
    const leaves = [
      [
        { feature: "recency_days", op: ">=" as const, value: 310.25 },
        { feature: "monetary", op: "<" as const, value: 300 },
      ],
      [
        { feature: "recency_days", op: ">=" as const, value: 500 },
        { feature: "monetary", op: ">=" as const, value: 300 },
      ],
    ].map((l) => conditionWords(l));
    const lines = ruleLeafLines(leaves);
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^either .* and .*R\$ 300$/);
    assert.match(lines[1], /^or .* and spend ≥ R\$ 300$/);
    // Each line is one leaf: no "or" inside the either-line.
    assert.ok(!/\bor\b/.test(lines[0].replace(/^either /, "").replace(/days ago or more/g, "")));
  });
});
