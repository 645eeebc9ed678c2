/**
 * Exploration toolbox of notebooks 0 and 1, by topic: DuckDB aggregations over the raw Olist tables
 * (shared SQL fragments in `sql.ts`), correlation matrices of the customer features, and the
 * takeaway sentences rendered from what the queries return.
 *
 * @example
 * import { ordersOverTime, monthlyFacts, monthlyTakeaway } from "../dist/index.js"; // in notebooks/
 */
export * from "./sql.js";
export * from "./overview.js";
export * from "./time.js";
export * from "./statuses.js";
export * from "./geography.js";
export * from "./categories.js";
export * from "./prices.js";
export * from "./payments.js";
export * from "./reviews.js";
export * from "./delivery.js";
export * from "./customers.js";
export * from "./correlation.js";
export * from "./takeaways/index.js";
