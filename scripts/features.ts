/**
 * Writes the customer table as CSV: one row per customer_unique_id, every feature named as in
 * src/features/definitions.ts.
 *
 *   npm run features -- [--data DIR] [--as-of YYYY-MM-DD] [--out FILE.csv] [--statuses a,b]
 *
 * --data: folder of the nine Olist files (default: the loader's choice, see src/data/locate.ts);
 * --as-of: the as-of date, UTC, inside the data (default: midnight after the latest purchase);
 * --out: CSV file (default data/customer_features.csv), written atomically;
 * --statuses: counted order statuses (default delivered).
 * Bad input exits with code 2 and one line; the output path is checked before any work.
 */
import { openOlist } from "../src/pipeline/openData.js";
import { ORDER_STATUSES } from "../src/data/schema.js";
import type { OrderStatus } from "../src/features/index.js";
import {
  assertCustomerTable,
  customerFeatures,
  customerTableToCsv,
  parseAsOf,
} from "../src/features/index.js";
import { checkAsOfInData } from "../src/pipeline/segmentRun.js";
import { writeFileAtomic } from "../src/util/atomicWrite.js";
import { cliFail, parseFlags, runCommand } from "../src/util/cli.js";
import { checkOutputFile } from "../src/util/outputPath.js";

const USAGE =
  "Usage: npm run features -- [--data DIR] [--as-of YYYY-MM-DD] [--out FILE.csv] [--statuses delivered,shipped]";

/**
 * `npm run features` with its arguments; throws on bad input (see `runCommand`).
 *
 * @example
 * await featuresCommand(["--data", "data/twin", "--out", "/tmp/customers.csv"]);
 */
export async function featuresCommand(
  argv: string[],
  log: (line: string) => void = (line) => console.log(line),
): Promise<void> {
  const args = parseFlags(
    "features",
    USAGE,
    {
      data: { type: "string" },
      "as-of": { type: "string" },
      out: { type: "string", default: "data/customer_features.csv" },
      statuses: { type: "string" },
    },
    argv,
  );
  const fail = (message: string): never => cliFail("features", USAGE, message);
  let asOf: Date | undefined;
  if (args["as-of"] !== undefined) {
    try {
      asOf = parseAsOf(args["as-of"]);
    } catch (e) {
      fail((e as Error).message.replace(/^asOf/, "--as-of"));
    }
  }
  const countedStatuses = args.statuses
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "") as OrderStatus[] | undefined;
  if (countedStatuses !== undefined) {
    const unknown = countedStatuses.filter(
      (s) => !(ORDER_STATUSES as readonly string[]).includes(s),
    );
    if (countedStatuses.length === 0 || unknown.length > 0) {
      fail(
        `--statuses "${args.statuses}": give known order statuses (${ORDER_STATUSES.join(", ")}), comma-separated.`,
      );
    }
  }
  const out = checkOutputFile("--out", args.out, ".csv");

  const { db } = await openOlist({ dataDir: args.data, log });
  try {
    const start = performance.now();
    if (asOf) await checkAsOfInData(db, asOf);
    const table = await customerFeatures(db, { asOf, countedStatuses });
    await assertCustomerTable(db, table);
    writeFileAtomic(out, customerTableToCsv(table));
    const { purchased, counted, excluded } = table.orders;
    const left = Object.entries(excluded)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(", ");
    log(
      `Wrote ${table.ids.length} customers as of ${table.asOf.toISOString()} to ${args.out} ` +
        `(${((performance.now() - start) / 1000).toFixed(2)} s). Orders purchased before: ${purchased}, ` +
        `counted: ${counted}; not counted: ${left || "none"}.`,
    );
  } finally {
    db.close();
  }
}

runCommand("features", () => featuresCommand(process.argv.slice(2)), import.meta.url);
