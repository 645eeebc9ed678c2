import assert from "node:assert/strict";
import { test } from "node:test";
import { segmentsLine } from "../../src/pipeline/segmentsLine.js";

const metrics = {
  k: 3,
  customers: 915991,
  asOf: "2018-09-01T00:00:00.000Z",
  daviesBouldin: 0.92081,
  calinskiHarabasz: 565447.7,
};

test("the summary line says how the silhouette was measured: sampled with its interval, or exact", () => {
  assert.equal(
    segmentsLine({
      ...metrics,
      silhouetteLabel:
        "silhouette 0.360 (sampled, median of 10 samples of n = 20,000; 95 % interval 0.357–0.361)",
    }),
    "Segments: k = 3 on 915,991 customers as of 2018-09-01; silhouette 0.360 (sampled, median of 10 " +
      "samples of n = 20,000; 95 % interval 0.357–0.361), Davies-Bouldin 0.921, Calinski-Harabasz 565,448",
  );
  assert.match(
    segmentsLine({
      ...metrics,
      customers: 91610,
      silhouetteLabel: "silhouette 0.327 (exact, n = 91,610)",
    }),
    /; silhouette 0\.327 \(exact, n = 91,610\), Davies-Bouldin/,
  );
});
