/**
 * Benchmark of the model selection (`computeSelection`, the step `npm start` and `npm run segment`
 * run when no --k or --model is given) on the data the loader finds (real Olist or the full-scale
 * twin). Target: ≤ 15 s at 1× on the twin (93k customers, 4 feature sets × 6 k). Prints the time,
 * the pick, the reason and every candidate's scores.
 *
 *   node --import tsx bench/selection.ts [--data DIR]
 */
import { parseArgs } from "node:util";
import { benchCustomerTable } from "./customerTable.js";
import { computeSelection } from "../src/segments/selection.js";

const { values } = parseArgs({ options: { data: { type: "string" } } });
const table = await benchCustomerTable(values.data);
const cpu = process.cpuUsage();
const report = await computeSelection(table);
const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
console.log(
  `selection: ${report.candidates.length} candidates on ${table.ids.length.toLocaleString("en-US")} customers in ${report.seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (target ≤ 15 s at 1×)`,
);
console.log(`pick: ${report.pick}`);
console.log(`reason: ${report.reason}`);
for (const c of report.candidates) {
  const cells = Object.entries(c)
    .filter(([, v]) => typeof v === "number")
    .map(([key, v]) => `${key} ${(v as number).toFixed(3)}`);
  console.log(`  ${c.eligible ? " " : "x"} ${c.id.padEnd(48)} ${cells.join("  ")}`);
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
