/**
 * The Olist twin: a seeded synthetic copy of the nine Kaggle files, calibrated to published
 * statistics, so the project runs end to end without a Kaggle account.
 */
export {
  DEFAULT_TWIN_CUSTOMERS,
  DEFAULT_TWIN_SEED,
  PAYMENT_TYPES,
  STATUSES,
  generateOlistTwin,
  resolveTwinOptions,
} from "./generate.js";
export type { TwinData, TwinOptions } from "./generate.js";
export { TWIN_FILES, writeOlistTwin, writeTwinFiles } from "./write.js";
export type { TwinSummary, WriteTwinOptions } from "./write.js";
export { formatCents, formatTimestamp, parseTimestamp, quoteText } from "./csv.js";
