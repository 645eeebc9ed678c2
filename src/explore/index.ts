/**
 * Exploration helpers of `notebooks/1_exploration.ipynb`: DuckDB aggregations over the raw Olist
 * tables and correlation matrices of the customer features.
 *
 * @example
 * import { ordersOverTime, correlationMatrix } from "../dist/explore/index.js"; // in notebooks/
 */
export * from "./queries.js";
export * from "./correlation.js";
