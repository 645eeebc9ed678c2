/**
 * The maintenance study at large sizes: above {@link MAINTENANCE_MAX_CUSTOMERS} customers it runs on
 * a seeded sample of the customers, always labelled as such. The study's cost is one customer table
 * and three k-means fits per weekly date (~50 dates), so at 10× Olist it would take ten times the
 * ~20–28 s it takes at Olist's size (2 cores); what it measures — how fast a segmentation drifts away from a
 * refit (ARI) — is a property of the population that a 100,000-customer sample estimates as well as
 * it does at Olist's own size.
 *
 * The sample is a Bernoulli sample by customer: a customer is kept when a hash of
 * `customer_unique_id` and the seed falls below the rate, so the same customers are followed at
 * every date, and customers who appear later join it with the same probability. It filters the
 * counted orders of the customer-table SQL, so each date's table is computed on the sample only.
 */
import type { Database } from "../data/db.js";

/** Largest number of customers the study runs on in full: 150,000 (Olist's 96,096 stay exact). */
export const MAINTENANCE_MAX_CUSTOMERS = 150_000;

/** Resolution of the sampling rate (parts per million of the hash). */
const PARTS = 1_000_000;

/** A seeded sample of customers: who is kept, and how many of how many. */
export interface CustomerSample {
  /** Kept share of the customers, in parts per million of the hash (0 < ppm ≤ 1,000,000). */
  ppm: number;
  seed: number;
  /** Customers of the data (with any order), and the number of them the sample keeps. */
  customers: number;
  kept: number;
}

/**
 * The SQL condition on `customer_unique_id` that keeps a sample's customers (DuckDB's `hash`, a
 * fixed function of the text: the same customers for the same seed).
 *
 * @example
 * customerSampleFilter({ ppm: 100_000, seed: 0, customers: 960_960, kept: 96_180 });
 * // "hash(customer_unique_id || ':0') % 1000000 < 100000"
 */
export function customerSampleFilter(sample: Pick<CustomerSample, "ppm" | "seed">): string {
  if (!(Number.isInteger(sample.ppm) && sample.ppm > 0 && sample.ppm <= PARTS))
    throw new Error(`sample ppm must be an integer in 1..${PARTS}, got ${sample.ppm}`);
  if (!Number.isInteger(sample.seed)) throw new Error(`sample seed must be an integer`);
  return `hash(customer_unique_id || ':${sample.seed}') % ${PARTS} < ${sample.ppm}`;
}

/**
 * The sample the study runs on, or null when the data hold at most `maxCustomers` customers (then
 * it runs on all of them). The rate is maxCustomers / customers, so about maxCustomers are kept.
 *
 * @example
 * await maintenanceCustomerSample(db); // null at Olist's size; { ppm: 156_094, kept: ≈150,000, … } at 10×
 */
export async function maintenanceCustomerSample(
  db: Database,
  options: { maxCustomers?: number; seed?: number } = {},
): Promise<CustomerSample | null> {
  const { maxCustomers = MAINTENANCE_MAX_CUSTOMERS, seed = 0 } = options;
  if (!(maxCustomers >= 1)) throw new Error(`maxCustomers must be ≥ 1, got ${maxCustomers}`);
  const customers = Number(
    await db.scalar<number>(`SELECT count(DISTINCT customer_unique_id) FROM customers`),
  );
  if (customers <= maxCustomers) return null;
  const ppm = Math.max(1, Math.floor((maxCustomers / customers) * PARTS));
  const kept = Number(
    await db.scalar<number>(
      `SELECT count(*) FROM (SELECT DISTINCT customer_unique_id FROM customers) ` +
        `WHERE ${customerSampleFilter({ ppm, seed })}`,
    ),
  );
  return { ppm, seed, customers, kept };
}

/**
 * The words that label a sampled study (appended to its design reason and basis).
 *
 * @example
 * customerSampleWords({ ppm: 156_094, seed: 0, customers: 960_960, kept: 150_012 });
 * // "on a seeded sample of 150,012 of 960,960 customers (15.6 %, by a hash of customer_unique_id; the study runs in full up to 150,000)"
 */
export function customerSampleWords(
  sample: CustomerSample,
  maxCustomers = MAINTENANCE_MAX_CUSTOMERS,
): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    `on a seeded sample of ${n(sample.kept)} of ${n(sample.customers)} customers ` +
    `(${((sample.ppm / PARTS) * 100).toFixed(1)} %, by a hash of customer_unique_id; ` +
    `the study runs in full up to ${n(maxCustomers)})`
  );
}
