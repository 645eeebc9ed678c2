import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  featureLabel,
  formatFeatureValue,
  FEATURE_LABELS,
} from "../../src/charts/featureLabels.js";
import { segmentProfileRadar } from "../../src/charts/profileRadar.js";
import { NUMERIC_FEATURES } from "../../src/features/definitions.js";
import { segmentColor } from "../../src/charts/theme.js";
import { assertValidFigure } from "./spec.js";

const profiles = [
  {
    segment: 0,
    name: "Recent big spenders",
    mean: { recency_days: 120.4, frequency: 1.0, monetary: 412.5, late_delivery_share: 0.05 },
    z: { recency_days: -0.38, frequency: -0.16, monetary: 0.85, late_delivery_share: -0.12 },
  },
  {
    segment: 4,
    name: "Loyal repeat buyers",
    mean: { recency_days: 200, frequency: 2.1, monetary: 430, late_delivery_share: 0.08 },
    z: { recency_days: -0.2, frequency: 5.32, monetary: 0.91, late_delivery_share: 0 },
  },
];

describe("segmentProfileRadar", () => {
  const fig = segmentProfileRadar(profiles, {
    title: "Profiles",
    features: ["recency_days", "frequency", "monetary", "late_delivery_share"],
    modelFeatures: ["recency_days", "frequency", "monetary"],
  });
  const traces = assertValidFigure(fig);
  it("draws z-scores on one common radial scale, clipped at ±3, with a ring for the average", () => {
    const [ring, a, b] = traces;
    assert.equal(ring.name, "Average customer (0 sd)");
    assert.deepEqual(ring.r, [0, 0, 0, 0, 0]);
    assert.deepEqual(a.r, [-0.38, -0.16, 0.85, -0.12, -0.38]);
    assert.deepEqual(b.r, [-0.2, 3, 0.91, 0, -0.2]);
    assert.deepEqual((b.marker as { symbol: string[] }).symbol, [
      "circle",
      "circle-open",
      "circle",
      "circle",
      "circle",
    ]);
    assert.equal((b.line as { color: string }).color, segmentColor(4));
    const radial = (fig.layout.polar as { radialaxis: { range: number[] } }).radialaxis;
    assert.deepEqual(radial.range, [-3, 3]);
  });
  it("labels axes in words and marks the features the model does not use", () => {
    assert.deepEqual((traces[1].theta as string[]).slice(0, 4), [
      "Days since last order",
      "Orders",
      "Total spend",
      "Orders delivered late<br><i>(not in model)</i>",
    ]);
    const note = String(fig.layout.annotations?.[0].text);
    assert.match(note, /standard deviations from the average customer \(z-score\)/);
    assert.match(note, /not in model/);
  });
  it("gives the mean in its unit and the z-score on hover, and the clipped value's true size", () => {
    const text = traces[2].text as string[];
    assert.equal(text[0], "Loyal repeat buyers<br>Days since last order: 200 days (\u22120.20 sd)");
    assert.equal(text[1], "Loyal repeat buyers<br>Orders: 2.10 (+5.32 sd), drawn at +3.00 sd");
    assert.equal(text[2], "Loyal repeat buyers<br>Total spend: R$ 430.00 (+0.91 sd)");
    assert.equal(text[3], "Loyal repeat buyers<br>Orders delivered late: 8.0% (0.00 sd)");
  });
  it("rejects too few axes and missing values", () => {
    assert.throws(
      () => segmentProfileRadar(profiles, { title: "t", features: ["frequency", "monetary"] }),
      /at least 3 features/,
    );
    assert.throws(
      () =>
        segmentProfileRadar(profiles, {
          title: "t",
          features: ["frequency", "monetary", "tenure_days"],
        }),
      /"Recent big spenders" has no finite mean and z-score for feature "tenure_days"/,
    );
  });
});

describe("feature labels", () => {
  it("name every numeric customer feature in words, with its unit", () => {
    assert.deepEqual(Object.keys(FEATURE_LABELS).sort(), [...NUMERIC_FEATURES].sort());
    assert.equal(featureLabel("clv_12m").label, "clv 12m");
    assert.equal(formatFeatureValue("monetary", 1234.5), "R$ 1,234.50");
    assert.equal(formatFeatureValue("recency_days", 120.4), "120 days");
    assert.equal(formatFeatureValue("late_delivery_share", 0.081), "8.1%");
  });
});
