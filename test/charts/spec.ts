/**
 * Shared checks that a figure is a valid Plotly spec: known trace types, consistent array lengths,
 * no NaN/Infinity anywhere, a title.
 */
import assert from "node:assert/strict";
import type { Figure } from "../../src/charts/figure.js";
import { figureTitle } from "../../src/charts/figure.js";

/** Trace types of the plotly.js-dist-min bundle that the builders may use. */
export const KNOWN_TRACE_TYPES = new Set([
  "bar",
  "scatter",
  "scatter3d",
  "box",
  "heatmap",
  "pie",
  "scatterpolar",
  "sankey",
]);

function assertFiniteDeep(value: unknown, path: string): void {
  if (typeof value === "number") {
    assert.ok(Number.isFinite(value), `${path} is ${value}`);
  } else if (Array.isArray(value)) {
    // eslint-disable-next-line local/no-recursion -- depth = nesting of a figure's JSON, a few levels
    value.forEach((v, i) => assertFiniteDeep(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    // eslint-disable-next-line local/no-recursion -- depth = nesting of a figure's JSON, a few levels
    for (const [k, v] of Object.entries(value)) assertFiniteDeep(v, `${path}.${k}`);
  }
}

/** Asserts the figure is a plausible Plotly spec and returns its traces as plain records. */
export function assertValidFigure(fig: Figure): Record<string, unknown>[] {
  assert.ok(fig.data.length > 0, "figure has no trace");
  const title = figureTitle(fig);
  assert.ok(title && title.length > 0, "figure has no title");
  assertFiniteDeep(fig, "figure");
  // JSON round trip: what the notebook and the renderer receive.
  assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig);
  const traces = fig.data as unknown as Record<string, unknown>[];
  for (const [i, t] of traces.entries()) {
    assert.ok(
      KNOWN_TRACE_TYPES.has(String(t.type)),
      `trace ${i} has unknown type ${String(t.type)}`,
    );
    const lengths = ["x", "y", "z", "r", "theta", "text", "customdata"]
      .filter((k) => Array.isArray(t[k]) && t.type !== "heatmap")
      .map((k) => [k, (t[k] as unknown[]).length] as const);
    for (const [k, len] of lengths) {
      assert.equal(
        len,
        lengths[0][1],
        `trace ${i}: ${k} has ${len} items, ${lengths[0][0]} has ${lengths[0][1]}`,
      );
    }
  }
  return traces;
}
