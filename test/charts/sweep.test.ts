import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { kDistanceChart } from "../../src/charts/kDistance.js";
import { sweepCharts } from "../../src/charts/sweep.js";
import type { ComparisonRow } from "../../src/segments/compare.js";
import { assertValidFigure } from "./spec.js";

const row = (
  featureSet: string,
  k: number,
  silhouette: number,
  sampled: boolean,
): ComparisonRow => ({
  featureSet,
  algorithm: "k-means",
  k,
  silhouette,
  silhouetteOf: sampled
    ? { method: "sampled", rows: 10_000, interval: [silhouette - 0.01, silhouette + 0.01] }
    : { method: "exact", rows: 500, interval: null },
  daviesBouldin: 1 / k,
  calinskiHarabasz: 100 * k,
  balance: 0.9,
  smallestShare: 0.1,
  seedStability: 1 - 0.01 * k,
  bootstrapStability: 0.9,
  seconds: 1,
});

describe("sweepCharts", () => {
  it("one chart per metric, a line per feature set over sorted k, the silhouette's sample in the title", () => {
    const sweep = [
      row("A", 3, 0.3, true),
      row("A", 2, 0.2, true),
      row("B", 2, 0.25, true),
      row("B", 3, 0.35, true),
    ];
    const charts = sweepCharts(sweep);
    assert.deepEqual(
      charts.map((c) => c.name),
      [
        "kmeans-silhouette-by-k",
        "kmeans-davies-bouldin-by-k",
        "kmeans-calinski-harabasz-by-k",
        "kmeans-stability-by-k",
      ],
    );
    const traces = assertValidFigure(charts[0].figure);
    assert.deepEqual(traces[0].x, [2, 3]);
    assert.deepEqual(traces[0].y, [0.2, 0.3]);
    assert.equal(traces[1].name, "B");
    assert.match(JSON.stringify(charts[0].figure.layout.title), /sampled, n = 10,000/);
    assert.deepEqual(assertValidFigure(charts[3].figure)[1].y, [0.98, 0.97]);
    const exact = sweepCharts([row("A", 2, 0.2, false), row("A", 3, 0.3, false)]);
    assert.match(JSON.stringify(exact[0].figure.layout.title), /exact/);
  });
});

describe("kDistanceChart", () => {
  it("draws the sorted distances and names k, the sample and eps in the title", () => {
    const fig = kDistanceChart(Float64Array.of(0.1, 0.2, 0.5), {
      k: 10,
      eps: 0.4567,
      quantile: 0.95,
    });
    const [trace] = assertValidFigure(fig);
    assert.deepEqual(trace.y, [0.1, 0.2, 0.5]);
    assert.match(
      JSON.stringify(fig.layout.title),
      /10th neighbour, 3 customers\): eps = 0\.457 at the 95th percentile/,
    );
  });
});
