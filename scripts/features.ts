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
import { parseArgs } from "node:util";
import { openOlist } from "../src/data/load.js";
import type { OrderStatus } from "../src/features/index.js";
import {
  assertCustomerTable,
  customerFeatures,
  parseAsOf,
  writeCustomerCsv,
} from "../src/features/index.js";

const USAGE =
  "Usage: npm run features -- [--data DIR] [--as-of YYYY-MM-DD] [--out FILE.csv] [--statuses delivered,shipped]";

function fail(message: string): never {
  console.error(`features: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseCli(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string" },
        "as-of": { type: "string" },
        out: { type: "string", default: "data/customer_features.csv" },
        statuses: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (e) {
    fail((e as Error).message);
  }
}

async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
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

main().catch((e: unknown) => {
  console.error(`features: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
