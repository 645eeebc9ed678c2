/**
 * Benchmark of the customer-value study on the data the loader finds (real Olist or the full-scale
 * twin): the SQL inputs, the two model fits (as-of date and calibration cut), the holdout and the
 * per-customer predictions, separately, then the whole study (segments: frequency ≥ 2 vs the rest,
 * so that the figures do not include a k-means fit). Target: fit + predict + holdout (everything but
 * the SQL) in a few seconds at 93k customers. Prints times, the optimiser's evaluations and peak RSS.
 *
 *   node --import tsx bench/value.ts [--data DIR]
 */
import { parseArgs } from "node:util";
import { openOlist } from "../src/pipeline/openData.js";
import { customerFeatures, prepareFeatureFacts } from "../src/features/index.js";
import { fitCustomerValueModel, predictCustomerValue } from "../src/value/customerValue.js";
import { purchasePatterns } from "../src/value/purchasePatterns.js";
import { holdoutOutcome, valueInputs } from "../src/value/valueInputs.js";
import { valueStudy } from "../src/value/valueStudy.js";

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(3);
const { values } = parseArgs({ options: { data: { type: "string" } } });
const { db, source } = await openOlist({ dataDir: values.data, log: () => {} });
console.log(`data: ${source.description}`);
await prepareFeatureFacts(db);

let start = performance.now();
const inputs = await valueInputs(db);
const cut = new Date(inputs.asOf.getTime() - 365 * 86_400_000);
const calibration = await valueInputs(db, { asOf: cut });
const outcome = await holdoutOutcome(db, calibration.ids, { cut, end: inputs.asOf });
console.log(`SQL inputs (as-of date, cut) and holdout outcome: ${seconds(start)} s`);

start = performance.now();
const patterns = purchasePatterns(inputs);
console.log(
  `patterns: ${inputs.ids.length} customers → ${patterns.x.length} patterns, ${seconds(start)} s`,
);

let compute = performance.now();
start = performance.now();
const model = fitCustomerValueModel(inputs);
console.log(
  `fit at the as-of date: ${seconds(start)} s (purchase ${model.purchase.convergence.evaluations} evaluations, ` +
    `spend ${model.spend.convergence.evaluations})`,
);
start = performance.now();
predictCustomerValue(model, inputs);
console.log(`predict ${inputs.ids.length} customers: ${seconds(start)} s`);
start = performance.now();
const calibrated = fitCustomerValueModel(calibration);
predictCustomerValue(calibrated, calibration);
console.log(`fit + predict at the cut (${calibration.ids.length} customers): ${seconds(start)} s`);
console.log(
  `compute total (fits, predictions; holdout outcome ${outcome.purchases.length} rows read above): ${seconds(compute)} s`,
);

start = performance.now();
const table = await customerFeatures(db, { asOf: inputs.asOf });
console.log(`customer table (for the segment labels): ${seconds(start)} s`);
compute = performance.now();
const study = await valueStudy(db, {
  table,
  segmentLabels: (t) => Int32Array.from(t.numeric.frequency, (f) => (f > 1 ? 1 : 0)),
});
const s = study.seconds;
console.log(
  `valueStudy: ${seconds(compute)} s (fit ${s.fit.toFixed(2)}, calibration ${s.calibration.toFixed(2)}, ` +
    `holdout ${s.holdout.toFixed(2)}, predict ${s.predict.toFixed(2)}); verdict ${study.verdict.shown}; peak RSS ${peakMb()} MB`,
);
db.close();
