/**
 * The Olist twin generator: all nine tables of the Kaggle release, drawn from the calibration in
 * `calibration.ts`, in memory as column arrays (typed arrays for numbers, string arrays for ids).
 * `write.ts` turns them into the CSV files. Same seed and size, same tables. Each table's model
 * lives in `tables/`; the quirk passes of the default twin in `quirks/`.
 *
 * Model, in generation order: geography (zip prefixes per state, sliced among real cities) →
 * sellers → products (category, attributes, price, owning seller) → people (state, zip) and their
 * orders (month/day/hour profile, repeat buyers months apart) → status, payment scheme, items
 * (price, distance-based freight) → timestamps (estimate grows with distance, late share by state and
 * month) → payments (sum of items, vouchers, instalments by value) → reviews (score by lateness).
 */
import { createRng } from "../util/random.js";
import { KAGGLE_SIZES } from "./calibration.js";
import { applyQuirks } from "./quirks/index.js";
import { uniqueHexIds } from "./sample.js";
import { buildGeography, buildGeolocationRows } from "./tables/geography.js";
import { drawItemRows, priceItems } from "./tables/items.js";
import { drawPaymentSchemes, generatePayments } from "./tables/payments.js";
import { generatePeople } from "./tables/people.js";
import { generateProducts } from "./tables/products.js";
import { generateReviews } from "./tables/reviews.js";
import { generateSellers } from "./tables/sellers.js";
import { drawStatuses } from "./tables/statuses.js";
import { drawTimestamps } from "./tables/timestamps.js";
import type { TwinData, TwinOptions } from "./types.js";

export { PAYMENT_TYPES, STATUSES } from "./types.js";
export type { TwinData, TwinOptions } from "./types.js";

/** Seed used when none is given (the first day of Olist's busiest season, 2018-09-01). */
export const DEFAULT_TWIN_SEED = 20_180_901;
/** Unique customers of the Kaggle release: the default twin size. */
export const DEFAULT_TWIN_CUSTOMERS: number = KAGGLE_SIZES.uniqueCustomers;

/** Largest twin (about 200× the Kaggle release; above one shard it is generated shard by shard). */
export const MAX_TWIN_CUSTOMERS = 20_000_000;

/** Validates and resolves the options (clear errors for bad sizes or seeds). */
export function resolveTwinOptions(options: TwinOptions = {}): { seed: number; customers: number } {
  const seed = options.seed ?? DEFAULT_TWIN_SEED;
  const customers = options.customers ?? DEFAULT_TWIN_CUSTOMERS;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`Twin seed must be an integer, got ${seed}`);
  }
  if (!Number.isSafeInteger(customers) || customers < 100 || customers > MAX_TWIN_CUSTOMERS) {
    throw new Error(
      `Twin size --customers must be an integer between 100 and 20,000,000, got ${customers}`,
    );
  }
  return { seed, customers };
}

/**
 * Generates the nine Olist tables in memory.
 *
 * @example
 * const twin = generateOlistTwin({ seed: 1, customers: 2000 });
 * twin.orders.id.length; // ≈ 2,070
 */
export function generateOlistTwin(options: TwinOptions = {}): TwinData {
  const tidy = generateTidyTwin(options);
  return options.tidy === true ? tidy : applyQuirks(tidy, options.sharedGeography);
}

/** The tidy twin (no quirks beyond those the calibration tables draw). */
function generateTidyTwin(options: TwinOptions): TwinData {
  const { seed, customers: nPeople } = resolveTwinOptions(options);
  const root = createRng(seed);
  // One independent stream per part, so that tuning one part does not reshuffle the others.
  const rGeo = root.fork();
  const rSel = root.fork();
  const rProd = root.fork();
  const rPeople = root.fork();
  const rOrd = root.fork();
  const rItem = root.fork();
  const rTime = root.fork();
  const rPay = root.fork();
  const rRev = root.fork();
  const rIds = root.fork();
  const scale = nPeople / KAGGLE_SIZES.uniqueCustomers;
  const taken = new Set<string>();

  // A shard draws the shared geography from the first stream of that twin's root (its rGeo).
  const shared = options.sharedGeography;
  const rGeoUsed = shared === undefined ? rGeo : createRng(shared.seed).fork();
  const geoScale = shared === undefined ? scale : shared.customers / KAGGLE_SIZES.uniqueCustomers;
  const geo = buildGeography(geoScale, rGeoUsed);
  const geolocation = buildGeolocationRows(geo, rGeoUsed);
  const sel = generateSellers(geo, scale, rSel, rIds, taken);
  const prod = generateProducts(sel.nSellers, sel.sellerCum, scale, rProd, rIds, taken);
  const ppl = generatePeople(geo, nPeople, rPeople, rIds, taken);
  const { status, orderMonth } = drawStatuses(ppl.purchase, rOrd);
  const { payRows, payScheme } = drawPaymentSchemes(ppl.nOrders, rPay);
  const rows = drawItemRows(status, prod, rItem);
  const times = drawTimestamps(
    status,
    orderMonth,
    payScheme,
    ppl,
    geo,
    rows,
    prod.productSeller,
    sel.sellerPrefix,
    rTime,
  );
  const { item, orderItemCents } = priceItems(
    rows,
    prod,
    sel.sellerPrefix,
    geo,
    ppl,
    times.approved,
    rItem,
  );
  const payments = generatePayments(orderItemCents, payRows, payScheme, rPay);
  const reviewRows = generateReviews(ppl.purchase, times, rRev);
  const reviews: TwinData["reviews"] = {
    id: uniqueHexIds(reviewRows.order.length, rIds, taken),
    ...reviewRows,
  };
  const orders: TwinData["orders"] = {
    id: uniqueHexIds(ppl.nOrders, rIds, taken),
    customerId: uniqueHexIds(ppl.nOrders, rIds, taken),
    person: ppl.person,
    status,
    purchase: ppl.purchase,
    approved: times.approved,
    carrier: times.carrier,
    delivered: times.delivered,
    estimated: times.estimated,
  };
  return {
    seed,
    customers: nPeople,
    geolocation,
    sellers: sel.sellers,
    products: prod.products,
    people: ppl.people,
    orders,
    items: item,
    payments,
    reviews,
  };
}
