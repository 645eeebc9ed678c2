/**
 * The quirk passes: turn the tidy twin into one with the real release's quirks at their published
 * rates (`../quirkRates.ts`), each pass on its own random stream.
 */
import { createRng } from "../../util/random.js";
import type { TwinData } from "../types.js";
import { applyGeolocationQuirks } from "./geolocation.js";
import { applyOrderQuirks } from "./orders.js";
import { applyPaymentQuirks } from "./payments.js";
import { applyProductQuirks } from "./products.js";
import { applyReviewQuirks } from "./reviews.js";

/** Stream salt of the quirk passes (independent of the tidy generator's streams). */
const QUIRK_SALT = 0x9e37_79b9;

/** The quirk streams of a twin's seed, in fork order. */
function quirkStreams(seed: number) {
  const root = createRng((seed ^ QUIRK_SALT) >>> 0);
  const rOrders = root.fork();
  const rReviews = root.fork();
  const rPayments = root.fork();
  const rGeo = root.fork();
  const rProducts = root.fork();
  return { rOrders, rReviews, rPayments, rGeo, rProducts };
}

/**
 * The tidy twin with every quirk applied (the tidy twin's arrays are modified or replaced). With
 * `sharedGeography` (a shard, `../shards.ts`), the geolocation quirks use that twin's stream and size,
 * so that every shard gets the same geolocation table and town names.
 */
export function applyQuirks(
  tidy: TwinData,
  sharedGeography?: { seed: number; customers: number },
): TwinData {
  const { rOrders, rReviews, rPayments, rProducts, ...own } = quirkStreams(tidy.seed);
  const rGeo = sharedGeography === undefined ? own.rGeo : quirkStreams(sharedGeography.seed).rGeo;
  const n = tidy.customers;
  const orders = {
    ...tidy.orders,
    approved: Float64Array.from(tidy.orders.approved),
    carrier: Float64Array.from(tidy.orders.carrier),
    delivered: Float64Array.from(tidy.orders.delivered),
  };
  applyOrderQuirks(orders, n, rOrders);
  const reviews = applyReviewQuirks({ reviews: tidy.reviews, orders }, n, rReviews);
  const payments = applyPaymentQuirks(tidy.payments, orders, n, rPayments);
  const geo = applyGeolocationQuirks(tidy, sharedGeography?.customers ?? n, rGeo);
  const products = applyProductQuirks(tidy.products, n, rProducts);
  return { ...tidy, ...geo, orders, reviews, payments, products, quirks: true };
}
