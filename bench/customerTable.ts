/** The customer table a benchmark measures on: the data the loader finds, its source printed. */
import { customerFeatures } from "../src/features/index.js";
import type { CustomerTable } from "../src/features/definitions.js";
import { openOlist } from "../src/pipeline/openData.js";

/**
 * Opens the Olist data (`dataDir`, else the loader's choice), prints which data it is, and returns
 * the default customer table; the database is closed before returning.
 *
 * @example
 * const table = await benchCustomerTable(values.data);
 */
export async function benchCustomerTable(dataDir?: string): Promise<CustomerTable> {
  const { db, source } = await openOlist({ dataDir, log: () => {} });
  console.log(`data: ${source.description}`);
  try {
    return await customerFeatures(db);
  } finally {
    db.close();
  }
}
