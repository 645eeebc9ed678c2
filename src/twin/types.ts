/**
 * The twin's in-memory tables (column arrays) and its options; shared by the table generators,
 * the quirk passes and the CSV writer.
 */
import { KNOWN_PAYMENT_TYPES } from "../data/schema.js";

/** Options of `generateOlistTwin`. */
export interface TwinOptions {
  /** Random seed; default `DEFAULT_TWIN_SEED`. */
  seed?: number;
  /** Unique customers (people); every other table scales with it. Default 96,096 (Kaggle scale). */
  customers?: number;
  /**
   * `true`: the tidy twin (no contradictory dates, unique review ids, 50k geolocation rows, ~130
   * cities), byte-identical to the twin before the quirks. Default `false`: the real data's quirks
   * at their published rates (`quirkRates.ts`).
   */
  tidy?: boolean;
  /**
   * A shard of a sharded twin (`shards.ts`): draw the geography (zip prefixes, cities, geolocation
   * rows and their quirks) from the streams of the twin of this seed and size instead of this
   * twin's own, so that all shards share one geography. Absent: the twin's own geography.
   */
  sharedGeography?: { seed: number; customers: number };
}

/** Order statuses, in code order (`orders.status` holds indexes into this list). */
export const STATUSES = [
  "delivered",
  "shipped",
  "canceled",
  "unavailable",
  "invoiced",
  "processing",
  "created",
  "approved",
] as const;
/**
 * Payment types, in code order (`payments.type` holds indexes into this list): the schema's list,
 * whose order is the twin's code order (changing it changes the twin's bytes, which a test pins).
 */
export const PAYMENT_TYPES = KNOWN_PAYMENT_TYPES;

/** The generated tables as columns. Timestamps are seconds since 1970 UTC, `NaN` = missing. */
export interface TwinData {
  readonly seed: number;
  readonly customers: number;
  /** `true` when the quirk passes were applied (absent in the tidy twin). */
  readonly quirks?: true;
  readonly geolocation: {
    prefix: string[];
    lat: Float64Array;
    lng: Float64Array;
    city: string[];
    state: string[];
  };
  readonly sellers: { id: string[]; prefix: string[]; city: string[]; state: string[] };
  readonly products: {
    id: string[];
    category: string[];
    /** name length, description length, photos, weight, length, height, width; NaN = empty. */
    attributes: Float64Array[];
  };
  /** People (customer_unique_id) and, per order, the customer_id row. */
  readonly people: { id: string[]; prefix: string[]; city: string[]; state: string[] };
  readonly orders: {
    id: string[];
    customerId: string[];
    person: Int32Array;
    status: Uint8Array;
    purchase: Float64Array;
    approved: Float64Array;
    carrier: Float64Array;
    delivered: Float64Array;
    estimated: Float64Array;
  };
  readonly items: {
    order: Int32Array;
    itemNo: Int32Array;
    product: Int32Array;
    seller: Int32Array;
    shippingLimit: Float64Array;
    priceCents: Int32Array;
    freightCents: Int32Array;
  };
  readonly payments: {
    order: Int32Array;
    sequential: Int32Array;
    type: Uint8Array;
    installments: Int32Array;
    valueCents: Int32Array;
  };
  readonly reviews: {
    id: string[];
    order: Int32Array;
    score: Uint8Array;
    title: string[];
    message: string[];
    created: Float64Array;
    answered: Float64Array;
  };
}
