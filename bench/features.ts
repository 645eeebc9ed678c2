/**
 * Benchmark of the customer table on the data the loader finds (real Olist or the full-scale
 * twin): fact preparation, one full table, and 50 successive as-of dates (weekly, as the
 * maintenance simulation does). Prints times and peak memory; targets: one table < 2 s, 50 dates
 * < 30 s.
 *
 *   node --import tsx bench/features.ts [--data DIR]
 */
import { parseArgs } from "node:util";
import type { Database } from "../src/data/db.js";
import { openOlist } from "../src/pipeline/openData.js";
import {
  checkCustomerTable,
  customerFeatures,
  defaultAsOf,
  prepareFeatureFacts,
} from "../src/features/index.js";

/** Opens the data for the benchmark through the project loader. */
async function loadForBench(dataDir?: string): Promise<{ db: Database; description: string }> {
  const { db, source } = await openOlist({ dataDir, log: () => {} });
  return { db, description: source.description };
}

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(3);

const { values } = parseArgs({ options: { data: { type: "string" } } });
let start = performance.now();
const { db, description } = await loadForBench(values.data);
console.log(`data: ${description}`);
console.log(`load: ${seconds(start)} s, peak RSS ${peakMb()} MB`);

start = performance.now();
await prepareFeatureFacts(db);
console.log(`prepareFeatureFacts: ${seconds(start)} s`);

const asOf = await defaultAsOf(db);
start = performance.now();
const full = await customerFeatures(db, { asOf });
console.log(
  `customerFeatures (facts cached, default asOf ${asOf.toISOString().slice(0, 10)}): ` +
    `${seconds(start)} s, ${full.ids.length} customers, ${full.orders.counted} counted orders, ` +
    `peak RSS ${peakMb()} MB (target < 2 s)`,
);
const failed = (await checkCustomerTable(db, full)).filter((c) => !c.ok);
console.log(`invariants: ${failed.length === 0 ? "all pass" : JSON.stringify(failed)}`);

// 50 weekly dates ending at the default as-of date, oldest first, with change detection on.
const WEEK = 7 * 86_400_000;
start = performance.now();
let customers = 0;
for (let k = 49; k >= 0; k--) {
  const table = await customerFeatures(db, { asOf: new Date(asOf.getTime() - k * WEEK) });
  customers += table.ids.length;
}
console.log(
  `50 weekly asOf dates (change detection on): ${seconds(start)} s, ` +
    `${customers} customer rows in total, peak RSS ${peakMb()} MB (target < 30 s)`,
);
start = performance.now();
for (let k = 49; k >= 0; k--) {
  await customerFeatures(db, { asOf: new Date(asOf.getTime() - k * WEEK), detectChanges: false });
}
console.log(
  `50 weekly asOf dates (detectChanges: false): ${seconds(start)} s, peak RSS ${peakMb()} MB`,
);
db.close();
