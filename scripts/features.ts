/**
 * Writes the customer table as CSV: one row per customer_unique_id, every feature named as in
 * src/features/definitions.ts.
 *
 *   npm run features -- [--data DIR] [--as-of YYYY-MM-DD] [--out FILE.csv] [--statuses a,b]
 *
 * --data: folder of the nine Olist files (default: the loader's choice, see src/data/locate.ts);
 * --as-of: the as-of date, UTC (default: midnight after the latest purchase);
 * --out: CSV file (default data/customer_features.csv);
 * --statuses: counted order statuses (default delivered).
 */
import { openOlist } from "../src/data/load.js";
import type { OrderStatus } from "../src/features/index.js";
import { cliFail, parseFlags, runCommand } from "../src/util/cli.js";
import {
  assertCustomerTable,
  customerFeatures,
  parseAsOf,
  writeCustomerCsv,
} from "../src/features/index.js";

const USAGE =
  "Usage: npm run features -- [--data DIR] [--as-of YYYY-MM-DD] [--out FILE.csv] [--statuses delivered,shipped]";

async function main(): Promise<void> {
  const args = parseFlags("features", USAGE, {
    data: { type: "string" },
    "as-of": { type: "string" },
    out: { type: "string", default: "data/customer_features.csv" },
    statuses: { type: "string" },
  });
  const fail = (message: string): never => cliFail("features", USAGE, message);
  if (!args.out || !args.out.endsWith(".csv")) fail(`--out "${args.out}" must name a .csv file.`);
  let asOf: Date | undefined;
  if (args["as-of"] !== undefined) {
    try {
      asOf = parseAsOf(args["as-of"]);
    } catch (e) {
      fail((e as Error).message);
    }
  }
  const countedStatuses = args.statuses
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "") as OrderStatus[] | undefined;

  const { db } = await openOlist({ dataDir: args.data });
  try {
    const start = performance.now();
    const table = await customerFeatures(db, { asOf, countedStatuses });
    await assertCustomerTable(db, table);
    await writeCustomerCsv(table, args.out);
    const { purchased, counted, excluded } = table.orders;
    const left = Object.entries(excluded)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(", ");
    console.log(
      `Wrote ${table.ids.length} customers as of ${table.asOf.toISOString()} to ${args.out} ` +
        `(${((performance.now() - start) / 1000).toFixed(2)} s). Orders purchased before: ${purchased}, ` +
        `counted: ${counted}; not counted: ${left || "none"}.`,
    );
  } finally {
    db.close();
  }
}

runCommand("features", main);
