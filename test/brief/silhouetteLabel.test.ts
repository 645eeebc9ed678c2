import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { briefHtml } from "../../src/brief/html.js";
import { closeRenderer } from "../../src/charts/render.js";
import { fixtureInput } from "./fixture.js";

describe("the brief labels its silhouette", () => {
  it("exact: over every customer, with their count; sampled: as metrics.json says", async () => {
    try {
      const base = fixtureInput();
      const exact = await briefHtml(
        fixtureInput({ scores: { ...base.scores, silhouetteMethod: "exact" } }),
      );
      const n = base.customers.toLocaleString("en-US");
      assert.ok(
        exact.includes(`silhouette 0.326 (exact, every one of the ${n} customers; −1 to 1`),
        exact.slice(exact.indexOf("silhouette 0.326"), exact.indexOf("silhouette 0.326") + 120),
      );
      const sampled = await briefHtml(
        fixtureInput({
          scores: {
            ...base.scores,
            silhouetteMethod: "sampled, median of 10 samples of n = 20,000",
          },
        }),
      );
      assert.ok(sampled.includes("(sampled, median of 10 samples of n = 20,000; −1 to 1"));
    } finally {
      await closeRenderer();
    }
  });
});
