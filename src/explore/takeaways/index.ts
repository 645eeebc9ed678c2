/**
 * The takeaway sentences of notebooks 0 and 1, one function per sentence, each rendered from the
 * values its chart or table shows (tested on hand-built data where the answer is known).
 */
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
export * from "./features.js";
